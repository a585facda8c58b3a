// REQUIRES: poco
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// The factory is one per server (model poco); createRequestHandler runs for
// every request. A value built from the request it is handed and kept in a
// member named for a tenant is the requester's tenant, overwritten by the
// next request while the handlers created before still read it.
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <string>

class Handler : public Poco::Net::HTTPRequestHandler {
public:
  explicit Handler(const std::string &tenant) : tenant_(tenant) {}
  void handleRequest(Poco::Net::HTTPServerRequest &req,
                     Poco::Net::HTTPServerResponse &resp) override {
    // Negative: the handler is per request.
    own_tenant_ = req.getHost();
    resp.send() << tenant_;
  }

private:
  const std::string &tenant_;
  std::string own_tenant_;
};

class TenantFactory : public Poco::Net::HTTPRequestHandlerFactory {
public:
  Poco::Net::HTTPRequestHandler *
  createRequestHandler(const Poco::Net::HTTPServerRequest &request) override {
    std::string host = request.getHost();
    currentTenant_ = host.substr(0, host.find('.'));
    // CHECK: poco-factory-stored-identity.cpp:[[@LINE-1]]:5: warning: per-user data 'host.substr(0, host.find('.'))' is written to 'currentTenant_', which is shared between requests [crossuser-shared-state]
    // CHECK: poco-factory-stored-identity.cpp:[[@LINE-2]]:22: note: 'currentTenant_' holds an identity by its name, and its value comes from 'request', which 'createRequestHandler' is handed for each request it serves (model poco, poco.yaml:10) (judged by its name)
    // CHECK: poco-factory-stored-identity.cpp:[[@LINE+11]]:15: note: 'currentTenant_' is shared between requests: a member of 'TenantFactory', which derives from 'Poco::Net::HTTPRequestHandlerFactory': the framework makes one for the whole server (model poco, poco.yaml:10)
    // Negatives: a name that holds no identity; a value not from the request.
    lastHost_ = host;
    defaultTenant_ = "public";
    return new Handler(currentTenant_);
  }

  // Negative: not called by the framework per request.
  void configure(const std::string &tenant) { currentTenant_ = tenant; }

private:
  std::string currentTenant_;
  std::string lastHost_;
  std::string defaultTenant_;
};
