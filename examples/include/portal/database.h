#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "portal/models.h"

namespace portal {

// In-memory stand-in for the portal's SQL database, seeded with demo rows.
class Database {
 public:
  Database();

  std::optional<Profile> LoadProfile(const std::string& user_id);
  void SaveProfile(const Profile& profile);
  std::vector<Order> LoadOrders(const std::string& user_id);
  std::optional<Product> LoadProduct(const std::string& product_id);
  std::vector<CartItem> LoadCart(const std::string& user_id);
  void AddToCart(const std::string& user_id, const std::string& product_id, int quantity);
  std::optional<Settings> LoadSettings(const std::string& tenant_id, const std::string& section);
  std::optional<Branding> LoadBranding(const std::string& tenant_id);
  Preferences LoadPreferences(const std::string& tenant_id, const std::string& user_id);

  // Runs a parameterised statement; `?` placeholders bind params in order.
  template <typename... Params>
  std::vector<Row> Query(const std::string& sql, const Params&... params) {
    return Execute(sql, std::vector<std::string>{std::string(params)...});
  }

 private:
  std::vector<Row> Execute(const std::string& sql, const std::vector<std::string>& params);

  std::mutex mu_;
  std::map<std::string, Profile> profiles_;
  std::vector<Order> orders_;
  std::map<std::string, Product> products_;
  std::map<std::string, std::vector<CartItem>> carts_;
  std::map<std::pair<std::string, std::string>, Settings> settings_;
  std::map<std::string, Branding> branding_;
};

}  // namespace portal
