#include <cstdlib>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "portal/handlers.h"
#include "portal/render.h"

namespace portal {
namespace {

// Marketing banners are the same for every visitor of a campaign.
std::string PromoBanner(const std::string& campaign) {
  static std::mutex mu;
  static std::unordered_map<std::string, std::string> rendered;
  std::lock_guard<std::mutex> lock(mu);
  auto it = rendered.find(campaign);
  if (it == rendered.end())
    it = rendered.emplace(campaign, "<div class=\"promo\">" + HtmlEscape(campaign) + "</div>").first;
  return it->second;
}

std::string SerializeCart(const std::vector<CartItem>& items) {
  std::ostringstream out;
  for (const CartItem& item : items) out << item.product_id << ' ' << item.quantity << '\n';
  return out.str();
}

std::vector<CartItem> ParseCart(const std::string& text) {
  std::vector<CartItem> items;
  std::istringstream in(text);
  CartItem item;
  while (in >> item.product_id >> item.quantity) items.push_back(item);
  return items;
}

std::string RenderMiniCart(const std::vector<CartItem>& items) {
  int count = 0;
  for (const CartItem& item : items) count += item.quantity;
  return "<a class=\"mini-cart\" href=\"/cart\">" + std::to_string(count) + " item" +
         (count == 1 ? "" : "s") + "</a>";
}

}  // namespace

void CartHandler::Handle(const minihttp::Request& req, minihttp::Response& resp) {
  std::optional<Session> session = sessions_.Resolve(req);
  if (!session) {
    resp.status = 401;
    return;
  }
  if (req.path() == "/cart/summary") {
    HandleSummary(req, *session, resp);
    return;
  }

  const std::string cart_key = "cart:" + session->user_id();
  if (req.method() == "POST") {
    const int qty = std::atoi(req.query_param("qty").c_str());
    db_.AddToCart(session->user_id(), req.query_param("product"), qty > 0 ? qty : 1);
    redis_.del(cart_key);
  }

  std::vector<CartItem> items;
  if (std::optional<std::string> cached = redis_.get(cart_key)) {
    items = ParseCart(*cached);
  } else {
    items = db_.LoadCart(session->user_id());
    redis_.set(cart_key, SerializeCart(items), 600);
  }

  std::string html = PromoBanner(req.query_param("campaign")) + "<ul>";
  for (const CartItem& item : items)
    html += "<li>" + HtmlEscape(item.product_id) + " x " + std::to_string(item.quantity) + "</li>";
  resp.set_header("Cache-Control", "private, no-store");
  resp.body = html + "</ul>";
}

void CartHandler::HandleSummary(const minihttp::Request& req, const Session& session,
                                minihttp::Response& resp) {
  // The mini-cart fragment is requested on every page view; keep the rendered
  // fragment in redis for a minute.
  const std::string cart_path = req.path();
  if (std::optional<std::string> fragment = redis_.get("cart:" + cart_path)) {
    resp.body = *fragment;
    return;
  }
  const std::string fragment = RenderMiniCart(db_.LoadCart(session.user_id()));
  redis_.set("cart:" + cart_path, fragment, 60);
  resp.set_header("Cache-Control", "private, no-store");
  resp.body = fragment;
}

}  // namespace portal
