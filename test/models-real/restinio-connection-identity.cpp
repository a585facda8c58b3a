// REQUIRES: restinio
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// A RESTinio server that learns who is behind each connection when the
// connection is accepted (the TLS peer's name) and keeps it in a table
// keyed by the connection's id. Every insert into the table stores the
// identity itself, so the table tells a request who sent it and serves
// nobody's data: silent, at the insert and at both lookups through the
// wrapper. Reported: a cache keyed by the path that stores a greeting
// computed from the user's name, and a table keyed by the connection id
// into which a handler pins the user one request's credentials named
// (behind a proxy that pools connections, the next request on the
// connection can be someone else's).
#include <restinio/all.hpp>

#include <map>
#include <memory>
#include <mutex>
#include <string>

class UserConnections {
public:
  void add(restinio::connection_id_t conn_id, std::string user_name) {
    std::lock_guard<std::mutex> lock{mutex_};
    by_conn_.emplace(conn_id, std::move(user_name));
  }
  std::string query(restinio::connection_id_t conn_id) const {
    std::lock_guard<std::mutex> lock{mutex_};
    const auto it = by_conn_.find(conn_id);
    return it == by_conn_.end() ? std::string{} : it->second;
  }
  void remove(restinio::connection_id_t conn_id) {
    std::lock_guard<std::mutex> lock{mutex_};
    by_conn_.erase(conn_id);
  }

private:
  mutable std::mutex mutex_;
  std::map<restinio::connection_id_t, std::string> by_conn_;
};

std::map<std::string, std::string> greetings;
std::map<restinio::connection_id_t, std::string> pinned;

auto make_router(const std::shared_ptr<UserConnections> &users) {
  auto router = std::make_unique<restinio::router::express_router_t<>>();
  router->http_get("/whoami", [users](auto req, auto) {
    return req->create_response()
        .set_body("you are " + users->query(req->connection_id()))
        .done();
  });
  router->http_get("/hello", [users](auto req, auto) {
    const std::string user_name = users->query(req->connection_id());
    const std::string path{req->header().path()};
    auto hit = greetings.find(path);
    // CHECK: restinio-connection-identity.cpp:[[@LINE-1]]:16: warning: cache 'greetings' is keyed by 'path', which does not identify the user [crossuser-cache-key]
    // CHECK: restinio-connection-identity.cpp:[[@LINE-3]]:23: note: key 'path' is built here
    // CHECK: restinio-connection-identity.cpp:[[@LINE+3]]:49: note: user identity 'user_name' is available here
    // CHECK: restinio-connection-identity.cpp:[[@LINE+2]]:37: note: per-user data '"hello, " + user_name' is stored in 'greetings' here
    if (hit == greetings.end())
      hit = greetings.emplace(path, "hello, " + user_name).first;
      // CHECK: restinio-connection-identity.cpp:[[@LINE-1]]:13: warning: cache 'greetings' is keyed by 'path', which does not identify the user [crossuser-cache-key]
      // CHECK: restinio-connection-identity.cpp:[[@LINE-9]]:23: note: key 'path' is built here
      // CHECK: restinio-connection-identity.cpp:[[@LINE-3]]:49: note: user identity 'user_name' is available here
      // CHECK: restinio-connection-identity.cpp:[[@LINE-4]]:37: note: per-user data '"hello, " + user_name' is stored in 'greetings' here
    return req->create_response().set_body(hit->second).done();
  });
  router->http_post("/login", [](auto req, auto) {
    const auto credential =
        req->header().get_field_or(restinio::http_field::authorization, "");
    pinned.emplace(req->connection_id(), credential);
    // CHECK: restinio-connection-identity.cpp:[[@LINE-1]]:5: warning: cache 'pinned' is keyed by 'req->connection_id()', which does not identify the user [crossuser-cache-key]
    // CHECK: restinio-connection-identity.cpp:[[@LINE-3]]:9: note: user identity 'req->header().get_field_or(restinio::http_field::authoriz...' is available here
    // CHECK: restinio-connection-identity.cpp:[[@LINE-3]]:42: note: per-user data 'credential' is stored in 'pinned' here
    return req->create_response().done();
  });
  return router;
}
