// REQUIRES: libjwt, httplib
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// A profile service behind a gateway that forwards the verified token in
// 'X-Forwarded-Jwt', compiled against the real <jwt.h> (and <httplib.h>).
// The subject comes from the token's claims: jwt_get_grant(jwt, "sub") and
// jwt_get_grant_int(jwt, "uid"); other claims ("iss", "scope") name no
// one. Leaks: profiles cached by the issuer while the subject is at hand,
// the last numeric uid kept in a global, and a public response made of the
// subject's profile. Silent: the cache keyed by the subject, a private
// response, and the issuer's public keys cached under the issuer.
#include <httplib.h>
#include <jwt.h>

#include <map>
#include <mutex>
#include <string>

std::string LoadProfile(const std::string &subject);
std::string LoadIssuerKeys(const std::string &issuer);

namespace {
std::mutex g_mu;
std::map<std::string, std::string> g_profiles;
std::map<std::string, std::string> g_profiles_by_subject;
std::map<std::string, std::string> g_issuer_keys;
long g_last_number = 0;
} // namespace

void ServeProfile(const httplib::Request &req, httplib::Response &res) {
  jwt_t *jwt = nullptr;
  if (jwt_decode(&jwt, req.get_header_value("X-Forwarded-Jwt").c_str(), nullptr, 0) != 0)
    return;
  const char *sub = jwt_get_grant(jwt, "sub");
  const std::string subject = sub ? sub : "";
  const std::string issuer = jwt_get_grant(jwt, "iss");
  const long number = jwt_get_grant_int(jwt, "uid");
  jwt_free(jwt);
  std::lock_guard<std::mutex> lock(g_mu);

  auto hit = g_profiles.find(issuer);
  // CHECK: libjwt.cpp:[[@LINE-1]]:14: warning: cache 'g_profiles' is keyed by 'issuer', which does not identify the user [crossuser-cache-key]
  // CHECK: libjwt.cpp:[[@LINE-7]]:21: note: key 'issuer' is built here
  // CHECK: libjwt.cpp:[[@LINE-10]]:21: note: user identity 'jwt_get_grant(jwt, "sub")' is available here (model libjwt, libjwt.yaml:6)
  // CHECK: libjwt.cpp:[[@LINE+2]]:24: note: per-user data 'body' is stored in 'g_profiles' here
  std::string body = hit != g_profiles.end() ? hit->second : LoadProfile(subject);
  g_profiles[issuer] = body;
  // CHECK: libjwt.cpp:[[@LINE-1]]:3: warning: cache 'g_profiles' is keyed by 'issuer', which does not identify the user [crossuser-cache-key]
  // CHECK: libjwt.cpp:[[@LINE-13]]:21: note: key 'issuer' is built here
  // CHECK: libjwt.cpp:[[@LINE-16]]:21: note: user identity 'jwt_get_grant(jwt, "sub")' is available here (model libjwt, libjwt.yaml:6)
  // CHECK: libjwt.cpp:[[@LINE-4]]:24: note: per-user data 'body' is stored in 'g_profiles' here
  g_last_number = number;
  // CHECK: libjwt.cpp:[[@LINE-1]]:3: warning: per-user data 'number' is written to 'g_last_number', which is shared between requests [crossuser-shared-state]
  // CHECK: libjwt.cpp:[[@LINE-17]]:23: note: per-user data comes from 'jwt_get_grant_int(jwt, "uid")' (model libjwt, libjwt.yaml:10)
  // CHECK: libjwt.cpp:[[@LINE-28]]:6: note: 'g_last_number' is shared between requests: declared at namespace scope
  res.set_header("Cache-Control", "public, max-age=60");
  // CHECK: libjwt.cpp:[[@LINE-1]]:3: warning: response is made storable by shared caches ('Cache-Control: public, max-age=60') but carries per-user data [crossuser-cacheable-response]
  // CHECK: libjwt.cpp:[[@LINE+3]]:19: note: per-user data 'body' enters the response here
  // CHECK: libjwt.cpp:[[@LINE-25]]:21: note: user identity 'jwt_get_grant(jwt, "sub")' is available here (model libjwt, libjwt.yaml:6)
  // CHECK: libjwt.cpp:[[@LINE-4]]:3: note: 'set_header' sets the response's 'Cache-Control' header (model cpp-httplib, cpp-httplib.yaml:11)
  res.set_content(body, "application/json");
}

// Silent: keyed by the subject, sent privately.
void ServeMyProfile(const httplib::Request &req, httplib::Response &res) {
  jwt_t *jwt = nullptr;
  if (jwt_decode(&jwt, req.get_header_value("X-Forwarded-Jwt").c_str(), nullptr, 0) != 0)
    return;
  const std::string subject = jwt_get_grant(jwt, "sub");
  jwt_free(jwt);
  std::lock_guard<std::mutex> lock(g_mu);
  auto hit = g_profiles_by_subject.find(subject);
  std::string body = hit != g_profiles_by_subject.end() ? hit->second : LoadProfile(subject);
  g_profiles_by_subject[subject] = body;
  res.set_header("Cache-Control", "private, max-age=60");
  res.set_content(body, "application/json");
}

// Silent: an issuer's keys are public; "iss" and "scope" name no user.
void ServeIssuerKeys(const httplib::Request &req, httplib::Response &res) {
  jwt_t *jwt = nullptr;
  if (jwt_decode(&jwt, req.get_header_value("X-Forwarded-Jwt").c_str(), nullptr, 0) != 0)
    return;
  const std::string issuer = jwt_get_grant(jwt, "iss");
  const char *scope = jwt_get_grant(jwt, "scope");
  jwt_free(jwt);
  if (!scope)
    return;
  std::lock_guard<std::mutex> lock(g_mu);
  auto hit = g_issuer_keys.find(issuer);
  std::string keys = hit != g_issuer_keys.end() ? hit->second : LoadIssuerKeys(issuer);
  g_issuer_keys[issuer] = keys;
  res.set_header("Cache-Control", "public, max-age=3600");
  res.set_content(keys, "application/json");
}

int main() {
  httplib::Server svr;
  svr.Get("/profile", ServeProfile);
  svr.Get("/me/profile", ServeMyProfile);
  svr.Get("/issuer-keys", ServeIssuerKeys);
  svr.listen("0.0.0.0", 8080);
}
