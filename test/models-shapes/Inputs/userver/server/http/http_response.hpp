// A minimal shape of userver's HTTP response (see
// userver/server/handlers/http_handler_base.hpp in this tree). Not
// userver's code.
#pragma once

#include <string>
#include <string_view>

#include <userver/http/predefined_header.hpp>

namespace userver {
namespace server::request {
class ResponseBase {
public:
  virtual ~ResponseBase();
  void SetData(std::string data);
  const std::string &GetData() const;
};
} // namespace server::request

namespace server::http {

enum class HttpStatus { kOk = 200, kNoContent = 204, kUnauthorized = 401, kNotFound = 404 };

class HttpResponse final : public request::ResponseBase {
public:
  bool SetHeader(std::string name, std::string value);
  bool SetHeader(std::string_view name, std::string value);
  bool SetHeader(const userver::http::headers::PredefinedHeader &header,
                 std::string value);
  bool SetStatus(HttpStatus status);
  bool ClearHeaders();
  const std::string &GetHeader(std::string_view header_name) const;
};

} // namespace server::http
} // namespace userver
