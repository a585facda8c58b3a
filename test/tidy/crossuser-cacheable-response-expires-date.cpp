// RUN: env SOURCE_DATE_EPOCH=1767225600 %clang_tidy -checks='-*,crossuser-cacheable-response' %s -- %mock_flags \
// RUN:   | FileCheck %s --check-prefix=Y2026 --implicit-check-not='{{warning|error|note}}:'
// RUN: env SOURCE_DATE_EPOCH=1767225600 not %crossuser_check -checks=crossuser-cacheable-response %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --check-prefix=Y2026 --implicit-check-not='{{warning|error|note}}:'
// RUN: env SOURCE_DATE_EPOCH=1830297600 not %crossuser_check -checks=crossuser-cacheable-response %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --check-prefix=Y2028 --implicit-check-not='{{warning|error|note}}:'

// A literal Expires date is judged against the reference date the front end
// injects (SOURCE_DATE_EPOCH, else today), never the analysis's own clock:
// 2027 is ahead in 2026 (1767225600 is 2026-01-01) and behind in 2028
// (1830297600 is 2028-01-01).

#include "http_response.h"

void NextYear(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Expires", "Fri, 31 Dec 2027 23:59:59 GMT");
  // Y2026: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('Expires: Fri, 31 Dec 2027 23:59:59 GMT') but carries per-user data [crossuser-cacheable-response]
  // Y2026: :[[@LINE-3]]:15: note: per-user data 'RenderProfile(Database().LoadProfile(session.user_id()))' enters the response here
  // Y2026: :[[@LINE-5]]:21: note: user identity 'ResolveSession(req)' is available here
}

// Already in the past in both years: the classic "do not cache" idiom.
void Epoch(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Expires", "Thu, 01 Jan 1970 00:00:00 GMT");
}

// Positive control in both years.
void FarFuture(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Expires", "Thu, 31 Dec 2099 23:59:59 GMT");
  // Y2026: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('Expires: Thu, 31 Dec 2099 23:59:59 GMT') but carries per-user data [crossuser-cacheable-response]
  // Y2026: :[[@LINE-3]]:15: note: per-user data 'RenderProfile(Database().LoadProfile(session.user_id()))' enters the response here
  // Y2026: :[[@LINE-5]]:21: note: user identity 'ResolveSession(req)' is available here
  // Y2028: :[[@LINE-4]]:3: warning: response is made storable by shared caches ('Expires: Thu, 31 Dec 2099 23:59:59 GMT') but carries per-user data [crossuser-cacheable-response]
  // Y2028: :[[@LINE-6]]:15: note: per-user data 'RenderProfile(Database().LoadProfile(session.user_id()))' enters the response here
  // Y2028: :[[@LINE-8]]:21: note: user identity 'ResolveSession(req)' is available here
}
