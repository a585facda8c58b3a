// REQUIRES: beast
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// An account service on Boost.Beast, compiled against the real
// <boost/beast/http.hpp>. The credentials are fields read from the request
// (`req[http::field::authorization]`, `req.at(http::field::cookie)`,
// `req["X-Api-Key"]`: the beast model's identity rows). Leaks:
// - a public Cache-Control on the caller's statement;
// - a page cache keyed by the target while the caller's cookie is at hand;
// - the caller kept in a member of the router every connection shares.
// Silent:
// - the same statement with `private`;
// - the cache keyed by the cookie;
// - a public status page;
// - a user-agent field, which names no one.
#include <boost/beast/http.hpp>

#include <map>
#include <string>

namespace http = boost::beast::http;
using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

std::string StatementFor(const std::string &bearer);
std::string PageFor(const std::string &cookie, const std::string &target);
std::string Status();
std::string Hints(const std::string &agent);

std::map<std::string, std::string> g_pages;
std::map<std::string, std::string> g_own_pages;
std::map<std::string, std::string> g_hints;

void Statement(const Request &req, Response &res) {
  const std::string bearer(req[http::field::authorization]);
  res.body() = StatementFor(bearer);
  res.set(http::field::cache_control, "public, max-age=120");
  // CHECK: beast.cpp:[[@LINE-1]]:3: warning: response is made storable by shared caches ('Cache-Control: public, max-age=120') but carries per-user data [crossuser-cacheable-response]
  // CHECK: beast.cpp:[[@LINE-3]]:16: note: per-user data 'StatementFor(bearer)' enters the response here
  // CHECK: beast.cpp:[[@LINE-5]]:28: note: user identity 'req[http::field::authorization]' is available here (model beast, beast.yaml:9)
  // CHECK: beast.cpp:[[@LINE-4]]:3: note: 'set' sets the response's 'Cache-Control' header (model beast, beast.yaml:24)
}

void PrivateStatement(const Request &req, Response &res) {
  const std::string bearer(req[http::field::authorization]);
  res.body() = StatementFor(bearer);
  res.set(http::field::cache_control, "private, max-age=120");
}

void Page(const Request &req, Response &res) {
  const std::string cookie(req.at(http::field::cookie));
  const std::string target(req.target());
  auto hit = g_pages.find(target);
  // CHECK: beast.cpp:[[@LINE-1]]:14: warning: cache 'g_pages' is keyed by 'target', which does not identify the user [crossuser-cache-key]
  // CHECK: beast.cpp:[[@LINE-3]]:21: note: key 'target' is built here
  // CHECK: beast.cpp:[[@LINE-5]]:28: note: user identity 'req.at(http::field::cookie)' is available here (model beast, beast.yaml:14)
  // CHECK: beast.cpp:[[@LINE+6]]:21: note: per-user data 'res.body()' is stored in 'g_pages' here
  if (hit != g_pages.end()) {
    res.body() = hit->second;
    return;
  }
  res.body() = PageFor(cookie, target);
  g_pages[target] = res.body();
  // CHECK: beast.cpp:[[@LINE-1]]:3: warning: cache 'g_pages' is keyed by 'target', which does not identify the user [crossuser-cache-key]
  // CHECK: beast.cpp:[[@LINE-13]]:21: note: key 'target' is built here
  // CHECK: beast.cpp:[[@LINE-15]]:28: note: user identity 'req.at(http::field::cookie)' is available here (model beast, beast.yaml:14)
  // CHECK: beast.cpp:[[@LINE-4]]:21: note: per-user data 'res.body()' is stored in 'g_pages' here
  g_own_pages[cookie + target] = res.body();
}

void StatusPage(const Request &req, Response &res) {
  const std::string agent(req[http::field::user_agent]);
  auto hint = g_hints.find(agent);
  if (hint == g_hints.end())
    hint = g_hints.emplace(agent, Hints(agent)).first;
  res.body() = Status() + hint->second;
  res.set(http::field::cache_control, "public, max-age=30");
}

class Router {
public:
  void Handle(const Request &req, Response &res) {
    caller_ = std::string(req["X-Api-Key"]);
    // CHECK: beast.cpp:[[@LINE-1]]:5: warning: per-user data 'std::string(req["X-Api-Key"])' is written to 'caller_', which is shared between requests [crossuser-shared-state]
    // CHECK: beast.cpp:[[@LINE-2]]:27: note: per-user data comes from 'req["X-Api-Key"]' (model beast, beast.yaml:9)
    // CHECK: beast.cpp:[[@LINE+6]]:15: note: 'caller_' is shared between requests: a member of 'Router', whose instance 'g_router' is declared at namespace scope
    // CHECK: beast.cpp:[[@LINE+8]]:8: note: an instance of 'Router' lives here, in shared storage
    res.body() = PageFor(caller_, std::string(req.target()));
  }

private:
  std::string caller_;
};

Router g_router;
