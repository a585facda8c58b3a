// A minimal shape of drogon's public API (https://github.com/drogonframework/drogon,
// its documentation and headers' declarations as documented), written for
// crossuser's tests: only the declarations the tests call, with drogon's
// names, namespaces and signatures. Not drogon's code.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace Json {
class Value {
public:
  Value() = default;
  Value(const std::string &) {}
  Value &operator[](const char *key);
  std::string asString() const;
};
} // namespace Json

namespace drogon {

enum HttpStatusCode { k200OK = 200, k401Unauthorized = 401 };
enum HttpMethod { Get, Post, Put, Delete };

class Session {
public:
  template <typename T> T get(const std::string &key) const;
  template <typename T> void insert(const std::string &key, T &&value);
  bool find(const std::string &key) const;
  void erase(const std::string &key);
};
using SessionPtr = std::shared_ptr<Session>;

class Attributes {
public:
  template <typename T> const T &get(const std::string &key) const;
  template <typename T> void insert(const std::string &key, T &&value);
};
using AttributesPtr = std::shared_ptr<Attributes>;

class HttpRequest {
public:
  const std::string &getHeader(std::string key) const;
  const std::string &getCookie(const std::string &field) const;
  const std::string &getParameter(const std::string &key) const;
  const std::string &path() const;
  const std::string &query() const;
  SessionPtr session() const;
  const AttributesPtr &attributes() const;
};
using HttpRequestPtr = std::shared_ptr<HttpRequest>;

class HttpResponse;
using HttpResponsePtr = std::shared_ptr<HttpResponse>;
class HttpResponse {
public:
  static HttpResponsePtr newHttpResponse();
  static HttpResponsePtr newHttpJsonResponse(const Json::Value &data);
  void addHeader(std::string key, std::string value);
  void addCookie(const std::string &key, const std::string &value);
  void setBody(std::string body);
  void setStatusCode(HttpStatusCode code);
  void setExpiredTime(long expiredTime);
};

using AdviceCallback = std::function<void(const HttpResponsePtr &)>;
using FilterCallback = std::function<void(const HttpResponsePtr &)>;
using FilterChainCallback = std::function<void()>;

/// drogon makes one instance of each controller class (AutoCreation) and
/// calls its handlers from every IO thread.
template <typename T, bool AutoCreation = true> class HttpController {
public:
  virtual ~HttpController() = default;
};
template <typename T, bool AutoCreation = true> class HttpSimpleController {
public:
  virtual ~HttpSimpleController() = default;
  virtual void asyncHandleHttpRequest(
      const HttpRequestPtr &req,
      std::function<void(const HttpResponsePtr &)> &&callback) = 0;
};
template <typename T, bool AutoCreation = true> class HttpFilter {
public:
  virtual ~HttpFilter() = default;
  virtual void doFilter(const HttpRequestPtr &req, FilterCallback &&fcb,
                        FilterChainCallback &&fccb) = 0;
};

class HttpAppFramework {
public:
  template <typename FUNCTION>
  HttpAppFramework &registerHandler(const std::string &pathPattern,
                                    FUNCTION &&function,
                                    const std::vector<HttpMethod> &methods = {}) {
    return *this;
  }
  void run();
};
HttpAppFramework &app();

/// drogon's timed cache map (drogon/CacheMap.h).
template <typename T1, typename T2> class CacheMap {
public:
  void insert(const T1 &key, T2 &&value, size_t timeout = 0,
              std::function<void()> timeoutCallback = {});
  void insert(const T1 &key, const T2 &value, size_t timeout = 0,
              std::function<void()> timeoutCallback = {});
  bool find(const T1 &key);
  bool findAndFetch(const T1 &key, T2 &value);
  T2 operator[](const T1 &key);
  void erase(const T1 &key);
};

} // namespace drogon

// drogon's routing macros declare the methods a controller serves; the
// shape keeps them as the empty markers they are to the type system.
#define METHOD_LIST_BEGIN static void initPathRouting() {
#define METHOD_ADD(method, pattern, ...) (void)(&method)
#define ADD_METHOD_TO(method, pattern, ...) (void)(&method)
#define METHOD_LIST_END }
