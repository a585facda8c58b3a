// A minimal shape of oatpp's public API (https://oatpp.io, its API reference
// of oatpp::String, the incoming request, the outgoing response and its
// factory, HttpRequestHandler and ApiController, oatpp 1.4 layout), written
// for crossuser's tests: only the declarations the tests call, with oatpp's
// names, namespaces and signatures. Not oatpp's code.
//
// oatpp's ENDPOINT(...) macro (oatpp/macro/codegen.hpp) expands to a
// controller method `std::shared_ptr<OutgoingResponse>
// name(const std::shared_ptr<IncomingRequest>& request)` and its
// registration; the shape leaves the macro out and the tests write that
// method by hand.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <type_traits>

namespace oatpp {

typedef std::intptr_t v_buff_size;
typedef std::int32_t v_int32;

namespace base {
class Countable {
public:
  Countable();
  virtual ~Countable();
};
} // namespace base

namespace data {
namespace type {

/// oatpp's mapping-enabled string: a shared pointer to a std::string that
/// may be null.
class String {
public:
  String() {}
  String(const char *data, v_buff_size size);
  template <typename T, typename enabled = typename std::enable_if<
                            std::is_same<T, std::nullptr_t>::value, void>::type>
  String(T) {}
  template <typename T, typename enabled = typename std::enable_if<
                            std::is_same<T, char>::value, void>::type>
  String(const T *data);
  template <typename T, typename enabled = typename std::enable_if<
                            std::is_same<T, std::string>::value, void>::type>
  String(const T &str);
  String(const String &other);

  const std::string &operator*() const;
  std::string *operator->() const;
  operator std::string() const;
  std::string getValue(const std::string &defaultValue) const;
  bool operator==(std::nullptr_t) const;
  bool operator!=(std::nullptr_t) const;
};

} // namespace type

namespace share {

/// A string key that does not own its text (the name of a query
/// parameter or a path variable).
class StringKeyLabel {
public:
  StringKeyLabel();
  StringKeyLabel(std::nullptr_t);
  StringKeyLabel(const char *constText);
  StringKeyLabel(const type::String &str);
};

/// A string key compared without case (a header name).
class StringKeyLabelCI {
public:
  StringKeyLabelCI();
  StringKeyLabelCI(std::nullptr_t);
  StringKeyLabelCI(const char *constText);
  StringKeyLabelCI(const type::String &str);
};

} // namespace share

namespace mapping {
class ObjectMapper {
public:
  virtual ~ObjectMapper() = default;
};
} // namespace mapping
} // namespace data

typedef data::type::String String;

namespace web {
namespace protocol {
namespace http {

class Status {
public:
  Status(v_int32 code, const char *description);
  static const Status CODE_200;
  static const Status CODE_204;
  static const Status CODE_401;
  static const Status CODE_404;
  v_int32 code;
  const char *description;
};

class Header {
public:
  static const char *const ACCEPT;
  static const char *const AUTHORIZATION;
  static const char *const CONTENT_TYPE;
  static const char *const USER_AGENT;
};

namespace incoming {
class Request : public oatpp::base::Countable {
public:
  oatpp::String
  getHeader(const oatpp::data::share::StringKeyLabelCI &headerName) const;
  oatpp::String
  getQueryParameter(const oatpp::data::share::StringKeyLabel &name) const;
  oatpp::String
  getQueryParameter(const oatpp::data::share::StringKeyLabel &name,
                    const oatpp::String &defaultValue) const;
  oatpp::String
  getPathVariable(const oatpp::data::share::StringKeyLabel &name) const;
  oatpp::String getPathTail() const;
  oatpp::String readBodyToString() const;
};
} // namespace incoming

namespace outgoing {
class Response : public oatpp::base::Countable {
public:
  const Status &getStatus() const;
  void putHeader(const oatpp::String &key, const oatpp::String &value);
  bool putHeaderIfNotExists(const oatpp::String &key,
                            const oatpp::String &value);
  bool putOrReplaceHeader(const oatpp::String &key, const oatpp::String &value);
  oatpp::String
  getHeader(const oatpp::data::share::StringKeyLabelCI &headerName) const;
};

class ResponseFactory {
public:
  static std::shared_ptr<Response> createResponse(const Status &status);
  static std::shared_ptr<Response> createResponse(const Status &status,
                                                  const oatpp::String &text);
};
} // namespace outgoing

} // namespace http
} // namespace protocol

namespace server {

/// A handler routed with `router->route("GET", "/x", handler)`.
class HttpRequestHandler {
public:
  typedef oatpp::web::protocol::http::Status Status;
  typedef oatpp::web::protocol::http::Header Header;
  typedef oatpp::web::protocol::http::incoming::Request IncomingRequest;
  typedef oatpp::web::protocol::http::outgoing::Response OutgoingResponse;
  typedef oatpp::web::protocol::http::outgoing::ResponseFactory ResponseFactory;

  virtual std::shared_ptr<OutgoingResponse>
  handle(const std::shared_ptr<IncomingRequest> &request);
  virtual ~HttpRequestHandler() = default;
};

namespace api {

/// The base of a controller: its ENDPOINTs are methods of the one
/// instance added to the router.
class ApiController : public oatpp::base::Countable {
public:
  typedef oatpp::web::protocol::http::outgoing::ResponseFactory ResponseFactory;
  typedef oatpp::web::protocol::http::incoming::Request IncomingRequest;
  typedef oatpp::web::protocol::http::outgoing::Response OutgoingResponse;
  typedef oatpp::web::protocol::http::Status Status;
  typedef oatpp::web::protocol::http::Header Header;
  typedef oatpp::data::mapping::ObjectMapper ObjectMapper;
  typedef oatpp::String String;

  ApiController(
      const std::shared_ptr<oatpp::data::mapping::ObjectMapper> &defaultObjectMapper,
      const oatpp::String &routerPrefix = nullptr);

  std::shared_ptr<OutgoingResponse> createResponse(const Status &status,
                                                   const oatpp::String &str) const;
  std::shared_ptr<OutgoingResponse> createResponse(const Status &status) const;
};

} // namespace api
} // namespace server
} // namespace web
} // namespace oatpp
