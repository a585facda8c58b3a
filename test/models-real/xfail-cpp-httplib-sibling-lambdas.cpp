// REQUIRES: httplib
// XFAIL: *
// RUN: %crossuser_check --root=%S %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// CHECK: crossuser-check: 0 findings in 1 file
//
// cpp-httplib services register every route as a lambda in one function.
// Each lambda is its own request handler, but the engine looks for the
// user identity in the whole enclosing function: the credentials read by
// the cart route make the product route's public page, cached under its
// SKU, look like a page cached without the user. The product route has no
// identity at hand and must stay silent (with the routes in two functions
// it is: hiredis.cpp).
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
  }

private:
  std::map<std::string, std::string> pages_;
};
