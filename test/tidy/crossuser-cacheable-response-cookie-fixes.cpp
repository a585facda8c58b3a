// Fix-its of crossuser-cacheable-response for a per-user Set-Cookie on a
// shared or shared-cached response: the Cache-Control literal the same
// function sets on that response becomes `no-store`, exported by clang-tidy
// (--export-fixes, --fix) and by the tool as SARIF `fixes`. No fix inside a
// macro, for a value that is not one literal, or without a Cache-Control.
//
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/fixes.cpp && cp %s %t/src.cpp
// RUN: cd %t && %clang_tidy -checks='-*,crossuser-cacheable-response' --export-fixes=%t/fixes.yaml fixes.cpp -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: FileCheck %s --check-prefix=YAML --input-file=%t/fixes.yaml
// RUN: cd %t && %clang_tidy -checks='-*,crossuser-cacheable-response' --fix fixes.cpp -- %mock_flags > /dev/null 2>&1
// RUN: FileCheck %s --check-prefix=FIXED --input-file=%t/fixes.cpp
// RUN: cd %t && not %crossuser_check -checks=crossuser-cacheable-response --root %t --format=sarif -o %t/fixes.sarif src.cpp -- %mock_flags
// RUN: FileCheck %s --check-prefix=SARIF --input-file=%t/fixes.sarif
// RUN: %sarif_validate %t/fixes.sarif | FileCheck %s --check-prefix=VALID
// VALID: {{.*}}.sarif: 0 errors, 0 warnings

#include "http_response.h"

#define SHORT_CC "max-age=60"
// FIXED: {{^}}#define SHORT_CC "max-age=60"

// A response then stored for everyone.
class LoginPageHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    resp.body = "<html>welcome</html>";
    resp.set_header("Cache-Control", "max-age=600");
    // CHECK: :[[@LINE-1]]:5: warning: response is made storable by shared caches ('Cache-Control: max-age=600') but carries per-user data [crossuser-cacheable-response]
    // CHECK: :[[@LINE+3]]:35: note: per-user data '"sid=" + session.token()' enters the response here
    // CHECK: :[[@LINE-5]]:23: note: user identity 'ResolveSession(req)' is available here
    // FIXED: {{^}}    resp.set_header("Cache-Control", "no-store");
    resp.set_header("Set-Cookie", "sid=" + session.token());
    // CHECK: :[[@LINE-1]]:5: warning: per-user cookie is set on response 'resp', which is stored in shared response cache 'cache_' [crossuser-cacheable-response]
    // CHECK: :[[@LINE+3]]:5: note: 'resp' is stored in 'cache_' under 'req.path()' here
    // CHECK: :[[@LINE-3]]:44: note: the cookie value derives from per-user data 'session.token()'
    // CHECK: :[[@LINE-11]]:23: note: user identity 'ResolveSession(req)' is available here
    cache_.Put(req.path(), resp);
    // CHECK: :[[@LINE-1]]:5: warning: personalised response is stored in shared response cache 'cache_' under 'req.path()', which does not identify the user [crossuser-cacheable-response]
    // CHECK: :[[@LINE-7]]:35: note: per-user data '"sid=" + session.token()' enters the response here
    // CHECK: :[[@LINE-15]]:23: note: user identity 'ResolveSession(req)' is available here
  }

private:
  ResponseCache cache_;
};

// A member response: its Cache-Control is not tracked, so no fix.
class BannerHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    banner_.set_header("Cache-Control", "max-age=600");
    // FIXED: {{^}}    banner_.set_header("Cache-Control", "max-age=600");
    banner_.set_header("Set-Cookie", "last_user=" + session.user_id());
    // CHECK: :[[@LINE-1]]:5: warning: per-user cookie is set on response 'banner_', which is shared between requests (a member of 'BannerHandler', which derives from 'http::Handler': the framework makes one for the whole server (model mock-http, mock-http.yaml:8)) [crossuser-cacheable-response]
    // CHECK: :[[@LINE-2]]:53: note: the cookie value derives from per-user data 'session.user_id()'
    // CHECK: :[[@LINE-6]]:23: note: user identity 'ResolveSession(req)' is available here
    resp = banner_;
  }

private:
  http::Response banner_;
};

// The same with a macro value: reported, not rewritten.
void Welcome(const http::Request &req, http::Response &resp) {
  static http::Response prebuilt;
  Session session = ResolveSession(req);
  prebuilt.set_header("Cache-Control", SHORT_CC);
  prebuilt.set_header("Set-Cookie", "uid=" + session.user_id());
  // CHECK: :[[@LINE-2]]:3: warning: response is made storable by shared caches ('Cache-Control: max-age=60') but carries per-user data [crossuser-cacheable-response]
  // CHECK: :[[@LINE-2]]:37: note: per-user data '"uid=" + session.user_id()' enters the response here
  // CHECK: :[[@LINE-5]]:21: note: user identity 'ResolveSession(req)' is available here
  // CHECK: :[[@LINE-4]]:3: warning: per-user cookie is set on response 'prebuilt', which is shared between requests (a function-local static) [crossuser-cacheable-response]
  // CHECK: :[[@LINE-5]]:46: note: the cookie value derives from per-user data 'session.user_id()'
  // CHECK: :[[@LINE-8]]:21: note: user identity 'ResolveSession(req)' is available here
  resp = prebuilt;
}
// FIXED: {{^}}  prebuilt.set_header("Cache-Control", SHORT_CC);

// `public` in the literal: the one fix is `no-store`, not also `private`.
void Account(const http::Request &req, http::Response &resp) {
  static http::Response account;
  Session session = ResolveSession(req);
  account.set_header("Cache-Control", "public, max-age=60");
  // CHECK: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('Cache-Control: public, max-age=60') but carries per-user data [crossuser-cacheable-response]
  // CHECK: :[[@LINE+3]]:36: note: per-user data '"uid=" + session.user_id()' enters the response here
  // CHECK: :[[@LINE-4]]:21: note: user identity 'ResolveSession(req)' is available here
  // FIXED: {{^}}  account.set_header("Cache-Control", "no-store");
  account.set_header("Set-Cookie", "uid=" + session.user_id());
  // CHECK: :[[@LINE-1]]:3: warning: per-user cookie is set on response 'account', which is shared between requests (a function-local static) [crossuser-cacheable-response]
  // CHECK: :[[@LINE-2]]:45: note: the cookie value derives from per-user data 'session.user_id()'
  // CHECK: :[[@LINE-9]]:21: note: user identity 'ResolveSession(req)' is available here
  resp = account;
}

// No Cache-Control in the function: nothing to rewrite.
void Hello(const http::Request &req, http::Response &resp) {
  static http::Response hello;
  Session session = ResolveSession(req);
  hello.set_header("Set-Cookie", "uid=" + session.user_id());
  // CHECK: :[[@LINE-1]]:3: warning: per-user cookie is set on response 'hello', which is shared between requests (a function-local static) [crossuser-cacheable-response]
  // CHECK: :[[@LINE-2]]:43: note: the cookie value derives from per-user data 'session.user_id()'
  // CHECK: :[[@LINE-4]]:21: note: user identity 'ResolveSession(req)' is available here
  resp = hello;
}

// Exactly two replacements, of the two literals.
// YAML:      DiagnosticName: crossuser-cacheable-response
// YAML:      Replacements:{{$}}
// YAML-NEXT:   - FilePath: '{{.*}}fixes.cpp'
// YAML-NEXT:     Offset:
// YAML-NEXT:     Length: 11
// YAML-NEXT:     ReplacementText: no-store
// YAML:      Replacements:{{$}}
// YAML-NEXT:   - FilePath: '{{.*}}fixes.cpp'
// YAML-NEXT:     Offset:
// YAML-NEXT:     Length: 18
// YAML-NEXT:     ReplacementText: no-store
// YAML-NOT:  ReplacementText:

// SARIF:      "fixes": [
// SARIF:              "deletedRegion": {
// SARIF-NEXT:           "endColumn": 50,
// SARIF-NEXT:           "endLine": 29,
// SARIF-NEXT:           "snippet": {
// SARIF-NEXT:             "text": "max-age=600"
// SARIF-NEXT:           },
// SARIF-NEXT:           "startColumn": 39,
// SARIF-NEXT:           "startLine": 29
// SARIF-NEXT:         },
// SARIF-NEXT:         "insertedContent": {
// SARIF-NEXT:           "text": "no-store"
// SARIF:          "description": {
// SARIF-NEXT:       "text": "replace 'max-age=600' with 'no-store'"
// SARIF:          "fixes": [
// SARIF:            "text": "replace 'public, max-age=60' with 'no-store'"
// SARIF-NOT:  "fixes"
