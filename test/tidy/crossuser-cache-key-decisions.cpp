// RUN: %clang_tidy -checks='-*,crossuser-cache-key' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

// A comparison or a logical operation on the user's data is a decision
// about that user: per-user data, which a shared key must not serve to
// others. It names no one, so it never makes a key identify the user.

#include "service.h"

bool FlagEnabled(const std::string &flag);
bool Evaluate(const std::string &flag, const std::string &user);

std::unordered_map<std::string, bool> g_decisions;

// The per-user decision is memoised under the flag alone.
void Gate(const http::Request &req) {
  Session session = ResolveSession(req);
  std::string flag = req.query();
  bool allowed = FlagEnabled(flag) && Evaluate(flag, session.user_id());
  g_decisions[flag] = allowed;
  // CHECK: :[[@LINE-1]]:3: warning: cache 'g_decisions' is keyed by 'flag', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-4]]:15: note: key 'flag' is built here
  // CHECK: :[[@LINE-6]]:21: note: user identity 'ResolveSession(req)' is available here
  // CHECK: :[[@LINE-4]]:23: note: per-user data 'allowed' is stored in 'g_decisions' here
}

// An overloaded comparison of the user's id is a decision too, and a key
// built from it (is this the owner?) still does not identify the user.
void OwnerView(const http::Request &req) {
  Session session = ResolveSession(req);
  bool mine = session.user_id() == req.query();
  std::string key = req.path() + (mine ? "/own" : "/other");
  g_decisions[key + std::to_string(!mine)] = !mine;
  // CHECK: :[[@LINE-1]]:3: warning: cache 'g_decisions' is keyed by 'key + std::to_string(!mine)', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-5]]:21: note: user identity 'ResolveSession(req)' is available here
  // CHECK: :22:23: note: per-user data 'allowed' is stored in 'g_decisions' here
}

// Positive control for the silence: keyed by the user, the same decision
// is fine.
void GateByUser(const http::Request &req) {
  Session session = ResolveSession(req);
  std::string flag = req.query();
  bool allowed = FlagEnabled(flag) && Evaluate(flag, session.user_id());
  g_decisions[session.user_id() + ":" + flag] = allowed;
}

// A decision about nobody in particular (a flag, the path) is not per-user.
void PublicGate(const http::Request &req) {
  std::string flag = req.query();
  g_decisions[flag] = FlagEnabled(flag) && req.path() == "/beta";
}
