// RUN: %clang_tidy -checks='-*,crossuser-cache-key' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

// A cache class (a cache by its name) whose methods no vocabulary word or
// model row names: their roles come from their signatures. A key and a
// callable is a read-through (what the callable returns is stored); a key
// and a result is a lookup; a key and a value with no result is an insert.
// A method named for removal is neither, and a cache keyed by the user is
// fine whatever its methods are called.

#include <functional>
#include <optional>
#include <string>

struct Request {
  std::string path;
  std::string user_id;
};
std::string Render(const std::string &uid);

class PageCache {
public:
  std::string LoadOrStore(const std::string &key,
                          const std::function<std::string()> &make);
  std::optional<std::string> Peek(const std::string &key) const;
  void Keep(const std::string &key, const std::string &value);
  bool Evict(const std::string &key);
};

PageCache g_pages;
PageCache g_pages_by_user;

std::string ReadThrough(const Request &req) {
  const std::string uid = req.user_id;
  return g_pages.LoadOrStore(req.path, [&] { return Render(uid); });
  // CHECK: crossuser-cache-key-inferred-methods.cpp:[[@LINE-1]]:10: warning: cache 'g_pages' is keyed by 'req.path', which does not identify the user [crossuser-cache-key]
  // CHECK: crossuser-cache-key-inferred-methods.cpp:[[@LINE-3]]:27: note: user identity 'req.user_id' is available here
  // CHECK: crossuser-cache-key-inferred-methods.cpp:[[@LINE-3]]:53: note: per-user data 'Render(uid)' is stored in 'g_pages' here
}

std::string LookupThenKeep(const Request &req) {
  const std::string uid = req.user_id;
  if (auto hit = g_pages.Peek(req.path))
  // CHECK: crossuser-cache-key-inferred-methods.cpp:[[@LINE-1]]:18: warning: cache 'g_pages' is keyed by 'req.path', which does not identify the user [crossuser-cache-key]
  // CHECK: crossuser-cache-key-inferred-methods.cpp:[[@LINE+3]]:29: note: user identity 'uid' is available here
  // CHECK: crossuser-cache-key-inferred-methods.cpp:[[@LINE-11]]:53: note: per-user data 'Render(uid)' is stored in 'g_pages' here
    return *hit;
  std::string page = Render(uid);
  g_pages.Keep(req.path, page);
  // CHECK: crossuser-cache-key-inferred-methods.cpp:[[@LINE-1]]:3: warning: cache 'g_pages' is keyed by 'req.path', which does not identify the user [crossuser-cache-key]
  // CHECK: crossuser-cache-key-inferred-methods.cpp:[[@LINE-3]]:29: note: user identity 'uid' is available here
  // CHECK: crossuser-cache-key-inferred-methods.cpp:[[@LINE-3]]:26: note: per-user data 'page' is stored in 'g_pages' here
  g_pages.Evict(req.path + "/old");
  return page;
}

std::string KeyedByUser(const Request &req) {
  const std::string uid = req.user_id;
  return g_pages_by_user.LoadOrStore(uid + req.path,
                                     [&] { return Render(uid); });
}

// Not cache operations, on caches that hold per-user data: a setting (a
// number, when the cache's type names no value type to compare with), and
// a call whose argument is not of the cache's key type.
class RouteCache {
public:
  void SetLimit(const std::string &route, int max_entries);
  void Keep(const std::string &key, const std::string &value);
};
template <class K, class V> class TypedCache {
public:
  void Keep(const K &key, const V &value);
  std::optional<V> Near(int shard) const;
};
RouteCache g_routes;
TypedCache<std::string, std::string> g_typed;

void Settings(const Request &req) {
  const std::string uid = req.user_id;
  g_routes.Keep(req.path, Render(uid));
  // CHECK: crossuser-cache-key-inferred-methods.cpp:[[@LINE-1]]:3: warning: cache 'g_routes' is keyed by 'req.path', which does not identify the user [crossuser-cache-key]
  // CHECK: crossuser-cache-key-inferred-methods.cpp:[[@LINE-2]]:34: note: user identity 'uid' is available here
  // CHECK: crossuser-cache-key-inferred-methods.cpp:[[@LINE-3]]:27: note: per-user data 'Render(uid)' is stored in 'g_routes' here
  g_routes.SetLimit(req.path, 100);
  g_typed.Keep(uid, Render(uid));
  g_typed.Near(3);
}

// A C-style variadic method has no declared parameter for its second
// argument: nothing to judge it by.
class AuditCache {
public:
  void Note(const char *format, ...);
  void Keep(const std::string &key, const std::string &value);
};
AuditCache g_audit;

void Audit(const Request &req) {
  const std::string uid = req.user_id;
  g_audit.Keep(uid, Render(uid));
  g_audit.Note("%s", req.path.c_str());
}
