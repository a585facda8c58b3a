// RUN: not %crossuser_check --root=%S %s -- -std=c++17 -I %S/Inputs 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 -I %S/Inputs 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// A Crow service on a minimal shape of Crow's API (Inputs/crow.h): a
// handler given to CROW_ROUTE(app, url) or app.route_dynamic(url) is kept
// by the app and called for every request, so the object it captures
// serves every request, and the app keeps one instance of each
// middleware; the caller is the Authorization header, the session cookie
// or the session's user. Leaks: a member of the service the route
// captures that keeps the last caller's cart, a page cache keyed by the
// URL while the caller's token is at hand, a middleware member and a
// member of a dynamically routed service that keep the last caller's
// credentials, and a public response of the session user's orders.
// Silent: the cache keyed by the token, a private response, the
// credentials kept in the middleware's per-request context, a catalogue
// cached by URL where no user is known, and a public profile whose `uid`
// query parameter is the subject, not the caller.
#include "crow.h"

#include <mutex>
#include <string>
#include <unordered_map>

std::string LoadCart(const std::string &user);
std::string LoadOrders(const std::string &user);
std::string LoadCatalogue(const std::string &path);
std::string LoadProfile(const std::string &id);

struct AuthGuard : crow::ILocalMiddleware {
  struct context {
    std::string token;
  };
  void before_handle(crow::request &req, crow::response &res, context &ctx) {
    ctx.token = req.get_header_value("Authorization");
    lastToken_ = req.get_header_value("X-Api-Key");
    // CHECK: crow.cpp:[[@LINE-1]]:5: warning: per-user data 'req.get_header_value("X-Api-Key")' is written to 'lastToken_', which is shared between requests [crossuser-shared-state]
    // CHECK: crow.cpp:[[@LINE-2]]:18: note: per-user data comes from 'req.get_header_value("X-Api-Key")' (model crow, crow.yaml:22)
    // CHECK: crow.cpp:[[@LINE+5]]:15: note: 'lastToken_' is shared between requests: a member of 'AuthGuard', which derives from 'crow::ILocalMiddleware': the framework makes one for the whole server (model crow, crow.yaml:18)
  }
  void after_handle(crow::request &req, crow::response &res, context &ctx) {}

private:
  std::string lastToken_;
};

using Session = crow::SessionMiddleware<crow::InMemoryStore>;
using App = crow::App<crow::CookieParser, Session, AuthGuard>;

class CartService {
public:
  void Install(App &app) {
    CROW_ROUTE(app, "/cart")([this](const crow::request &req) {
      std::string token = req.get_header_value("Authorization");
      std::lock_guard<std::mutex> lock(mu_);
      lastCart_ = LoadCart(token);
      // CHECK: crow.cpp:[[@LINE-1]]:7: warning: per-user data 'LoadCart(token)' is written to 'lastCart_', which is shared between requests [crossuser-shared-state]
      // CHECK: crow.cpp:[[@LINE-4]]:27: note: per-user data comes from 'req.get_header_value("Authorization")' (model crow, crow.yaml:22)
      // CHECK: crow.cpp:[[@LINE+36]]:15: note: 'lastCart_' is shared between requests: a member of 'CartService', registered to serve requests (model crow, crow.yaml:8)
      // CHECK: crow.cpp:[[@LINE-7]]:16: note: 'CartService' is registered here; one instance serves every request (model crow, crow.yaml:8)
      std::string body;
      auto hit = pages_.find(req.url);
      // CHECK: crow.cpp:[[@LINE-1]]:18: warning: cache 'pages_' is keyed by 'req.url', which does not identify the user [crossuser-cache-key]
      // CHECK: crow.cpp:[[@LINE-10]]:27: note: user identity 'req.get_header_value("Authorization")' is available here (model crow, crow.yaml:22)
      // CHECK: crow.cpp:[[@LINE+5]]:27: note: per-user data 'body' is stored in 'pages_' here
      if (hit != pages_.end()) {
        body = hit->second;
      } else {
        body = lastCart_;
        pages_[req.url] = body;
        // CHECK: crow.cpp:[[@LINE-1]]:9: warning: cache 'pages_' is keyed by 'req.url', which does not identify the user [crossuser-cache-key]
        // CHECK: crow.cpp:[[@LINE-18]]:27: note: user identity 'req.get_header_value("Authorization")' is available here (model crow, crow.yaml:22)
        // CHECK: crow.cpp:[[@LINE-3]]:27: note: per-user data 'body' is stored in 'pages_' here
      }
      return crow::response(body);
    });

    // Silent: keyed by the caller's token, private.
    CROW_ROUTE(app, "/cart/mine")
        .CROW_MIDDLEWARES(app, AuthGuard)([this](const crow::request &req) {
          std::string token = req.get_header_value("Authorization");
          std::lock_guard<std::mutex> lock(mu_);
          auto hit = byUser_.find(token);
          std::string body = hit != byUser_.end() ? hit->second : LoadCart(token);
          byUser_[token] = body;
          crow::response res;
          res.set_header("Cache-Control", "private, max-age=60");
          res.write(body);
          return res;
        });
  }

private:
  std::mutex mu_;
  std::string lastCart_;
  std::unordered_map<std::string, std::string> pages_;
  std::unordered_map<std::string, std::string> byUser_;
};

class SessionService {
public:
  void Install(App &app) {
    app.route_dynamic("/session")([this, &app](const crow::request &req) {
      lastSession_ = app.get_context<crow::CookieParser>(req).get_cookie("sid");
      // CHECK: crow.cpp:[[@LINE-1]]:7: warning: per-user data 'app.get_context<crow::CookieParser>(req).get_cookie("sid")' is written to 'lastSession_', which is shared between requests [crossuser-shared-state]
      // CHECK: crow.cpp:[[@LINE-2]]:22: note: per-user data comes from 'app.get_context<crow::CookieParser>(req).get_cookie("sid")' (model crow, crow.yaml:27)
      // CHECK: crow.cpp:[[@LINE+7]]:15: note: 'lastSession_' is shared between requests: a member of 'SessionService', registered to serve requests (model crow, crow.yaml:13)
      // CHECK: crow.cpp:[[@LINE-5]]:5: note: 'SessionService' is registered here; one instance serves every request (model crow, crow.yaml:13)
      return crow::response(204);
    });
  }

private:
  std::string lastSession_;
};

int main() {
  App app;
  CartService carts;
  carts.Install(app);
  SessionService sessions;
  sessions.Install(app);

  CROW_ROUTE(app, "/orders")
      .methods(crow::HTTPMethod::Get)([&app](const crow::request &req,
                                             crow::response &res) {
        std::string who = app.get_context<Session>(req).get<std::string>("user");
        res.add_header("Cache-Control", "public, max-age=120");
        // CHECK: crow.cpp:[[@LINE-1]]:9: warning: response is made storable by shared caches ('Cache-Control: public, max-age=120') but carries per-user data [crossuser-cacheable-response]
        // CHECK: crow.cpp:[[@LINE+3]]:19: note: per-user data 'LoadOrders(who)' enters the response here
        // CHECK: crow.cpp:[[@LINE-4]]:27: note: user identity 'app.get_context<Session>(req).get<std::string>("user")' is available here (model crow, crow.yaml:32)
        // CHECK: crow.cpp:[[@LINE-4]]:9: note: 'add_header' sets the response's 'Cache-Control' header (model crow, crow.yaml:41)
        res.write(LoadOrders(who));
        res.end();
      });

  // Silent: a catalogue page is the same for everyone.
  static std::mutex mu;
  static std::unordered_map<std::string, std::string> catalogue;
  CROW_ROUTE(app, "/catalogue")([](const crow::request &req) {
    std::lock_guard<std::mutex> lock(mu);
    auto hit = catalogue.find(req.url);
    std::string body = hit != catalogue.end() ? hit->second : LoadCatalogue(req.url);
    catalogue[req.url] = body;
    crow::response res(body);
    res.set_header("Cache-Control", "public, max-age=300");
    return res;
  });

  // Silent: the `uid` parameter names whose profile is shown, not who
  // asks; profiles are public.
  CROW_ROUTE(app, "/profile")([](const crow::request &req) {
    std::string id = req.url_params.get("uid");
    std::lock_guard<std::mutex> lock(mu);
    auto hit = catalogue.find(id);
    std::string body = hit != catalogue.end() ? hit->second : LoadProfile(id);
    catalogue[id] = body;
    crow::response res(200, body);
    res.set_header("Cache-Control", "public, max-age=300");
    return res;
  });

  app.port(18080).multithreaded().run();
}
