// RUN: %clang_tidy -checks='-*,crossuser-cache-key' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

// Who the requester is, by data flow across calls: a parameter that every
// visible call passes the requester's identity to (a value an
// authentication lookup made from the Authorization header) is that
// identity inside the callee, whatever it is called. A payload built from
// the identity is not. And an object a function creates from nothing is
// a value, not a handle: what goes in (`sha.update(bearer)`) is what comes
// out (`sha.hex()`).

#include "service.h"
#include <functional>

struct Grant {
  std::string ledger;
  std::string display;
};
std::optional<Grant> Authenticate(const std::string &credential);
std::string LoadStatement(const std::string &ledger, const std::string &month);

namespace web {
using Route = std::function<void(const http::Request &, http::Response &)>;
class Router {
public:
  void get(const std::string &path, Route handler);
};
} // namespace web

// 1. Every call passes the authenticated account; the key leaves it out.
class Statements {
public:
  std::string Get(const Grant &acct, const std::string &month) {
    if (auto hit = cache_.find(month); hit != cache_.end())
    // CHECK: :[[@LINE-1]]:20: warning: cache 'cache_' is keyed by 'month', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-3]]:32: note: user identity 'acct' is available here (every call of 'Get' passes the requester's identity, from 'req.header("Authorization")')
    // CHECK: :[[@LINE+3]]:21: note: per-user data 'body' is stored in 'cache_' here
      return hit->second;
    std::string body = LoadStatement(acct.ledger, month);
    cache_[month] = body;
    // CHECK: :[[@LINE-1]]:5: warning: cache 'cache_' is keyed by 'month', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-9]]:32: note: user identity 'acct' is available here (every call of 'Get' passes the requester's identity, from 'req.header("Authorization")')
    // CHECK: :[[@LINE-3]]:21: note: per-user data 'body' is stored in 'cache_' here
    return body;
  }

private:
  std::unordered_map<std::string, std::string> cache_;
};

void Mount(web::Router &router, Statements &statements) {
  router.get("/statements", [&](const http::Request &req, http::Response &resp) {
    auto acct = Authenticate(req.header("Authorization"));
    if (!acct)
      return;
    resp.body = statements.Get(*acct, req.param("month"));
  });
}

// One caller passes a grant named by the URL, so inside Get the parameter
// does not say who is asking (silent there); the caller that passes the
// requester's own grant is reported, through Get's summary.
class Reports {
public:
  std::string Get(const Grant &acct, const std::string &month) {
    if (auto hit = cache_.find(month); hit != cache_.end())
      return hit->second;
    std::string body = LoadStatement(acct.ledger, month);
    cache_[month] = body;
    return body;
  }

private:
  std::unordered_map<std::string, std::string> cache_;
};

void MountReports(web::Router &router, Reports &reports) {
  router.get("/me/reports", [&](const http::Request &req, http::Response &resp) {
    auto acct = Authenticate(req.header("Authorization"));
    if (!acct)
      return;
    resp.body = reports.Get(*acct, req.param("month"));
    // CHECK: :[[@LINE-1]]:17: warning: cache 'reports' is keyed by 'req.param("month")', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-2]]:17: note: 'Reports::Get' stores into 'reports' (crossuser-cache-key-identity-from-callers.cpp:{{[0-9]+}}) with a key made from its parameter 'month'
    // CHECK: :[[@LINE-6]]:30: note: user identity 'req.header("Authorization")' is available here
    // CHECK: :[[@LINE-4]]:29: note: per-user data '*acct' is stored in 'reports' here
  });
  router.get("/ledgers/reports", [&](const http::Request &req, http::Response &resp) {
    Grant named{req.param("ledger"), ""};
    resp.body = reports.Get(named, req.param("month"));
  });
}

// The callee receives a page rendered for the user, not the user: inside
// Put nobody is known (silent there); the caller, who knows the user, is
// reported.
class Pages {
public:
  void Put(const std::string &path, const std::string &html) {
    pages_[path] = html;
  }

private:
  std::unordered_map<std::string, std::string> pages_;
};

void MountPages(web::Router &router, Pages &pages) {
  router.get("/page", [&](const http::Request &req, http::Response &resp) {
    auto acct = Authenticate(req.header("Authorization"));
    if (!acct)
      return;
    std::string html = "<p>" + LoadStatement(acct->ledger, "") + "</p>";
    pages.Put(req.path(), html);
    // CHECK: :[[@LINE-1]]:5: warning: cache 'pages' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-2]]:5: note: 'Pages::Put' stores into 'pages' (crossuser-cache-key-identity-from-callers.cpp:{{[0-9]+}}) with a key made from its parameter 'path'
    // CHECK: :[[@LINE-7]]:30: note: user identity 'req.header("Authorization")' is available here
    // CHECK: :[[@LINE-4]]:27: note: per-user data 'html' is stored in 'pages' here
    resp.body = html;
  });
}

// Negative: a digest of the bearer token, built in a local hash object,
// is a key the requester owns.
struct Sha {
  Sha();
  explicit Sha(redisContext *mirror);
  virtual ~Sha();
  void update(const std::string &data);
  std::string hex();
};

class Introspection {
public:
  std::optional<std::string> Lookup(const std::string &bearer) {
    Sha sha;
    sha.update(bearer);
    const std::string digest = sha.hex();
    if (auto hit = redis_.get("introspect:" + digest))
      return hit;
    std::string info = Database().Query("introspect", bearer);
    redis_.set("introspect:" + digest, info);
    return info;
  }

  // Positive control: an object connected to something else is a handle;
  // what it gives back is not what was written into it.
  std::optional<std::string> Mirror(const std::string &bearer) {
    Sha remote(mirror_);
    remote.update(bearer);
    const std::string digest = remote.hex();
    std::string info = Database().Query("introspect", bearer);
    redis_.set("mirror:" + digest, info);
    // CHECK: :[[@LINE-1]]:5: warning: cache 'redis_' is keyed by '"mirror:" + digest', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-7]]:56: note: user identity 'bearer' is available here (every call of 'Mirror' passes the requester's identity, from 'req.header("Authorization")')
    // CHECK: :[[@LINE-3]]:36: note: per-user data 'info' is stored in 'redis_' here
    return info;
  }

private:
  RedisClient redis_;
  redisContext *mirror_ = nullptr;
};

void MountIntrospection(web::Router &router, Introspection &in) {
  router.get("/whoami", [&](const http::Request &req, http::Response &resp) {
    auto info = in.Lookup(req.header("Authorization"));
    auto copy = in.Mirror(req.header("Authorization"));
    if (info && copy)
      resp.body = *info + *copy;
  });
}
