// RUN: %clang_tidy -checks='-*,crossuser-cache-key' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

// A class named for sessions that keeps a table of them is a directory of
// many users' sessions, not one user's identity: by its structure (a member
// container whose values are identities), whatever its name says.

#include "service.h"

struct MemberSession {
  std::string member_id;
  std::string display_name;
};

class SessionDirectory {
public:
  bool Find(const std::string &sid, MemberSession &out) const;
  std::string Motd() const;

private:
  std::map<std::string, MemberSession> sessions_;
};

std::map<std::string, std::string> g_pages;

// Negative: the directory's banner is the same for everyone.
std::string Banner(const SessionDirectory &dir, const std::string &path) {
  std::string text = dir.Motd();
  g_pages[path] = text;
  return text;
}

// Positive control: a member's own session, and its data under the path.
std::string Greeting(const MemberSession &who, const std::string &path) {
  std::string text = "hello " + who.display_name;
  g_pages[path] = text;
  // CHECK: :[[@LINE-1]]:3: warning: cache 'g_pages' is keyed by 'path', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-4]]:43: note: user identity 'who' is available here
  // CHECK: :[[@LINE-3]]:19: note: per-user data 'text' is stored in 'g_pages' here
  return text;
}
