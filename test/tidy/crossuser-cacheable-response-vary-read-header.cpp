// RUN: %clang_tidy -checks='-*,crossuser-cacheable-response' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-cacheable-response' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

// A shared cache keeps one copy per value of each header a response's
// Vary names. When the only sign of a user is a name (a tenant taken from
// the Host) and the response varies on the header the handler read, the
// engine cannot tell that users share a copy: silent. A Vary on something
// the handler did not read, or a user known from credentials, still leaks.

#include "service.h"

std::string FirstLabel(const std::string &host);
std::string TenantOfHost(const http::Request &req) {
  const std::string host = req.header("Host");
  return FirstLabel(host);
}
std::string LoadBranding(const std::string &tenant);

// Negative: per-host branding, varied on Host.
void Branding(const http::Request &req, http::Response &resp) {
  const std::string tenant = TenantOfHost(req);
  resp.set_header("Cache-Control", "public, max-age=600");
  resp.set_header("Vary", "Host");
  resp.body = LoadBranding(tenant);
}

// Positive control: varied on a header the handler never read.
void BrandingByEncoding(const http::Request &req, http::Response &resp) {
  const std::string tenant = TenantOfHost(req);
  resp.set_header("Cache-Control", "public, max-age=600");
  // CHECK: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('Cache-Control: public, max-age=600') but carries per-user data [crossuser-cacheable-response]
  // CHECK: :[[@LINE+4]]:15: note: per-user data 'LoadBranding(tenant)' enters the response here
  // CHECK: :[[@LINE-4]]:30: note: user identity 'TenantOfHost(req)' is available here
  // CHECK: :[[@LINE+1]]:3: note: 'Vary: Accept-Encoding' does not separate users: it names neither 'Authorization' nor 'Cookie'
  resp.set_header("Vary", "Accept-Encoding");
  resp.body = LoadBranding(tenant);
}

// Positive: the user is known from the Authorization header; varying on
// the Host does not separate users of one host.
void ShowProfile(const http::Request &req, http::Response &resp) {
  const std::string host = req.header("Host");
  Profile p = Database().LoadProfile(req.header("Authorization"));
  resp.set_header("Cache-Control", "public, max-age=600");
  // CHECK: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('Cache-Control: public, max-age=600') but carries per-user data [crossuser-cacheable-response]
  // CHECK: :[[@LINE+4]]:15: note: per-user data 'RenderProfile(p) + host' enters the response here
  // CHECK: :[[@LINE-4]]:38: note: user identity 'req.header("Authorization")' is available here
  // CHECK: :[[@LINE+1]]:3: note: 'Vary: Host' does not separate users: it names neither 'Authorization' nor 'Cookie'
  resp.set_header("Vary", "Host");
  resp.body = RenderProfile(p) + host;
}
