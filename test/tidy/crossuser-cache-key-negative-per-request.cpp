// Caches that live for one request only: locals, by-value parameters and
// members of per-request objects. Every entry belongs to the request's own
// user, so a key without the user is fine. Only the control case at the
// end may warn.
//
// RUN: %clang_tidy -checks='-*,crossuser-cache-key' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'

#include "service.h"

std::vector<std::string> Widgets(const http::Request &req);
int ParseOrderId(const http::Request &req);

// A local LruCache that memoises profile loads while one page renders.
class DashboardHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    LruCache<std::string, Profile> memo(16);
    for (const std::string &widget : Widgets(req)) {
      auto p = memo.Get(widget);
      if (!p) {
        p = db_.LoadProfile(session.user_id());
        memo.Put(widget, *p);
      }
      resp.body += RenderProfile(*p);
    }
  }

private:
  Database db_;
};

// A local std::map of the user's orders, by order id.
void ServeOrderSummary(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  std::map<int, Order> by_id;
  for (const Order &o : Database().LoadOrders(session.user_id()))
    by_id[o.id] = o;
  if (by_id.count(ParseOrderId(req)))
    resp.body = std::to_string(by_id.at(ParseOrderId(req)).total);
}

// A local cache reached through a reference to it.
void ServeProfileTwice(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  LruCache<std::string, Profile> local;
  auto &view = local;
  view.Put(req.path(), Database().LoadProfile(session.user_id()));
  if (auto hit = view.Get(req.path()))
    resp.body = RenderProfile(*hit);
}

// A member of the per-request RequestContext, reached by reference.
struct RequestContext {
  Session session;
  LruCache<std::string, Profile> profiles;
  std::unordered_map<std::string, std::vector<Order>> orders;
};

void ServeWithContext(RequestContext &ctx, const http::Request &req,
                      http::Response &resp) {
  if (auto hit = ctx.profiles.Get(req.path())) {
    resp.body = RenderProfile(*hit);
    return;
  }
  Profile p = Database().LoadProfile(ctx.session.user_id());
  ctx.profiles.Put(req.path(), p);
}

// The same context reached by pointer, through its std::unordered_map.
void ServeOrdersWithContext(RequestContext *ctx, const http::Request &req) {
  std::string section = req.param("section");
  if (!ctx->orders.contains(section))
    ctx->orders[section] = Database().LoadOrders(ctx->session.user_id());
}

// A per-request object's own member, used from its methods.
class RequestScope {
public:
  explicit RequestScope(const Session &session) : session_(session) {}
  Profile CurrentProfile(const std::string &view) {
    if (auto hit = memo_.Get(view))
      return *hit;
    Profile p = db_.LoadProfile(session_.user_id());
    memo_.Put(view, p);
    return p;
  }

private:
  const Session &session_;
  Database db_;
  LruCache<std::string, Profile> memo_;
};

// A background job for one user: its cache dies with the job.
class ExportJob {
public:
  void Run(const std::string &user_id, const std::vector<std::string> &sheets) {
    for (const std::string &sheet : sheets) {
      if (cache_.Get(sheet))
        continue;
      cache_.Put(sheet, db_.LoadProfile(user_id));
    }
  }

private:
  Database db_;
  LruCache<std::string, Profile> cache_;
};

// A std::map member of an ordinary (not long-lived) class, owned by one
// request's code path.
class ProfileFormatter {
public:
  std::string Format(const Session &session, const std::string &section) {
    auto it = seen_.find(section);
    if (it != seen_.end())
      return RenderProfile(it->second);
    Profile p = db_.LoadProfile(session.user_id());
    seen_.emplace(section, p);
    return RenderProfile(p);
  }

private:
  Database db_;
  std::map<std::string, Profile> seen_;
};

// A cache passed by value: the callee owns its copy.
std::string RenderAll(LruCache<std::string, Profile> scratch,
                      const Session &session, const http::Request &req) {
  if (!scratch.Get(req.path()))
    scratch.Put(req.path(), Database().LoadProfile(session.user_id()));
  return RenderProfile(*scratch.Get(req.path()));
}

// A local map built inside a lambda that runs for this request.
void ServeLatestOrders(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  auto count_latest = [&]() {
    std::unordered_map<std::string, Order> latest;
    for (const Order &o : Database().LoadOrders(session.user_id()))
      latest[req.param("currency")] = o;
    return latest.size();
  };
  resp.body = std::to_string(count_latest());
}

// Positive control: the same memo, promoted to a handler member.
class ControlHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    for (const std::string &widget : Widgets(req))
      if (!memo_.Get(widget))
        // CHECK: :[[@LINE-1]]:12: warning: cache 'memo_' is keyed by 'widget', which does not identify the user [crossuser-cache-key]
        memo_.Put(widget, db_.LoadProfile(session.user_id()));
        // CHECK: :[[@LINE-1]]:9: warning: cache 'memo_' is keyed by 'widget', which does not identify the user [crossuser-cache-key]
  }

private:
  Database db_;
  LruCache<std::string, Profile> memo_;
};
