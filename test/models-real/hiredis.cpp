// REQUIRES: hiredis, httplib
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// A cart service that caches in Redis through hiredis, compiled against
// the real <hiredis/hiredis.h> (and <httplib.h> for the HTTP side). hiredis
// takes printf-style commands: the first '%s' of "GET %s" or
// "SETEX %s %d %s" is the key. Leaks: carts stored and read under the
// cart's URL id while the caller's session cookie is at hand, also through
// the pipelined redisAppendCommand. Silent: carts keyed by the session,
// and public product pages keyed by the product.
#include <hiredis/hiredis.h>
#include <httplib.h>

#include <string>

std::string RenderCart(const std::string &session, const std::string &cart_id);
std::string RenderProduct(const std::string &sku);

class CartServer {
public:
  explicit CartServer(redisContext *redis) : redis_(redis) {}

  void InstallCarts(httplib::Server &svr) {
    svr.Get(R"(/carts/(\w+))", [this](const httplib::Request &req, httplib::Response &res) {
      const std::string session = req.get_header_value("Cookie");
      const std::string cart_id = req.matches[1];
      auto *cached = static_cast<redisReply *>(redisCommand(redis_, "GET cart:%s", cart_id.c_str()));
      // CHECK: hiredis.cpp:[[@LINE-1]]:48: warning: cache 'redis_' is keyed by 'cart_id.c_str()', which does not identify the user [crossuser-cache-key]
      // CHECK: hiredis.cpp:[[@LINE-3]]:25: note: key 'cart_id' is built here
      // CHECK: hiredis.cpp:[[@LINE-5]]:35: note: user identity 'req.get_header_value("Cookie")' is available here (model cpp-httplib, cpp-httplib.yaml:6)
      // CHECK: hiredis.cpp:[[@LINE+6]]:79: note: per-user data 'html.c_str()' is stored in 'redis_' here (model hiredis, hiredis.yaml:9)
      // CHECK: hiredis.cpp:[[@LINE-5]]:48: note: this call is a lookup in 'redis_' (model hiredis, hiredis.yaml:6)
      std::string html = cached && cached->type == REDIS_REPLY_STRING
                             ? std::string(cached->str, cached->len)
                             : RenderCart(session, cart_id);
      freeReplyObject(cached);
      redisAppendCommand(redis_, "SETEX cart:%s %d %s", cart_id.c_str(), 300, html.c_str());
      // CHECK: hiredis.cpp:[[@LINE-1]]:7: warning: cache 'redis_' is keyed by 'cart_id.c_str()', which does not identify the user [crossuser-cache-key]
      // CHECK: hiredis.cpp:[[@LINE-13]]:25: note: key 'cart_id' is built here
      // CHECK: hiredis.cpp:[[@LINE-15]]:35: note: user identity 'req.get_header_value("Cookie")' is available here (model cpp-httplib, cpp-httplib.yaml:6)
      // CHECK: hiredis.cpp:[[@LINE-4]]:79: note: per-user data 'html.c_str()' is stored in 'redis_' here (model hiredis, hiredis.yaml:9)
      res.set_content(html, "text/html");
    });

    // Silent: the same cart keyed by the caller's session.
    svr.Get("/my-cart", [this](const httplib::Request &req, httplib::Response &res) {
      const std::string session = req.get_header_value("Cookie");
      const std::string key = "cart:" + session;
      auto *cached = static_cast<redisReply *>(redisCommand(redis_, "GET %s", key.c_str()));
      std::string html = cached && cached->type == REDIS_REPLY_STRING
                             ? std::string(cached->str, cached->len)
                             : RenderCart(session, "current");
      freeReplyObject(cached);
      freeReplyObject(redisCommand(redis_, "SETEX %s %d %s", key.c_str(), 300, html.c_str()));
      res.set_content(html, "text/html");
    });

  }

  // Silent: a product page is the same for everyone. (Registered from the
  // same function as the cart routes, it is reported:
  // xfail-cpp-httplib-sibling-lambdas.cpp.)
  void InstallCatalog(httplib::Server &svr) {
    svr.Get(R"(/products/(\w+))", [this](const httplib::Request &req, httplib::Response &res) {
      const std::string sku = req.matches[1];
      std::string html = RenderProduct(sku);
      freeReplyObject(redisCommand(redis_, "SETEX product:%s %d %s", sku.c_str(), 3600, html.c_str()));
      res.set_content(html, "text/html");
    });
  }

private:
  redisContext *redis_;
};

int main() {
  redisContext *redis = redisConnect("127.0.0.1", 6379);
  httplib::Server svr;
  CartServer carts(redis);
  carts.InstallCarts(svr);
  carts.InstallCatalog(svr);
  svr.listen("0.0.0.0", 8080);
}
