// REQUIRES: restinio
// XFAIL: *
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// RESTinio's idiomatic response is one chained expression on the temporary
// that create_response() returns. The engine finds the Cache-Control header
// only when the builder is a named local (restinio.cpp): on the temporary,
// the header has no response object to belong to and is dropped, so this
// public response of the caller's statement is not reported.
#include <restinio/all.hpp>
#include <restinio/helpers/http_field_parsers/basic_auth.hpp>

#include <string>

std::string RenderStatement(const std::string &user);

restinio::request_handling_status_t Statement(const restinio::request_handle_t &req) {
  const auto parsed = restinio::http_field_parsers::basic_auth::try_extract_params(
      *req, restinio::http_field::authorization);
  if (!parsed)
    return req->create_response(restinio::status_unauthorized()).done();
  std::string body = RenderStatement(parsed->username);
  return req->create_response()
      .append_header(restinio::http_field::cache_control, "public, max-age=600")
      // CHECK: xfail-restinio-builder-chain.cpp:[[@LINE-2]]:{{[0-9]+}}: warning: response is made storable by shared caches ('Cache-Control: public, max-age=600') but carries per-user data [crossuser-cacheable-response]
      // CHECK: xfail-restinio-builder-chain.cpp:[[@LINE+2]]:{{[0-9]+}}: note: per-user data 'body' enters the response here
      // CHECK: xfail-restinio-builder-chain.cpp:[[@LINE-9]]:{{[0-9]+}}: note: user identity '{{.*}}' is available here{{.*}}
      .set_body(body)
      .done();
}

int main() {
  restinio::run(restinio::on_thread_pool(2).port(8080).request_handler(Statement));
}
