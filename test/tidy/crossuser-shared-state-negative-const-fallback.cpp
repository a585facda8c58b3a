// RUN: %clang_tidy -checks='-*,crossuser-shared-state' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-shared-state' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

// Found on drogon: a value type whose accessor falls back to a
// `static const` default instance is not a singleton (nobody can write
// the const instance), and an enumeration (a SameSite policy named
// `sessionPolicy_`) names nobody, whatever its name says.

#include "service.h"

enum class SameSite { None, Lax, Strict };

class Tag {
public:
  Tag() = default;
  Tag(std::string k, std::string v);
  void setPolicy(SameSite p) { policy_ = p; }
  void setOwner(const std::string &o) { owner_ = o; }
  const std::string &key() const;

private:
  std::string key_, value_, owner_;
  SameSite policy_ = SameSite::None;
};

class Reply {
public:
  void add(Tag &&t);
  const Tag &get(const std::string &k) const {
    static const Tag empty;
    auto it = tags_.find(k);
    return it != tags_.end() ? it->second : empty;
  }

private:
  std::map<std::string, Tag> tags_;
};

struct App {
  SameSite sessionPolicy_ = SameSite::Lax;
  void attachSession(Reply &r, const std::string &session_id) {
    Tag t("SID", session_id);
    t.setPolicy(sessionPolicy_);
    r.add(std::move(t));
  }
};

// Positive control: a mutable instance handed out by reference is one
// object for every caller.
class Defaults {
public:
  static Defaults &instance() {
    static Defaults d;
    return d;
  }
  std::string last_user;
};

void Remember(const Session &session) {
  Defaults::instance().last_user = session.user_id();
  // CHECK: :[[@LINE-1]]:3: warning: per-user data 'session.user_id()' is written to 'Defaults::instance().last_user', which is shared between requests [crossuser-shared-state]
  // CHECK: :[[@LINE-2]]:36: note: per-user data comes from 'session.user_id()'
  // CHECK: :[[@LINE-10]]:21: note: 'd' is shared between requests: a function-local static
}
