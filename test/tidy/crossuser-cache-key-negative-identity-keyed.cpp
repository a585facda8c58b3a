// Caches of per-user data whose key is, by type or by value, the user
// itself: a map from UserId to Profile cannot serve one user's entry to
// another. Only the control case at the end may warn.
//
// RUN: %clang_tidy -checks='-*,crossuser-cache-key' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'

#include "service.h"

UserId ParseUserId(const std::string &raw);

// LruCache<UserId, Profile>, keyed by the session's user.
class ProfileByUserHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    const UserId &id = session.user().id;
    if (auto hit = cache_.Get(id)) {
      resp.body = RenderProfile(*hit);
      return;
    }
    Profile p = db_.LoadProfile(session.user_id());
    cache_.Put(id, p);
    resp.body = RenderProfile(p);
  }

private:
  Database db_;
  LruCache<UserId, Profile> cache_;
};

// The key type is UserId even when the value comes from a parsed string:
// an entry can only ever be the named user's.
class ProfileByParsedIdHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    if (auto hit = cache_.Get(ParseUserId(req.header("X-Impersonate"))))
      resp.body = RenderProfile(*hit);
  }

private:
  LruCache<UserId, Profile> cache_;
};

// A function-local static unordered_map keyed by TenantId.
struct TenantSettings {
  std::string theme;
  std::string billing_address;
};
TenantSettings LoadTenantSettings(const TenantId &tenant);

void ServeTenantSettings(const http::Request &req, http::Response &resp) {
  static std::unordered_map<TenantId, TenantSettings> by_tenant;
  Session session = ResolveSession(req);
  TenantId tenant{session.tenant_id()};
  auto it = by_tenant.find(tenant);
  if (it == by_tenant.end())
    by_tenant.try_emplace(tenant, LoadTenantSettings(tenant));
  resp.body = by_tenant[tenant].theme;
}

// A std::map member of a service, keyed by UserId, holding orders.
class OrderService {
public:
  std::vector<Order> OrdersFor(const Session &session) {
    UserId uid{session.user_id()};
    if (orders_.count(uid))
      return orders_.at(uid);
    std::vector<Order> orders = db_.LoadOrders(session.user_id());
    orders_.insert_or_assign(uid, orders);
    return orders;
  }

private:
  Database db_;
  std::map<UserId, std::vector<Order>> orders_;
};

// A strong id template whose tag names the customer.
template <class Tag> struct StrongId {
  std::string raw;
};
using CustomerId = StrongId<struct CustomerTag>;
struct Invoice {
  std::string number;
  double amount;
};
CustomerId CustomerOf(const Session &session);

class InvoiceHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    if (auto hit = cache_.Get(CustomerOf(session)))
      resp.body = hit->number;
  }

private:
  LruCache<CustomerId, Invoice> cache_;
};

// A plain string-keyed map of profiles, keyed by the user's email.
class ProfileDirectoryService {
public:
  Profile ProfileOf(const User &user) {
    auto it = by_email_.find(user.email);
    if (it != by_email_.end())
      return it->second;
    Profile p = db_.LoadProfile(user.email);
    by_email_[user.email] = p;
    return p;
  }

private:
  Database db_;
  std::unordered_map<std::string, Profile> by_email_;
};

// Keyed by the bearer token: the Authorization header names the caller.
class TokenProfileHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    std::string bearer = req.header("Authorization");
    if (auto hit = cache_.Get(bearer)) {
      resp.body = RenderProfile(*hit);
      return;
    }
    cache_.Put(bearer, db_.LoadProfile(session.user_id()));
  }

private:
  Database db_;
  LruCache<std::string, Profile> cache_;
};

// Keyed by the session cookie.
class CookieCartHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    std::string value = req.cookie("session_id");
    if (auto hit = cache_.Get(value))
      resp.body = RenderProfile(*hit);
  }

private:
  LruCache<std::string, Profile> cache_;
};

// A redis client keyed by the user id.
class RedisProfileHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    std::string key = "profile:" + session.user_id();
    if (auto hit = redis_.get(key)) {
      resp.body = *hit;
      return;
    }
    redis_.set(key, RenderProfile(db_.LoadProfile(session.user_id())));
  }

private:
  Database db_;
  RedisClient redis_;
};

// hiredis with the user id as the key argument.
redisContext *g_redis;

void ServeCachedInbox(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  std::string uid = session.user_id();
  redisCommand(g_redis, "GET inbox:%s", uid.c_str());
  redisCommand(g_redis, "SET inbox:%s %s", uid.c_str(),
               RenderProfile(Database().LoadProfile(uid)).c_str());
}

// libmemcached with a key built from the user id.
memcached_st *g_memc;

void ServeCachedOrders(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  std::string key = "orders:" + session.user_id();
  std::size_t len = 0;
  unsigned flags = 0;
  int err = 0;
  if (char *v = memcached_get(g_memc, key.c_str(), key.size(), &len, &flags, &err)) {
    resp.body = v;
    return;
  }
  std::string body = RenderProfile(Database().LoadProfile(session.user_id()));
  memcached_set(g_memc, key.c_str(), key.size(), body.c_str(), body.size(), 60, 0);
}

// Positive control: a UserId-valued cache keyed by the path.
class ControlHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    if (auto hit = cache_.Get(req.path()))
      // CHECK: :[[@LINE-1]]:20: warning: cache 'cache_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
      resp.body = hit->value;
    (void)session;
  }

private:
  LruCache<std::string, UserId> cache_;
};
