// REQUIRES: poco
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// A Poco handler that dates its response an hour ahead
// (`Timestamp expiry; expiry += Timespan(0, 1, 0, 0, 0);`, then formats
// it into `Expires`) and writes the caller's data into the stream that
// `response.send()` hands out. Silent: the same response dated now.
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Timespan.h>
#include <Poco/Timestamp.h>

#include <ostream>
#include <string>

std::string PlanOf(const std::string &credentials);

class PlanHandler : public Poco::Net::HTTPRequestHandler {
public:
  void handleRequest(Poco::Net::HTTPServerRequest &request,
                     Poco::Net::HTTPServerResponse &response) override {
    const std::string plan = PlanOf(request.get("Authorization", ""));
    Poco::Timestamp expiry;
    expiry += Poco::Timespan(0, 1, 0, 0, 0);
    response.set("Expires", Poco::DateTimeFormatter::format(
    // CHECK: poco-expires-stream.cpp:[[@LINE-1]]:5: warning: response is made storable by shared caches ('Expires: ...') but carries per-user data [crossuser-cacheable-response]
    // CHECK: poco-expires-stream.cpp:[[@LINE+5]]:30: note: per-user data 'plan' enters the response here
    // CHECK: poco-expires-stream.cpp:[[@LINE-6]]:37: note: user identity 'request.get("Authorization", "")' is available here (model poco, poco.yaml:53)
    // CHECK: poco-expires-stream.cpp:[[@LINE-4]]:5: note: 'set' sets the response's 'Expires' header (model poco, poco.yaml:43)
                                expiry, Poco::DateTimeFormat::HTTP_FORMAT));
    std::ostream &out = response.send();
    out << "{\"plan\":\"" << plan << "\"}";
  }
};

class PlanNowHandler : public Poco::Net::HTTPRequestHandler {
public:
  void handleRequest(Poco::Net::HTTPServerRequest &request,
                     Poco::Net::HTTPServerResponse &response) override {
    const std::string plan = PlanOf(request.get("Authorization", ""));
    Poco::Timestamp now;
    response.set("Expires", Poco::DateTimeFormatter::format(
                                now, Poco::DateTimeFormat::HTTP_FORMAT));
    std::ostream &out = response.send();
    out << "{\"plan\":\"" << plan << "\"}";
  }
};
