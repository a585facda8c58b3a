// Mock response APIs of common C++ HTTP frameworks, by shape: drogon-like
// HttpResponse (addHeader, setExpiredTime, shared_ptr responses),
// crow/cpp-httplib-like responses (set_header, add_header, a `headers`
// multimap), Beast-like `set(field, value)`, a helper `CacheFor`, and
// response caches keyed by path.
#pragma once
#include "service.h"

namespace drogon {
class HttpResponse;
using HttpResponsePtr = std::shared_ptr<HttpResponse>;
class HttpResponse {
public:
  static HttpResponsePtr newHttpResponse();
  static HttpResponsePtr newHttpJsonResponse(const std::string &json);
  void setBody(const std::string &body);
  void addHeader(const std::string &key, const std::string &value);
  void addCookie(const std::string &key, const std::string &value);
  void setExpiredTime(long seconds);
  void setStatusCode(int code);
};
class HttpRequest {
public:
  std::string path() const;
  std::string getHeader(const std::string &name) const;
  std::string getCookie(const std::string &name) const;
};
using HttpRequestPtr = std::shared_ptr<HttpRequest>;
} // namespace drogon

namespace crow {
struct response {
  int code = 200;
  std::string body;
  std::map<std::string, std::string> headers;
  response();
  explicit response(const std::string &body);
  void set_header(const std::string &key, const std::string &value);
  void add_header(const std::string &key, const std::string &value);
};
} // namespace crow

namespace httplib {
using Headers = std::map<std::string, std::string>;
struct Response {
  int status = 200;
  std::string body;
  Headers headers;
  void set_header(const std::string &key, const std::string &val);
  void set_content(const std::string &s, const char *content_type);
};
struct Request {
  std::string path;
  Headers headers;
  bool has_header(const std::string &key) const;
  std::string get_header_value(const std::string &key) const;
};
} // namespace httplib

namespace beast {
enum class field { cache_control, content_type, expires, vary, set_cookie };
struct response {
  std::string body;
  void set(field name, const std::string &value);
};
} // namespace beast

/// A framework helper that makes a response cacheable for N seconds.
void CacheFor(http::Response &resp, int seconds);
std::string HttpDate(long unix_seconds);
long NowSeconds();

/// A reverse-proxy style response cache, keyed by path or URL.
class ResponseCache {
public:
  std::optional<http::Response> Get(const std::string &key);
  void Put(const std::string &key, const http::Response &resp);
};

/// A backend the service forwards requests to.
class Upstream {
public:
  http::Response Forward(const http::Request &req);
};

std::string RenderCart(const std::string &user_id);
std::string LoadAsset(const std::string &path);
std::string RenderCatalogPage(const std::string &path);
