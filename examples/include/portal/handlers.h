#pragma once

#include <cstddef>
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "minihttp/handler.h"
#include "minihttp/router.h"
#include "portal/annotations.h"
#include "portal/database.h"
#include "portal/lru_cache.h"
#include "portal/models.h"
#include "portal/redis_client.h"
#include "portal/session.h"

namespace portal {

// GET /account/profile, POST /account/profile: the signed-in user's profile.
class ProfileHandler : public minihttp::Handler {
 public:
  ProfileHandler(Database& db, SessionStore& sessions) : db_(db), sessions_(sessions) {}
  void Handle(const minihttp::Request& req, minihttp::Response& resp) override;

 private:
  std::string RenderProfileJson(const Profile& profile) const;

  Database& db_;
  SessionStore& sessions_;
  LruCache<std::string, Profile> profile_cache_{4096};
  std::string current_user_id_;  // set per request, read by the Render* helpers
};

// GET /account: the account overview page (name, address, recent orders).
class DashboardHandler : public minihttp::Handler {
 public:
  DashboardHandler(Database& db, SessionStore& sessions) : db_(db), sessions_(sessions) {}
  void Handle(const minihttp::Request& req, minihttp::Response& resp) override;

 private:
  Database& db_;
  SessionStore& sessions_;
  LruCache<std::string, minihttp::Response> page_cache_{256};
};

// GET /account/orders?status=&page=, GET /account/orders/count
class OrdersHandler : public minihttp::Handler {
 public:
  OrdersHandler(Database& db, SessionStore& sessions) : db_(db), sessions_(sessions) {}
  void Handle(const minihttp::Request& req, minihttp::Response& resp) override;

 private:
  void HandleCount(const Session& session, minihttp::Response& resp);
  std::string RenderOrders(const Session& session, const std::vector<Order>& orders) const;

  Database& db_;
  SessionStore& sessions_;
  LruCache<std::string, std::vector<Order>> orders_cache_{1024};
  LruCache<std::string, std::size_t> count_cache_{4096};
};

// GET /catalog/<product-id>, GET /catalog/recent
class CatalogHandler : public minihttp::Handler {
 public:
  CatalogHandler(Database& db, SessionStore& sessions) : db_(db), sessions_(sessions) {}
  void Handle(const minihttp::Request& req, minihttp::Response& resp) override;

 private:
  void RememberView(const Session& session, const std::string& product_id);

  Database& db_;
  SessionStore& sessions_;
  LruCache<std::string, Product> product_cache_{10000};
  LruCache<std::string, std::string> page_cache_{2000};
  LruCache<std::string, std::vector<std::string>> recently_viewed_{50000};
};

// GET /cart, POST /cart?product=&qty=, GET /cart/summary (header mini-cart)
class CartHandler : public minihttp::Handler {
 public:
  CartHandler(Database& db, SessionStore& sessions, RedisClient& redis)
      : db_(db), sessions_(sessions), redis_(redis) {}
  void Handle(const minihttp::Request& req, minihttp::Response& resp) override;

 private:
  void HandleSummary(const minihttp::Request& req, const Session& session,
                     minihttp::Response& resp);

  Database& db_;
  SessionStore& sessions_;
  RedisClient& redis_;
};

// GET /settings/<section>, /settings/branding, /settings/preferences.
// Every tenant (customer organisation) has its own settings.
class SettingsHandler : public minihttp::Handler {
 public:
  SettingsHandler(Database& db, SessionStore& sessions) : db_(db), sessions_(sessions) {}
  void Handle(const minihttp::Request& req, minihttp::Response& resp) override;

 private:
  Database& db_;
  SessionStore& sessions_;
  LruCache<std::string, Settings> settings_cache_{1024};
  // Product defaults for sections a tenant never saved; identical for everyone.
  PORTAL_SHARED_OK LruCache<std::string, Settings> defaults_cache_{64};
  LruCache<std::string, Branding> branding_cache_{1024};
  LruCache<std::pair<std::string, std::string>, Preferences> prefs_cache_{8192};
};

struct ReportKey {
  std::string account_id;
  std::string report;
  int month = 0;
  bool operator<(const ReportKey& other) const {
    return std::tie(account_id, report, month) <
           std::tie(other.account_id, other.report, other.month);
  }
};

struct ReportTemplate {
  std::string title;
  std::string sql;
  std::vector<std::string> columns;
};

// GET /reports/<name>?month=N: monthly spending reports for the account.
class ReportsHandler : public minihttp::Handler {
 public:
  ReportsHandler(Database& db, SessionStore& sessions) : db_(db), sessions_(sessions) {}
  void Handle(const minihttp::Request& req, minihttp::Response& resp) override;

 private:
  std::vector<Row> RunQuery(const std::string& sql, const std::string& account_id, int month);

  Database& db_;
  SessionStore& sessions_;
  std::mutex mu_;
  std::unordered_map<std::string, ReportTemplate> templates_;
  std::unordered_map<std::string, std::vector<Row>> result_cache_;
  std::map<ReportKey, std::string> rendered_;
};

// Registers every portal handler on `router`.
void RegisterRoutes(minihttp::Router& router, Database& db, SessionStore& sessions,
                    RedisClient& redis);

}  // namespace portal
