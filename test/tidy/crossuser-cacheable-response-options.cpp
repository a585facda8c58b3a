// CheckOptions of crossuser-cacheable-response: HeaderSetters and
// CacheHelpers name the framework's header and caching APIs; each list
// replaces its default. clang-tidy takes the options from -config, the tool
// from a .clang-tidy-format file.
//
// RUN: rm -rf %t && mkdir -p %t
//
// RUN: %clang_tidy -checks='-*,crossuser-cacheable-response' %s -- %mock_flags \
// RUN:   | FileCheck %s --check-prefix=DEFAULT --implicit-check-not='{{warning|error}}:'
// RUN: not %crossuser_check -checks=crossuser-cacheable-response %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --check-prefix=DEFAULT --implicit-check-not='{{warning|error}}:'
//
// A framework's own names: putHeader and MakeCacheable.
// RUN: %clang_tidy -checks='-*,crossuser-cacheable-response' \
// RUN:   -config="{CheckOptions: {crossuser-cacheable-response.HeaderSetters: 'set_header;putHeader', crossuser-cacheable-response.CacheHelpers: 'MakeCacheable'}}" \
// RUN:   %s -- %mock_flags \
// RUN:   | FileCheck %s --check-prefix=CUSTOM --implicit-check-not='{{warning|error}}:'
// RUN: echo "CheckOptions: {crossuser-cacheable-response.HeaderSetters: 'set_header;putHeader', crossuser-cacheable-response.CacheHelpers: 'MakeCacheable'}" > %t/custom.yaml
// RUN: not %crossuser_check -checks=crossuser-cacheable-response --config-file=%t/custom.yaml %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --check-prefix=CUSTOM --implicit-check-not='{{warning|error}}:'
//
// Empty lists: no header API and no helper is known, nothing is reported.
// RUN: %clang_tidy -checks='-*,crossuser-cacheable-response' \
// RUN:   -config="{CheckOptions: {crossuser-cacheable-response.HeaderSetters: '', crossuser-cacheable-response.CacheHelpers: ''}}" \
// RUN:   %s -- %mock_flags \
// RUN:   | FileCheck %s --allow-empty --check-prefix=NONE --implicit-check-not='{{warning|error}}:'
// RUN: echo "CheckOptions: {crossuser-cacheable-response.HeaderSetters: '', crossuser-cacheable-response.CacheHelpers: ''}" > %t/none.yaml
// RUN: %crossuser_check -checks=crossuser-cacheable-response --config-file=%t/none.yaml %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --allow-empty --check-prefix=NONE --implicit-check-not='{{warning|error}}:'

#include "http_response.h"
// NONE-NOT: warning:

struct VertxLikeResponse {
  std::string body;
  void putHeader(const std::string &name, const std::string &value);
};
void MakeCacheable(VertxLikeResponse &resp, int seconds);

void Default(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Cache-Control", "public, max-age=300");
  // DEFAULT: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('Cache-Control: public, max-age=300') but carries per-user data [crossuser-cacheable-response]
  // DEFAULT: :[[@LINE-3]]:15: note: per-user data 'RenderProfile(Database().LoadProfile(session.user_id()))' enters the response here
  // DEFAULT: :[[@LINE-5]]:21: note: user identity 'ResolveSession(req)' is available here
  // CUSTOM: :[[@LINE-4]]:3: warning: response is made storable by shared caches ('Cache-Control: public, max-age=300') but carries per-user data [crossuser-cacheable-response]
  // CUSTOM: :[[@LINE-6]]:15: note: per-user data 'RenderProfile(Database().LoadProfile(session.user_id()))' enters the response here
  // CUSTOM: :[[@LINE-8]]:21: note: user identity 'ResolveSession(req)' is available here
}

void CustomSetter(const Session &session, VertxLikeResponse &resp) {
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.putHeader("Cache-Control", "public, max-age=300");
  // CUSTOM: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('Cache-Control: public, max-age=300') but carries per-user data [crossuser-cacheable-response]
  // CUSTOM: :[[@LINE-3]]:15: note: per-user data 'RenderProfile(Database().LoadProfile(session.user_id()))' enters the response here
  // CUSTOM: :[[@LINE-5]]:34: note: user identity 'session' is available here
}

void CustomHelper(const Session &session, VertxLikeResponse &resp) {
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  MakeCacheable(resp, 600);
  // CUSTOM: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('MakeCacheable(resp, 600)') but carries per-user data [crossuser-cacheable-response]
  // CUSTOM: :[[@LINE-3]]:15: note: per-user data 'RenderProfile(Database().LoadProfile(session.user_id()))' enters the response here
  // CUSTOM: :[[@LINE-5]]:34: note: user identity 'session' is available here
}

// On the default list, off the CUSTOM one: the drogon helper.
drogon::HttpResponsePtr Drogon(const Session &session) {
  auto resp = drogon::HttpResponse::newHttpResponse();
  resp->setBody(RenderProfile(Database().LoadProfile(session.user_id())));
  resp->setExpiredTime(600);
  // DEFAULT: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('resp->setExpiredTime(600)') but carries per-user data [crossuser-cacheable-response]
  // DEFAULT: :[[@LINE-3]]:17: note: per-user data 'RenderProfile(Database().LoadProfile(session.user_id()))' enters the response here
  // DEFAULT: :[[@LINE-6]]:47: note: user identity 'session' is available here
  return resp;
}
