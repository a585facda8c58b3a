#include <optional>
#include <vector>

#include "portal/handlers.h"
#include "portal/render.h"

namespace portal {

void DashboardHandler::Handle(const minihttp::Request& req, minihttp::Response& resp) {
  std::optional<Session> session = sessions_.Resolve(req);
  if (!session) {
    resp.status = 302;
    resp.set_header("Location", "/login");
    return;
  }

  // Rendered pages are cached by URL to spare the template engine.
  if (std::optional<minihttp::Response> cached = page_cache_.Get(req.path())) {
    resp = *cached;
    return;
  }

  const std::optional<Profile> profile = db_.LoadProfile(session->user_id());
  const std::vector<Order> orders = db_.LoadOrders(session->user_id());

  std::string html = "<html><body><h1>Welcome back";
  if (profile) {
    html += ", " + HtmlEscape(profile->display_name) + "</h1><p>Ships to: " +
            HtmlEscape(profile->street_address) + "</p>";
  } else {
    html += "</h1>";
  }
  html += "<table>";
  for (const Order& order : orders) html += RenderOrderLine(order);
  html += "</table></body></html>";

  resp.status = 200;
  resp.set_header("Content-Type", "text/html; charset=utf-8");
  resp.set_header("Cache-Control", "private, no-store");
  resp.body = html;
  page_cache_.Put(req.path(), resp);
}

}  // namespace portal
