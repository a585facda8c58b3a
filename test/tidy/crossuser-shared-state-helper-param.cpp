// RUN: %clang_tidy -checks='-*,crossuser-shared-state' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-shared-state' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

// A helper of this translation unit that writes its parameter into shared
// storage keeps whatever its callers pass. A call with per-user data makes
// the helper's write a finding, reported once at the write, with the call
// that hands the data over; through a helper of the helper too.

#include "service.h"

struct Entitlements {
  bool loaded = false;
  std::string owner;
};
thread_local Entitlements tl_entitlements;
Entitlements LoadEntitlements(const std::string &who);

// Positive: loaded on first use, never reset; the next request on the
// same pooled thread gets the first user's entitlements.
const Entitlements &EntitlementsFor(const std::string &plan) {
  if (!tl_entitlements.loaded)
    tl_entitlements = LoadEntitlements(plan);
    // CHECK: :[[@LINE-1]]:5: warning: per-user data is written to 'tl_entitlements', which is shared between requests, by 'EntitlementsFor' called with 'profile.address' [crossuser-shared-state]
    // CHECK: :[[@LINE+8]]:44: note: per-user data comes from 'session.user_id()'
    // CHECK: :[[@LINE+8]]:15: note: 'EntitlementsFor' is called here with 'profile.address' for its parameter 'plan', which it writes to 'tl_entitlements'
    // CHECK: :[[@LINE-11]]:27: note: 'tl_entitlements' is shared between requests: declared thread_local; pooled threads serve many users
  return tl_entitlements;
}

void Download(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  Profile profile = Database().LoadProfile(session.user_id());
  resp.body = EntitlementsFor(profile.address).owner;
}

std::string g_last_page;
void Remember(const std::string &text) { g_last_page = text; }
// CHECK: :[[@LINE-1]]:42: warning: per-user data 'text' is written to 'g_last_page', which is shared between requests [crossuser-shared-state]
// CHECK: :[[@LINE-2]]:34: note: per-user data comes from 'text' (every call of 'Remember' passes the requester's identity, from 's' (every call of 'Keep' passes the requester's identity, from 'session.user_id()'))
// CHECK: :[[@LINE-4]]:13: note: 'g_last_page' is shared between requests: declared at namespace scope
void Keep(const std::string &s) { Remember(s); }

// Positive: through a helper of the helper.
void Audit(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  Keep(RenderProfile(Database().LoadProfile(session.user_id())));
  resp.body = "ok";
}

// Negative: a helper called only with a value that belongs to no user.
std::string g_region;
void SetRegion(const std::string &region) { g_region = region; }
int main() {
  SetRegion("eu-west-1");
  return 0;
}
