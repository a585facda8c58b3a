// RUN: %clang_tidy -checks='-*,crossuser-shared-state' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-shared-state' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

// A keyed container whose operator[] a base class declares (Abseil's
// node_hash_map is a raw_hash_map to its `[]`) is still keyed storage:
// crossuser-cache-key judges its key, this check does not. The positive
// control writes the same session into a plain global.

#include "service.h"

namespace hashing {
template <class K, class V> class raw_hash_map {
public:
  V &operator[](const K &key);
};
template <class K, class V>
class node_hash_map : public raw_hash_map<K, V> {};
} // namespace hashing

hashing::node_hash_map<std::string, Session> g_sessions_by_token;
Session g_last_session;

void Remember(const http::Request &req, const std::string &token) {
  Session session = ResolveSession(req);
  g_sessions_by_token[token] = session;
  g_last_session = session;
  // CHECK: crossuser-shared-state-negative-base-container.cpp:[[@LINE-1]]:3: warning: per-user data 'session' is written to 'g_last_session', which is shared between requests [crossuser-shared-state]
  // CHECK: crossuser-shared-state-negative-base-container.cpp:[[@LINE-4]]:11: note: per-user data comes from 'session'
  // CHECK: crossuser-shared-state-negative-base-container.cpp:[[@LINE-8]]:9: note: 'g_last_session' is shared between requests: declared at namespace scope
}
