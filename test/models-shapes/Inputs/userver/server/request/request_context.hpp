// A minimal shape of userver's per-request context (see
// userver/server/handlers/http_handler_base.hpp in this tree). Not
// userver's code.
#pragma once

#include <string>
#include <string_view>

namespace userver {
namespace server::request {

/// Data that lives for one request (set by middlewares and auth
/// checkers, read by the handler).
class RequestContext final {
public:
  RequestContext();
  template <typename Data> Data &SetData(std::string name, Data data);
  template <typename Data> Data &GetData(std::string_view name);
  template <typename Data> const Data &GetData(std::string_view name) const;
};

} // namespace server::request
} // namespace userver
