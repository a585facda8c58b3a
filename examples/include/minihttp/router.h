#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "minihttp/handler.h"

namespace minihttp {

class Router {
 public:
  // Routes requests with this method whose path is `prefix` or lies below it
  // ("/catalog" matches "/catalog" and "/catalog/p-100"). Longest prefix wins.
  void Add(const std::string& method, const std::string& prefix,
           std::shared_ptr<Handler> handler);

  // Runs the matching handler; answers 404 and returns false if none matches.
  bool Dispatch(const Request& req, Response& resp) const;

  std::size_t size() const { return routes_.size(); }

 private:
  struct Route {
    std::string method;
    std::string prefix;
    std::shared_ptr<Handler> handler;
  };
  std::vector<Route> routes_;
};

}  // namespace minihttp
