// REQUIRES: poco
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// A reports service on Poco::Net, compiled against the real <Poco/*.h>.
// Poco makes a new HTTPRequestHandler for every request and one factory
// for the server. Leaks: a Poco::LRUCache keyed by the report's name while
// the caller's basic credentials are at hand, the caller's name kept in the
// factory by createRequestHandler(), the client certificate's name kept in
// a global, and a public response made of the caller's report. Silent: the
// cache keyed by the caller, a private response, the caller kept in the
// per-request handler, and public holidays cached under their year.
// (A handler member read later is poco-handler-member.cpp; a write through
// the handler's reference to its factory is poco-factory-reference.cpp.)
#include <Poco/LRUCache.h>
#include <Poco/Net/HTTPBasicCredentials.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/X509Certificate.h>
#include <Poco/URI.h>

#include <ostream>
#include <string>

using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

std::string BuildReport(const std::string &user, const std::string &name);
std::string BuildHolidays(const std::string &year);

Poco::LRUCache<std::string, std::string> g_reports(512);
Poco::LRUCache<std::string, std::string> g_reports_by_user(512);
Poco::LRUCache<std::string, std::string> g_holidays(16);
std::string g_last_client;

class ReportHandler : public Poco::Net::HTTPRequestHandler {
public:
  void handleRequest(HTTPServerRequest &req, HTTPServerResponse &resp) override;

private:
  std::string caller_;
};

class ReportFactory : public Poco::Net::HTTPRequestHandlerFactory {
public:
  Poco::Net::HTTPRequestHandler *createRequestHandler(const HTTPServerRequest &req) override {
    if (req.hasCredentials()) {
      Poco::Net::HTTPBasicCredentials creds(req);
      last_login_ = creds.getUsername();
      // CHECK: poco.cpp:[[@LINE-1]]:7: warning: per-user data 'creds.getUsername()' is written to 'last_login_', which is shared between requests [crossuser-shared-state]
      // CHECK: poco.cpp:[[@LINE-2]]:21: note: per-user data comes from 'creds.getUsername()' (model poco, poco.yaml:14)
      // CHECK: poco.cpp:[[@LINE+6]]:15: note: 'last_login_' is shared between requests: a member of 'ReportFactory', which derives from 'Poco::Net::HTTPRequestHandlerFactory': the framework makes one for the whole server (model poco, poco.yaml:10)
    }
    return new ReportHandler;
  }

private:
  std::string last_login_;
};

void ReportHandler::handleRequest(HTTPServerRequest &req, HTTPServerResponse &resp) {
  Poco::Net::HTTPBasicCredentials creds(req);
  const std::string caller = creds.getUsername();
  caller_ = caller;
  if (req.secure()) {
    Poco::Net::SecureStreamSocket tls = static_cast<Poco::Net::HTTPServerRequestImpl &>(req).socket();
    if (tls.havePeerCertificate())
      g_last_client = tls.peerCertificate().commonName();
      // CHECK: poco.cpp:[[@LINE-1]]:7: warning: per-user data 'tls.peerCertificate().commonName()' is written to 'g_last_client', which is shared between requests [crossuser-shared-state]
      // CHECK: poco.cpp:[[@LINE-2]]:23: note: per-user data comes from 'tls.peerCertificate().commonName()' (model poco, poco.yaml:16)
      // CHECK: poco.cpp:[[@LINE-37]]:13: note: 'g_last_client' is shared between requests: declared at namespace scope
  }
  Poco::URI uri(req.getURI());
  std::string name = uri.getPath();

  if (name.rfind("/reports/", 0) == 0) {
    std::string body;
    if (g_reports.has(name)) {
    // CHECK: poco.cpp:[[@LINE-1]]:9: warning: cache 'g_reports' is keyed by 'name', which does not identify the user [crossuser-cache-key]
    // CHECK: poco.cpp:[[@LINE-6]]:15: note: key 'name' is built here
    // CHECK: poco.cpp:[[@LINE-18]]:30: note: user identity 'creds.getUsername()' is available here (model poco, poco.yaml:14)
    // CHECK: poco.cpp:[[@LINE+8]]:27: note: per-user data 'body' is stored in 'g_reports' here (model poco, poco.yaml:21)
      body = *g_reports.get(name);
      // CHECK: poco.cpp:[[@LINE-1]]:15: warning: cache 'g_reports' is keyed by 'name', which does not identify the user [crossuser-cache-key]
      // CHECK: poco.cpp:[[@LINE-11]]:15: note: key 'name' is built here
      // CHECK: poco.cpp:[[@LINE-23]]:30: note: user identity 'creds.getUsername()' is available here (model poco, poco.yaml:14)
      // CHECK: poco.cpp:[[@LINE+3]]:27: note: per-user data 'body' is stored in 'g_reports' here (model poco, poco.yaml:21)
    } else {
      body = BuildReport(caller, name);
      g_reports.add(name, body);
      // CHECK: poco.cpp:[[@LINE-1]]:7: warning: cache 'g_reports' is keyed by 'name', which does not identify the user [crossuser-cache-key]
      // CHECK: poco.cpp:[[@LINE-18]]:15: note: key 'name' is built here
      // CHECK: poco.cpp:[[@LINE-30]]:30: note: user identity 'creds.getUsername()' is available here (model poco, poco.yaml:14)
      // CHECK: poco.cpp:[[@LINE-4]]:27: note: per-user data 'body' is stored in 'g_reports' here (model poco, poco.yaml:21)
    }
    resp.set("Cache-Control", "public, max-age=300");
    // CHECK: poco.cpp:[[@LINE-1]]:5: warning: response is made storable by shared caches ('Cache-Control: public, max-age=300') but carries per-user data [crossuser-cacheable-response]
    // CHECK: poco.cpp:[[@LINE+3]]:20: note: per-user data 'body' enters the response here
    // CHECK: poco.cpp:[[@LINE-36]]:30: note: user identity 'creds.getUsername()' is available here (model poco, poco.yaml:14)
    // CHECK: poco.cpp:[[@LINE-4]]:5: note: 'set' sets the response's 'Cache-Control' header (model poco, poco.yaml:43)
    resp.send() << body;
    return;
  }

  if (name.rfind("/me/reports/", 0) == 0) {
    std::string key = caller + "|" + name;
    if (!g_reports_by_user.has(key))
      g_reports_by_user.add(key, BuildReport(caller, name));
    resp.set("Cache-Control", "private, max-age=300");
    resp.send() << *g_reports_by_user.get(key);
    return;
  }

  std::string year = name.substr(name.rfind('/') + 1);
  if (!g_holidays.has(year))
    g_holidays.add(year, BuildHolidays(year));
  resp.set("Cache-Control", "public, max-age=86400");
  resp.send() << *g_holidays.get(year);
}

int main() {
  Poco::Net::ServerSocket socket(8080);
  Poco::Net::HTTPServer server(new ReportFactory, socket, new Poco::Net::HTTPServerParams);
  server.start();
  server.stop();
}
