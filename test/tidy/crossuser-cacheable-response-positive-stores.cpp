// RUN: %clang_tidy -checks='-*,crossuser-cacheable-response' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: not %crossuser_check -checks=crossuser-cacheable-response %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'

// A shared cache inside the service: a response cache keyed by path or URL
// that stores responses to signed-in requests, and per-user cookies set on
// response objects that every user gets.

#include "http_response.h"

// A response cache member of a handler, keyed by the path.
class DashboardHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    if (auto hit = pages_.Get(req.path())) {
      resp = *hit;
      return;
    }
    resp.body = RenderProfile(db_.LoadProfile(session.user_id()));
    pages_.Put(req.path(), resp);
    // CHECK: :[[@LINE-1]]:5: warning: personalised response is stored in shared response cache 'pages_' under 'req.path()', which does not identify the user [crossuser-cacheable-response]
    // CHECK: :[[@LINE-3]]:17: note: per-user data 'RenderProfile(db_.LoadProfile(session.user_id()))' enters the response here
    // CHECK: :[[@LINE-9]]:23: note: user identity 'ResolveSession(req)' is available here
  }

private:
  Database db_;
  ResponseCache pages_;
};

// A namespace-scope map of responses, keyed by the URL.
std::map<std::string, http::Response> g_rendered;
void RenderAccount(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  g_rendered[req.url()] = resp;
  // CHECK: :[[@LINE-1]]:3: warning: personalised response is stored in shared response cache 'g_rendered' under 'req.url()', which does not identify the user [crossuser-cacheable-response]
  // CHECK: :[[@LINE-3]]:15: note: per-user data 'RenderProfile(Database().LoadProfile(session.user_id()))' enters the response here
  // CHECK: :[[@LINE-5]]:21: note: user identity 'ResolveSession(req)' is available here
}

// A function-local static cache, the response stored with emplace.
void RenderOrders(const http::Request &req, http::Response &resp) {
  static std::unordered_map<std::string, http::Response> cache;
  Session session = ResolveSession(req);
  resp.body = Format("%d", int(Database().LoadOrders(session.user_id()).size()));
  cache.emplace(req.path(), resp);
  // CHECK: :[[@LINE-1]]:3: warning: personalised response is stored in shared response cache 'cache' under 'req.path()', which does not identify the user [crossuser-cacheable-response]
  // CHECK: :[[@LINE-3]]:15: note: per-user data 'Format("%d", int(Database().LoadOrders(session.user_id())...' enters the response here
  // CHECK: :[[@LINE-5]]:21: note: user identity 'ResolveSession(req)' is available here
}

// A response built by a helper and stored directly.
http::Response BuildStatement(const Session &session);
class StatementHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    cache_.Put(req.path(), BuildStatement(session));
    // CHECK: :[[@LINE-1]]:5: warning: personalised response is stored in shared response cache 'cache_' under 'req.path()', which does not identify the user [crossuser-cacheable-response]
    // CHECK: :[[@LINE-2]]:28: note: per-user data 'BuildStatement(session)' enters the response here
    // CHECK: :[[@LINE-4]]:23: note: user identity 'ResolveSession(req)' is available here
  }

private:
  ResponseCache cache_;
};

// A reverse proxy: the backend's answer to the signed-in request is stored
// under the URL alone.
class ProxyHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    std::string sid = req.cookie("session_id");
    resp = upstream_.Forward(req);
    cache_.Put(req.url(), resp);
    // CHECK: :[[@LINE-1]]:5: warning: personalised response is stored in shared response cache 'cache_' under 'req.url()', which does not identify the user [crossuser-cacheable-response]
    // CHECK: :[[@LINE-3]]:12: note: the response is produced from request 'req', credentials included, here
    // CHECK: :[[@LINE-5]]:23: note: user identity 'req.cookie("session_id")' is available here
  }

private:
  Upstream upstream_;
  ResponseCache cache_;
};

// A per-user Set-Cookie on a response that is then stored for everyone.
class LoginPageHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    resp.body = "<html>welcome</html>";
    resp.set_header("Set-Cookie", "sid=" + session.token());
    // CHECK: :[[@LINE-1]]:5: warning: per-user cookie is set on response 'resp', which is stored in shared response cache 'cache_' [crossuser-cacheable-response]
    // CHECK: :[[@LINE+3]]:5: note: 'resp' is stored in 'cache_' under 'req.path()' here
    // CHECK: :[[@LINE-3]]:44: note: the cookie value derives from per-user data 'session.token()'
    // CHECK: :[[@LINE-6]]:23: note: user identity 'ResolveSession(req)' is available here
    cache_.Put(req.path(), resp);
    // CHECK: :[[@LINE-1]]:5: warning: personalised response is stored in shared response cache 'cache_' under 'req.path()', which does not identify the user [crossuser-cacheable-response]
    // CHECK: :[[@LINE-7]]:35: note: per-user data '"sid=" + session.token()' enters the response here
    // CHECK: :[[@LINE-10]]:23: note: user identity 'ResolveSession(req)' is available here
  }

private:
  ResponseCache cache_;
};

// A per-user Set-Cookie on a response object shared by every request.
class BannerHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    banner_.set_header("Set-Cookie", "last_user=" + session.user_id());
    // CHECK: :[[@LINE-1]]:5: warning: per-user cookie is set on response 'banner_', which is shared between requests (a member of 'BannerHandler', which derives from 'http::Handler': the framework makes one for the whole server (model mock-http, mock-http.yaml:8)) [crossuser-cacheable-response]
    // CHECK: :[[@LINE-2]]:53: note: the cookie value derives from per-user data 'session.user_id()'
    // CHECK: :[[@LINE-4]]:23: note: user identity 'ResolveSession(req)' is available here
    resp = banner_;
  }

private:
  http::Response banner_;
};

// The same with a function-local static response.
void Welcome(const http::Request &req, http::Response &resp) {
  static http::Response prebuilt;
  Session session = ResolveSession(req);
  prebuilt.set_header("Set-Cookie", "uid=" + session.user_id());
  // CHECK: :[[@LINE-1]]:3: warning: per-user cookie is set on response 'prebuilt', which is shared between requests (a function-local static) [crossuser-cacheable-response]
  // CHECK: :[[@LINE-2]]:46: note: the cookie value derives from per-user data 'session.user_id()'
  // CHECK: :[[@LINE-4]]:21: note: user identity 'ResolveSession(req)' is available here
  resp = prebuilt;
}
