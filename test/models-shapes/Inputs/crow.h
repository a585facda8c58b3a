// A minimal shape of Crow's public API (CrowCpp, https://crowcpp.org, its
// guides and reference of crow::Crow, crow::request, crow::response, the
// routing rules and CookieParser), written for crossuser's tests: only the
// declarations the tests call, with Crow's names, namespaces and
// signatures. Not Crow's code. Crow is included as "crow.h".
#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <string>
#include <unordered_map>
#include <vector>

namespace crow {

enum class HTTPMethod : char { Delete = 0, Get, Head, Post, Put };

using ci_map = std::unordered_multimap<std::string, std::string>;

/// The parsed query string (`req.url_params`).
class query_string {
public:
  char *get(const std::string &name) const;
  std::vector<char *> get_list(const std::string &name,
                               bool use_brackets = true) const;
  std::vector<std::string> keys() const;
};

struct request {
  HTTPMethod method;
  std::string raw_url;
  std::string url;
  query_string url_params;
  ci_map headers;
  std::string body;
  std::string remote_ip_address;

  void add_header(std::string key, std::string value);
  const std::string &get_header_value(const std::string &key) const;
};

struct response {
  int code = 200;
  std::string body;
  ci_map headers;

  response() {}
  explicit response(int code);
  response(std::string body);
  response(int code, std::string body);

  void set_header(std::string key, std::string value);
  void add_header(std::string key, std::string value);
  const std::string &get_header_value(const std::string &key);
  void redirect(const std::string &location);
  void write(const std::string &body_part);
  void end();
  void end(const std::string &body_part);
};

/// The options every rule takes before its handler
/// (`CROW_ROUTE(app, "/x").methods(crow::HTTPMethod::Post)(handler)`).
template <typename T> struct RuleParameterTraits {
  using self_t = T;
  self_t &name(std::string name) noexcept;
  self_t &methods(HTTPMethod method);
  template <typename... MethodArgs>
  self_t &methods(HTTPMethod method, MethodArgs... args_method);
  /// The local middlewares that guard this rule (CROW_MIDDLEWARES).
  template <typename App, typename... Middlewares> self_t &middlewares();
};

class BaseRule {
public:
  BaseRule(std::string rule);
  virtual ~BaseRule();
};

/// A rule registered with `app.route_dynamic(url)`.
class DynamicRule : public BaseRule, public RuleParameterTraits<DynamicRule> {
public:
  DynamicRule(std::string rule);
  /// The handler is kept by the router and called for every matching
  /// request.
  template <typename Func> void operator()(Func f) {}
};

/// A rule registered with CROW_ROUTE; Args are the URL's typed parameters.
template <typename... Args>
class TaggedRule : public BaseRule,
                   public RuleParameterTraits<TaggedRule<Args...>> {
public:
  TaggedRule(std::string rule);
  /// The handler is kept by the router and called for every matching
  /// request.
  template <typename Func> void operator()(Func &&f) {}
};

namespace black_magic {
// Crow computes the handler's parameter types from the URL's `<int>`,
// `<string>` ... at compile time; the shape keeps only the call.
constexpr uint64_t get_parameter_tag(const char *s, unsigned p = 0) {
  return 0;
}
} // namespace black_magic

/// The cookie middleware; its context holds the request's cookies.
struct CookieParser {
  struct context {
    std::unordered_map<std::string, std::string> jar;
    std::string get_cookie(const std::string &key) const;
    void set_cookie(const std::string &name, const std::string &value);
  };
  void before_handle(request &req, response &res, context &ctx);
  void after_handle(request &req, response &res, context &ctx);
};

/// The session middleware (crow/middlewares/session.h); its context is
/// the request's session.
template <typename Store> struct SessionMiddleware {
  struct context {
    bool exists();
    /// The real return type is computed from F (a char array fallback
    /// gives std::string); the shape returns F.
    template <typename F> F get(const std::string &key, const F &fallback = F());
    template <typename T> void set(const std::string &key, T value);
    void remove(const std::string &key);
  };
  template <typename... Ts> SessionMiddleware(Ts... ts);
  template <typename AllContext>
  void before_handle(request &req, response &res, context &ctx,
                     AllContext &all_ctx);
  template <typename AllContext>
  void after_handle(request &req, response &res, context &ctx,
                    AllContext &all_ctx);
};

/// The session store that keeps every session in memory.
struct InMemoryStore {};

/// The base of local middleware (`CROW_MIDDLEWARES(app, AuthGuard)`); like
/// every middleware, the app keeps one instance of it.
struct ILocalMiddleware {
  using call_global = std::false_type;
};

/// The application; `App<...>` and `SimpleApp` name it.
template <typename... Middlewares> class Crow {
public:
  using self_t = Crow;
  Crow() {}
  /// The shape's rules take no URL parameters: the real return type is
  /// the TaggedRule whose Args the tag encodes.
  template <uint64_t Tag> TaggedRule<> &route(const std::string &rule);
  DynamicRule &route_dynamic(const std::string &rule);
  self_t &port(std::uint16_t port);
  self_t &bindaddr(std::string bindaddr);
  self_t &multithreaded();
  self_t &concurrency(unsigned int concurrency);
  void run();
  template <typename T> typename T::context &get_context(const request &req);
  template <typename T> T &get_middleware();
};

template <typename... Middlewares> using App = Crow<Middlewares...>;
using SimpleApp = Crow<>;

} // namespace crow

#define CROW_ROUTE(app, url)                                                   \
  app.template route<crow::black_magic::get_parameter_tag(url)>(url)
#define CROW_MIDDLEWARES(app, ...)                                             \
  template middlewares<typename std::remove_reference<decltype(app)>::type,   \
                       __VA_ARGS__>()
