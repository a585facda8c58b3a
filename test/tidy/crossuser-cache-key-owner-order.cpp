// RUN: %clang_tidy -checks='-*,crossuser-cache-key' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

// An ownership check after a lookup by a global id guards the entry only
// where it dominates what the entry is used for; a cache from a session
// token to the session it loads is an identity store.

#include "service.h"

struct Doc {
  std::string owner_id;
  std::string body;
};
std::optional<Doc> LoadDoc(const std::string &doc_id);
LruCache<std::string, Doc> g_docs;

// The check comes first: the entry leaves only for its owner.
void CheckedFirst(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  std::optional<Doc> doc = g_docs.Get(req.param("doc"));
  if (!doc || doc->owner_id != session.user_id())
    return;
  resp.body = doc->body;
}

// The body is already in the response when the owner is compared.
void CheckedAfterUse(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  std::optional<Doc> doc = g_docs.Get(req.param("doc"));
  // CHECK: :[[@LINE-1]]:28: warning: cache 'g_docs' is keyed by 'req.param("doc")', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-3]]:21: note: user identity 'ResolveSession(req)' is available here
  // CHECK: :17:28: note: 'g_docs' holds values of per-user type 'Doc'
  resp.body = doc->body;
  if (doc->owner_id != session.user_id())
    resp.status = 403;
}

// A session store: the key is the credential of the session it holds.
LruCache<std::string, Session> g_sessions;
Session LoadSession(const std::string &token);
Session Resolve(const http::Request &req) {
  std::string token = req.body(); // an opaque token the client sends
  if (auto hit = g_sessions.Get(token))
    return *hit;
  Session loaded = LoadSession(token);
  g_sessions.Put(token, loaded);
  return loaded;
}
