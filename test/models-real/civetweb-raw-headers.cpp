// REQUIRES: civetweb
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// CivetWeb services often write the status line and headers themselves
// with mg_printf(conn, fmt, ...): the model's 'header-text' row reads the
// header lines out of the format. Leak: a cookie-authenticated order page
// sent with 'Cache-Control: max-age=300'. Silent: the same page marked
// private, and a public help page that carries nobody's data.
#include <CivetServer.h>
#include <civetweb.h>

#include <optional>
#include <string>

std::optional<std::string> CustomerFor(const std::string &sid);
std::string OrderRows(const std::string &customer);

class OrdersHandler : public CivetHandler {
public:
  bool handleGet(CivetServer *, struct mg_connection *conn) override {
    std::string sid;
    CivetServer::getCookie(conn, "shop_sid", sid);
    const auto customer = CustomerFor(sid);
    if (!customer)
      return false;
    const std::string body = OrderRows(*customer);
    mg_printf(conn,
    // CHECK: civetweb-raw-headers.cpp:[[@LINE-1]]:5: warning: response is made storable by shared caches ('Cache-Control: max-age=300') but carries per-user data [crossuser-cacheable-response]
    // CHECK: civetweb-raw-headers.cpp:[[@LINE+7]]:15: note: per-user data 'body.size()' enters the response here
    // CHECK: civetweb-raw-headers.cpp:[[@LINE-8]]:5: note: user identity 'CivetServer::getCookie(conn, "shop_sid", sid)' is available here (model civetweb, civetweb.yaml:18)
    // CHECK: civetweb-raw-headers.cpp:[[@LINE-4]]:5: note: 'mg_printf' sets the response's 'Cache-Control' header (model civetweb, civetweb.yaml:33)
              "HTTP/1.1 200 OK\r\n"
              "Content-Type: text/html\r\n"
              "Cache-Control: max-age=300\r\n"
              "Content-Length: %zu\r\n\r\n",
              body.size());
    mg_write(conn, body.data(), body.size());
    return true;
  }
};

class PrivateOrdersHandler : public CivetHandler {
public:
  bool handleGet(CivetServer *, struct mg_connection *conn) override {
    std::string sid;
    CivetServer::getCookie(conn, "shop_sid", sid);
    const auto customer = CustomerFor(sid);
    if (!customer)
      return false;
    const std::string body = OrderRows(*customer);
    mg_printf(conn,
              "HTTP/1.1 200 OK\r\n"
              "Cache-Control: private, max-age=300\r\n"
              "Content-Length: %zu\r\n\r\n",
              body.size());
    mg_write(conn, body.data(), body.size());
    return true;
  }
};

class HelpHandler : public CivetHandler {
public:
  bool handleGet(CivetServer *, struct mg_connection *conn) override {
    static const std::string page = "<p>Returns are free within 30 days.</p>";
    mg_printf(conn,
              "HTTP/1.1 200 OK\r\nCache-Control: public, max-age=86400\r\n"
              "Content-Length: %zu\r\n\r\n",
              page.size());
    mg_write(conn, page.data(), page.size());
    return true;
  }
};
