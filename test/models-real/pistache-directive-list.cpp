// REQUIRES: pistache
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// Pistache's typed Cache-Control takes a list of directives, written as
// `std::vector<Http::CacheDirective>{...}` (a construction that also passes
// the vector's default allocator). The list is read directive by
// directive: public with max-age on the caller's settings is a leak; private
// with max-age is not.
#include <pistache/http.h>
#include <pistache/http_headers.h>

#include <chrono>
#include <string>
#include <vector>

using namespace Pistache;

std::string LoadSettings(const std::string &user);

void Settings(const Http::Request &req, Http::ResponseWriter &resp) {
  auto auth = req.headers().tryGet<Http::Header::Authorization>();
  if (!auth)
    return;
  const std::string body = LoadSettings(auth->getBasicUser());
  resp.headers().add<Http::Header::CacheControl>(std::vector<Http::CacheDirective>{
  // CHECK: pistache-directive-list.cpp:[[@LINE-1]]:3: warning: response is made storable by shared caches ('Cache-Control: public, max-age=600') but carries per-user data [crossuser-cacheable-response]
  // CHECK: pistache-directive-list.cpp:[[@LINE+5]]:29: note: per-user data 'body' enters the response here
  // CHECK: pistache-directive-list.cpp:[[@LINE-4]]:41: note: user identity 'auth->getBasicUser()' is available here (model pistache, pistache.yaml:25)
  // CHECK: pistache-directive-list.cpp:[[@LINE-4]]:3: note: 'add' sets the response's 'Cache-Control' header (model pistache, pistache.yaml:15)
      Http::CacheDirective(Http::CacheDirective::Public),
      Http::CacheDirective(Http::CacheDirective::MaxAge, std::chrono::seconds(600))});
  resp.send(Http::Code::Ok, body);
}

void PrivateSettings(const Http::Request &req, Http::ResponseWriter &resp) {
  auto auth = req.headers().tryGet<Http::Header::Authorization>();
  if (!auth)
    return;
  const std::string body = LoadSettings(auth->getBasicUser());
  resp.headers().add<Http::Header::CacheControl>(std::vector<Http::CacheDirective>{
      Http::CacheDirective(Http::CacheDirective::Private),
      Http::CacheDirective(Http::CacheDirective::MaxAge, std::chrono::seconds(600))});
  resp.send(Http::Code::Ok, body);
}
