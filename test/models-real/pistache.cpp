// REQUIRES: pistache
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// A wallet service on Pistache, compiled against the real <pistache/*.h>.
// Its handler is cloned once per worker (HTTP_PROTOTYPE), so its members
// serve every request that worker takes. Leaks: balances cached by the
// requested currency while the caller's credentials are at hand, the
// caller's basic-auth name and session cookie kept in members, and a
// public response made of the caller's balance. Silent: a cache keyed by
// the caller, a private response, public exchange rates cached under the
// currency, and a "theme" cookie kept in a member.
#include <pistache/endpoint.h>
#include <pistache/http.h>
#include <pistache/http_headers.h>

#include <map>
#include <string>
#include <unordered_map>

using namespace Pistache;

std::string LoadBalance(const std::string &user, const std::string &currency);
std::string LoadRate(const std::string &currency);

class WalletHandler : public Http::Handler {
public:
  HTTP_PROTOTYPE(WalletHandler)

  void onRequest(const Http::Request &req, Http::ResponseWriter response) override {
    auto auth = req.headers().get<Http::Header::Authorization>();
    std::string caller = auth->getBasicUser();
    std::string currency = req.query().get("currency").value_or("EUR");

    if (req.resource() == "/balance") {
      auto hit = balances_.find(currency);
      // CHECK: pistache.cpp:[[@LINE-1]]:18: warning: cache 'balances_' is keyed by 'currency', which does not identify the user [crossuser-cache-key]
      // CHECK: pistache.cpp:[[@LINE-5]]:17: note: key 'currency' is built here
      // CHECK: pistache.cpp:[[@LINE-7]]:26: note: user identity 'auth->getBasicUser()' is available here (model pistache, pistache.yaml:25)
      // CHECK: pistache.cpp:[[@LINE+2]]:29: note: per-user data 'body' is stored in 'balances_' here
      std::string body = hit != balances_.end() ? hit->second : LoadBalance(caller, currency);
      balances_[currency] = body;
      // CHECK: pistache.cpp:[[@LINE-1]]:7: warning: cache 'balances_' is keyed by 'currency', which does not identify the user [crossuser-cache-key]
      // CHECK: pistache.cpp:[[@LINE-11]]:17: note: key 'currency' is built here
      // CHECK: pistache.cpp:[[@LINE-13]]:26: note: user identity 'auth->getBasicUser()' is available here (model pistache, pistache.yaml:25)
      // CHECK: pistache.cpp:[[@LINE-4]]:29: note: per-user data 'body' is stored in 'balances_' here
      last_caller_ = caller;
      // CHECK: pistache.cpp:[[@LINE-1]]:7: warning: per-user data 'caller' is written to 'last_caller_', which is shared between requests [crossuser-shared-state]
      // CHECK: pistache.cpp:[[@LINE-17]]:26: note: per-user data comes from 'auth->getBasicUser()' (model pistache, pistache.yaml:25)
      // CHECK: pistache.cpp:[[@LINE+44]]:15: note: 'last_caller_' is shared between requests: a member of 'WalletHandler', which derives from 'Pistache::Http::Handler': the framework makes one per worker thread and reuses it for every request that thread serves (model pistache, pistache.yaml:6)
      if (req.cookies().has("sid"))
        last_session_ = req.cookies().get("sid").value;
        // CHECK: pistache.cpp:[[@LINE-1]]:9: warning: per-user data 'req.cookies().get("sid").value' is written to 'last_session_', which is shared between requests [crossuser-shared-state]
        // CHECK: pistache.cpp:[[@LINE-2]]:25: note: per-user data comes from 'req.cookies().get("sid")' (model pistache, pistache.yaml:28)
        // CHECK: pistache.cpp:[[@LINE+40]]:15: note: 'last_session_' is shared between requests: a member of 'WalletHandler', which derives from 'Pistache::Http::Handler': the framework makes one per worker thread and reuses it for every request that thread serves (model pistache, pistache.yaml:6)
      response.headers().add<Http::Header::CacheControl>(
      // CHECK: pistache.cpp:[[@LINE-1]]:7: warning: response is made storable by shared caches ('Cache-Control: public') but carries per-user data [crossuser-cacheable-response]
      // CHECK: pistache.cpp:[[@LINE+4]]:37: note: per-user data 'body' enters the response here
      // CHECK: pistache.cpp:[[@LINE-27]]:26: note: user identity 'auth->getBasicUser()' is available here (model pistache, pistache.yaml:25)
      // CHECK: pistache.cpp:[[@LINE-4]]:7: note: 'add' sets the response's 'Cache-Control' header (model pistache, pistache.yaml:15)
          Http::CacheDirective(Http::CacheDirective::Public));
      response.send(Http::Code::Ok, body);
      return;
    }

    // Silent: the same data cached under the caller, sent privately.
    if (req.resource() == "/me/balance") {
      std::string key = auth->value() + "/" + currency;
      auto hit = by_user_.find(key);
      std::string body = hit != by_user_.end() ? hit->second : LoadBalance(caller, currency);
      by_user_[key] = body;
      response.headers().add<Http::Header::CacheControl>(
          Http::CacheDirective(Http::CacheDirective::Private));
      response.send(Http::Code::Ok, body);
      return;
    }

    // Silent: exchange rates are the same for everyone, and a "theme"
    // cookie names no one.
    if (req.cookies().has("theme"))
      last_theme_ = req.cookies().get("theme").value;
    auto hit = rates_.find(currency);
    std::string rate = hit != rates_.end() ? hit->second : LoadRate(currency);
    rates_[currency] = rate;
    response.headers().add<Http::Header::CacheControl>(
        Http::CacheDirective(Http::CacheDirective::Public));
    response.send(Http::Code::Ok, rate);
  }

private:
  std::unordered_map<std::string, std::string> balances_;
  std::unordered_map<std::string, std::string> by_user_;
  std::map<std::string, std::string> rates_;
  std::string last_caller_;
  std::string last_session_;
  std::string last_theme_;
};

int main() {
  Http::Endpoint server(Address(Ipv4::any(), Port(9080)));
  server.init(Http::Endpoint::options().threads(4));
  server.setHandler(Http::make_handler<WalletHandler>());
  server.serve();
}
