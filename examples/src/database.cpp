#include "portal/database.h"

namespace portal {

Database::Database() {
  profiles_["u-alice"] = Profile{"u-alice", "Alice Example", "alice@example.com", "1 Main St"};
  profiles_["u-bob"] = Profile{"u-bob", "Bob Example", "bob@example.com", "2 High St"};
  products_["p-100"] = Product{"p-100", "Kettle", 2999, "1.7 l, stainless steel"};
  products_["p-200"] = Product{"p-200", "Teapot", 1999, "Porcelain, 0.8 l"};
  orders_.push_back(Order{"o-1", "u-alice", "p-100", 1, 2999, "shipped"});
  orders_.push_back(Order{"o-2", "u-alice", "p-200", 2, 3998, "open"});
  orders_.push_back(Order{"o-3", "u-bob", "p-200", 1, 1999, "returned"});
  carts_["u-bob"] = {CartItem{"p-100", 1}};
  settings_[{"t-acme", "billing"}] = Settings{"t-acme", "billing", {{"invoice_email", "ap@acme.test"}}};
  branding_["t-acme"] = Branding{"t-acme", "https://cdn.example.com/acme.svg", "#c0392b"};
}

std::optional<Profile> Database::LoadProfile(const std::string& user_id) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = profiles_.find(user_id);
  if (it == profiles_.end()) return std::nullopt;
  return it->second;
}

void Database::SaveProfile(const Profile& profile) {
  std::lock_guard<std::mutex> lock(mu_);
  profiles_.insert_or_assign(profile.user_id, profile);
}

std::vector<Order> Database::LoadOrders(const std::string& user_id) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<Order> result;
  for (const Order& order : orders_)
    if (order.user_id == user_id) result.push_back(order);
  return result;
}

std::optional<Product> Database::LoadProduct(const std::string& product_id) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = products_.find(product_id);
  if (it == products_.end()) return std::nullopt;
  return it->second;
}

std::vector<CartItem> Database::LoadCart(const std::string& user_id) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = carts_.find(user_id);
  if (it == carts_.end()) return {};
  return it->second;
}

void Database::AddToCart(const std::string& user_id, const std::string& product_id,
                         int quantity) {
  std::lock_guard<std::mutex> lock(mu_);
  carts_[user_id].push_back(CartItem{product_id, quantity});
}

std::optional<Settings> Database::LoadSettings(const std::string& tenant_id,
                                               const std::string& section) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = settings_.find({tenant_id, section});
  if (it == settings_.end()) return std::nullopt;
  return it->second;
}

std::optional<Branding> Database::LoadBranding(const std::string& tenant_id) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = branding_.find(tenant_id);
  if (it == branding_.end()) return std::nullopt;
  return it->second;
}

Preferences Database::LoadPreferences(const std::string& tenant_id, const std::string& user_id) {
  std::lock_guard<std::mutex> lock(mu_);
  Preferences prefs;
  prefs.newsletter = tenant_id == "t-acme" && user_id == "u-alice";
  return prefs;
}

// The stand-in understands the reporting statements only: the first parameter
// is the account id and each row is (order id, status, total in cents).
std::vector<Row> Database::Execute(const std::string& /*sql*/,
                                   const std::vector<std::string>& params) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<Row> rows;
  if (params.empty()) return rows;
  for (const Order& order : orders_) {
    if (order.user_id != params[0]) continue;
    rows.push_back(Row{{order.order_id, order.status, std::to_string(order.total_cents)}});
  }
  return rows;
}

}  // namespace portal
