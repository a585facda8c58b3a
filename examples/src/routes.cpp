#include <memory>

#include "portal/handlers.h"

namespace portal {

void RegisterRoutes(minihttp::Router& router, Database& db, SessionStore& sessions,
                    RedisClient& redis) {
  auto profile = std::make_shared<ProfileHandler>(db, sessions);
  auto orders = std::make_shared<OrdersHandler>(db, sessions);
  auto cart = std::make_shared<CartHandler>(db, sessions, redis);
  router.Add("GET", "/account", std::make_shared<DashboardHandler>(db, sessions));
  router.Add("GET", "/account/profile", profile);
  router.Add("POST", "/account/profile", profile);
  router.Add("GET", "/account/orders", orders);
  router.Add("GET", "/catalog", std::make_shared<CatalogHandler>(db, sessions));
  router.Add("GET", "/cart", cart);
  router.Add("POST", "/cart", cart);
  router.Add("GET", "/settings", std::make_shared<SettingsHandler>(db, sessions));
  router.Add("GET", "/reports", std::make_shared<ReportsHandler>(db, sessions));
}

}  // namespace portal
