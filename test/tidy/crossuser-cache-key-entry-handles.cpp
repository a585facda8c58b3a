// RUN: %clang_tidy -checks='-*,crossuser-cache-key' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

// An insert that hands out its entry: `try_emplace(key)` returns an
// iterator (bound by a structured binding or taken as `.first`), and what
// is written through it afterwards (`it->second = v`, `it->second.insert`)
// is the value the cache stores under that key.

#include "service.h"

std::string Feed(const std::string &user, const std::string &region);
std::vector<std::string> RoleGrants(const std::string &role);
std::string DirectGrant(const std::string &user);
std::string Banner(const std::string &region);

std::unordered_map<std::string, std::string> g_feeds;
std::unordered_map<std::string, std::vector<std::string>> g_grants;
std::unordered_map<std::string, std::string> g_banners;

// The value written through the binding is built for the user; the key
// is the region only.
std::string HomeFeed(const http::Request &req) {
  const std::string user = req.header("X-User-Id");
  const std::string region = req.param("region");
  auto [slot, fresh] = g_feeds.try_emplace(region);
  // CHECK: :[[@LINE-1]]:24: warning: cache 'g_feeds' is keyed by 'region', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-3]]:21: note: key 'region' is built here
  // CHECK: :[[@LINE-5]]:28: note: user identity 'req.header("X-User-Id")' is available here
  // CHECK: :[[@LINE+2]]:20: note: per-user data 'Feed(user, region)' is stored in 'g_feeds' here
  if (fresh)
    slot->second = Feed(user, region);
  return slot->second;
}

// Per-user grants merged into an entry keyed by the role.
std::vector<std::string> Permissions(const http::Request &req) {
  const std::string user = req.header("X-User-Id");
  const std::string role = req.param("role");
  auto it = g_grants.try_emplace("perms:" + role).first;
  // CHECK: :[[@LINE-1]]:13: warning: cache 'g_grants' is keyed by '"perms:" + role', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-4]]:28: note: user identity 'req.header("X-User-Id")' is available here
  // CHECK: :[[@LINE+2]]:24: note: per-user data 'DirectGrant(user)' is stored in 'g_grants' here
  it->second = RoleGrants(role);
  it->second.push_back(DirectGrant(user));
  return it->second;
}

// Negative: what goes through the handle depends on the region only.
std::string RegionBanner(const http::Request &req) {
  const std::string user = req.header("X-User-Id");
  const std::string region = req.param("region");
  auto [slot, fresh] = g_banners.try_emplace(region);
  if (fresh)
    slot->second = Banner(region);
  return user.empty() ? "" : slot->second;
}

struct Account {
  std::string acct;
  std::string locale;
};
std::optional<Account> AccountFor(const std::string &token);
std::string Statement(const std::string &acct, const std::string &locale);
std::string Glossary(const std::string &locale);
std::unordered_map<std::string, std::string> g_statements;
std::unordered_map<std::string, std::string> g_glossaries;

// The key carries one attribute of the caller's account (the locale); the
// value is computed from the account number too, which the key lacks.
std::string LocaleStatement(const http::Request &req) {
  const auto account = AccountFor(req.header("Authorization"));
  if (!account)
    return "";
  const std::string key = "stmt:" + account->locale;
  g_statements[key] = Statement(account->acct, account->locale);
  // CHECK: :[[@LINE-1]]:3: warning: cache 'g_statements' is keyed by 'key', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-3]]:21: note: key 'key' is built here
  // CHECK: :[[@LINE-7]]:24: note: user identity 'AccountFor(req.header("Authorization"))' is available here
  // CHECK: :[[@LINE-4]]:23: note: per-user data 'Statement(account->acct, account->locale)' is stored in 'g_statements' here
  return g_statements[key];
  // CHECK: :[[@LINE-1]]:10: warning: cache 'g_statements' is keyed by 'key', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-8]]:21: note: key 'key' is built here
  // CHECK: :[[@LINE-12]]:24: note: user identity 'AccountFor(req.header("Authorization"))' is available here
  // CHECK: :[[@LINE-9]]:23: note: per-user data 'Statement(account->acct, account->locale)' is stored in 'g_statements' here
}

// Negative: the value depends only on the attribute the key carries.
std::string LocaleGlossary(const http::Request &req) {
  const auto account = AccountFor(req.header("Authorization"));
  if (!account)
    return "";
  const std::string key = "glossary:" + account->locale;
  g_glossaries[key] = Glossary(account->locale);
  return g_glossaries[key];
}
