// RUN: %clang_tidy -checks='-*,crossuser-cacheable-response' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-cacheable-response' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

// A read-through response cache: a call on a cache (a class that holds
// an associative container) with a key and a callable that produces a response (`cache.remember(path, [&] { return
// Route(req); })`) stores what the callable returns under the key. The
// route authenticates the caller in a callee, so the user is known from
// the stored value itself.

#include "service.h"
#include <functional>

using Page = http::Response;

class PageCache {
public:
  Page remember(const std::string &key, const std::function<Page()> &make);

private:
  std::unordered_map<std::string, Page> pages_;
};

// Holds no entries: a callable handed to it is not stored under the key.
class PageTimer {
public:
  Page remember(const std::string &label, const std::function<Page()> &make);
};

std::string OrdersFor(const std::string &user);
std::string Catalog();

Page Route(const http::Request &req) {
  Page page;
  if (req.path() == "/orders")
    page.body = OrdersFor(req.header("X-User-Id"));
  else
    page.body = Catalog();
  return page;
}

Page Handle(const http::Request &req, PageCache &cache) {
  return cache.remember(req.path(), [&] { return Route(req); });
  // CHECK: :[[@LINE-1]]:10: warning: personalised response is stored in shared response cache 'cache' under 'req.path()', which does not identify the user [crossuser-cacheable-response]
  // CHECK: :[[@LINE-2]]:50: note: per-user data 'Route(req)' enters the response here
  // CHECK: :[[@LINE-10]]:27: note: user identity 'req.header("X-User-Id")' is available here
}

// Negative: what the callable produces names nobody.
Page PublicPage() {
  Page page;
  page.body = Catalog();
  return page;
}

Page HandlePublic(const http::Request &req, PageCache &cache) {
  return cache.remember(req.path(), [&] { return PublicPage(); });
}

// Negative: not a cache, whatever the method is called.
Page HandleTimed(const http::Request &req, PageTimer &timer) {
  return timer.remember(req.path(), [&] { return Route(req); });
}
