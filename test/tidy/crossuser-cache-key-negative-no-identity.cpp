// Shared caches of per-user data used where no user identity is available:
// cache warmers, batch jobs, anonymous endpoints, and names that only look
// like identity words (`subscription` is not `sub`, `resume` is not
// `user`). Only the control case at the end may warn.
//
// RUN: %clang_tidy -checks='-*,crossuser-cache-key' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'

#include "service.h"

int ParseInt(const std::string &s);

// One shared profile cache, keyed by the profile's own id everywhere.
LruCache<std::string, Profile> g_profiles;

// A cache warmer: it walks ids from a batch, no request, no user.
void WarmProfiles(const std::vector<std::string> &ids) {
  Database db;
  for (const std::string &id : ids)
    g_profiles.Put(id, db.LoadProfile(id));
}

// A nightly job that indexes orders by order number.
std::map<int, Order> g_orders_by_number;

void IndexOrders(const std::vector<Order> &batch) {
  for (const Order &o : batch)
    g_orders_by_number[o.id] = o;
}

// An anonymous endpoint: public creator pages, read by path; the only
// headers read do not identify anyone.
class CreatorPageHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    std::string lang = req.header("Accept-Language");
    std::string trace = req.header("X-Request-Id");
    if (auto hit = featured_.Get(req.path() + "?" + lang)) {
      resp.body = RenderProfile(*hit);
      return;
    }
    resp.status = 404;
    (void)trace;
  }

private:
  LruCache<std::string, Profile> featured_;
};

// A cookie that is not a session: the theme.
class ThemeHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    std::string theme = req.cookie("theme");
    if (auto hit = previews_.Get(theme + req.path()))
      resp.body = RenderProfile(*hit);
  }

private:
  LruCache<std::string, Profile> previews_;
};

// Look-alike words: `subscription`, `resume`, `organic`, `membership`,
// `ownership`, `usage` are single words, not `sub`, `user`, `org`,
// `member`, `owner`; none of them makes an identity available here.
void LogPlanView(const std::string &a, const std::string &b, const std::string &c,
                 const std::string &d, const std::string &e, int f);

class PlanHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    std::string subscription = req.param("plan");
    std::string resume = req.param("resume");
    std::string organic = req.param("src");
    std::string membership = req.param("tier");
    std::string ownership = req.param("ownership");
    int usage = ParseInt(req.param("usage"));
    LogPlanView(subscription, resume, organic, membership, ownership, usage);
    if (auto hit = plans_.Get(req.path()))
      resp.body = RenderProfile(*hit);
  }

private:
  LruCache<std::string, Profile> plans_;
};

// Storage types with identity words are not identities: a
// UserRepository or a SessionStore names where users live, not a user.
class UserRepository {
public:
  Profile Load(const std::string &key);
};
class SessionStore {
public:
  std::size_t Size() const;
};

void RefreshFromRepository(UserRepository &user_repo, SessionStore &session_store,
                           const std::vector<std::string> &keys) {
  for (const std::string &k : keys)
    if (!g_profiles.Get(k))
      g_profiles.Put(k, user_repo.Load(k));
  (void)session_store;
}

// A redis-backed profile cache: requests store under the user's id; the
// invalidation sweep, driven by a queue of profile ids, has no user.
std::vector<std::string> DrainInvalidations();

class ProfileCacheWorker {
public:
  void StoreForRequest(const Session &session) {
    redis_.set("profile:" + session.user_id(),
               RenderProfile(db_.LoadProfile(session.user_id())));
  }
  void RunInvalidations() {
    for (const std::string &profile_id : DrainInvalidations())
      redis_.set("profile:" + profile_id, RenderProfile(db_.LoadProfile(profile_id)));
  }

private:
  Database db_;
  RedisClient redis_;
};

// hiredis: the request path stores under the user's id; an admin tool
// rebuilds entries by id.
redisContext *g_redis;

void CacheInbox(const Session &session) {
  std::string body = RenderProfile(Database().LoadProfile(session.user_id()));
  redisCommand(g_redis, "SET inbox:%s %s", session.user_id().c_str(), body.c_str());
}

void RebuildCachedInbox(const std::string &profile_id) {
  std::string body = RenderProfile(Database().LoadProfile(profile_id));
  redisCommand(g_redis, "SET inbox:%s %s", profile_id.c_str(), body.c_str());
}

// Positive control: the anonymous endpoint above, once it learns the user.
class ControlHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    std::string lang = req.header("Accept-Language");
    std::string who = req.header("X-User-Id");
    if (auto hit = featured_.Get(req.path() + "?" + lang))
      // CHECK: :[[@LINE-1]]:20: warning: cache 'featured_' is keyed by 'req.path() + "?" + lang', which does not identify the user [crossuser-cache-key]
      resp.body = RenderProfile(*hit);
    (void)who;
  }

private:
  LruCache<std::string, Profile> featured_;
};
