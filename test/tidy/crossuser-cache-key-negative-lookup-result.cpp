// RUN: %clang_tidy -checks='-*,crossuser-cache-key' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

// What a lookup returns names whoever the entry belongs to, not the
// requester: a directory that finds an account by a credential shows no
// user identity of its own, so its lookup is not a cache keyed without the
// user. The positive control reads the requester's session in the same
// function as the lookup.

#include "service.h"

#include <map>
#include <string>

struct Customer {
  std::string id;
  std::string email;
};

class CustomerDirectory {
public:
  std::optional<Customer> ByCredential(const std::string &presented) const {
    auto it = customers_.find(presented);
    if (it == customers_.end())
      return std::nullopt;
    return it->second;
  }

private:
  std::map<std::string, Customer> customers_;
};

CustomerDirectory g_directory;

std::map<std::string, Customer> g_by_region;

Customer Nearest(const std::string &region, const std::string &session);

std::string Handle(const http::Request &req) {
  const std::string session = req.cookie("session");
  auto it = g_by_region.find(req.param("region"));
  // CHECK: crossuser-cache-key-negative-lookup-result.cpp:[[@LINE-1]]:13: warning: cache 'g_by_region' is keyed by 'req.param("region")', which does not identify the user [crossuser-cache-key]
  // CHECK: crossuser-cache-key-negative-lookup-result.cpp:[[@LINE-3]]:31: note: user identity 'req.cookie("session")' is available here
  // CHECK: crossuser-cache-key-negative-lookup-result.cpp:[[@LINE+2]]:51: note: per-user data 'Nearest(req.param("region"), session)' is stored in 'g_by_region' here
  if (it == g_by_region.end())
    it = g_by_region.emplace(req.param("region"), Nearest(req.param("region"), session)).first;
    // CHECK: crossuser-cache-key-negative-lookup-result.cpp:[[@LINE-1]]:10: warning: cache 'g_by_region' is keyed by 'req.param("region")', which does not identify the user [crossuser-cache-key]
    // CHECK: crossuser-cache-key-negative-lookup-result.cpp:[[@LINE-8]]:31: note: user identity 'req.cookie("session")' is available here
    // CHECK: crossuser-cache-key-negative-lookup-result.cpp:[[@LINE-3]]:51: note: per-user data 'Nearest(req.param("region"), session)' is stored in 'g_by_region' here
  return it->second.email;
}
