// RUN: %clang_tidy -checks='-*,crossuser-shared-state' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-shared-state' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

// A thread_local on a pooled thread is reset per request only by a reset
// that runs on every path through the request: one branch that sets it
// leaves the previous user's value to the requests that take the other.

#include "service.h"

thread_local std::string t_user;
thread_local std::string t_scratch;

// Set for signed-in requests only: an anonymous request on this thread
// reads the last signed-in user.
void AuthenticateIfSigned(const http::Request &req) {
  if (!req.header("Authorization").empty())
    t_user = ResolveSession(req).user_id();
  // CHECK: :[[@LINE-1]]:5: warning: per-user data 'ResolveSession(req).user_id()' is written to 't_user', which is shared between requests [crossuser-shared-state]
  // CHECK: :[[@LINE-2]]:14: note: per-user data comes from 'ResolveSession(req).user_id()'
  // CHECK: :12:26: note: 't_user' is shared between requests: declared thread_local; pooled threads serve many users
}

// Negative: cleared on every path before it is filled.
void ClearedFirst(const http::Request &req) {
  t_scratch.clear();
  if (!req.header("Authorization").empty())
    t_scratch = ResolveSession(req).user_id();
}

// A request callback the server calls (its address is handed on): a path
// that answers before the reset and never touches the thread_local leaves
// nothing to anyone, so the reset that dominates every use counts.
thread_local std::string t_caller;
thread_local std::string t_viewer;

void Answer(const std::string &body);
void ServeWith(int (*callback)(const http::Request &));

std::string Banner() { return "signed in as " + t_viewer; }

// Negative: the early answer before the reset uses no thread_local.
int OnProfile(const http::Request &req) {
  if (req.method() != "GET") {
    Answer("{}");
    return 405;
  }
  t_caller.clear();
  t_caller = ResolveSession(req).user_id();
  Answer("{\"user\":\"" + t_caller + "\"}");
  return 200;
}

// The banner, built before the reset, shows the previous request's viewer
// (a use in a callee the reset does not dominate).
int OnDashboard(const http::Request &req) {
  Answer(Banner());
  t_viewer.clear();
  t_viewer = ResolveSession(req).user_id();
  // CHECK: :[[@LINE-1]]:3: warning: per-user data 'ResolveSession(req).user_id()' is written to 't_viewer', which is shared between requests [crossuser-shared-state]
  // CHECK: :[[@LINE-2]]:14: note: per-user data comes from 'ResolveSession(req).user_id()'
  // CHECK: :36:26: note: 't_viewer' is shared between requests: declared thread_local; pooled threads serve many users
  return 200;
}

void Start() {
  ServeWith(&OnProfile);
  ServeWith(OnDashboard);
}

// Negative: a guard object whose class resets the buffer when it is made
// and when it goes (RAII), declared before any use.
struct Buffer {
  std::string out;
  void reset() { out.clear(); }
};
thread_local Buffer t_buffer;
struct BufferScope {
  BufferScope() { t_buffer.reset(); }
  ~BufferScope() { t_buffer.reset(); }
};

std::string Render(const http::Request &req) {
  BufferScope scope;
  t_buffer.out += ResolveSession(req).user_id();
  return t_buffer.out;
}

// A reset of one member resets that member only: `plan` is cleared after
// the early answer (an emptying reset in a function no visible code calls:
// the early path touches nothing), `skus` is never cleared, so earlier
// callers' entries come back.
struct Scratch {
  std::vector<std::string> skus;
  std::string plan;
};
thread_local Scratch tls_scratch;

std::string ListEntitlements(const http::Request &req) {
  if (req.header("Authorization").empty())
    return "{}";
  tls_scratch.plan.clear();
  Session who = ResolveSession(req);
  tls_scratch.skus.push_back(who.user_id());
  // CHECK: :[[@LINE-1]]:3: warning: per-user data 'who.user_id()' is written to 'tls_scratch.skus', which is shared between requests [crossuser-shared-state]
  // CHECK: :[[@LINE-2]]:30: note: per-user data comes from 'who.user_id()'
  // CHECK: :98:22: note: 'tls_scratch' is shared between requests: declared thread_local; pooled threads serve many users
  if (tls_scratch.plan.empty())
    tls_scratch.plan = who.user_id();
  return tls_scratch.plan;
}
