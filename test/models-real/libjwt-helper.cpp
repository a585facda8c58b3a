// REQUIRES: libjwt, httplib
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// The requester's identity behind a helper, on the real <jwt.h>: Caller()
// returns the forwarded token's "sub" claim (a libjwt model row), so the
// user is known wherever Caller(req) is called, whatever its result is
// named. Not identity: a helper whose own parameter is named like a user
// (Key(uid): the caller's argument decides), and a helper that returns a
// query parameter called "uid" (words only, and the subject, not the
// requester).
#include <httplib.h>
#include <jwt.h>

#include <map>
#include <mutex>
#include <string>

std::string LoadFeed(const std::string &who);
std::string LoadTrending(const std::string &path);

namespace {
std::mutex mu;
std::map<std::string, std::string> feeds;
std::map<std::string, std::string> trending;
std::map<std::string, std::string> listings;
} // namespace

// The subject of the forwarded token, or "".
static std::string Caller(const httplib::Request &req) {
  jwt_t *jwt = nullptr;
  if (jwt_decode(&jwt, req.get_header_value("X-Forwarded-Jwt").c_str(), nullptr, 0) != 0)
    return "";
  const char *sub = jwt_get_grant(jwt, "sub");
  std::string who = sub ? sub : "";
  jwt_free(jwt);
  return who;
}

static std::string Region(const httplib::Request &req) {
  return req.get_header_value("X-Region");
}

void ServeFeed(const httplib::Request &req, httplib::Response &res) {
  const std::string who = Caller(req);
  if (who.empty()) {
    res.status = 401;
    return;
  }
  std::lock_guard<std::mutex> lock(mu);
  const std::string region = Region(req);
  auto it = feeds.find(region);
  std::string body = it != feeds.end() ? it->second : LoadFeed(who);
  feeds[region] = body;
  // CHECK: libjwt-helper.cpp:[[@LINE-3]]:13: warning: cache 'feeds' is keyed by 'region', which does not identify the user [crossuser-cache-key]
  // CHECK: libjwt-helper.cpp:[[@LINE-5]]:21: note: key 'region' is built here
  // CHECK: libjwt-helper.cpp:[[@LINE-16]]:10: note: key is built here, in 'Region'
  // CHECK: libjwt-helper.cpp:[[@LINE-13]]:27: note: user identity 'Caller(req)' is available here (its result comes from 'jwt_get_grant(jwt, "sub")', model libjwt, libjwt.yaml:6)
  // CHECK: libjwt-helper.cpp:[[@LINE-5]]:19: note: per-user data 'body' is stored in 'feeds' here
  // CHECK: libjwt-helper.cpp:[[@LINE-6]]:3: warning: cache 'feeds' is keyed by 'region', which does not identify the user [crossuser-cache-key]
  // CHECK: libjwt-helper.cpp:[[@LINE-10]]:21: note: key 'region' is built here
  // CHECK: libjwt-helper.cpp:[[@LINE-21]]:10: note: key is built here, in 'Region'
  // CHECK: libjwt-helper.cpp:[[@LINE-18]]:27: note: user identity 'Caller(req)' is available here (its result comes from 'jwt_get_grant(jwt, "sub")', model libjwt, libjwt.yaml:6)
  // CHECK: libjwt-helper.cpp:[[@LINE-10]]:19: note: per-user data 'body' is stored in 'feeds' here
  res.set_content(body, "application/json");
}

static std::string Key(const std::string &uid) { return "trending:" + uid; }

// Silent: no requester is known here; Key's parameter name says nothing
// of who sent the request.
void ServeTrending(const httplib::Request &req, httplib::Response &res) {
  std::lock_guard<std::mutex> lock(mu);
  const std::string k = Key(req.path);
  auto it = trending.find(k);
  std::string body = it != trending.end() ? it->second : LoadTrending(req.path);
  trending[k] = body;
  res.set_content(body, "application/json");
}

static std::string ListingParam(const httplib::Request &req) {
  std::string uid = req.get_param_value("uid");
  return uid;
}

// Silent: the helper returns a query parameter, the listing's subject.
void ServeListing(const httplib::Request &req, httplib::Response &res) {
  std::lock_guard<std::mutex> lock(mu);
  const std::string who = ListingParam(req);
  auto it = listings.find(req.path);
  std::string body = it != listings.end() ? it->second : LoadTrending(who);
  listings[req.path] = body;
  res.set_content(body, "application/json");
}
