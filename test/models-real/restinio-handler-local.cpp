// REQUIRES: restinio
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// A RESTinio server whose request handler is a closure kept in a local of
// main and handed to the server settings by name
// (`request_handler(handler)`): the locals it captures by reference are
// one instance for every request the pool serves. Silent: a closure kept
// in a local of the handler and only passed to a standard algorithm.
#include <restinio/all.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

std::optional<std::string> UploaderFor(const std::string &cookie);

int main() {
  std::string last_uploader;
  auto handler = [&](restinio::request_handle_t req) {
    const auto who =
        UploaderFor(req->header().get_field_or(restinio::http_field::cookie, ""));
    if (!who)
      return req->create_response(restinio::status_unauthorized()).done();
    last_uploader = *who;
    // CHECK: restinio-handler-local.cpp:[[@LINE-1]]:5: warning: per-user data '*who' is written to 'last_uploader', which is shared between requests [crossuser-shared-state]
    // CHECK: restinio-handler-local.cpp:[[@LINE-5]]:21: note: per-user data comes from 'req->header().get_field_or(restinio::http_field::cookie, "")'
    // CHECK: restinio-handler-local.cpp:[[@LINE-9]]:15: note: 'last_uploader' is shared between requests: a local of 'main' captured by reference by a callback that outlives it, so every call of the callback shares it
    // CHECK: restinio-handler-local.cpp:[[@LINE-9]]:18: note: 'last_uploader' is captured by reference here, by a callback stored beyond the call that creates it
    std::vector<std::string> tags{"a", "b"};
    std::string seen;
    auto remember = [&](const std::string &t) { seen = t + *who; };
    std::for_each(tags.begin(), tags.end(), remember);
    return req->create_response().set_body(seen).done();
  };
  restinio::run(restinio::on_thread_pool(4).port(8095).request_handler(handler));
  return 0;
}
