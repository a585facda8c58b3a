// REQUIRES: poco
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// The per-request handler is handed its factory by reference. The member
// 'factory_' lives per request, but what it refers to is the one factory
// of the server (model poco, poco.yaml:10): a write through it is shared.
// The member refers to what the constructor was given ('*this' in
// createRequestHandler), so the write is reported through the factory.
#include <Poco/Net/HTTPBasicCredentials.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <string>

struct LoginFactory : Poco::Net::HTTPRequestHandlerFactory {
  Poco::Net::HTTPRequestHandler *createRequestHandler(
      const Poco::Net::HTTPServerRequest &) override;
  std::string last_login;
  // CHECK: poco-factory-reference.cpp:[[@LINE+11]]:5: warning: per-user data 'login' is written to 'factory_.last_login', which is shared between requests [crossuser-shared-state]
  // CHECK: poco-factory-reference.cpp:[[@LINE+9]]:{{[0-9]+}}: note: per-user data comes from '{{.*}}getUsername()' (model poco, poco.yaml:14)
  // CHECK: poco-factory-reference.cpp:[[@LINE-3]]:15: note: 'last_login' is shared between requests: {{.*}}(model poco, poco.yaml:10)
};

class LoginHandler : public Poco::Net::HTTPRequestHandler {
public:
  explicit LoginHandler(LoginFactory &factory) : factory_(factory) {}
  void handleRequest(Poco::Net::HTTPServerRequest &req,
                     Poco::Net::HTTPServerResponse &resp) override {
    const std::string login = Poco::Net::HTTPBasicCredentials(req).getUsername();
    factory_.last_login = login;
    resp.send();
  }

private:
  LoginFactory &factory_;
};

Poco::Net::HTTPRequestHandler *LoginFactory::createRequestHandler(
    const Poco::Net::HTTPServerRequest &) {
  return new LoginHandler(*this);
}
