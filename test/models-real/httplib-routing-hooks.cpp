// REQUIRES: httplib
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// A response memo in cpp-httplib's routing hooks (middleware rows). The
// post-routing hook sees the response of every route on the same server,
// so what it stores is what the routes wrote. One route there answers from
// the caller's cookie, so the memo, keyed by the path alone, holds one
// caller's page for everyone. The pre-routing hook replays it.
// Silent:
// - the same hooks on a server whose routes are public;
// - a memo keyed by the path and the cookie;
// - a hook that keeps only the status code.
#include <httplib.h>

#include <map>
#include <mutex>
#include <string>

std::string Inbox(const std::string &sid);
std::string Weather();

struct Saved {
  int status;
  std::string body;
};

std::mutex g_mu;
std::map<std::string, Saved> g_pages;
std::map<std::string, Saved> g_public_pages;
std::map<std::string, Saved> g_own_pages;
std::map<std::string, int> g_statuses;

void Serve(httplib::Server &svr) {
  svr.set_pre_routing_handler([](const httplib::Request &req, httplib::Response &res) {
    std::lock_guard<std::mutex> lock(g_mu);
    auto hit = g_pages.find(req.path);
    // CHECK: httplib-routing-hooks.cpp:[[@LINE-1]]:16: warning: response from shared response cache 'g_pages', which holds personalised responses, is served under 'req.path', which does not identify the user [crossuser-cacheable-response]
    // CHECK: httplib-routing-hooks.cpp:[[@LINE+12]]:5: note: a personalised response is stored in 'g_pages' here
    // CHECK: httplib-routing-hooks.cpp:[[@LINE+20]]:21: note: per-user data 'Inbox(req.get_header_value("Cookie"))' enters the response of the route here
    // CHECK: httplib-routing-hooks.cpp:[[@LINE+19]]:27: note: user identity 'req.get_header_value("Cookie")' is available here (model cpp-httplib, cpp-httplib.yaml:6)
    // CHECK: httplib-routing-hooks.cpp:[[@LINE+7]]:3: note: 'set_post_routing_handler' runs this hook after every route registered on 'svr' and hands it the route's response (model cpp-httplib, cpp-httplib.yaml:72)
    // CHECK: httplib-routing-hooks.cpp:[[@LINE-8]]:3: note: 'set_pre_routing_handler' runs this hook before the routes registered on 'svr', and what it writes into the response answers the request (model cpp-httplib, cpp-httplib.yaml:67)
    if (hit == g_pages.end())
      return httplib::Server::HandlerResponse::Unhandled;
    res.set_content(hit->second.body, "text/html");
    return httplib::Server::HandlerResponse::Handled;
  });
  svr.set_post_routing_handler([](const httplib::Request &req, httplib::Response &res) {
    std::lock_guard<std::mutex> lock(g_mu);
    g_pages[req.path] = Saved{res.status, res.body};
    // CHECK: httplib-routing-hooks.cpp:[[@LINE-1]]:5: warning: personalised response is stored in shared response cache 'g_pages' under 'req.path', which does not identify the user [crossuser-cacheable-response]
    // CHECK: httplib-routing-hooks.cpp:[[@LINE+7]]:21: note: per-user data 'Inbox(req.get_header_value("Cookie"))' enters the response of the route here
    // CHECK: httplib-routing-hooks.cpp:[[@LINE+6]]:27: note: user identity 'req.get_header_value("Cookie")' is available here (model cpp-httplib, cpp-httplib.yaml:6)
    // CHECK: httplib-routing-hooks.cpp:[[@LINE-6]]:3: note: 'set_post_routing_handler' runs this hook after every route registered on 'svr' and hands it the route's response (model cpp-httplib, cpp-httplib.yaml:72)
    g_own_pages[req.path + req.get_header_value("Cookie")] = Saved{res.status, res.body};
    g_statuses[req.path] = res.status;
  });
  svr.Get("/inbox", [](const httplib::Request &req, httplib::Response &res) {
    res.set_content(Inbox(req.get_header_value("Cookie")), "text/html");
  });
}

void ServePublic(httplib::Server &site) {
  site.set_post_routing_handler([](const httplib::Request &req, httplib::Response &res) {
    std::lock_guard<std::mutex> lock(g_mu);
    g_public_pages[req.path] = Saved{res.status, res.body};
  });
  site.Get("/weather", [](const httplib::Request &, httplib::Response &res) {
    res.set_content(Weather(), "text/html");
  });
}
