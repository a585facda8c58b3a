// A minimal shape of userver's public API (https://userver.tech, its API
// reference), written for crossuser's tests: only the declarations the
// tests call, with userver's names, namespaces and signatures. Not
// userver's code. This file holds the HTTP handler component; the other
// files of this tree the request, response, request context, components
// and caches. userver's headers open `namespace userver` through
// USERVER_NAMESPACE_BEGIN; the shape spells it out.
#pragma once

#include <string>
#include <string_view>

#include <userver/components/component_base.hpp>
#include <userver/server/http/http_request.hpp>
#include <userver/server/request/request_context.hpp>

namespace userver {
namespace server::handlers {

class HandlerBase : public components::ComponentBase {
public:
  HandlerBase(const components::ComponentConfig &config,
              const components::ComponentContext &component_context,
              bool is_monitor = false);
};

class HttpHandlerBase : public HandlerBase {
public:
  HttpHandlerBase(const components::ComponentConfig &config,
                  const components::ComponentContext &component_context,
                  bool is_monitor = false);
  virtual const std::string &HandlerName() const;
  /// The response body is the returned string.
  virtual std::string HandleRequestThrow(const http::HttpRequest &request,
                                         request::RequestContext &context) const;
};

} // namespace server::handlers
} // namespace userver
