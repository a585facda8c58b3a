// REQUIRES: abseil, httplib
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// A card service whose caches are Abseil's hash and B-tree maps, compiled
// against the real Abseil headers (libabsl-dev). Abseil has no model file:
// its containers are caches by the AssociativeContainers vocabulary, as the
// standard ones are (absl::flat_hash_map is a raw_hash_map to its find and
// operator[]). Leaks: cards cached under the path while the caller's token
// is at hand, and the latest card kept under a constant key (the map's
// operator[] is declared in its base, raw_hash_map: the object is judged as
// declared, not as converted to that base). Silent: the
// cache keyed by token and path, and public help pages in a btree_map.
#include <httplib.h>

#include "absl/container/btree_map.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/node_hash_map.h"
#include "absl/synchronization/mutex.h"

#include <string>

std::string RenderCard(const std::string &who);
std::string RenderHelp(const std::string &topic);

namespace {
absl::Mutex g_mu;
absl::flat_hash_map<std::string, std::string> g_cards;
absl::node_hash_map<std::string, std::string> g_cards_by_caller;
absl::node_hash_map<std::string, std::string> g_latest;
absl::btree_map<std::string, std::string> g_help;
} // namespace

void ServeCard(const httplib::Request &req, httplib::Response &res) {
  const std::string token = req.get_header_value("Authorization");
  absl::MutexLock lock(&g_mu);
  auto hit = g_cards.find(req.path);
  // CHECK: abseil.cpp:[[@LINE-1]]:14: warning: cache 'g_cards' is keyed by 'req.path', which does not identify the user [crossuser-cache-key]
  // CHECK: abseil.cpp:[[@LINE-4]]:29: note: user identity 'req.get_header_value("Authorization")' is available here (model cpp-httplib, cpp-httplib.yaml:6)
  // CHECK: abseil.cpp:[[@LINE+6]]:33: note: per-user data 'card' is stored in 'g_cards' here
  if (hit != g_cards.end()) {
    res.set_content(hit->second, "text/html");
    return;
  }
  const std::string card = RenderCard(token);
  g_cards.try_emplace(req.path, card);
  // CHECK: abseil.cpp:[[@LINE-1]]:3: warning: cache 'g_cards' is keyed by 'req.path', which does not identify the user [crossuser-cache-key]
  // CHECK: abseil.cpp:[[@LINE-13]]:29: note: user identity 'req.get_header_value("Authorization")' is available here (model cpp-httplib, cpp-httplib.yaml:6)
  // CHECK: abseil.cpp:[[@LINE-3]]:33: note: per-user data 'card' is stored in 'g_cards' here
  g_cards_by_caller[token + req.path] = card;
  g_latest["latest"] = card;
  // CHECK: abseil.cpp:[[@LINE-1]]:3: warning: cache 'g_latest' is keyed by '"latest"', which does not identify the user [crossuser-cache-key]
  // CHECK: abseil.cpp:[[@LINE-18]]:29: note: user identity 'req.get_header_value("Authorization")' is available here (model cpp-httplib, cpp-httplib.yaml:6)
  // CHECK: abseil.cpp:[[@LINE-3]]:24: note: per-user data 'card' is stored in 'g_latest' here
  res.set_content(card, "text/html");
}

void ServeHelp(const httplib::Request &req, httplib::Response &res) {
  absl::MutexLock lock(&g_mu);
  auto hit = g_help.find(req.path);
  if (hit == g_help.end())
    hit = g_help.emplace(req.path, RenderHelp(req.path)).first;
  res.set_content(hit->second, "text/html");
}
