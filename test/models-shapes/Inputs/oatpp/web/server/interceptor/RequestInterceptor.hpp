// A minimal shape of oatpp's request interceptor (see
// oatpp/web/server/api/ApiController.hpp in this directory tree): only the
// declarations crossuser's tests call. Not oatpp's code.
#pragma once

#include "oatpp/web/server/api/ApiController.hpp"

namespace oatpp {
namespace web {
namespace server {
namespace interceptor {

/// Runs before routing for every request; a non-null response answers it.
class RequestInterceptor {
public:
  typedef oatpp::web::protocol::http::incoming::Request IncomingRequest;
  typedef oatpp::web::protocol::http::outgoing::Response OutgoingResponse;
  virtual ~RequestInterceptor() = default;
  virtual std::shared_ptr<OutgoingResponse>
  intercept(const std::shared_ptr<IncomingRequest> &request) = 0;
};

} // namespace interceptor
} // namespace server
} // namespace web
} // namespace oatpp
