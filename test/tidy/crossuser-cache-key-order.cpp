// RUN: %clang_tidy -checks='-*,crossuser-cache-key' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

// The key that reaches a lookup is the one the lookup sees: later
// overwrites kill earlier values (reaching definitions over the CFG), and
// writing user data into a handle (a connection, a client) does not make
// what is later read from the handle identify the user.

#include "service.h"

LruCache<std::string, Profile> g_profiles;

// Assigned from the user, then overwritten with the path: the key that
// reaches the lookup has no user in it.
void Overwritten(const http::Request &req) {
  Session session = ResolveSession(req);
  std::string key = session.user_id();
  key = req.path();
  if (auto hit = g_profiles.Get(key))
    // CHECK: :[[@LINE-1]]:18: warning: cache 'g_profiles' is keyed by 'key', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-3]]:3: note: key 'key' is built here
    // CHECK: :[[@LINE-6]]:21: note: user identity 'ResolveSession(req)' is available here
    // CHECK: :[[@LINE+2]]:23: note: per-user data 'Database().LoadProfile(session.user_id())' is stored in 'g_profiles' here
    return;
  g_profiles.Put(key, Database().LoadProfile(session.user_id()));
  // CHECK: :[[@LINE-1]]:3: warning: cache 'g_profiles' is keyed by 'key', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-9]]:3: note: key 'key' is built here
  // CHECK: :[[@LINE-12]]:21: note: user identity 'ResolveSession(req)' is available here
  // CHECK: :[[@LINE-4]]:23: note: per-user data 'Database().LoadProfile(session.user_id())' is stored in 'g_profiles' here
}

// The other order: the user id is what reaches both operations.
void OverwrittenWithUser(const http::Request &req) {
  Session session = ResolveSession(req);
  std::string key = req.path();
  key = session.user_id();
  if (auto hit = g_profiles.Get(key))
    return;
  g_profiles.Put(key, Database().LoadProfile(session.user_id()));
}

// A C API handle: what the handler writes into it (the user's page) does
// not come back out of the parameters it reads from it.
extern "C" {
struct conn_t;
void conn_write(conn_t *c, const char *data, std::size_t n);
const char *conn_param(conn_t *c, const char *name);
const char *conn_header(conn_t *c, const char *name);
}
std::unordered_map<std::string, std::string> g_pages;

void ThroughHandle(conn_t *c) {
  std::string account = conn_header(c, "X-Account-Id");
  std::string page = Database().Query("select page", account);
  conn_write(c, page.data(), page.size());
  std::string key = conn_param(c, "page");
  g_pages[key] = page;
  // CHECK: :[[@LINE-1]]:3: warning: cache 'g_pages' is keyed by 'key', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-3]]:15: note: key 'key' is built here
  // CHECK: :[[@LINE-7]]:25: note: user identity 'conn_header(c, "X-Account-Id")' is available here
  // CHECK: :[[@LINE-4]]:18: note: per-user data 'page' is stored in 'g_pages' here
}

// Appends in a loop keep what went in before.
void AppendedInLoop(const http::Request &req, const std::vector<std::string> &parts) {
  Session session = ResolveSession(req);
  std::string key = session.user_id();
  for (const std::string &p : parts)
    key += p;
  g_profiles.Put(key, Database().LoadProfile(session.user_id()));
}
