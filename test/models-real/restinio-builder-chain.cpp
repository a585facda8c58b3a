// REQUIRES: restinio
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// RESTinio's idiomatic response is one chained expression on the temporary
// that create_response() returns. The headers and the body set along the
// chain belong to that one response: the public Cache-Control of the
// caller's statement is reported; the same chain with a private value, and a
// public chain whose body is the same for everyone, are not.
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
      // CHECK: restinio-builder-chain.cpp:[[@LINE-1]]:8: warning: response is made storable by shared caches ('Cache-Control: public, max-age=600') but carries per-user data [crossuser-cacheable-response]
      // CHECK: restinio-builder-chain.cpp:[[@LINE+3]]:17: note: per-user data 'body' enters the response here
      // CHECK: restinio-builder-chain.cpp:[[@LINE-9]]:23: note: user identity 'restinio::http_field_parsers::basic_auth::try_extract_par...' is available here
      // CHECK: restinio-builder-chain.cpp:[[@LINE-4]]:8: note: 'append_header' sets the response's 'Cache-Control' header (model restinio, restinio.yaml:6)
      .set_body(body)
      .done();
}

// Negative: the same statement, kept out of shared caches.
restinio::request_handling_status_t PrivateStatement(const restinio::request_handle_t &req) {
  const auto parsed = restinio::http_field_parsers::basic_auth::try_extract_params(
      *req, restinio::http_field::authorization);
  if (!parsed)
    return req->create_response(restinio::status_unauthorized()).done();
  std::string body = RenderStatement(parsed->username);
  return req->create_response()
      .append_header(restinio::http_field::cache_control, "private, max-age=600")
      .set_body(body)
      .done();
}

// Negative: a public chain whose body is the same for every caller, next to
// a signed-in caller's credentials.
restinio::request_handling_status_t Terms(const restinio::request_handle_t &req) {
  const auto parsed = restinio::http_field_parsers::basic_auth::try_extract_params(
      *req, restinio::http_field::authorization);
  if (!parsed)
    return req->create_response(restinio::status_unauthorized()).done();
  return req->create_response()
      .append_header(restinio::http_field::cache_control, "public, max-age=600")
      .set_body("terms of service")
      .done();
}

int main() {
  restinio::run(restinio::on_thread_pool(2).port(8080).request_handler(Statement));
}
