// RUN: %clang_tidy -checks='-*,crossuser-cacheable-response' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: not %crossuser_check -checks=crossuser-cacheable-response %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

// A store into a shared response cache is fine where the request carries no
// credentials. The test counts only on the side of the branch where the
// credentials are absent, and only where that side dominates the store.

#include "http_response.h"

// Positive control: the store runs for signed-in requests too.
class Unguarded : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    resp = upstream_.Forward(req);
    std::string sid = req.cookie("session_id");
    cache_.Put(req.url(), resp);
    // CHECK: :[[@LINE-1]]:5: warning: personalised response is stored in shared response cache 'cache_' under 'req.url()', which does not identify the user [crossuser-cacheable-response]
    // CHECK: :[[@LINE-4]]:12: note: the response is produced from request 'req', credentials included, here
    // CHECK: :[[@LINE-4]]:23: note: user identity 'req.cookie("session_id")' is available here
  }

private:
  Upstream upstream_;
  ResponseCache cache_;
};

// The store is in the branch where the credentials are present.
class ElseOfAbsent : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    resp = upstream_.Forward(req);
    if (req.header("Authorization").empty()) {
      resp.status = 200;
    } else {
      cache_.Put(req.url(), resp);
      // CHECK: :[[@LINE-1]]:7: warning: personalised response is stored in shared response cache 'cache_' under 'req.url()', which does not identify the user [crossuser-cacheable-response]
      // CHECK: :[[@LINE-6]]:12: note: the response is produced from request 'req', credentials included, here
      // CHECK: :[[@LINE-6]]:9: note: user identity 'req.header("Authorization")' is available here
    }
  }

private:
  Upstream upstream_;
  ResponseCache cache_;
};

// A test whose branch falls through guards nothing after it.
class FallsThrough : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    resp = upstream_.Forward(req);
    if (!req.header("Authorization").empty())
      resp.status = 200;
    cache_.Put(req.url(), resp);
    // CHECK: :[[@LINE-1]]:5: warning: personalised response is stored in shared response cache 'cache_' under 'req.url()', which does not identify the user [crossuser-cacheable-response]
    // CHECK: :[[@LINE-5]]:12: note: the response is produced from request 'req', credentials included, here
    // CHECK: :[[@LINE-5]]:10: note: user identity 'req.header("Authorization")' is available here
  }

private:
  Upstream upstream_;
  ResponseCache cache_;
};

// Negative: signed-in requests leave before the store.
class EarlyReturn : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    resp = upstream_.Forward(req);
    if (!req.header("Authorization").empty() || !req.cookie("session_id").empty())
      return;
    cache_.Put(req.url(), resp);
  }

private:
  Upstream upstream_;
  ResponseCache cache_;
};

// Negative: the store is in the else branch of a test for presence.
class ElseOfPresent : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    resp = upstream_.Forward(req);
    if (!req.header("Authorization").empty()) {
      resp.status = 200;
    } else {
      cache_.Put(req.url(), resp);
    }
  }

private:
  Upstream upstream_;
  ResponseCache cache_;
};

// Negative: the credential was read into a local first.
class ThroughLocal : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    resp = upstream_.Forward(req);
    std::string auth = req.header("Authorization");
    if (auth.empty())
      cache_.Put(req.url(), resp);
  }

private:
  Upstream upstream_;
  ResponseCache cache_;
};
