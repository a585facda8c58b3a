// RUN: %clang_tidy -checks='-*,crossuser-cache-key' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

// A record that carries an identity field says which member names the
// user. A key built by a helper from another member (the plan) names
// nobody, even though the whole record was passed to the helper; a key
// built from the identity member does.

#include "service.h"

struct Caller {
  std::string account_id;
  std::string plan;
};
std::optional<Caller> ResolveKey(const std::string &api_key);
std::string Summary(const std::string &account, const std::string &month);

std::string PlanSlot(const Caller &c, const std::string &month) {
  return "summary:" + c.plan + ":" + month;
}
std::string AccountSlot(const Caller &c, const std::string &month) {
  return "summary:" + c.account_id + ":" + month;
}

std::unordered_map<std::string, std::string> g_summaries;

void ByPlan(const http::Request &req, const std::string &month) {
  const auto caller = ResolveKey(req.header("X-Api-Key"));
  if (!caller)
    return;
  const std::string slot = PlanSlot(*caller, month);
  g_summaries[slot] = Summary(caller->account_id, month);
  // CHECK: :[[@LINE-1]]:3: warning: cache 'g_summaries' is keyed by 'slot', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-3]]:21: note: key 'slot' is built here
  // CHECK: :[[@LINE-16]]:10: note: key is built here, in 'PlanSlot'
  // CHECK: :[[@LINE-8]]:34: note: user identity 'req.header("X-Api-Key")' is available here
  // CHECK: :[[@LINE-5]]:23: note: per-user data 'Summary(caller->account_id, month)' is stored in 'g_summaries' here
}

// Negative: the slot carries the account.
void ByAccount(const http::Request &req, const std::string &month) {
  const auto caller = ResolveKey(req.header("X-Api-Key"));
  if (!caller)
    return;
  const std::string slot = AccountSlot(*caller, month);
  g_summaries[slot] = Summary(caller->account_id, month);
}
