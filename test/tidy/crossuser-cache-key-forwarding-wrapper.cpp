// RUN: %clang_tidy -checks='-*,crossuser-cache-key' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

// A class that forwards its parameters to the map it wraps: the key is
// whatever each caller passes, and the user is known inside only because a
// caller passes one. The wrapper is not the cause; each call is judged where
// the caller has the user, and nothing is reported inside the wrapper.

#include "service.h"

class TextStore {
public:
  void put(const std::string &key, const std::string &value) { map_[key] = value; }
  bool get(const std::string &key, std::string &out) const {
    auto it = map_.find(key);
    if (it == map_.end())
      return false;
    out = it->second;
    return true;
  }

private:
  std::map<std::string, std::string> map_;
};

TextStore g_pages;

// Positive: the caller keys per-user pages by the path alone.
void Profile(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  std::string page;
  if (g_pages.get(req.path(), page)) {
  // CHECK: :[[@LINE-1]]:7: warning: cache 'g_pages' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-2]]:7: note: 'TextStore::get' looks up 'g_pages' (crossuser-cache-key-forwarding-wrapper.cpp:17) with a key made from its parameter 'key'
  // CHECK: :[[@LINE-5]]:21: note: user identity 'ResolveSession(req)' is available here
  // CHECK: :[[@LINE+5]]:27: note: per-user data 'page' is stored in 'g_pages' here
    resp.body = page;
    return;
  }
  page = RenderProfile(Database().LoadProfile(session.user_id()));
  g_pages.put(req.path(), page);
  // CHECK: :[[@LINE-1]]:3: warning: cache 'g_pages' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-2]]:3: note: 'TextStore::put' stores into 'g_pages' (crossuser-cache-key-forwarding-wrapper.cpp:15) with a key made from its parameter 'key'
  // CHECK: :[[@LINE-14]]:21: note: user identity 'ResolveSession(req)' is available here
  // CHECK: :[[@LINE-4]]:27: note: per-user data 'page' is stored in 'g_pages' here
  resp.body = page;
}

// Negative: the same wrapper keyed by the user.
void Orders(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  std::string key = session.user_id() + req.path();
  g_pages.put(key, RenderProfile(Database().LoadProfile(session.user_id())));
}

// Negative: a table of sessions filled through a helper whose identity is
// its own parameter, called only at start-up.
struct Viewer {
  std::string handle;
};
class SessionTable {
public:
  void add(std::string token, Viewer v) { sessions_.emplace(std::move(token), std::move(v)); }

private:
  std::map<std::string, Viewer> sessions_;
};
SessionTable g_sessions;
int main() { g_sessions.add("t-123", {"ada"}); }
