// RUN: not %crossuser_check --root=%S %s -- -std=c++17 -I %S/Inputs 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 -I %S/Inputs 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// A userver service on a minimal shape of userver's API (Inputs/userver):
// each handler is a component, and the component system makes one
// instance of every component for the whole service, so their (mutable)
// members serve every request; the caller is the Authorization header,
// the session cookie or the user an auth checker put in the request's
// context; LruMap and ExpirableLruCache are caches. A handler's response
// body is the string HandleRequestThrow returns (ProfileHandler: a public
// Cache-Control on a handler that returns the caller's profile). Leaks: a component the
// handlers share that keeps the last session cookie handed to it, a
// handler member that keeps the last caller's cart, an LruMap keyed by the
// path while the caller's token is at hand, an ExpirableLruCache of the
// signed-in user's orders keyed by the URL, and a public response whose
// ETag is made of the user's orders. Silent: the cache keyed by the
// session cookie, a private response, and a public catalogue and profile
// cached by path or by the `uid` argument, which is the subject, not the
// caller.
#include <userver/cache/expirable_lru_cache.hpp>
#include <userver/cache/lru_map.hpp>
#include <userver/components/minimal_server_component_list.hpp>
#include <userver/engine/mutex.hpp>
#include <userver/server/handlers/http_handler_base.hpp>
#include <userver/utils/daemon_run.hpp>

#include <mutex>
#include <string>
#include <string_view>

std::string LoadCart(const std::string &user);
std::string LoadOrders(const std::string &user);
std::string OrdersVersion(const std::string &user);
std::string LoadCatalogue(const std::string &path);
std::string LoadProfile(const std::string &id);

namespace shop {

using namespace userver;

// A component the handlers share: one instance for the whole service.
class RecentViewers final : public components::ComponentBase {
public:
  static constexpr std::string_view kName = "recent-viewers";

  RecentViewers(const components::ComponentConfig &config,
                const components::ComponentContext &context)
      : ComponentBase(config, context) {}

  void Remember(const std::string &who) {
    std::lock_guard<engine::Mutex> lock(mutex_);
    last_ = who;
    // CHECK: userver.cpp:[[@LINE-1]]:5: warning: per-user data 'who' is written to 'last_', which is shared between requests [crossuser-shared-state]
    // CHECK: userver.cpp:[[@LINE-4]]:36: note: per-user data comes from 'who' (every call of 'Remember' passes the requester's identity, from 'request.GetCookie("session")' (model userver, userver.yaml:21))
    // CHECK: userver.cpp:[[@LINE+5]]:15: note: 'last_' is shared between requests: a member of 'RecentViewers', which derives from 'userver::components::ComponentBase': the framework makes one for the whole server (model userver, userver.yaml:12)
  }

private:
  engine::Mutex mutex_;
  std::string last_;
};

class CartHandler final : public server::handlers::HttpHandlerBase {
public:
  static constexpr std::string_view kName = "handler-cart";

  CartHandler(const components::ComponentConfig &config,
              const components::ComponentContext &context)
      : HttpHandlerBase(config, context), pages_(1000) {}

  std::string HandleRequestThrow(const server::http::HttpRequest &request,
                                 server::request::RequestContext &) const override {
    const std::string &token = request.GetHeader("Authorization");
    std::lock_guard<engine::Mutex> lock(mutex_);
    last_cart_ = LoadCart(token);
    // CHECK: userver.cpp:[[@LINE-1]]:5: warning: per-user data 'LoadCart(token)' is written to 'last_cart_', which is shared between requests [crossuser-shared-state]
    // CHECK: userver.cpp:[[@LINE-4]]:32: note: per-user data comes from 'request.GetHeader("Authorization")' (model userver, userver.yaml:16)
    // CHECK: userver.cpp:[[@LINE+16]]:23: note: 'last_cart_' is shared between requests: a member of 'CartHandler', which derives from 'userver::server::handlers::HttpHandlerBase': the framework makes one for the whole server (model userver, userver.yaml:8)
    if (const std::string *hit = pages_.Get(request.GetRequestPath())) {
    // CHECK: userver.cpp:[[@LINE-1]]:34: warning: cache 'pages_' is keyed by 'request.GetRequestPath()', which does not identify the user [crossuser-cache-key]
    // CHECK: userver.cpp:[[@LINE-8]]:32: note: user identity 'request.GetHeader("Authorization")' is available here (model userver, userver.yaml:16)
    // CHECK: userver.cpp:[[@LINE+3]]:42: note: per-user data 'last_cart_' is stored in 'pages_' here (model userver, userver.yaml:37)
      return *hit;
    }
    pages_.Put(request.GetRequestPath(), last_cart_);
    // CHECK: userver.cpp:[[@LINE-1]]:5: warning: cache 'pages_' is keyed by 'request.GetRequestPath()', which does not identify the user [crossuser-cache-key]
    // CHECK: userver.cpp:[[@LINE-14]]:32: note: user identity 'request.GetHeader("Authorization")' is available here (model userver, userver.yaml:16)
    // CHECK: userver.cpp:[[@LINE-3]]:42: note: per-user data 'last_cart_' is stored in 'pages_' here (model userver, userver.yaml:37)
    return last_cart_;
  }

private:
  mutable engine::Mutex mutex_;
  mutable std::string last_cart_;
  mutable cache::LruMap<std::string, std::string> pages_;
};

// Silent: keyed by the session cookie, private (the component it hands the
// cookie to is not).
class MyCartHandler final : public server::handlers::HttpHandlerBase {
public:
  static constexpr std::string_view kName = "handler-my-cart";

  MyCartHandler(const components::ComponentConfig &config,
                const components::ComponentContext &context)
      : HttpHandlerBase(config, context),
        viewers_(context.FindComponent<RecentViewers>()), by_user_(1000) {}

  std::string HandleRequestThrow(const server::http::HttpRequest &request,
                                 server::request::RequestContext &) const override {
    const std::string &cookie = request.GetCookie("session");
    viewers_.Remember(cookie);
    std::lock_guard<engine::Mutex> lock(mutex_);
    std::string body;
    if (const std::string *hit = by_user_.Get(cookie)) {
      body = *hit;
    } else {
      body = LoadCart(cookie);
      by_user_.Put(cookie, body);
    }
    request.GetHttpResponse().SetHeader(std::string_view("Cache-Control"),
                                        "private, max-age=60");
    return body;
  }

private:
  RecentViewers &viewers_;
  mutable engine::Mutex mutex_;
  mutable cache::LruMap<std::string, std::string> by_user_;
};

class OrdersHandler final : public server::handlers::HttpHandlerBase {
public:
  static constexpr std::string_view kName = "handler-orders";

  OrdersHandler(const components::ComponentConfig &config,
                const components::ComponentContext &context)
      : HttpHandlerBase(config, context), orders_(16, 256) {}

  std::string HandleRequestThrow(const server::http::HttpRequest &request,
                                 server::request::RequestContext &context) const override {
    const std::string &who = context.GetData<std::string>("user_id");
    auto &response = request.GetHttpResponse();
    response.SetHeader(std::string_view("Cache-Control"), "public, max-age=60");
    // CHECK: userver.cpp:[[@LINE-1]]:5: warning: response is made storable by shared caches ('Cache-Control: public, max-age=60') but carries per-user data [crossuser-cacheable-response]
    // CHECK: userver.cpp:[[@LINE+10]]:50: note: per-user data 'OrdersVersion(who)' enters the response here
    // CHECK: userver.cpp:[[@LINE-5]]:30: note: user identity 'context.GetData<std::string>("user_id")' is available here (model userver, userver.yaml:26)
    // CHECK: userver.cpp:[[@LINE-4]]:5: note: 'SetHeader' sets the response's 'Cache-Control' header (model userver, userver.yaml:31)
    std::string body = LoadOrders(who);
    orders_.Put(request.GetUrl(), body);
    // CHECK: userver.cpp:[[@LINE-1]]:5: warning: cache 'orders_' is keyed by 'request.GetUrl()', which does not identify the user [crossuser-cache-key]
    // CHECK: userver.cpp:[[@LINE-10]]:30: note: user identity 'context.GetData<std::string>("user_id")' is available here (model userver, userver.yaml:26)
    // CHECK: userver.cpp:[[@LINE-3]]:35: note: per-user data 'body' is stored in 'orders_' here (model userver, userver.yaml:44)
    // The body is the returned string; the ETag header carries the
    // caller's orders too.
    response.SetHeader(std::string_view("ETag"), OrdersVersion(who));
    return body;
  }

private:
  mutable cache::ExpirableLruCache<std::string, std::string> orders_;
};

// Silent: a catalogue page is the same for everyone; the `uid` argument
// names whose profile is shown, not who asks.
class CatalogueHandler final : public server::handlers::HttpHandlerBase {
public:
  static constexpr std::string_view kName = "handler-catalogue";

  CatalogueHandler(const components::ComponentConfig &config,
                   const components::ComponentContext &context)
      : HttpHandlerBase(config, context), pages_(16, 256) {}

  std::string HandleRequestThrow(const server::http::HttpRequest &request,
                                 server::request::RequestContext &) const override {
    std::string key = request.GetRequestPath();
    if (request.HasArg("uid"))
      key = request.GetArg("uid");
    std::string body;
    if (auto hit = pages_.GetOptionalNoUpdate(key)) {
      body = *hit;
    } else {
      body = request.HasArg("uid") ? LoadProfile(key) : LoadCatalogue(key);
      pages_.Put(key, body);
    }
    request.GetHttpResponse().SetHeader(std::string_view("Cache-Control"),
                                        "public, max-age=300");
    return body;
  }

private:
  mutable cache::ExpirableLruCache<std::string, std::string> pages_;
};

// The body is only the returned string: the caller's profile, made public.
class ProfileHandler final : public server::handlers::HttpHandlerBase {
public:
  static constexpr std::string_view kName = "handler-profile";

  ProfileHandler(const components::ComponentConfig &config,
                 const components::ComponentContext &context)
      : HttpHandlerBase(config, context) {}

  std::string HandleRequestThrow(const server::http::HttpRequest &request,
                                 server::request::RequestContext &context) const override {
    const std::string &who = context.GetData<std::string>("user_id");
    request.GetHttpResponse().SetHeader(std::string_view("Cache-Control"),
    // CHECK: userver.cpp:[[@LINE-1]]:5: warning: response is made storable by shared caches ('Cache-Control: public, max-age=60') but carries per-user data [crossuser-cacheable-response]
    // CHECK: userver.cpp:[[@LINE+4]]:12: note: per-user data 'LoadProfile(who)' enters the response here: the handler returns it as the body
    // CHECK: userver.cpp:[[@LINE-4]]:30: note: user identity 'context.GetData<std::string>("user_id")' is available here (model userver, userver.yaml:26)
    // CHECK: userver.cpp:[[@LINE-4]]:5: note: 'SetHeader' sets the response's 'Cache-Control' header (model userver, userver.yaml:31)
                                        "public, max-age=60");
    return LoadProfile(who);
  }
};

} // namespace shop

int main(int argc, char *argv[]) {
  auto component_list = userver::components::MinimalServerComponentList()
                            .Append<shop::RecentViewers>()
                            .Append<shop::CartHandler>()
                            .Append<shop::MyCartHandler>()
                            .Append<shop::OrdersHandler>()
                            .Append<shop::CatalogueHandler>();
  return userver::utils::DaemonMain(argc, argv, component_list);
}
