// REQUIRES: libmemcached
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// One function serves public help pages and signed-in account pages from
// one memcached client, through a lookup wrapper and direct sets. The
// account pages are cached under the path alone: the wrapper's lookup and
// the set are both reported (the wrapper's cache is the client its caller
// passes). Silent: the help pages, on a branch that returns before the
// session is looked up, so no user is known there.
#include <libmemcached/memcached.h>

#include <cstdlib>
#include <optional>
#include <string>

struct Account {
  std::string id;
  std::string email;
};

class SessionStore {
public:
  std::optional<Account> resolve(const std::string &cookie) const;
};

std::string RenderHelp(const std::string &topic);
std::string RenderAccount(const Account &account, const std::string &tab);

std::optional<std::string> CacheGet(memcached_st *client, const std::string &key) {
  size_t len = 0;
  uint32_t flags = 0;
  memcached_return_t rc;
  char *value = memcached_get(client, key.data(), key.size(), &len, &flags, &rc);
  if (rc != MEMCACHED_SUCCESS || value == nullptr)
    return std::nullopt;
  std::string out(value, len);
  std::free(value);
  return out;
}

std::string Serve(memcached_st *memc, const SessionStore &sessions,
                  const std::string &path, const std::string &cookie) {
  if (path.rfind("/help/", 0) == 0) {
    const std::string key = "help:" + path.substr(6);
    auto page = CacheGet(memc, key);
    if (!page) {
      page = RenderHelp(path.substr(6));
      memcached_set(memc, key.data(), key.size(), page->data(), page->size(), 3600, 0);
    }
    return *page;
  }
  auto account = sessions.resolve(cookie);
  if (!account)
    return "";
  const std::string key = "page:" + path;
  auto page = CacheGet(memc, key);
  // CHECK: libmemcached-branches.cpp:[[@LINE-1]]:15: warning: cache 'memc' is keyed by 'key', which does not identify the user [crossuser-cache-key]
  // CHECK: libmemcached-branches.cpp:[[@LINE-3]]:21: note: key 'key' is built here
  // CHECK: libmemcached-branches.cpp:[[@LINE-3]]:15: note: 'CacheGet' looks up 'memc' (libmemcached-branches.cpp:36) with a key made from its parameter 'key'
  // CHECK: libmemcached-branches.cpp:[[@LINE-8]]:18: note: user identity 'sessions.resolve(cookie)' is available here
  // CHECK: libmemcached-branches.cpp:[[@LINE+3]]:49: note: per-user data 'page->data()' is stored in 'memc' here
  if (!page) {
    page = RenderAccount(*account, path);
    memcached_set(memc, key.data(), key.size(), page->data(), page->size(), 120, 0);
    // CHECK: libmemcached-branches.cpp:[[@LINE-1]]:5: warning: cache 'memc' is keyed by 'key.data()', which does not identify the user [crossuser-cache-key]
    // CHECK: libmemcached-branches.cpp:[[@LINE-11]]:21: note: key 'key' is built here
    // CHECK: libmemcached-branches.cpp:[[@LINE-15]]:18: note: user identity 'sessions.resolve(cookie)' is available here
    // CHECK: libmemcached-branches.cpp:[[@LINE-4]]:49: note: per-user data 'page->data()' is stored in 'memc' here
  }
  return *page;
}
