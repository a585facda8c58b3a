// REQUIRES: cpprest
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// An accounts service on the C++ REST SDK, compiled against the real
// <cpprest/*.h>. Leaks: account summaries cached by the requested region
// while the caller's bearer token is at hand, the token kept in the
// service, and a public response made of the caller's summary. Silent: the
// cache keyed by the token, a private response, and the public fee table
// cached under its region.
#include <cpprest/http_listener.h>
#include <cpprest/http_msg.h>

#include <map>
#include <mutex>
#include <string>

using namespace web::http;
using web::http::experimental::listener::http_listener;

std::string LoadSummary(const std::string &token, const std::string &region);
std::string LoadFees(const std::string &region);

class AccountsService {
public:
  explicit AccountsService(http_listener &listener) {
    listener.support(methods::GET, [this](http_request req) { Serve(req); });
  }

private:
  void Serve(http_request req) {
    auto found = req.headers().find("Authorization");
    std::string token = found != req.headers().end() ? found->second : "";
    auto query = uri::split_query(req.request_uri().query());
    std::string region = query["region"];
    std::lock_guard<std::mutex> lock(mu_);
    http_response resp(status_codes::OK);

    if (req.relative_uri().path() == "/summary") {
      auto hit = summaries_.find(region);
      // CHECK: cpprestsdk.cpp:[[@LINE-1]]:18: warning: cache 'summaries_' is keyed by 'region', which does not identify the user [crossuser-cache-key]
      // CHECK: cpprestsdk.cpp:[[@LINE-7]]:17: note: key 'region' is built here
      // CHECK: cpprestsdk.cpp:[[@LINE-11]]:18: note: user identity 'req.headers().find("Authorization")' is available here (model cpprestsdk, cpprestsdk.yaml:12)
      // CHECK: cpprestsdk.cpp:[[@LINE+2]]:28: note: per-user data 'body' is stored in 'summaries_' here
      std::string body = hit != summaries_.end() ? hit->second : LoadSummary(token, region);
      summaries_[region] = body;
      // CHECK: cpprestsdk.cpp:[[@LINE-1]]:7: warning: cache 'summaries_' is keyed by 'region', which does not identify the user [crossuser-cache-key]
      // CHECK: cpprestsdk.cpp:[[@LINE-13]]:17: note: key 'region' is built here
      // CHECK: cpprestsdk.cpp:[[@LINE-17]]:18: note: user identity 'req.headers().find("Authorization")' is available here (model cpprestsdk, cpprestsdk.yaml:12)
      // CHECK: cpprestsdk.cpp:[[@LINE-4]]:28: note: per-user data 'body' is stored in 'summaries_' here
      last_token_ = token;
      // CHECK: cpprestsdk.cpp:[[@LINE-1]]:7: warning: per-user data 'token' is written to 'last_token_', which is shared between requests [crossuser-shared-state]
      // CHECK: cpprestsdk.cpp:[[@LINE-21]]:18: note: per-user data comes from 'req.headers().find("Authorization")' (model cpprestsdk, cpprestsdk.yaml:12)
      // CHECK: cpprestsdk.cpp:[[@LINE+37]]:15: note: 'last_token_' is shared between requests: a member of 'AccountsService', registered to serve requests (model cpprestsdk, cpprestsdk.yaml:17)
      // CHECK: cpprestsdk.cpp:[[@LINE-28]]:5: note: 'AccountsService' is registered here; one instance serves every request (model cpprestsdk, cpprestsdk.yaml:17)
      resp.headers().add(header_names::cache_control, "public, max-age=60");
      // CHECK: cpprestsdk.cpp:[[@LINE-1]]:7: warning: response is made storable by shared caches ('Cache-Control: public, max-age=60') but carries per-user data [crossuser-cacheable-response]
      // CHECK: cpprestsdk.cpp:[[@LINE+3]]:21: note: per-user data 'body' enters the response here
      // CHECK: cpprestsdk.cpp:[[@LINE-27]]:18: note: user identity 'req.headers().find("Authorization")' is available here (model cpprestsdk, cpprestsdk.yaml:12)
      // CHECK: cpprestsdk.cpp:[[@LINE-4]]:7: note: 'add' sets the response's 'Cache-Control' header (model cpprestsdk, cpprestsdk.yaml:6)
      resp.set_body(body);
      req.reply(resp);
      return;
    }

    // Silent: cached under the caller's token, sent privately.
    if (req.relative_uri().path() == "/me/summary") {
      std::string key = token + "/" + region;
      auto hit = by_token_.find(key);
      std::string body = hit != by_token_.end() ? hit->second : LoadSummary(token, region);
      by_token_[key] = body;
      resp.headers().add(header_names::cache_control, "private, max-age=60");
      resp.set_body(body);
      req.reply(resp);
      return;
    }

    // Silent: fees are the same for every account in a region.
    auto hit = fees_.find(region);
    std::string fees = hit != fees_.end() ? hit->second : LoadFees(region);
    fees_[region] = fees;
    resp.headers().add(header_names::cache_control, "public, max-age=3600");
    resp.set_body(fees);
    req.reply(resp);
  }

  std::mutex mu_;
  std::map<std::string, std::string> summaries_;
  std::map<std::string, std::string> by_token_;
  std::map<std::string, std::string> fees_;
  std::string last_token_;
};

int main() {
  http_listener listener("http://0.0.0.0:8080/");
  AccountsService service(listener);
  listener.open().wait();
}
