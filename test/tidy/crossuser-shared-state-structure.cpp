// RUN: %clang_tidy -checks='-*,crossuser-shared-state' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-shared-state' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

// Lifetime by structure, not by name: a local of a set-up function that a
// stored callback captures by reference is shared by every call of the
// callback; a callback that runs at once (a sort predicate) shares
// nothing; a handler's own locals stay its own; a keyed insert into a
// store is left to crossuser-cache-key.

#include "service.h"
#include <functional>

namespace web {
using Route = std::function<void(const http::Request &, http::Response &)>;
class Router {
public:
  void get(const std::string &path, Route handler) {}
};
template <class F> void for_each_now(F f) { f(0); }
} // namespace web

// 1. Captured by reference by a route that the router stores.
void Mount(web::Router &router) {
  std::string last_address;
  router.get("/checkout", [&](const http::Request &req, http::Response &resp) {
    Session session = ResolveSession(req);
    last_address = Database().LoadProfile(session.user_id()).address;
    // CHECK: :[[@LINE-1]]:5: warning: per-user data 'Database().LoadProfile(session.user_id()).address' is written to 'last_address', which is shared between requests [crossuser-shared-state]
    // CHECK: :[[@LINE-2]]:43: note: per-user data comes from 'session.user_id()'
    // CHECK: :[[@LINE-6]]:15: note: 'last_address' is shared between requests: a local of 'Mount' captured by reference by a callback that outlives it, so every call of the callback shares it
    // CHECK: :[[@LINE-6]]:27: note: 'last_address' is captured by reference here, by a callback stored beyond the call that creates it
    resp.body = last_address;
  });
}

// 2. The same in a generic lambda, analysed as instantiated.
void MountGeneric(web::Router &router) {
  std::string last_user;
  router.get("/me", [&](const auto &req, auto &resp) {
    Session session = ResolveSession(req);
    last_user = session.user_id();
    // CHECK: :[[@LINE-1]]:5: warning: per-user data 'session.user_id()' is written to 'last_user', which is shared between requests [crossuser-shared-state]
    // CHECK: :[[@LINE-2]]:17: note: per-user data comes from 'session.user_id()'
    // CHECK: :[[@LINE-6]]:15: note: 'last_user' is shared between requests: a local of 'MountGeneric' captured by reference by a callback that outlives it, so every call of the callback shares it
    // CHECK: :[[@LINE-6]]:21: note: 'last_user' is captured by reference here, by a callback stored beyond the call that creates it
    resp.body = last_user;
  });
}

// Negative: a predicate run at once shares nothing with later requests.
void RunsNow(const http::Request &req) {
  std::string mine;
  web::for_each_now([&](int) { mine = ResolveSession(req).user_id(); });
}

// Negative: a handler's local captured by its own callback is per request.
class OrdersHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    std::string owner;
    web::Router inner;
    inner.get("/x", [&](const http::Request &r, http::Response &) {
      owner = ResolveSession(r).user_id();
    });
    resp.body = owner;
  }
};

// Negative: a keyed insert into a store is judged by crossuser-cache-key.
class LinkStore {
public:
  bool insert(const std::string &code, const std::string &owner);
};
class LinkHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    store_.insert(req.param("code"), ResolveSession(req).user_id());
  }

private:
  LinkStore store_;
};
