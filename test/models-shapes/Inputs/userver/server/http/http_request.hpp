// A minimal shape of userver's HTTP request (see
// userver/server/handlers/http_handler_base.hpp in this tree). Not
// userver's code.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <userver/http/predefined_header.hpp>
#include <userver/server/http/http_response.hpp>

namespace userver {
namespace server::http {

class HttpRequest final {
public:
  HttpResponse &GetHttpResponse() const;
  const std::string &GetUrl() const;
  const std::string &GetRequestPath() const;
  const std::string &GetHost() const;
  /// A query (or form) argument.
  const std::string &GetArg(std::string_view arg_name) const;
  bool HasArg(std::string_view arg_name) const;
  const std::string &GetPathArg(std::string_view arg_name) const;
  const std::string &GetHeader(std::string_view header_name) const;
  const std::string &GetHeader(
      const userver::http::headers::PredefinedHeader &header_name) const;
  bool HasHeader(std::string_view header_name) const;
  const std::string &GetCookie(const std::string &cookie_name) const;
  bool HasCookie(const std::string &cookie_name) const;
  const std::string &RequestBody() const;
  void SetResponseStatus(HttpStatus status) const;
};

} // namespace server::http
} // namespace userver
