// A minimal shape of oatpp's response interceptor (see
// oatpp/web/server/api/ApiController.hpp in this directory tree): only the
// declarations crossuser's tests call. Not oatpp's code.
#pragma once

#include "oatpp/web/server/api/ApiController.hpp"

namespace oatpp {
namespace web {
namespace server {
namespace interceptor {

/// Runs after the endpoint for every request, with its response.
class ResponseInterceptor {
public:
  typedef oatpp::web::protocol::http::incoming::Request IncomingRequest;
  typedef oatpp::web::protocol::http::outgoing::Response OutgoingResponse;
  virtual ~ResponseInterceptor() = default;
  virtual std::shared_ptr<OutgoingResponse>
  intercept(const std::shared_ptr<IncomingRequest> &request,
            const std::shared_ptr<OutgoingResponse> &response) = 0;
};

} // namespace interceptor
} // namespace server
} // namespace web
} // namespace oatpp
