// REQUIRES: poco
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// Poco hands a request's credentials back through out-parameters:
// `request.getCredentials(scheme, token)` writes the bearer token into
// its second argument (model row with `out: 1`). Kept in a global, the
// token is shared; a constant kept beside it is not.
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <string>

std::string g_last_token;
std::string g_last_scheme_seen;

class TokenHandler : public Poco::Net::HTTPRequestHandler {
public:
  void handleRequest(Poco::Net::HTTPServerRequest &request,
                     Poco::Net::HTTPServerResponse &response) override {
    std::string scheme, token;
    if (request.hasCredentials())
      request.getCredentials(scheme, token);
    g_last_token = token;
    // CHECK: :[[@LINE-1]]:5: warning: per-user data 'token' is written to 'g_last_token', which is shared between requests [crossuser-shared-state]
    // CHECK: :[[@LINE-3]]:7: note: per-user data comes from 'request.getCredentials(scheme, token)' (model poco, poco.yaml:58)
    // CHECK: :[[@LINE-13]]:13: note: 'g_last_token' is shared between requests: declared at namespace scope
    g_last_scheme_seen = "seen";
    response.send();
  }
};
