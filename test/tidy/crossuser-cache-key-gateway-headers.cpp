// RUN: %clang_tidy -checks='-*,crossuser-cache-key' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' --format=json %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --check-prefix=JSON

// Behind an authenticating proxy the requester arrives in a header the
// proxy sets. Beyond the IdentityHeaders list, an `X-` header is known by
// the words of its name, as a variable is: word evidence for identity,
// which the default MinimumEvidence accepts.

#include "service.h"

std::string LoadStatement(const std::string &who);

std::unordered_map<std::string, std::string> g_pages;

// Positive: the proxy's user header, and a cache keyed by the path alone.
void Statement(const http::Request &req, http::Response &resp) {
  std::string who = req.header("X-Authenticated-User");
  std::string body = LoadStatement(who);
  g_pages[req.path()] = body;
  // CHECK: :[[@LINE-1]]:3: warning: cache 'g_pages' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-4]]:21: note: user identity 'req.header("X-Authenticated-User")' is available here
  // CHECK: :[[@LINE-3]]:25: note: per-user data 'body' is stored in 'g_pages' here
  resp.body = body;
}

// JSON: "evidence": "name",

// Negatives: headers that name no user.
void Trace(const http::Request &req, http::Response &resp) {
  std::string id = req.header("X-Request-Id");
  std::string ttl = req.header("X-Session-Timeout");
  g_pages[req.path()] = LoadStatement(id + ttl);
}
