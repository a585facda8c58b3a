// REQUIRES: httplib
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 -I %S/Inputs 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 -I %S/Inputs 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// A cpp-httplib service (real <httplib.h>) that reads the requester from a
// bearer token with jwt-cpp and caches pages in redis with
// redis-plus-plus, both on minimal shapes of their APIs (Inputs/jwt-cpp,
// Inputs/sw/redis++). The subject is get_subject() or the "uid" claim;
// the issuer names no one. Leaks: the dashboard cached in redis under the
// page name while the subject is known, and the same through setex.
// Silent: the cache keyed by the subject, and the issuer's public keys
// cached under the issuer where no subject is read.
#include <httplib.h>
#include <jwt-cpp/jwt.h>
#include <sw/redis++/redis++.h>

#include <string>

std::string RenderDashboard(const std::string &subject);
std::string RenderKeys(const std::string &issuer);

sw::redis::Redis redis("tcp://127.0.0.1:6379");

static std::string Bearer(const httplib::Request &req) {
  std::string h = req.get_header_value("Authorization");
  return h.size() > 7 ? h.substr(7) : "";
}

void Dashboard(const httplib::Request &req, httplib::Response &res) {
  auto decoded = jwt::decode(Bearer(req));
  const std::string subject = decoded.get_subject();
  const std::string page = "dashboard:" + req.path;
  if (auto hit = redis.get(page)) {
  // CHECK: redis-jwt-cpp.cpp:[[@LINE-1]]:18: warning: cache 'redis' is keyed by 'page', which does not identify the user [crossuser-cache-key]
  // CHECK: redis-jwt-cpp.cpp:[[@LINE-3]]:21: note: key 'page' is built here
  // CHECK: redis-jwt-cpp.cpp:[[@LINE-5]]:31: note: user identity 'decoded.get_subject()' is available here (model jwt-cpp, jwt-cpp.yaml:8)
  // CHECK: redis-jwt-cpp.cpp:[[@LINE+6]]:25: note: per-user data 'body' is stored in 'redis' here (model redis-plus-plus, redis-plus-plus.yaml:12)
  // CHECK: redis-jwt-cpp.cpp:[[@LINE-5]]:18: note: this call is a lookup in 'redis' (model redis-plus-plus, redis-plus-plus.yaml:8)
    res.set_content(*hit, "text/html");
    return;
  }
  std::string body = RenderDashboard(subject);
  redis.setex(page, 60, body);
  // CHECK: redis-jwt-cpp.cpp:[[@LINE-1]]:3: warning: cache 'redis' is keyed by 'page', which does not identify the user [crossuser-cache-key]
  // CHECK: redis-jwt-cpp.cpp:[[@LINE-13]]:21: note: key 'page' is built here
  // CHECK: redis-jwt-cpp.cpp:[[@LINE-15]]:31: note: user identity 'decoded.get_subject()' is available here (model jwt-cpp, jwt-cpp.yaml:8)
  // CHECK: redis-jwt-cpp.cpp:[[@LINE-4]]:25: note: per-user data 'body' is stored in 'redis' here (model redis-plus-plus, redis-plus-plus.yaml:12)
  res.set_content(body, "text/html");
}

// Silent: keyed by the token's "uid" claim.
void MyDashboard(const httplib::Request &req, httplib::Response &res) {
  auto decoded = jwt::decode(Bearer(req));
  const std::string uid = decoded.get_payload_claim("uid").as_string();
  const std::string key = "dashboard:" + uid;
  if (auto hit = redis.get(key)) {
    res.set_content(*hit, "text/html");
    return;
  }
  std::string body = RenderDashboard(uid);
  redis.set(key, body);
  res.set_content(body, "text/html");
}

// Silent: an issuer's keys are public, and no subject is read here.
void IssuerKeys(const httplib::Request &req, httplib::Response &res) {
  const std::string issuer = req.get_param_value("iss");
  if (auto hit = redis.get("keys:" + issuer)) {
    res.set_content(*hit, "application/json");
    return;
  }
  std::string body = RenderKeys(issuer);
  redis.set("keys:" + issuer, body);
  res.set_content(body, "application/json");
}
