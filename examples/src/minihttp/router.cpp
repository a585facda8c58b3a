#include "minihttp/router.h"

#include <utility>

namespace minihttp {

void Router::Add(const std::string& method, const std::string& prefix,
                 std::shared_ptr<Handler> handler) {
  routes_.push_back(Route{method, prefix, std::move(handler)});
}

bool Router::Dispatch(const Request& req, Response& resp) const {
  const Route* best = nullptr;
  for (const Route& route : routes_) {
    if (route.method != req.method()) continue;
    const std::string& path = req.path();
    const bool below = path.size() > route.prefix.size() &&
                       path.compare(0, route.prefix.size(), route.prefix) == 0 &&
                       path[route.prefix.size()] == '/';
    if (path != route.prefix && !below) continue;
    if (best == nullptr || route.prefix.size() > best->prefix.size()) best = &route;
  }
  if (best == nullptr) {
    resp.status = 404;
    resp.body = "not found";
    return false;
  }
  best->handler->Handle(req, resp);
  return true;
}

}  // namespace minihttp
