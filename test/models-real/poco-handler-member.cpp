// REQUIRES: poco
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// Poco makes one HTTPRequestHandler per request, so keeping the caller in a
// member is safe and common. But the value read back from that member must
// still be the caller's: a member read in handleRequest() holds what
// handleRequest() assigned to it before the read (CFG order), so the
// caller's name is at hand and the page cache keyed by the path alone is
// reported.
#include <Poco/LRUCache.h>
#include <Poco/Net/HTTPBasicCredentials.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <ostream>
#include <string>

std::string RenderInbox(const std::string &user);
Poco::LRUCache<std::string, std::string> g_pages(256);

class InboxHandler : public Poco::Net::HTTPRequestHandler {
public:
  void handleRequest(Poco::Net::HTTPServerRequest &req,
                     Poco::Net::HTTPServerResponse &resp) override {
    caller_ = Poco::Net::HTTPBasicCredentials(req).getUsername();
    std::string page = RenderInbox(caller_);
    g_pages.add(req.getURI(), page);
    // CHECK: poco-handler-member.cpp:[[@LINE-1]]:5: warning: cache 'g_pages' is keyed by 'req.getURI()', which does not identify the user [crossuser-cache-key]
    // CHECK: poco-handler-member.cpp:[[@LINE-4]]:{{[0-9]+}}: note: user identity '{{.*}}getUsername()' is available here (model poco, poco.yaml:14)
    // CHECK: poco-handler-member.cpp:[[@LINE-3]]:{{[0-9]+}}: note: per-user data 'page' is stored in 'g_pages' here
    resp.send() << page;
  }

private:
  std::string caller_;
};
