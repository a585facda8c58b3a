// REQUIRES: cpprest
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// A C++ REST SDK service whose handler is a method bound to the service
// object (`listener_.support(methods::GET, std::bind(&Api::Get, this, _1))`):
// the listener keeps it for the server's lifetime, so the object's members
// are shared by every request. Leaks: the caller kept in a member, and whole
// personalised responses kept in an entry struct (`Entry{resp, when}`)
// under the URI (by both cache checks). Silent: the same members in a
// class whose method nobody registers.
#include <cpprest/http_listener.h>

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <string>

using namespace web;
using namespace web::http;
using namespace web::http::experimental::listener;

std::string PicksFor(const std::string &bearer);

class Api {
public:
  explicit Api(const std::string &url) : listener_(url) {
    listener_.support(methods::GET, std::bind(&Api::Get, this, std::placeholders::_1));
  }

private:
  struct Entry {
    http_response response;
    std::chrono::steady_clock::time_point when;
  };

  void Get(http_request req) {
    auto auth = req.headers().find(header_names::authorization);
    if (auth == req.headers().end())
      return;
    last_caller_ = auth->second;
    // CHECK: cpprest-bound-handler.cpp:[[@LINE-1]]:5: warning: per-user data 'auth->second' is written to 'last_caller_', which is shared between requests [crossuser-shared-state]
    // CHECK: cpprest-bound-handler.cpp:[[@LINE-5]]:17: note: per-user data comes from 'req.headers().find(header_names::authorization)'
    // CHECK: cpprest-bound-handler.cpp:[[@LINE+17]]:15: note: 'last_caller_' is shared between requests: a member of 'Api', registered to serve requests (model cpprestsdk, cpprestsdk.yaml:17)
    // CHECK: cpprest-bound-handler.cpp:[[@LINE-17]]:5: note: 'Api' is registered here; one instance serves every request (model cpprestsdk, cpprestsdk.yaml:17)
    http_response resp(status_codes::OK);
    resp.set_body(PicksFor(auth->second));
    std::lock_guard<std::mutex> lock(mu_);
    responses_[req.request_uri().to_string()] = Entry{resp, std::chrono::steady_clock::now()};
    // CHECK: cpprest-bound-handler.cpp:[[@LINE-1]]:5: warning: cache 'responses_' is keyed by 'req.request_uri().to_string()', which does not identify the user [crossuser-cache-key]
    // CHECK: cpprest-bound-handler.cpp:[[@LINE-13]]:17: note: user identity 'req.headers().find(header_names::authorization)' is available here
    // CHECK: cpprest-bound-handler.cpp:[[@LINE-3]]:49: note: per-user data 'Entry{resp, std::chrono::steady_clock::now()}' is stored in 'responses_' here
    // CHECK: cpprest-bound-handler.cpp:[[@LINE-4]]:5: warning: personalised response is stored in shared response cache 'responses_' under 'req.request_uri().to_string()', which does not identify the user [crossuser-cacheable-response]
    // CHECK: cpprest-bound-handler.cpp:[[@LINE-7]]:19: note: per-user data 'PicksFor(auth->second)' enters the response here
    // CHECK: cpprest-bound-handler.cpp:[[@LINE-17]]:17: note: user identity 'req.headers().find(header_names::authorization)' is available here
    req.reply(resp);
  }

  http_listener listener_;
  std::mutex mu_;
  std::string last_caller_;
  std::map<std::string, Entry> responses_;
};

class Offline {
public:
  void Get(http_request req) {
    auto auth = req.headers().find(header_names::authorization);
    if (auth == req.headers().end())
      return;
    last_caller_ = auth->second;
  }

private:
  std::string last_caller_;
};
