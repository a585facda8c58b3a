// REQUIRES: httplib
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// A cache keyed by the tenant (an identity only by its name: the value of
// a gateway header) stores listings built for the author the bearer token
// names (the Authorization header, a model row): every author of the
// tenant gets the first author's drafts. Silent: the same cache when the key
// carries the subject too, and a tenant-wide listing keyed by the tenant.
#include <httplib.h>

#include <map>
#include <mutex>
#include <string>

std::string Drafts(const std::string &tenant, const std::string &author);
std::string Templates(const std::string &tenant);

std::string AuthorFor(const std::string &bearer);

std::mutex g_mu;
std::map<std::string, std::string> g_drafts;
std::map<std::string, std::string> g_own_drafts;
std::map<std::string, std::string> g_templates;

void ListDrafts(const httplib::Request &req, httplib::Response &res) {
  const std::string author = AuthorFor(req.get_header_value("Authorization"));
  const std::string tenant = req.get_header_value("X-Tenant");
  std::lock_guard<std::mutex> lock(g_mu);
  const std::string listing = Drafts(tenant, author);
  g_drafts[tenant] = listing;
  // CHECK: httplib-tenant-key.cpp:[[@LINE-1]]:3: warning: cache 'g_drafts' is keyed by 'tenant', which does not identify the user [crossuser-cache-key]
  // CHECK: httplib-tenant-key.cpp:[[@LINE-5]]:21: note: key 'tenant' is built here
  // CHECK: httplib-tenant-key.cpp:[[@LINE-7]]:40: note: user identity 'req.get_header_value("Authorization")' is available here (model cpp-httplib, cpp-httplib.yaml:6)
  // CHECK: httplib-tenant-key.cpp:[[@LINE-4]]:22: note: per-user data 'listing' is stored in 'g_drafts' here
  // CHECK: httplib-tenant-key.cpp:[[@LINE-6]]:46: note: the stored value is built for 'author', which the key does not carry; the key's own identity is judged only by its name
  res.set_content(listing, "application/json");
}

void ListOwnDrafts(const httplib::Request &req, httplib::Response &res) {
  const std::string author = AuthorFor(req.get_header_value("Authorization"));
  const std::string tenant = req.get_header_value("X-Tenant");
  std::lock_guard<std::mutex> lock(g_mu);
  const std::string listing = Drafts(tenant, author);
  g_own_drafts[tenant + "/" + author] = listing;
  res.set_content(listing, "application/json");
}

void ListTemplates(const httplib::Request &req, httplib::Response &res) {
  const std::string author = AuthorFor(req.get_header_value("Authorization"));
  const std::string tenant = req.get_header_value("X-Tenant");
  std::lock_guard<std::mutex> lock(g_mu);
  const std::string listing = Templates(tenant);
  g_templates[tenant] = listing;
  res.set_content(author.empty() ? "" : listing, "application/json");
}
