// REQUIRES: restinio
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// An invoice service on RESTinio, compiled against the real
// <restinio/*.hpp>. Leaks: invoices cached by the requested month while the
// caller's basic credentials are at hand, the caller's name kept in a
// global, and a public response made of the caller's invoice. Silent: the
// cache keyed by the caller, a private response, and the public tax table
// cached under its year. (A response built in one chained expression,
// `create_response().append_header(...).set_body(...)`, is
// restinio-builder-chain.cpp.)
#include <restinio/all.hpp>
#include <restinio/helpers/http_field_parsers/basic_auth.hpp>

#include <map>
#include <mutex>
#include <string>

namespace billing {

std::string RenderInvoice(const std::string &user, const std::string &month);
std::string RenderTaxTable(const std::string &year);

std::mutex g_mu;
std::map<std::string, std::string> g_invoices;
std::map<std::string, std::string> g_invoices_by_user;
std::map<std::string, std::string> g_tax_tables;
std::string g_last_payer;

restinio::request_handling_status_t Handle(const restinio::request_handle_t &req) {
  using namespace restinio::http_field_parsers;
  const auto parsed = basic_auth::try_extract_params(*req, restinio::http_field::authorization);
  if (!parsed)
    return req->create_response(restinio::status_unauthorized()).done();
  const std::string payer = parsed->username;
  const auto query = restinio::parse_query(req->header().query());
  const std::string month = restinio::cast_to<std::string>(query["month"]);
  std::lock_guard<std::mutex> lock(g_mu);

  if (req->header().path() == "/invoice") {
    auto hit = g_invoices.find(month);
    // CHECK: restinio.cpp:[[@LINE-1]]:16: warning: cache 'g_invoices' is keyed by 'month', which does not identify the user [crossuser-cache-key]
    // CHECK: restinio.cpp:[[@LINE-6]]:21: note: key 'month' is built here
    // CHECK: restinio.cpp:[[@LINE-12]]:23: note: user identity 'basic_auth::try_extract_params(*req, restinio::http_field...' is available here
    // CHECK: restinio.cpp:[[@LINE+2]]:25: note: per-user data 'body' is stored in 'g_invoices' here
    std::string body = hit != g_invoices.end() ? hit->second : RenderInvoice(payer, month);
    g_invoices[month] = body;
    // CHECK: restinio.cpp:[[@LINE-1]]:5: warning: cache 'g_invoices' is keyed by 'month', which does not identify the user [crossuser-cache-key]
    // CHECK: restinio.cpp:[[@LINE-12]]:21: note: key 'month' is built here
    // CHECK: restinio.cpp:[[@LINE-18]]:23: note: user identity 'basic_auth::try_extract_params(*req, restinio::http_field...' is available here
    // CHECK: restinio.cpp:[[@LINE-4]]:25: note: per-user data 'body' is stored in 'g_invoices' here
    g_last_payer = payer;
    // CHECK: restinio.cpp:[[@LINE-1]]:5: warning: per-user data 'payer' is written to 'g_last_payer', which is shared between requests [crossuser-shared-state]
    // CHECK: restinio.cpp:[[@LINE-19]]:29: note: per-user data comes from 'parsed->username' (model restinio, restinio.yaml:13)
    // CHECK: restinio.cpp:[[@LINE-27]]:13: note: 'g_last_payer' is shared between requests: declared at namespace scope
    auto resp = req->create_response();
    resp.append_header(restinio::http_field::cache_control, "public, max-age=600");
    // CHECK: restinio.cpp:[[@LINE-1]]:5: warning: response is made storable by shared caches ('Cache-Control: public, max-age=600') but carries per-user data [crossuser-cacheable-response]
    // CHECK: restinio.cpp:[[@LINE+3]]:19: note: per-user data 'body' enters the response here
    // CHECK: restinio.cpp:[[@LINE-28]]:23: note: user identity 'basic_auth::try_extract_params(*req, restinio::http_field...' is available here
    // CHECK: restinio.cpp:[[@LINE-4]]:5: note: 'append_header' sets the response's 'Cache-Control' header (model restinio, restinio.yaml:6)
    resp.set_body(body);
    return resp.done();
  }

  // Silent: cached under the payer, sent privately.
  if (req->header().path() == "/me/invoice") {
    const std::string key = payer + ":" + month;
    auto hit = g_invoices_by_user.find(key);
    std::string body = hit != g_invoices_by_user.end() ? hit->second : RenderInvoice(payer, month);
    g_invoices_by_user[key] = body;
    auto resp = req->create_response();
    resp.append_header("Cache-Control", "private, max-age=600");
    resp.set_body(body);
    return resp.done();
  }

  // Silent: the tax table is the same for every payer.
  const std::string year = restinio::cast_to<std::string>(query["year"]);
  auto hit = g_tax_tables.find(year);
  std::string table = hit != g_tax_tables.end() ? hit->second : RenderTaxTable(year);
  g_tax_tables[year] = table;
  auto resp = req->create_response();
  resp.append_header(restinio::http_field::cache_control, "public, max-age=86400");
  resp.set_body(table);
  return resp.done();
}

} // namespace billing

int main() {
  restinio::run(restinio::on_thread_pool(4).port(8080).address("0.0.0.0").request_handler(
      billing::Handle));
}
