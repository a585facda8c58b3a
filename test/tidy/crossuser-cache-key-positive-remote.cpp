// RUN: %clang_tidy -checks='-*,crossuser-cache-key' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'

// Remote caches: redis and memcached, through client classes and through the
// hiredis and libmemcached C APIs. A remote cache is shared by every process
// of the service, so a key without the user serves one user's data to all.

#include "service.h"

// A client class whose name carries the word, held as a member.
class ProfileApi : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    std::string key = "profile:" + req.path();
    if (std::optional<std::string> hit = redis_.get(key)) {
    // CHECK: :[[@LINE-1]]:42: warning: cache 'redis_' is keyed by 'key', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-3]]:17: note: key 'key' is built here
    // CHECK: :[[@LINE-5]]:23: note: user identity 'ResolveSession(req)' is available here
    // CHECK: :[[@LINE+5]]:21: note: per-user data 'resp.body' is stored in 'redis_' here
      resp.body = *hit;
      return;
    }
    resp.body = RenderProfile(db_.LoadProfile(session.user_id()));
    redis_.set(key, resp.body);
    // CHECK: :[[@LINE-1]]:5: warning: cache 'redis_' is keyed by 'key', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-12]]:17: note: key 'key' is built here
    // CHECK: :[[@LINE-14]]:23: note: user identity 'ResolveSession(req)' is available here
    // CHECK: :[[@LINE-4]]:21: note: per-user data 'resp.body' is stored in 'redis_' here
  }

private:
  Database db_;
  RedisClient redis_;
};

// Through a pointer and a reference parameter.
class CartApi {
public:
  std::string Cart(const std::string &user_id, const http::Request &req) {
    if (std::optional<std::string> c = redis_->get("cart:" + req.query()))
    // CHECK: :[[@LINE-1]]:40: warning: cache 'redis_' is keyed by '"cart:" + req.query()', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-3]]:39: note: user identity 'user_id' is available here
    // CHECK: :[[@LINE+3]]:40: note: per-user data 'body' is stored in 'redis_' here
      return *c;
    std::string body = db_.Query("SELECT * FROM carts WHERE uid = ?", user_id);
    redis_->set("cart:" + req.query(), body);
    // CHECK: :[[@LINE-1]]:5: warning: cache 'redis_' is keyed by '"cart:" + req.query()', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-9]]:39: note: user identity 'user_id' is available here
    // CHECK: :[[@LINE-3]]:40: note: per-user data 'body' is stored in 'redis_' here
    return body;
  }

private:
  Database db_;
  RedisClient *redis_;
};

void CacheOrders(RedisClient &redis, const UserId &uid, const http::Request &req,
                 Database &db) {
  std::vector<Order> orders = db.LoadOrders(uid.value);
  redis.set(req.url(), std::to_string(orders.size()) + uid.value);
  // CHECK: :[[@LINE-1]]:3: warning: cache 'redis' is keyed by 'req.url()', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-5]]:52: note: user identity 'uid' is available here
  // CHECK: :[[@LINE-3]]:24: note: per-user data 'std::to_string(orders.size()) + uid.value' is stored in 'redis' here
}

// A client named by its namespace, with a command-style API.
namespace memcache {
class Client {
public:
  std::optional<std::string> get(const std::string &key);
  void set(const std::string &key, const std::string &value, int ttl);
};
} // namespace memcache

class RedisConnection {
public:
  std::optional<std::string> Execute(const char *cmd, const std::string &key);
  void Execute(const char *cmd, const std::string &key,
               const std::string &value);
};

class SettingsService {
public:
  std::string Load(const Session &session, const std::string &page) {
    if (std::optional<std::string> v = mc_.get("settings/" + page))
    // CHECK: :[[@LINE-1]]:40: warning: cache 'mc_' is keyed by '"settings/" + page', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-3]]:35: note: user identity 'session' is available here
    // CHECK: :[[@LINE+3]]:33: note: per-user data 'v' is stored in 'mc_' here
      return *v;
    std::string v = session.locale() + "/" + session.user_id();
    mc_.set("settings/" + page, v, 300);
    // CHECK: :[[@LINE-1]]:5: warning: cache 'mc_' is keyed by '"settings/" + page', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-9]]:35: note: user identity 'session' is available here
    // CHECK: :[[@LINE-3]]:33: note: per-user data 'v' is stored in 'mc_' here
    return v;
  }

  std::string Inbox(const Session &session, const http::Request &req) {
    std::optional<std::string> cached = conn_.Execute("GET", req.path());
    // CHECK: :[[@LINE-1]]:41: warning: cache 'conn_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-3]]:36: note: user identity 'session' is available here
    // CHECK: :[[@LINE+3]]:38: note: per-user data 'fresh' is stored in 'conn_' here
    std::string fresh = db_.Query("SELECT * FROM inbox WHERE owner = ?",
                                  session.user_id());
    conn_.Execute("SET", req.path(), fresh);
    // CHECK: :[[@LINE-1]]:5: warning: cache 'conn_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-9]]:36: note: user identity 'session' is available here
    // CHECK: :[[@LINE-3]]:38: note: per-user data 'fresh' is stored in 'conn_' here
    return fresh;
  }

private:
  Database db_;
  memcache::Client mc_;
  RedisConnection conn_;
};

// hiredis: the key is the first argument after the format, or the format
// itself spells the key.
redisContext *g_redis;

void ServeWallet(const http::Request &req, http::Response &resp, Database &db) {
  std::string auth = req.header("Authorization");
  void *reply = redisCommand(g_redis, "GET wallet:%s", req.path().c_str());
  // CHECK: :[[@LINE-1]]:17: warning: cache 'g_redis' is keyed by 'req.path().c_str()', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-3]]:22: note: user identity 'req.header("Authorization")' is available here
  // CHECK: :[[@LINE+2]]:65: note: per-user data 'body.c_str()' is stored in 'g_redis' here
  std::string body = db.Query("SELECT balance FROM wallets WHERE token = ?", auth);
  redisCommand(g_redis, "SET wallet:%s %s", req.path().c_str(), body.c_str());
  // CHECK: :[[@LINE-1]]:3: warning: cache 'g_redis' is keyed by 'req.path().c_str()', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-8]]:22: note: user identity 'req.header("Authorization")' is available here
  // CHECK: :[[@LINE-3]]:65: note: per-user data 'body.c_str()' is stored in 'g_redis' here
  resp.body = body;
}

void ServeDashboard(const Session &session, redisContext *ctx,
                    http::Response &resp) {
  void *reply = redisCommand(ctx, "GET dashboard");
  // CHECK: :[[@LINE-1]]:17: warning: cache 'ctx' is keyed by '"GET dashboard"', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-4]]:36: note: user identity 'session' is available here
  // CHECK: :[[@LINE+2]]:41: note: per-user data 'html.c_str()' is stored in 'ctx' here
  std::string html = RenderProfile(Profile{session.user_id(), ""});
  redisCommand(ctx, "SET dashboard %s", html.c_str());
  // CHECK: :[[@LINE-1]]:3: warning: cache 'ctx' is keyed by '"SET dashboard %s"', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-9]]:36: note: user identity 'session' is available here
  // CHECK: :[[@LINE-3]]:41: note: per-user data 'html.c_str()' is stored in 'ctx' here
}

// A hash whose name is fixed and whose field is the order id: the format
// names the key, and nothing in it is the user.
redisContext *Connect();

std::string OrderDetails(const http::Request &req, const std::string &owner) {
  redisContext *ctx = Connect();
  std::string id = req.param("id");
  void *hit = redisCommand(ctx, "HGET orders %s", id.c_str());
  // CHECK: :[[@LINE-1]]:15: warning: cache 'ctx' is keyed by '"HGET orders %s"', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-5]]:71: note: user identity 'owner' is available here
  // CHECK: :[[@LINE+2]]:54: note: per-user data 'body.c_str()' is stored in 'ctx' here
  std::string body = "owner=" + owner;
  redisCommand(ctx, "HSET orders %s %s", id.c_str(), body.c_str());
  // CHECK: :[[@LINE-1]]:3: warning: cache 'ctx' is keyed by '"HSET orders %s %s"', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-10]]:71: note: user identity 'owner' is available here
  // CHECK: :[[@LINE-3]]:54: note: per-user data 'body.c_str()' is stored in 'ctx' here
  return body;
}

// libmemcached: the key is the second argument.
memcached_st *g_mc;

void ServeAddress(const http::Request &req, http::Response &resp,
                  const User &user) {
  std::string key = "addr:" + req.query();
  std::size_t len = 0;
  unsigned flags = 0;
  int err = 0;
  char *hit = memcached_get(g_mc, key.c_str(), key.size(), &len, &flags, &err);
  // CHECK: :[[@LINE-1]]:15: warning: cache 'g_mc' is keyed by 'key.c_str()', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-7]]:31: note: user identity 'user' is available here
  // CHECK: :[[@LINE+6]]:48: note: per-user data 'value.c_str()' is stored in 'g_mc' here
  if (hit) {
    resp.body = hit;
    return;
  }
  std::string value = user.email + ";" + user.country;
  memcached_set(g_mc, key.c_str(), key.size(), value.c_str(), value.size(), 0, 0);
  // CHECK: :[[@LINE-1]]:3: warning: cache 'g_mc' is keyed by 'key.c_str()', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-16]]:31: note: user identity 'user' is available here
  // CHECK: :[[@LINE-3]]:48: note: per-user data 'value.c_str()' is stored in 'g_mc' here
}

void ServePreferences(memcached_st *mc, const Session &session,
                      const std::string &section) {
  std::string prefs = session.locale();
  memcached_set(mc, section.c_str(), section.size(), prefs.c_str(),
                prefs.size(), 0, 0);
  // CHECK: :[[@LINE-2]]:3: warning: cache 'mc' is keyed by 'section.c_str()', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-6]]:56: note: user identity 'session' is available here
  // CHECK: :[[@LINE-4]]:54: note: per-user data 'prefs.c_str()' is stored in 'mc' here
}
