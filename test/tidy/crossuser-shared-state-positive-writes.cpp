// RUN: %clang_tidy -checks='-*,crossuser-shared-state' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-shared-state' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
//
// Every form of write, each into shared storage, each with per-user data.
#include "service.h"
#include <atomic>
#include <deque>
#include <functional>

struct Context {
  User user;
  std::string token;
  std::vector<std::string> recent;
};
Context g_ctx;
std::vector<std::string> g_recent;
std::deque<std::string> g_queue;
std::string g_names;
std::string g_owner;
std::unique_ptr<User> g_user_ptr;
std::atomic<long> g_last_seen;

// 1. Compound assignment.
void Append(const Session &session) { g_names += session.user().name; }
// CHECK: :[[@LINE-1]]:39: warning: per-user data 'session.user().name' is written to 'g_names', which is shared between requests [crossuser-shared-state]
// CHECK: :[[@LINE-2]]:50: note: per-user data comes from 'session.user().name'
// CHECK: :[[@LINE-9]]:13: note: 'g_names' is shared between requests: declared at namespace scope

// 2. push_back, emplace_back, push_front, emplace_front.
void Recent(const Session &session) {
  g_recent.push_back(session.user_id());
  // CHECK: :[[@LINE-1]]:3: warning: per-user data 'session.user_id()' is written to 'g_recent', which is shared between requests [crossuser-shared-state]
  // CHECK: :[[@LINE-2]]:22: note: per-user data comes from 'session.user_id()'
  // CHECK: :[[@LINE-18]]:26: note: 'g_recent' is shared between requests: declared at namespace scope
  g_recent.emplace_back(session.token());
  // CHECK: :[[@LINE-1]]:3: warning: per-user data 'session.token()' is written to 'g_recent', which is shared between requests [crossuser-shared-state]
  // CHECK: :[[@LINE-2]]:25: note: per-user data comes from 'session.token()'
  // CHECK: :[[@LINE-22]]:26: note: 'g_recent' is shared between requests: declared at namespace scope
  g_queue.push_front(session.user_id());
  // CHECK: :[[@LINE-1]]:3: warning: per-user data 'session.user_id()' is written to 'g_queue', which is shared between requests [crossuser-shared-state]
  // CHECK: :[[@LINE-2]]:22: note: per-user data comes from 'session.user_id()'
  // CHECK: :[[@LINE-25]]:25: note: 'g_queue' is shared between requests: declared at namespace scope
  g_queue.emplace_front(session.user().email);
  // CHECK: :[[@LINE-1]]:3: warning: per-user data 'session.user().email' is written to 'g_queue', which is shared between requests [crossuser-shared-state]
  // CHECK: :[[@LINE-2]]:25: note: per-user data comes from 'session.user().email'
  // CHECK: :[[@LINE-29]]:25: note: 'g_queue' is shared between requests: declared at namespace scope
}

// 3. insert and emplace into a sequence.
void Insert(const Session &session) {
  g_recent.insert(g_recent.begin(), session.user_id());
  // CHECK: :[[@LINE-1]]:3: warning: per-user data 'session.user_id()' is written to 'g_recent', which is shared between requests [crossuser-shared-state]
  // CHECK: :[[@LINE-2]]:37: note: per-user data comes from 'session.user_id()'
  // CHECK: :[[@LINE-38]]:26: note: 'g_recent' is shared between requests: declared at namespace scope
  g_recent.emplace(g_recent.end(), session.user().email);
  // CHECK: :[[@LINE-1]]:3: warning: per-user data 'session.user().email' is written to 'g_recent', which is shared between requests [crossuser-shared-state]
  // CHECK: :[[@LINE-2]]:36: note: per-user data comes from 'session.user().email'
  // CHECK: :[[@LINE-42]]:26: note: 'g_recent' is shared between requests: declared at namespace scope
}

// 4. operator[] assignment on a sequence.
void Overwrite(const Session &session) { g_recent[0] = session.user_id(); }
// CHECK: :[[@LINE-1]]:42: warning: per-user data 'session.user_id()' is written to 'g_recent[0]', which is shared between requests [crossuser-shared-state]
// CHECK: :[[@LINE-2]]:56: note: per-user data comes from 'session.user_id()'
// CHECK: :[[@LINE-49]]:26: note: 'g_recent' is shared between requests: declared at namespace scope

// 5. Member-of-member writes.
void Fill(const Session &session) {
  g_ctx.user.name = session.user().name;
  // CHECK: :[[@LINE-1]]:3: warning: per-user data 'session.user().name' is written to 'g_ctx.user.name', which is shared between requests [crossuser-shared-state]
  // CHECK: :[[@LINE-2]]:21: note: per-user data comes from 'session.user().name'
  // CHECK: :[[@LINE-57]]:9: note: 'g_ctx' is shared between requests: declared at namespace scope
  g_ctx.token = session.token();
  // CHECK: :[[@LINE-1]]:3: warning: per-user data 'session.token()' is written to 'g_ctx.token', which is shared between requests [crossuser-shared-state]
  // CHECK: :[[@LINE-2]]:17: note: per-user data comes from 'session.token()'
  // CHECK: :[[@LINE-61]]:9: note: 'g_ctx' is shared between requests: declared at namespace scope
}

// 6. A member container of a global.
void Push(const Session &session) { g_ctx.recent.push_back(session.user_id()); }
// CHECK: :[[@LINE-1]]:37: warning: per-user data 'session.user_id()' is written to 'g_ctx.recent', which is shared between requests [crossuser-shared-state]
// CHECK: :[[@LINE-2]]:60: note: per-user data comes from 'session.user_id()'
// CHECK: :[[@LINE-68]]:9: note: 'g_ctx' is shared between requests: declared at namespace scope

// 7. Through a reference bound to shared storage.
void ByReference(const Session &session) {
  Context &ctx = g_ctx;
  ctx.token = session.token();
  // CHECK: :[[@LINE-1]]:3: warning: per-user data 'session.token()' is written to 'ctx.token', which is shared between requests [crossuser-shared-state]
  // CHECK: :[[@LINE-2]]:15: note: per-user data comes from 'session.token()'
  // CHECK: :[[@LINE-76]]:9: note: 'g_ctx' is shared between requests: declared at namespace scope
}

// 8. Through a pointer to shared storage.
void ByPointer(const Session &session) {
  Context *ctx = &g_ctx;
  ctx->user = session.user();
  // CHECK: :[[@LINE-1]]:3: warning: per-user data 'session.user()' is written to 'ctx->user', which is shared between requests [crossuser-shared-state]
  // CHECK: :[[@LINE-2]]:15: note: per-user data comes from 'session.user()'
  // CHECK: :[[@LINE-85]]:9: note: 'g_ctx' is shared between requests: declared at namespace scope
}

// 9. swap, as a member and as std::swap.
void SwapIn(const Session &session) {
  std::string mine = session.user_id();
  g_owner.swap(mine);
  // CHECK: :[[@LINE-1]]:3: warning: per-user data 'mine' is written to 'g_owner', which is shared between requests [crossuser-shared-state]
  // CHECK: :[[@LINE-3]]:22: note: per-user data comes from 'session.user_id()'
  // CHECK: :[[@LINE-90]]:13: note: 'g_owner' is shared between requests: declared at namespace scope
}
void StdSwap(const Session &session) {
  std::string mine = session.user_id();
  std::swap(g_owner, mine);
  // CHECK: :[[@LINE-1]]:3: warning: per-user data 'mine' is written to 'g_owner', which is shared between requests [crossuser-shared-state]
  // CHECK: :[[@LINE-3]]:22: note: per-user data comes from 'session.user_id()'
  // CHECK: :[[@LINE-97]]:13: note: 'g_owner' is shared between requests: declared at namespace scope
}

// 10. append and assign.
void AppendAssign(const Session &session) {
  g_names.append(session.user().name);
  // CHECK: :[[@LINE-1]]:3: warning: per-user data 'session.user().name' is written to 'g_names', which is shared between requests [crossuser-shared-state]
  // CHECK: :[[@LINE-2]]:18: note: per-user data comes from 'session.user().name'
  // CHECK: :[[@LINE-106]]:13: note: 'g_names' is shared between requests: declared at namespace scope
  g_owner.assign(session.user_id());
  // CHECK: :[[@LINE-1]]:3: warning: per-user data 'session.user_id()' is written to 'g_owner', which is shared between requests [crossuser-shared-state]
  // CHECK: :[[@LINE-2]]:18: note: per-user data comes from 'session.user_id()'
  // CHECK: :[[@LINE-109]]:13: note: 'g_owner' is shared between requests: declared at namespace scope
}

// 11. reset of a global smart pointer with a per-user object.
void Own(const Session &session) { g_user_ptr.reset(new User(session.user())); }
// CHECK: :[[@LINE-1]]:36: warning: per-user data 'new User(session.user())' is written to 'g_user_ptr', which is shared between requests [crossuser-shared-state]
// CHECK: :[[@LINE-2]]:62: note: per-user data comes from 'session.user()'
// CHECK: :[[@LINE-115]]:23: note: 'g_user_ptr' is shared between requests: declared at namespace scope

// 12. atomic store and exchange.
void Seen(long user_id) {
  g_last_seen.store(user_id);
  // CHECK: :[[@LINE-1]]:3: warning: per-user data 'user_id' is written to 'g_last_seen', which is shared between requests [crossuser-shared-state]
  // CHECK: :[[@LINE-3]]:16: note: per-user data comes from 'user_id'
  // CHECK: :[[@LINE-121]]:19: note: 'g_last_seen' is shared between requests: declared at namespace scope
  g_last_seen.exchange(user_id);
  // CHECK: :[[@LINE-1]]:3: warning: per-user data 'user_id' is written to 'g_last_seen', which is shared between requests [crossuser-shared-state]
  // CHECK: :[[@LINE-7]]:16: note: per-user data comes from 'user_id'
  // CHECK: :[[@LINE-125]]:19: note: 'g_last_seen' is shared between requests: declared at namespace scope
}

// 13. A setter on a shared object.
class Audience {
public:
  void set_viewer(const std::string &v);
  void SetViewer(const std::string &v);
};
Audience g_audience;
void Show(const Session &session) {
  g_audience.set_viewer(session.user_id());
  // CHECK: :[[@LINE-1]]:3: warning: per-user data 'session.user_id()' is written to 'g_audience', which is shared between requests [crossuser-shared-state]
  // CHECK: :[[@LINE-2]]:25: note: per-user data comes from 'session.user_id()'
  // CHECK: :[[@LINE-5]]:10: note: 'g_audience' is shared between requests: declared at namespace scope
  g_audience.SetViewer(session.user_id());
  // CHECK: :[[@LINE-1]]:3: warning: per-user data 'session.user_id()' is written to 'g_audience', which is shared between requests [crossuser-shared-state]
  // CHECK: :[[@LINE-2]]:24: note: per-user data comes from 'session.user_id()'
  // CHECK: :[[@LINE-9]]:10: note: 'g_audience' is shared between requests: declared at namespace scope
}

// 14. A value derived through locals and string building.
void Derived(const http::Request &req) {
  std::string auth = req.header("Authorization");
  std::string line = "token=" + auth;
  g_owner = line;
  // CHECK: :[[@LINE-1]]:3: warning: per-user data 'line' is written to 'g_owner', which is shared between requests [crossuser-shared-state]
  // CHECK: :[[@LINE-4]]:22: note: per-user data comes from 'req.header("Authorization")'
  // CHECK: :[[@LINE-155]]:13: note: 'g_owner' is shared between requests: declared at namespace scope
}

// 15. Inside a lambda callback registered from a handler.
class Router {
public:
  void On(const std::string &path,
          std::function<void(const http::Request &)> callback);
};
class CallbackHandler : public http::Handler {
public:
  explicit CallbackHandler(Router &router) {
    router.On("/me", [this](const http::Request &req) {
      last_ = ResolveSession(req).user_id();
      // CHECK: :[[@LINE-1]]:7: warning: per-user data 'ResolveSession(req).user_id()' is written to 'last_', which is shared between requests [crossuser-shared-state]
      // CHECK: :[[@LINE-2]]:15: note: per-user data comes from 'ResolveSession(req).user_id()'
      // CHECK: :[[@LINE+6]]:15: note: 'last_' is shared between requests: a member of 'CallbackHandler', which derives from 'http::Handler'
    });
  }
  void Handle(const http::Request &req, http::Response &resp) override;

private:
  std::string last_;
};

// 16. A lambda inside a handler writing a global.
class AsyncHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    auto done = [&] { g_owner = session.user_id(); };
    // CHECK: :[[@LINE-1]]:23: warning: per-user data 'session.user_id()' is written to 'g_owner', which is shared between requests [crossuser-shared-state]
    // CHECK: :[[@LINE-2]]:33: note: per-user data comes from 'session.user_id()'
    // CHECK: :[[@LINE-188]]:13: note: 'g_owner' is shared between requests: declared at namespace scope
    done();
  }
};

// 17. A template's primary definition, reported once.
template <class T> void Keep(const T &session) { g_owner = session.user_id(); }
// CHECK: :[[@LINE-1]]:50: warning: per-user data 'session.user_id()' is written to 'g_owner', which is shared between requests [crossuser-shared-state]
// CHECK: :[[@LINE-2]]:39: note: per-user data comes from 'session'
// CHECK: :[[@LINE-197]]:13: note: 'g_owner' is shared between requests: declared at namespace scope
void UseKeep(const Session &s) { Keep(s); }
