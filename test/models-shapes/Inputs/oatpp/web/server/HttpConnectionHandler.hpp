// A minimal shape of oatpp's connection handler (see
// oatpp/web/server/api/ApiController.hpp in this directory tree): only the
// declarations crossuser's tests call. Not oatpp's code.
#pragma once

#include "oatpp/web/server/HttpRouter.hpp"
#include "oatpp/web/server/interceptor/RequestInterceptor.hpp"
#include "oatpp/web/server/interceptor/ResponseInterceptor.hpp"

namespace oatpp {
namespace web {
namespace server {

class HttpConnectionHandler : public oatpp::base::Countable {
public:
  static std::shared_ptr<HttpConnectionHandler>
  createShared(const std::shared_ptr<HttpRouter> &router);
  void addRequestInterceptor(
      const std::shared_ptr<interceptor::RequestInterceptor> &interceptor);
  void addResponseInterceptor(
      const std::shared_ptr<interceptor::ResponseInterceptor> &interceptor);
};

} // namespace server
} // namespace web
} // namespace oatpp
