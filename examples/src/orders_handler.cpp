#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "portal/handlers.h"
#include "portal/render.h"

namespace portal {
namespace {

// Cache key of one listing page, e.g. "orders?status=shipped&page=2".
std::string OrdersKey(const minihttp::Request& req) {
  std::string status = req.query_param("status");
  std::string page = req.query_param("page");
  if (status.empty()) status = "all";
  if (page.empty()) page = "1";
  return "orders?status=" + status + "&page=" + page;
}

constexpr std::size_t kPageSize = 20;

}  // namespace

void OrdersHandler::Handle(const minihttp::Request& req, minihttp::Response& resp) {
  std::optional<Session> session = sessions_.Resolve(req);
  if (!session) {
    resp.status = 401;
    return;
  }
  if (req.path() == "/account/orders/count") {
    HandleCount(*session, resp);
    return;
  }

  const std::string key = OrdersKey(req);
  std::optional<std::vector<Order>> page = orders_cache_.Get(key);
  if (!page) {
    const std::string status = req.query_param("status");
    const auto page_no =
        static_cast<std::size_t>(std::max(1, std::atoi(req.query_param("page").c_str())));
    std::vector<Order> matching;
    for (Order& order : db_.LoadOrders(session->user_id()))
      if (status.empty() || order.status == status) matching.push_back(std::move(order));
    page.emplace();
    for (std::size_t i = (page_no - 1) * kPageSize; i < matching.size() && page->size() < kPageSize; ++i)
      page->push_back(matching[i]);
    orders_cache_.Put(key, *page);
  }

  resp.set_header("Content-Type", "text/html; charset=utf-8");
  resp.set_header("Cache-Control", "private, max-age=60");
  resp.body = RenderOrders(*session, *page);
}

void OrdersHandler::HandleCount(const Session& session, minihttp::Response& resp) {
  char key[160];
  std::snprintf(key, sizeof key, "orders:%s:count", session.user_id().c_str());
  std::optional<std::size_t> count = count_cache_.Get(key);
  if (!count) {
    count = db_.LoadOrders(session.user_id()).size();
    count_cache_.Put(key, *count);
  }
  resp.set_header("Content-Type", "application/json");
  resp.body = "{\"count\":" + std::to_string(*count) + "}";
}

std::string OrdersHandler::RenderOrders(const Session& session,
                                        const std::vector<Order>& orders) const {
  // Orders split into several shipments appear once per shipment; render each
  // order's line once per response.
  LruCache<std::string, std::string> line_memo(64);
  std::string html = "<table data-account=\"" + HtmlEscape(session.user_id()) + "\">";
  for (const Order& order : orders) {
    std::optional<std::string> line = line_memo.Get(order.order_id);
    if (!line) {
      line = RenderOrderLine(order);
      line_memo.Put(order.order_id, *line);
    }
    html += *line;
  }
  return html + "</table>";
}

}  // namespace portal
