// RUN: %clang_tidy -checks='-*,crossuser-cacheable-response' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-cacheable-response' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

// A credential header's name reaches the getter through conversions: a
// literal made a std::string and then handed to a std::string_view
// parameter by the string's conversion operator is still that literal.

#include "service.h"

struct ApiRequest {
  std::string header(std::string_view name) const;
};
struct ApiResponse {
  std::string body;
  void set_header(const std::string &name, const std::string &value);
};
std::string ShelfFor(const std::string &api_key);
std::string Bestsellers();

void ForYou(const ApiRequest &req, ApiResponse &res) {
  const std::string key = req.header(std::string("X-Api-Key"));
  res.set_header("Cache-Control", "public, max-age=3600");
  // CHECK: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('Cache-Control: public, max-age=3600') but carries per-user data [crossuser-cacheable-response]
  // CHECK: :[[@LINE+2]]:14: note: per-user data 'ShelfFor(key)' enters the response here
  // CHECK: :[[@LINE-4]]:27: note: user identity 'req.header(std::string("X-Api-Key"))' is available here
  res.body = ShelfFor(key);
}

// Negative: the same conversion of a header that names nobody.
void Popular(const ApiRequest &req, ApiResponse &res) {
  const std::string lang = req.header(std::string("Accept-Language"));
  res.set_header("Cache-Control", "public, max-age=3600");
  res.body = Bestsellers() + lang;
}
