// RUN: %clang_tidy -checks='-*,crossuser-cache-key' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'

// Regressions for caches the engine used to report although they are safe:
// the `value` member of a strong id type (UserId, TenantId) is the identity
// itself; a typedef'd identity key type; a const table; owner checks through
// a local or after a later assignment; values that depend only on a user
// attribute in the key. Only the range-for case and the control case at the
// end may warn.

#include "service.h"

class ReportService {
public:
  // A strong tenant id's `value` member, plus a report name, identifies.
  Profile A(const TenantId &tenant, const std::string &name) {
    return *cache_.Get(tenant.value + ":" + name);
  }
  // A strong user id's `value` member alone identifies.
  Profile B(const UserId &uid) {
    return *cache_.Get(uid.value);
  }
  LruCache<std::string, Profile> cache_;
};

// A typedef'd identity key type (LruCache<AccountId, ...>) keeps its name.
using AccountId = std::string;
struct Wallet { double balance; };
class WalletHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    (void)session;
    if (auto hit = cache_.Get(req.param("account")))
      resp.body = std::to_string(hit->balance);
  }
private:
  LruCache<AccountId, Wallet> cache_;
};

// A const map fixed at start-up is not a cache.
const std::map<std::string, Profile> kSampleProfiles = {};
class PlanPreviewHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    (void)session;
    auto it = kSampleProfiles.find(req.param("plan"));
    if (it != kSampleProfiles.end())
      resp.body = RenderProfile(it->second);
  }
};

// An owner check through a local initialised from the entry counts.
struct SharedDoc { std::string owner_id; std::string body; };
class SharedDocHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    std::string uid = ResolveSession(req).user_id();
    auto doc = cache_.Get(req.param("doc"));
    if (!doc) return;
    const std::string &owner = doc->owner_id;
    if (owner != uid) return;
    resp.body = doc->body;
  }
private:
  LruCache<std::string, SharedDoc> cache_;
};

// An owner check on a variable assigned from the lookup after its declaration counts.
struct DraftDoc { std::string owner_id; std::string body; };
class DraftDocHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    std::optional<DraftDoc> doc;
    if (req.param("fresh") == "1")
      return;
    doc = cache_.Get(req.param("doc"));
    if (doc && doc->owner_id == session.user_id())
      resp.body = doc->body;
  }
private:
  LruCache<std::string, DraftDoc> cache_;
};

// A value computed from a user attribute alone, stored under it, is not per-user.
std::string LoadShippingRates(const std::string &country);
class ShippingHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    const User &user = ResolveSession(req).user();
    if (auto hit = rates_.Get(user.country)) { resp.body = *hit; return; }
    std::string rates = LoadShippingRates(user.country);
    rates_.Put(user.country, rates);
    resp.body = rates;
  }
private:
  LruCache<std::string, std::string> rates_;
};

// A range-for's hidden `__begin != __end` over the entry is not an owner check.
class OrderHistoryHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    Database db;
    std::vector<Order> orders;
    if (auto e = cache_.Get(req.path())) {
      // CHECK: :[[@LINE-1]]:18: warning: cache 'cache_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
      // CHECK: :[[@LINE-5]]:23: note: user identity 'ResolveSession(req)' is available here
      // CHECK: :[[@LINE+4]]:30: note: per-user data 'orders' is stored in 'cache_' here
      orders = *e;
    } else {
      orders = db.LoadOrders(session.user_id());
      cache_.Put(req.path(), orders);
      // CHECK: :[[@LINE-1]]:7: warning: cache 'cache_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
      // CHECK: :[[@LINE-12]]:23: note: user identity 'ResolveSession(req)' is available here
      // CHECK: :[[@LINE-3]]:30: note: per-user data 'orders' is stored in 'cache_' here
    }
    for (const Order &o : orders) {
      resp.body += std::to_string(o.id);
    }
  }
private:
  LruCache<std::string, std::vector<Order>> cache_;
};

// Positive control: a member of a type that is not an id does not identify.
class ReportControl {
public:
  Profile C(const UserId &uid, const User &user) {
    return *cache_.Get(user.country);
    // CHECK: :[[@LINE-1]]:13: warning: cache 'cache_' is keyed by 'user.country', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-3]]:27: note: user identity 'uid' is available here
    // CHECK: :[[@LINE+2]]:34: note: 'cache_' holds values of per-user type 'Profile'
  }
  LruCache<std::string, Profile> cache_;
};
