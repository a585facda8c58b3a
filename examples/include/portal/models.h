#pragma once

#include <map>
#include <string>
#include <vector>

namespace portal {

struct Profile {
  std::string user_id;
  std::string display_name;
  std::string email;
  std::string street_address;
};

struct Order {
  std::string order_id;
  std::string user_id;
  std::string product_id;
  int quantity = 0;
  long total_cents = 0;
  std::string status;  // "open", "shipped", "returned"
};

struct Product {
  std::string product_id;
  std::string name;
  long price_cents = 0;
  std::string description;
};

struct CartItem {
  std::string product_id;
  int quantity = 0;
};

// Per-tenant configuration of one settings section ("billing", "sso", ...).
struct Settings {
  std::string tenant_id;
  std::string section;
  std::map<std::string, std::string> values;
};

struct Branding {
  std::string tenant_id;
  std::string logo_url;
  std::string accent_color;
};

struct Preferences {
  std::string locale = "en";
  std::string timezone = "UTC";
  bool newsletter = false;
};

// One result row of a reporting query.
struct Row {
  std::vector<std::string> cells;
};

}  // namespace portal
