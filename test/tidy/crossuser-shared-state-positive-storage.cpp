// RUN: %clang_tidy -checks='-*,crossuser-shared-state' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-shared-state' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
//
// Every kind of shared storage, each written with per-user data.
#include "service.h"
#include <atomic>
#include <deque>

// 1. A namespace-scope variable.
std::string g_last_user;
void Track(const Session &session) {
  g_last_user = session.user_id();
  // CHECK: :[[@LINE-1]]:3: warning: per-user data 'session.user_id()' is written to 'g_last_user', which is shared between requests [crossuser-shared-state]
  // CHECK: :[[@LINE-2]]:17: note: per-user data comes from 'session.user_id()'
  // CHECK: :[[@LINE-5]]:13: note: 'g_last_user' is shared between requests: declared at namespace scope
}

// 2. A variable in an anonymous namespace is still one per process.
namespace {
Profile current_profile;
}
void Remember(Database &db, const std::string &user_id) {
  current_profile = db.LoadProfile(user_id);
  // CHECK: :[[@LINE-1]]:3: warning: per-user data 'db.LoadProfile(user_id)' is written to 'current_profile', which is shared between requests [crossuser-shared-state]
  // CHECK: :[[@LINE-3]]:48: note: per-user data comes from 'user_id'
  // CHECK: :[[@LINE-6]]:9: note: 'current_profile' is shared between requests: declared at namespace scope
}

// 3. A static data member.
struct LastSeen {
  static std::string last_email;
};
void Note(const User &user) { LastSeen::last_email = user.email; }
// CHECK: :[[@LINE-1]]:31: warning: per-user data 'user.email' is written to 'LastSeen::last_email', which is shared between requests [crossuser-shared-state]
// CHECK: :[[@LINE-2]]:54: note: per-user data comes from 'user.email'
// CHECK: :[[@LINE-5]]:22: note: 'last_email' is shared between requests: a static data member

// 4. A function-local static.
const std::string &GreetingFor(const Session &session) {
  static std::string greeting;
  greeting = "Hello, " + session.user().name;
  // CHECK: :[[@LINE-1]]:3: warning: per-user data '"Hello, " + session.user().name' is written to 'greeting', which is shared between requests [crossuser-shared-state]
  // CHECK: :[[@LINE-2]]:26: note: per-user data comes from 'session.user().name'
  // CHECK: :[[@LINE-4]]:22: note: 'greeting' is shared between requests: a function-local static
  return greeting;
}

// 5. A thread_local at namespace scope, read before it is set.
thread_local std::string tls_user;
std::string CurrentUser(const Session &session) {
  if (tls_user.empty())
    tls_user = session.user_id();
    // CHECK: :[[@LINE-1]]:5: warning: per-user data 'session.user_id()' is written to 'tls_user', which is shared between requests [crossuser-shared-state]
    // CHECK: :[[@LINE-2]]:16: note: per-user data comes from 'session.user_id()'
    // CHECK: :[[@LINE-6]]:26: note: 'tls_user' is shared between requests: declared thread_local; pooled threads serve many users
  return tls_user;
}

// 6. A function-local thread_local that accumulates across requests.
void Visited(const Session &session) {
  thread_local std::vector<std::string> seen;
  seen.push_back(session.user_id());
  // CHECK: :[[@LINE-1]]:3: warning: per-user data 'session.user_id()' is written to 'seen', which is shared between requests [crossuser-shared-state]
  // CHECK: :[[@LINE-2]]:18: note: per-user data comes from 'session.user_id()'
  // CHECK: :[[@LINE-4]]:41: note: 'seen' is shared between requests: declared thread_local; pooled threads serve many users
}

// 7. A member of a class deriving from the framework's handler base.
class AccountHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    account_ = session.user_id();
    // CHECK: :[[@LINE-1]]:5: warning: per-user data 'session.user_id()' is written to 'account_', which is shared between requests [crossuser-shared-state]
    // CHECK: :[[@LINE-2]]:16: note: per-user data comes from 'session.user_id()'
    // CHECK: :[[@LINE+5]]:15: note: 'account_' is shared between requests: a member of 'AccountHandler', which derives from 'http::Handler': the framework makes one for the whole server (model mock-http, mock-http.yaml:8)
    resp.body = account_;
  }

private:
  std::string account_;
};

// 8. A member inherited from a plain base of a handler.
struct ViewState {
  std::string viewer;
};
class FeedHandler : public http::Handler, private ViewState {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    viewer = ResolveSession(req).user_id();
    // CHECK: :[[@LINE-1]]:5: warning: per-user data 'ResolveSession(req).user_id()' is written to 'viewer', which is shared between requests [crossuser-shared-state]
    // CHECK: :[[@LINE-2]]:14: note: per-user data comes from 'ResolveSession(req).user_id()'
    // CHECK: :[[@LINE-8]]:15: note: 'viewer' is shared between requests: a member of 'FeedHandler', which derives from 'http::Handler': the framework makes one for the whole server (model mock-http, mock-http.yaml:8)
  }
};

// 9. A member of a class named like a long-lived service.
class ProfileService {
public:
  Profile Load(Database &db, const Session &session) {
    last_ = db.LoadProfile(session.user_id());
    // Silent by default: this finding rests on words only (MinimumEvidence: name reports it).
    return last_;
  }

private:
  Profile last_;
};

// 10. A member of a singleton: a static accessor returns a static instance.
class Preferences {
public:
  static Preferences &Instance() {
    static Preferences instance;
    return instance;
  }
  void Remember(const Session &session) { locale_owner_ = session.user_id(); }
  // CHECK: :[[@LINE-1]]:43: warning: per-user data 'session.user_id()' is written to 'locale_owner_', which is shared between requests [crossuser-shared-state]
  // CHECK: :[[@LINE-2]]:59: note: per-user data comes from 'session.user_id()'
  // CHECK: :[[@LINE+4]]:15: note: 'locale_owner_' is shared between requests: a member of singleton 'Preferences'
  // CHECK: :[[@LINE-7]]:24: note: the one instance of 'Preferences', returned by 'Instance()'

private:
  std::string locale_owner_;
};

// 11. Writing through the singleton's accessor from outside.
struct Theme {
  std::string owner;
  static Theme &Get() {
    static Theme theme;
    return theme;
  }
};
void ApplyTheme(const Session &session) { Theme::Get().owner = session.user_id(); }
// CHECK: :[[@LINE-1]]:43: warning: per-user data 'session.user_id()' is written to 'Theme::Get().owner', which is shared between requests [crossuser-shared-state]
// CHECK: :[[@LINE-2]]:64: note: per-user data comes from 'session.user_id()'
// CHECK: :[[@LINE-7]]:18: note: 'theme' is shared between requests: a function-local static

// 12. A class whose instance lives in a global shared_ptr.
class Renderer {
public:
  void Render(const Session &session) { user_ = session.user_id(); }
  // CHECK: :[[@LINE-1]]:41: warning: per-user data 'session.user_id()' is written to 'user_', which is shared between requests [crossuser-shared-state]
  // CHECK: :[[@LINE-2]]:49: note: per-user data comes from 'session.user_id()'
  // CHECK: :[[@LINE+4]]:15: note: 'user_' is shared between requests: a member of 'Renderer', whose instance 'g_renderer' is declared at namespace scope
  // CHECK: :[[@LINE+5]]:27: note: an instance of 'Renderer' lives here, in shared storage

private:
  std::string user_;
};
std::shared_ptr<Renderer> g_renderer = std::make_shared<Renderer>();

// 13. A class whose instance lives in a static unique_ptr member.
class Mailer {
public:
  void Prepare(const User &user) { to_ = user.email; }
  // CHECK: :[[@LINE-1]]:36: warning: per-user data 'user.email' is written to 'to_', which is shared between requests [crossuser-shared-state]
  // CHECK: :[[@LINE-2]]:42: note: per-user data comes from 'user.email'
  // CHECK: :[[@LINE+5]]:15: note: 'to_' is shared between requests: a member of 'Mailer', whose instance 'shared' is a static data member
  // CHECK: :[[@LINE+1]]:34: note: an instance of 'Mailer' lives here, in shared storage
  static std::unique_ptr<Mailer> shared;

private:
  std::string to_;
};

// 14. A class registered with the server: one instance serves everyone.
class Server {
public:
  template <class H>
  void AddRoute(const std::string &path, std::shared_ptr<H> handler);
};
class Checkout {
public:
  void Run(const Session &session) { buyer_ = session.user_id(); }
  // CHECK: :[[@LINE-1]]:38: warning: per-user data 'session.user_id()' is written to 'buyer_', which is shared between requests [crossuser-shared-state]
  // CHECK: :[[@LINE-2]]:47: note: per-user data comes from 'session.user_id()'
  // CHECK: :[[@LINE+4]]:15: note: 'buyer_' is shared between requests: a member of 'Checkout', registered to serve requests
  // CHECK: :[[@LINE+6]]:3: note: 'Checkout' is registered here; one instance serves every request

private:
  std::string buyer_;
};
void Routes(Server &server) {
  server.AddRoute("/checkout", std::make_shared<Checkout>());
}

// 15. A class held by a member of a long-lived handler.
class Formatter {
public:
  void For(const Session &session) { name_ = session.user().name; }
  // CHECK: :[[@LINE-1]]:38: warning: per-user data 'session.user().name' is written to 'name_', which is shared between requests [crossuser-shared-state]
  // CHECK: :[[@LINE-2]]:46: note: per-user data comes from 'session.user().name'
  // CHECK: :[[@LINE+4]]:15: note: 'name_' is shared between requests: a member of 'Formatter', held by 'OrdersHandler::formatter_' (a member of 'OrdersHandler', which derives from 'http::Handler': the framework makes one for the whole server (model mock-http, mock-http.yaml:8))
  // CHECK: :[[@LINE+10]]:13: note: 'formatter_' holds an instance of 'Formatter'

private:
  std::string name_;
};
class OrdersHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override;

private:
  Formatter formatter_;
};

// 16. A global reached through a pointer member of a shared object.
struct Slot {
  std::string holder;
};
Slot g_slot;
Slot *g_slot_ptr = &g_slot;
void Claim(const Session &session) { g_slot_ptr->holder = session.user_id(); }
// CHECK: :[[@LINE-1]]:38: warning: per-user data 'session.user_id()' is written to 'g_slot_ptr->holder', which is shared between requests [crossuser-shared-state]
// CHECK: :[[@LINE-2]]:59: note: per-user data comes from 'session.user_id()'
// CHECK: :[[@LINE-4]]:7: note: 'g_slot_ptr' is shared between requests: declared at namespace scope

// 17. A global object held in a static std::optional.
static std::optional<User> g_cached_user;
void Cache(const Session &session) { g_cached_user = session.user(); }
// CHECK: :[[@LINE-1]]:38: warning: per-user data 'session.user()' is written to 'g_cached_user', which is shared between requests [crossuser-shared-state]
// CHECK: :[[@LINE-2]]:54: note: per-user data comes from 'session.user()'
// CHECK: :[[@LINE-4]]:28: note: 'g_cached_user' is shared between requests: declared at namespace scope

// 18. A std::atomic holding a user id.
std::atomic<long> g_last_uid;
void Touch(long uid) { g_last_uid.store(uid); }
// CHECK: :[[@LINE-1]]:24: warning: per-user data 'uid' is written to 'g_last_uid', which is shared between requests [crossuser-shared-state]
// CHECK: :[[@LINE-2]]:17: note: per-user data comes from 'uid'
// CHECK: :[[@LINE-4]]:19: note: 'g_last_uid' is shared between requests: declared at namespace scope
