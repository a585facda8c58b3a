// RUN: %clang_tidy -checks='-*,crossuser-shared-state' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-shared-state' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
//
// Writes that are not cross-user bugs, or that another check judges.
#include "service.h"
#include <atomic>
#include <set>

// 1. A map keyed by identity is a cache: crossuser-cache-key judges it.
std::map<std::string, Profile> g_profiles;
void Store(Database &db, const Session &session) {
  g_profiles[session.user_id()] = db.LoadProfile(session.user_id());
}

// 2. The same through a reference to the slot.
void StoreSlot(Database &db, const Session &session) {
  Profile &slot = g_profiles[session.user_id()];
  slot = db.LoadProfile(session.user_id());
}

// 3. A set of user ids is keyed by the ids themselves.
std::set<std::string> g_active_users;
void Activate(const Session &session) { g_active_users.insert(session.user_id()); }

// 4. A cache type, even when the key is wrong, is the other check's.
LruCache<std::string, Profile> g_page_cache;
void Page(Database &db, const http::Request &req, const Session &session) {
  g_page_cache.Put(req.path(), db.LoadProfile(session.user_id()));
}

// 5. A map member of a handler keyed by the user.
class InboxHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    unread_[session.user_id()] = 0;
    last_path_ = req.path();
    ++hits_;
  }

private:
  std::unordered_map<std::string, int> unread_;
  std::string last_path_; // 6. not per-user data
  int hits_ = 0;          // 7. a counter
};

// 8. Atomic counters and sizes are not per-user data.
std::atomic<long> g_requests;
std::atomic<long> g_bytes_served;
void Served(const Profile &profile, const http::Response &resp) {
  g_requests++;
  g_requests.fetch_add(1);
  g_bytes_served.store(resp.body.size() + profile.address.size());
}

// 9. Logging and audit storage is never served to users.
std::vector<std::string> g_audit_log;
std::string g_last_log_line;
void Audit(const Session &session) {
  g_audit_log.push_back("login " + session.user_id());
  g_last_log_line = session.user_id();
}

// 10. Non-user data: configuration, compiled patterns, the public catalog.
std::string g_banner;
std::unique_ptr<Regex> g_pattern;
std::vector<Product> g_catalog;
void Refresh(Database &db, int product_id) {
  g_banner = db.LoadConfig("banner");
  g_pattern.reset(new Regex("^[a-z]+$"));
  g_catalog.push_back(db.LoadProduct(product_id));
}

// 11. const and constexpr data is never written; reading it is fine.
const std::string kGuest = "guest";
constexpr int kMaxAge = 60;
std::string Greeting(const Session &session) {
  static const std::string kPrefix = "user:";
  return kPrefix + session.user_id() + kGuest + std::to_string(kMaxAge);
}

// 12. Locals, including a copy of a global and a local container.
std::vector<std::string> g_template_list;
void Locals(const Session &session) {
  std::string user = session.user_id();
  std::vector<std::string> mine = g_template_list;
  mine.push_back(user);
  std::string copy = kGuest;
  copy = session.user_id();
}

// 13. Reference parameters: the caller decides where the storage lives.
struct View {
  std::string viewer;
};
void Fill(View &view, const Session &session) { view.viewer = session.user_id(); }
void FillPtr(View *view, const Session &session) { view->viewer = session.user_id(); }

// 14. Members of a per-request class.
class RequestContext {
public:
  void Bind(const Session &session) { user_ = session.user_id(); }

private:
  std::string user_;
};

// 15. Members of an ordinary class with no sign of being long-lived.
class Greeter {
public:
  void For(const Session &session) { name_ = session.user().name; }

private:
  std::string name_;
};

// 16. Reads and comparisons of shared storage are not writes.
std::string g_owner;
bool IsOwner(const Session &session) {
  std::string current = g_owner;
  return g_owner == session.user_id() || current.empty();
}

// 17. A setter on a local object.
class Audience {
public:
  void set_viewer(const std::string &v);
};
void LocalSetter(const Session &session) {
  Audience audience;
  audience.set_viewer(session.user_id());
}

// Control: without an exclusion, the same write warns.
std::string g_control;
void Control(const Session &session) { g_control = session.user_id(); }
// CHECK: :[[@LINE-1]]:40: warning: per-user data 'session.user_id()' is written to 'g_control', which is shared between requests [crossuser-shared-state]
// CHECK: :[[@LINE-2]]:52: note: per-user data comes from 'session.user_id()'
// CHECK: :[[@LINE-4]]:13: note: 'g_control' is shared between requests: declared at namespace scope
