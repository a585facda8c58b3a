// Fix-its of crossuser-cacheable-response: `public` -> `private` in a
// Cache-Control literal written in the file, exported by clang-tidy
// (--export-fixes, --fix) and by the tool as SARIF `fixes`. No fix inside a
// macro, for a value that is not one literal, or without `public`.
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
// RUN: %sarif_validate --rule-kind Gh %t/fixes.sarif | FileCheck %s --check-prefix=VALID
// VALID: {{.*}}.sarif: 0 errors, 0 warnings
// `merge` carries the fixes into the merged report.
// RUN: %crossuser_check merge %t/fixes.sarif -o %t/merged.sarif || true
// RUN: FileCheck %s --check-prefix=SARIF --input-file=%t/merged.sarif
// RUN: %sarif_validate %t/merged.sarif | FileCheck %s --check-prefix=VALID

#include "http_response.h"

#define PUBLIC_CC "public, max-age=60"
// FIXED: {{^}}#define PUBLIC_CC "public, max-age=60"

void Literal(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Cache-Control", "public, max-age=300");
  // CHECK: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('Cache-Control: public, max-age=300') but carries per-user data [crossuser-cacheable-response]
  // FIXED: {{^}}  resp.set_header("Cache-Control", "private, max-age=300");
}

// Directives are case-insensitive; the replacement is the usual spelling.
void OddCase(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("cache-control", "max-age=120, PUBLIC");
  // CHECK: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('cache-control: max-age=120, PUBLIC') but carries per-user data [crossuser-cacheable-response]
  // FIXED: {{^}}  resp.set_header("cache-control", "max-age=120, private");
}

// The macro may serve public pages elsewhere: reported, not rewritten.
void Macro(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Cache-Control", PUBLIC_CC);
  // CHECK: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('Cache-Control: public, max-age=60') but carries per-user data [crossuser-cacheable-response]
}
// FIXED: {{^}}  resp.set_header("Cache-Control", PUBLIC_CC);

// No `public` to replace: adding `private` is a judgement, not a fix.
void MaxAge(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Cache-Control", "max-age=60");
  // CHECK: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('Cache-Control: max-age=60') but carries per-user data [crossuser-cacheable-response]
}
// FIXED: {{^}}  resp.set_header("Cache-Control", "max-age=60");

// A value built from pieces is not one literal.
void Built(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Cache-Control", std::string("public") + ", max-age=30");
  // CHECK: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('Cache-Control: public, max-age=30') but carries per-user data [crossuser-cacheable-response]
}
// FIXED: {{^}}  resp.set_header("Cache-Control", std::string("public") + ", max-age=30");

// Exactly two replacements, of the two literals.
// YAML:      DiagnosticName: crossuser-cacheable-response
// YAML:      Replacements:{{$}}
// YAML-NEXT:   - FilePath: '{{.*}}fixes.cpp'
// YAML-NEXT:     Offset:
// YAML-NEXT:     Length: 6
// YAML-NEXT:     ReplacementText: private
// YAML:      Replacements:{{$}}
// YAML-NEXT:   - FilePath: '{{.*}}fixes.cpp'
// YAML-NEXT:     Offset:
// YAML-NEXT:     Length: 6
// YAML-NEXT:     ReplacementText: private
// YAML-NOT:  ReplacementText:

// SARIF:      "fixes": [
// SARIF-NEXT:   {
// SARIF-NEXT:     "artifactChanges": [
// SARIF-NEXT:       {
// SARIF-NEXT:         "artifactLocation": {
// SARIF-NEXT:           "uri": "src.cpp",
// SARIF-NEXT:           "uriBaseId": "%SRCROOT%"
// SARIF:              "replacements": [
// SARIF-NEXT:           {
// SARIF-NEXT:             "deletedRegion": {
// SARIF-NEXT:               "endColumn": 43,
// SARIF-NEXT:               "endLine": 30,
// SARIF-NEXT:               "snippet": {
// SARIF-NEXT:                 "text": "public"
// SARIF-NEXT:               },
// SARIF-NEXT:               "startColumn": 37,
// SARIF-NEXT:               "startLine": 30
// SARIF-NEXT:             },
// SARIF-NEXT:             "insertedContent": {
// SARIF-NEXT:               "text": "private"
// SARIF-NEXT:             }
// SARIF:          "description": {
// SARIF-NEXT:       "text": "replace 'public' with 'private'"
// SARIF:          "fixes": [
// SARIF:                  "endColumn": 56,
// SARIF-NEXT:             "endLine": 39,
// SARIF-NEXT:             "snippet": {
// SARIF-NEXT:               "text": "PUBLIC"
// SARIF-NEXT:             },
// SARIF-NEXT:             "startColumn": 50,
// SARIF-NEXT:             "startLine": 39
// SARIF:            "text": "replace 'PUBLIC' with 'private'"
// SARIF-NOT:  "fixes"
