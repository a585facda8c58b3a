#include <algorithm>
#include <atomic>
#include <optional>
#include <string>
#include <vector>

#include "portal/handlers.h"
#include "portal/render.h"

namespace portal {

void CatalogHandler::Handle(const minihttp::Request& req, minihttp::Response& resp) {
  // Browsing works signed out; signed-in shoppers also get "recently viewed".
  std::optional<Session> session = sessions_.Resolve(req);

  if (req.path() == "/catalog/recent") {
    if (!session) {
      resp.status = 401;
      return;
    }
    const std::vector<std::string> viewed =
        recently_viewed_.Get(session->user_id()).value_or(std::vector<std::string>{});
    std::string json = "[";
    for (const std::string& id : viewed) json += (json.size() > 1 ? ",\"" : "\"") + JsonEscape(id) + "\"";
    resp.set_header("Cache-Control", "private, no-store");
    resp.body = json + "]";
    return;
  }

  const std::string product_id = PathTail(req.path(), "/catalog/");
  if (session) RememberView(*session, product_id);

  resp.set_header("Content-Type", "text/html; charset=utf-8");
  resp.set_header("Cache-Control", "public, max-age=300");
  if (std::optional<std::string> page = page_cache_.Get(req.path())) {
    resp.body = *page;
    return;
  }

  std::optional<Product> product = product_cache_.Get(product_id);
  if (!product) {
    product = db_.LoadProduct(product_id);
    if (!product) {
      resp.status = 404;
      resp.body = "no such product";
      return;
    }
    product_cache_.Put(product_id, *product);
  }
  const std::string page = RenderProductPage(*product);
  page_cache_.Put(req.path(), page);
  resp.body = page;
}

void CatalogHandler::RememberView(const Session& session, const std::string& product_id) {
  std::vector<std::string> viewed =
      recently_viewed_.Get(session.user_id()).value_or(std::vector<std::string>{});
  viewed.erase(std::remove(viewed.begin(), viewed.end(), product_id), viewed.end());
  viewed.insert(viewed.begin(), product_id);
  if (viewed.size() > 10) viewed.resize(10);
  recently_viewed_.Put(session.user_id(), viewed);
}

}  // namespace portal
