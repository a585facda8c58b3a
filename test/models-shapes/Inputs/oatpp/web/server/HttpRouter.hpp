// A minimal shape of oatpp's router (see
// oatpp/web/server/api/ApiController.hpp in this directory tree): only the
// declarations crossuser's tests call. Not oatpp's code.
#pragma once

#include "oatpp/web/server/api/ApiController.hpp"

namespace oatpp {
namespace web {
namespace server {

class HttpRouter : public oatpp::base::Countable {
public:
  static std::shared_ptr<HttpRouter> createShared();
  void route(const oatpp::String &method, const oatpp::String &pathPattern,
             const std::shared_ptr<HttpRequestHandler> &endpoint);
  /// Adds the controller and routes its endpoints: the one instance serves
  /// every request on them.
  std::shared_ptr<server::api::ApiController>
  addController(const std::shared_ptr<server::api::ApiController> &controller);
};

} // namespace server
} // namespace web
} // namespace oatpp
