// REQUIRES: httplib
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=CHECK,TOOL --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// cpp-httplib services register every route as a lambda in one function.
// Each lambda is its own request handler: the credentials the cart route
// reads are not known to the product route, whose public page is cached
// under its SKU and must stay silent. The orders route reads the cookie
// itself and caches the user's page under the path: that one is reported.
#include <httplib.h>

#include <map>
#include <string>

std::string RenderCart(const std::string &session);
std::string RenderProduct(const std::string &sku);

class ShopServer {
public:
  void Install(httplib::Server &svr) {
    svr.Get("/my-cart", [this](const httplib::Request &req, httplib::Response &res) {
      const std::string session = req.get_header_value("Cookie");
      pages_["cart:" + session] = RenderCart(session);
      res.set_content(pages_["cart:" + session], "text/html");
    });
    svr.Get(R"(/products/(\w+))", [this](const httplib::Request &req, httplib::Response &res) {
      const std::string sku = req.matches[1];
      pages_["product:" + sku] = RenderProduct(sku);
      res.set_content(pages_["product:" + sku], "text/html");
    });
    svr.Get("/my-orders", [this](const httplib::Request &req, httplib::Response &res) {
      const std::string session = req.get_header_value("Cookie");
      pages_[req.path] = RenderCart(session);
      // CHECK: cpp-httplib-sibling-lambdas.cpp:[[@LINE-1]]:7: warning: cache 'pages_' is keyed by 'req.path', which does not identify the user [crossuser-cache-key]
      // CHECK: cpp-httplib-sibling-lambdas.cpp:[[@LINE-3]]:35: note: user identity 'req.get_header_value("Cookie")' is available here (model cpp-httplib, cpp-httplib.yaml:6)
      // CHECK: cpp-httplib-sibling-lambdas.cpp:[[@LINE-3]]:26: note: per-user data 'RenderCart(session)' is stored in 'pages_' here
      res.set_content(pages_[req.path], "text/html");
      // CHECK: cpp-httplib-sibling-lambdas.cpp:[[@LINE-1]]:23: warning: cache 'pages_' is keyed by 'req.path', which does not identify the user [crossuser-cache-key]
      // CHECK: cpp-httplib-sibling-lambdas.cpp:[[@LINE-7]]:35: note: user identity 'req.get_header_value("Cookie")' is available here (model cpp-httplib, cpp-httplib.yaml:6)
      // CHECK: cpp-httplib-sibling-lambdas.cpp:25:35: note: per-user data 'RenderCart(session)' is stored in 'pages_' here
    });
  }

private:
  std::map<std::string, std::string> pages_;
};
// TOOL: crossuser-check: 2 findings in 1 file
