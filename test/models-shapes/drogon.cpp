// RUN: not %crossuser_check --root=%S %s -- -std=c++17 -I %S/Inputs 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 -I %S/Inputs 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// A drogon service on a minimal shape of drogon's API (Inputs/drogon):
// drogon makes one instance of each controller, so its members serve every
// request; the signed-in user is the session's "userId"; the timed
// CacheMap is a cache. Leaks: a controller member that keeps the last
// user's cart, a CacheMap keyed by the path while the session's user is
// at hand, and a public response of the user's orders from a handler
// registered on the app. Silent: the cache keyed by the user, a private
// response, and a catalogue cached by path where no user is known.
#include <drogon/drogon.h>

#include <map>
#include <mutex>
#include <string>

std::string LoadCart(const std::string &user);
std::string LoadOrders(const std::string &user);
std::string LoadCatalogue(const std::string &path);

using namespace drogon;

class CartController : public HttpController<CartController> {
public:
  METHOD_LIST_BEGIN
  ADD_METHOD_TO(CartController::show, "/cart", Get);
  ADD_METHOD_TO(CartController::mine, "/cart/mine", Get);
  METHOD_LIST_END

  void show(const HttpRequestPtr &req,
            std::function<void(const HttpResponsePtr &)> &&callback) {
    const std::string who = req->session()->get<std::string>("userId");
    lastCart_ = LoadCart(who);
    // CHECK: drogon.cpp:[[@LINE-1]]:5: warning: per-user data 'LoadCart(who)' is written to 'lastCart_', which is shared between requests [crossuser-shared-state]
    // CHECK: drogon.cpp:[[@LINE-3]]:29: note: per-user data comes from 'req->session()->get<std::string>("userId")' (model drogon, drogon.yaml:35)
    // CHECK: drogon.cpp:[[@LINE+33]]:15: note: 'lastCart_' is shared between requests: a member of 'CartController', which derives from 'drogon::HttpController': the framework makes one for the whole server (model drogon, drogon.yaml:8)
    std::string body;
    if (!carts_.findAndFetch(req->path(), body)) {
    // CHECK: drogon.cpp:[[@LINE-1]]:10: warning: cache 'carts_' is keyed by 'req->path()', which does not identify the user [crossuser-cache-key]
    // CHECK: drogon.cpp:[[@LINE-8]]:29: note: user identity 'req->session()->get<std::string>("userId")' is available here (model drogon, drogon.yaml:35)
    // CHECK: drogon.cpp:[[@LINE+2]]:34: note: per-user data 'body' is stored in 'carts_' here (model drogon, drogon.yaml:46)
      body = lastCart_;
      carts_.insert(req->path(), body, 60);
      // CHECK: drogon.cpp:[[@LINE-1]]:7: warning: cache 'carts_' is keyed by 'req->path()', which does not identify the user [crossuser-cache-key]
      // CHECK: drogon.cpp:[[@LINE-13]]:29: note: user identity 'req->session()->get<std::string>("userId")' is available here (model drogon, drogon.yaml:35)
      // CHECK: drogon.cpp:[[@LINE-3]]:34: note: per-user data 'body' is stored in 'carts_' here (model drogon, drogon.yaml:46)
    }
    auto resp = HttpResponse::newHttpResponse();
    resp->setBody(body);
    callback(resp);
  }

  // Silent: keyed by the session's user, private.
  void mine(const HttpRequestPtr &req,
            std::function<void(const HttpResponsePtr &)> &&callback) {
    const std::string who = req->session()->get<std::string>("userId");
    std::string body;
    if (!byUser_.findAndFetch(who, body)) {
      body = LoadCart(who);
      byUser_.insert(who, body, 60);
    }
    auto resp = HttpResponse::newHttpResponse();
    resp->addHeader("Cache-Control", "private, max-age=60");
    resp->setBody(body);
    callback(resp);
  }

private:
  std::string lastCart_;
  CacheMap<std::string, std::string> carts_;
  CacheMap<std::string, std::string> byUser_;
};

// Silent: a catalogue page is the same for everyone.
class CatalogueController : public HttpSimpleController<CatalogueController> {
public:
  void asyncHandleHttpRequest(
      const HttpRequestPtr &req,
      std::function<void(const HttpResponsePtr &)> &&callback) override {
    std::string body;
    if (!pages_.findAndFetch(req->path(), body)) {
      body = LoadCatalogue(req->path());
      pages_.insert(req->path(), body, 300);
    }
    auto resp = HttpResponse::newHttpResponse();
    resp->addHeader("Cache-Control", "public, max-age=300");
    resp->setBody(body);
    callback(resp);
  }

private:
  CacheMap<std::string, std::string> pages_;
};

int main() {
  app().registerHandler(
      "/orders",
      [](const HttpRequestPtr &req,
         std::function<void(const HttpResponsePtr &)> &&callback) {
        const std::string who = req->session()->get<std::string>("userId");
        auto resp = HttpResponse::newHttpResponse();
        resp->addHeader("Cache-Control", "public, max-age=120");
        // CHECK: drogon.cpp:[[@LINE-1]]:9: warning: response is made storable by shared caches ('Cache-Control: public, max-age=120') but carries per-user data [crossuser-cacheable-response]
        // CHECK: drogon.cpp:[[@LINE+3]]:23: note: per-user data 'LoadOrders(who)' enters the response here
        // CHECK: drogon.cpp:[[@LINE-5]]:33: note: user identity 'req->session()->get<std::string>("userId")' is available here (model drogon, drogon.yaml:35)
        // CHECK: drogon.cpp:[[@LINE-4]]:9: note: 'addHeader' sets the response's 'Cache-Control' header (model drogon, drogon.yaml:40)
        resp->setBody(LoadOrders(who));
        callback(resp);
      },
      {Get});
  app().run();
}
