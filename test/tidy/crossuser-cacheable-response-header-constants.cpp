// RUN: %clang_tidy -checks='-*,crossuser-cacheable-response' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-cacheable-response' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'

// Header names given by constants (`http::headers::kAuthorization`, as
// userver and Google-style code name them): a constant initialised with a
// literal names the header its value spells, for the credential read and
// for the Cache-Control set, whatever the constant is called (the rename
// test checks that).
// Silent: a constant for another header.

#include "service.h"

namespace headers {
const char *const kAuthorization = "Authorization";
const char *const kCacheControl = "Cache-Control";
const char *const kContentLanguage = "Content-Language";
} // namespace headers

void ServeStatement(const http::Request &req, http::Response &resp,
                    Database &db) {
  std::string token = req.header(headers::kAuthorization);
  resp.set_header(headers::kCacheControl, "public, max-age=600");
  // CHECK: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('Cache-Control: public, max-age=600') but carries per-user data [crossuser-cacheable-response]
  // CHECK: :[[@LINE+2]]:15: note: per-user data 'db.Query("SELECT * FROM statements WHERE token = ?", token)' enters the response here
  // CHECK: :[[@LINE-4]]:23: note: user identity 'req.header(headers::kAuthorization)' is available here
  resp.body = db.Query("SELECT * FROM statements WHERE token = ?", token);
}

// Silent: no header here makes the response storable.
void ServeLocalised(const http::Request &req, http::Response &resp,
                    Database &db) {
  std::string token = req.header(headers::kAuthorization);
  resp.set_header(headers::kContentLanguage, "en");
  resp.body = db.Query("SELECT * FROM statements WHERE token = ?", token);
}
