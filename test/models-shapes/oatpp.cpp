// RUN: not %crossuser_check --root=%S %s -- -std=c++17 -I %S/Inputs 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 -I %S/Inputs 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// An oatpp service on a minimal shape of oatpp's API (Inputs/oatpp): one
// instance of each controller is added to the router, one handler object
// is routed, and one interceptor runs for every request, so their members
// serve every request; the caller is the Authorization header. The
// controller's endpoints are written as the methods oatpp's ENDPOINT macro
// declares. Leaks: a controller member that keeps the last caller's cart,
// a page cache keyed by the path while the caller's token is at hand,
// members of a request and a response interceptor that keep the last
// caller's API key and token, and a public response of the caller's orders
// from a routed handler. Silent: the cache
// keyed by the token, a private response, a catalogue cached by path where
// no user is known, and a public profile whose `uid` query parameter is
// the subject, not the caller.
#include "oatpp/web/server/HttpConnectionHandler.hpp"
#include "oatpp/web/server/HttpRouter.hpp"
#include "oatpp/web/server/api/ApiController.hpp"

#include <mutex>
#include <string>
#include <unordered_map>

std::string LoadCart(const std::string &user);
std::string LoadOrders(const std::string &user);
std::string LoadCatalogue(const std::string &path);
std::string LoadProfile(const std::string &id);

class CartController : public oatpp::web::server::api::ApiController {
public:
  explicit CartController(const std::shared_ptr<ObjectMapper> &objectMapper)
      : ApiController(objectMapper) {}
  static std::shared_ptr<CartController>
  createShared(const std::shared_ptr<ObjectMapper> &objectMapper) {
    return std::make_shared<CartController>(objectMapper);
  }

  // ENDPOINT("GET", "/cart", cart, REQUEST(std::shared_ptr<IncomingRequest>, request))
  std::shared_ptr<OutgoingResponse>
  cart(const std::shared_ptr<IncomingRequest> &request) {
    const std::string token = request->getHeader("Authorization");
    const std::string path = request->getPathTail();
    std::lock_guard<std::mutex> lock(mu_);
    lastCart_ = LoadCart(token);
    // CHECK: oatpp.cpp:[[@LINE-1]]:5: warning: per-user data 'LoadCart(token)' is written to 'lastCart_', which is shared between requests [crossuser-shared-state]
    // CHECK: oatpp.cpp:[[@LINE-5]]:31: note: per-user data comes from 'request->getHeader("Authorization")' (model oatpp, oatpp.yaml:24)
    // CHECK: oatpp.cpp:[[@LINE+65]]:15: note: 'lastCart_' is shared between requests: a member of 'CartController', which derives from 'oatpp::web::server::api::ApiController': the framework makes one for the whole server (model oatpp, oatpp.yaml:8)
    std::string body;
    auto hit = pages_.find(path);
    // CHECK: oatpp.cpp:[[@LINE-1]]:16: warning: cache 'pages_' is keyed by 'path', which does not identify the user [crossuser-cache-key]
    // CHECK: oatpp.cpp:[[@LINE-9]]:23: note: key 'path' is built here
    // CHECK: oatpp.cpp:[[@LINE-11]]:31: note: user identity 'request->getHeader("Authorization")' is available here (model oatpp, oatpp.yaml:24)
    // CHECK: oatpp.cpp:[[@LINE+5]]:22: note: per-user data 'body' is stored in 'pages_' here
    if (hit != pages_.end()) {
      body = hit->second;
    } else {
      body = lastCart_;
      pages_[path] = body;
      // CHECK: oatpp.cpp:[[@LINE-1]]:7: warning: cache 'pages_' is keyed by 'path', which does not identify the user [crossuser-cache-key]
      // CHECK: oatpp.cpp:[[@LINE-18]]:23: note: key 'path' is built here
      // CHECK: oatpp.cpp:[[@LINE-20]]:31: note: user identity 'request->getHeader("Authorization")' is available here (model oatpp, oatpp.yaml:24)
      // CHECK: oatpp.cpp:[[@LINE-4]]:22: note: per-user data 'body' is stored in 'pages_' here
    }
    return createResponse(Status::CODE_200, body);
  }

  // Silent: keyed by the caller's token, private.
  // ENDPOINT("GET", "/cart/mine", mine, REQUEST(std::shared_ptr<IncomingRequest>, request))
  std::shared_ptr<OutgoingResponse>
  mine(const std::shared_ptr<IncomingRequest> &request) {
    const std::string token = request->getHeader("Authorization");
    std::lock_guard<std::mutex> lock(mu_);
    auto hit = byUser_.find(token);
    std::string body = hit != byUser_.end() ? hit->second : LoadCart(token);
    byUser_[token] = body;
    auto response = createResponse(Status::CODE_200, body);
    response->putHeader("Cache-Control", "private, max-age=60");
    return response;
  }

  // Silent: a catalogue page is the same for everyone.
  // ENDPOINT("GET", "/catalogue/*", catalogue, REQUEST(std::shared_ptr<IncomingRequest>, request))
  std::shared_ptr<OutgoingResponse>
  catalogue(const std::shared_ptr<IncomingRequest> &request) {
    const std::string path = request->getPathTail();
    std::lock_guard<std::mutex> lock(mu_);
    auto hit = catalogue_.find(path);
    std::string body = hit != catalogue_.end() ? hit->second : LoadCatalogue(path);
    catalogue_[path] = body;
    auto response = createResponse(Status::CODE_200, body);
    response->putHeader("Cache-Control", "public, max-age=300");
    return response;
  }

  // Silent: the `uid` parameter names whose profile is shown, not who
  // asks; profiles are public.
  // ENDPOINT("GET", "/profile", profile, QUERY(String, uid))
  std::shared_ptr<OutgoingResponse>
  profile(const std::shared_ptr<IncomingRequest> &request) {
    const std::string id = request->getQueryParameter("uid");
    std::lock_guard<std::mutex> lock(mu_);
    auto hit = catalogue_.find(id);
    std::string body = hit != catalogue_.end() ? hit->second : LoadProfile(id);
    catalogue_[id] = body;
    auto response = createResponse(Status::CODE_200, body);
    response->putHeader("Cache-Control", "public, max-age=300");
    return response;
  }

private:
  std::mutex mu_;
  std::string lastCart_;
  std::unordered_map<std::string, std::string> pages_;
  std::unordered_map<std::string, std::string> byUser_;
  std::unordered_map<std::string, std::string> catalogue_;
};

class OrdersHandler : public oatpp::web::server::HttpRequestHandler {
public:
  std::shared_ptr<OutgoingResponse>
  handle(const std::shared_ptr<IncomingRequest> &request) override {
    const std::string token = request->getHeader("Authorization");
    const std::string orders = LoadOrders(token);
    auto response = ResponseFactory::createResponse(Status::CODE_200, orders);
    response->putHeader("Cache-Control", "public, max-age=120");
    // CHECK: oatpp.cpp:[[@LINE-1]]:5: warning: response is made storable by shared caches ('Cache-Control: public, max-age=120') but carries per-user data [crossuser-cacheable-response]
    // CHECK: oatpp.cpp:[[@LINE-3]]:21: note: per-user data 'ResponseFactory::createResponse(Status::CODE_200, orders)' enters the response here
    // CHECK: oatpp.cpp:[[@LINE-6]]:31: note: user identity 'request->getHeader("Authorization")' is available here (model oatpp, oatpp.yaml:24)
    // CHECK: oatpp.cpp:[[@LINE-4]]:5: note: 'putHeader' sets the response's 'Cache-Control' header (model oatpp, oatpp.yaml:29)
    return response;
  }
};

class ApiKeyInterceptor
    : public oatpp::web::server::interceptor::RequestInterceptor {
public:
  std::shared_ptr<OutgoingResponse>
  intercept(const std::shared_ptr<IncomingRequest> &request) override {
    oatpp::String key = request->getHeader("X-Api-Key");
    if (key == nullptr)
      return oatpp::web::protocol::http::outgoing::ResponseFactory::createResponse(
          oatpp::web::protocol::http::Status::CODE_401, "missing key");
    lastKey_ = *key;
    // CHECK: oatpp.cpp:[[@LINE-1]]:5: warning: per-user data '*key' is written to 'lastKey_', which is shared between requests [crossuser-shared-state]
    // CHECK: oatpp.cpp:[[@LINE-6]]:25: note: per-user data comes from 'request->getHeader("X-Api-Key")' (model oatpp, oatpp.yaml:24)
    // CHECK: oatpp.cpp:[[@LINE+5]]:15: note: 'lastKey_' is shared between requests: a member of 'ApiKeyInterceptor', which derives from 'oatpp::web::server::interceptor::RequestInterceptor': the framework makes one for the whole server (model oatpp, oatpp.yaml:16)
    return nullptr;
  }

private:
  std::string lastKey_;
};

class AuditInterceptor
    : public oatpp::web::server::interceptor::ResponseInterceptor {
public:
  std::shared_ptr<OutgoingResponse>
  intercept(const std::shared_ptr<IncomingRequest> &request,
            const std::shared_ptr<OutgoingResponse> &response) override {
    lastCaller_ = request->getHeader("Authorization");
    // CHECK: oatpp.cpp:[[@LINE-1]]:5: warning: per-user data 'request->getHeader("Authorization")' is written to 'lastCaller_', which is shared between requests [crossuser-shared-state]
    // CHECK: oatpp.cpp:[[@LINE-2]]:19: note: per-user data comes from 'request->getHeader("Authorization")' (model oatpp, oatpp.yaml:24)
    // CHECK: oatpp.cpp:[[@LINE+6]]:17: note: 'lastCaller_' is shared between requests: a member of 'AuditInterceptor', which derives from 'oatpp::web::server::interceptor::ResponseInterceptor': the framework makes one for the whole server (model oatpp, oatpp.yaml:20)
    response->putHeader("X-Served-By", "api-1");
    return response;
  }

private:
  oatpp::String lastCaller_;
};

int main() {
  auto router = oatpp::web::server::HttpRouter::createShared();
  router->addController(
      CartController::createShared(std::make_shared<oatpp::data::mapping::ObjectMapper>()));
  router->route("GET", "/orders", std::make_shared<OrdersHandler>());
  auto connectionHandler =
      oatpp::web::server::HttpConnectionHandler::createShared(router);
  connectionHandler->addRequestInterceptor(std::make_shared<ApiKeyInterceptor>());
  connectionHandler->addResponseInterceptor(std::make_shared<AuditInterceptor>());
}
