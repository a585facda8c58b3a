// RUN: %clang_tidy -checks='-*,crossuser-shared-state,crossuser-cache-key' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-shared-state,crossuser-cache-key' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

// A reference or pointer member refers to what the constructor was given,
// not to storage of the object that holds it. A per-request handler bound
// to its factory's members writes into the factory; one bound to its
// caller's locals does not. And a collection a cookie getter filled is a
// cookie jar: its session cookie names the requester.

#include "service.h"

namespace fw {
class RequestHandler {
public:
  virtual ~RequestHandler();
  virtual void handle(const http::Request &req, http::Response &resp) = 0;
};
class HandlerFactory {
public:
  virtual ~HandlerFactory();
  virtual RequestHandler *create() = 0;
};
struct Cookies {
  std::string get(const std::string &name, const std::string &fallback) const;
};
void readCookies(const http::Request &req, Cookies &out);
} // namespace fw

std::string RenderPage(const std::string &who, const std::string &path);

class PageHandler : public fw::RequestHandler {
public:
  PageHandler(LruCache<std::string, std::string> &pages, std::string &last)
      : pages_(pages), last_(last) {}
  void handle(const http::Request &req, http::Response &resp) override {
    fw::Cookies jar;
    fw::readCookies(req, jar);
    const std::string who = jar.get("portal_sid", "");
    std::string html = RenderPage(who, req.path());
    pages_.Put(req.path(), html);
    // CHECK: :[[@LINE-1]]:5: warning: cache 'pages_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-4]]:29: note: user identity 'jar.get("portal_sid", "")' is available here
    // CHECK: :[[@LINE-3]]:28: note: per-user data 'html' is stored in 'pages_' here
    last_ = who;
    // CHECK: :[[@LINE-1]]:5: warning: per-user data 'who' is written to 'last_', which is shared between requests [crossuser-shared-state]
    // CHECK: :[[@LINE-8]]:29: note: per-user data comes from 'jar.get("portal_sid", "")'
    // CHECK: :[[@LINE+18]]:15: note: 'last_' is shared between requests: 'last_' refers to 'PageFactory::last_', a member of 'PageFactory', which derives from 'fw::HandlerFactory': the framework makes one for the whole server (model mock-factory, mock-factory.yaml:11)
    // CHECK: :[[@LINE+12]]:16: note: 'PageHandler' is constructed here with 'last_' bound to 'last_'
    resp.body = html;
  }

private:
  LruCache<std::string, std::string> &pages_;
  std::string &last_;
};

class PageFactory : public fw::HandlerFactory {
public:
  fw::RequestHandler *create() override {
    return new PageHandler(pages_, last_);
  }

private:
  LruCache<std::string, std::string> pages_;
  std::string last_;
};

// A handler that holds its factory by reference writes into the factory.
class AuditFactory;
class AuditHandler : public fw::RequestHandler {
public:
  explicit AuditHandler(AuditFactory &owner) : owner_(owner) {}
  void handle(const http::Request &req, http::Response &resp) override;

private:
  AuditFactory &owner_;
};
class AuditFactory : public fw::HandlerFactory {
public:
  fw::RequestHandler *create() override { return new AuditHandler(*this); }
  std::string lastViewer;
};
void AuditHandler::handle(const http::Request &req, http::Response &resp) {
  fw::Cookies jar;
  fw::readCookies(req, jar);
  owner_.lastViewer = jar.get("session", "");
  // CHECK: :[[@LINE-1]]:3: warning: per-user data 'jar.get("session", "")' is written to 'owner_.lastViewer', which is shared between requests [crossuser-shared-state]
  // CHECK: :[[@LINE-2]]:23: note: per-user data comes from 'jar.get("session", "")'
  // CHECK: :[[@LINE-8]]:15: note: 'lastViewer' is shared between requests: a member of 'AuditFactory', which derives from 'fw::HandlerFactory': the framework makes one for the whole server (model mock-factory, mock-factory.yaml:11)
}

// Negative: bound to the caller's locals, the members are this request's.
class ScratchHandler : public fw::RequestHandler {
public:
  explicit ScratchHandler(std::string &scratch) : scratch_(scratch) {}
  void handle(const http::Request &req, http::Response &resp) override {
    fw::Cookies jar;
    fw::readCookies(req, jar);
    scratch_ = jar.get("session", "");
    resp.body = scratch_;
  }

private:
  std::string &scratch_;
};
void ServeOnce(const http::Request &req, http::Response &resp) {
  std::string scratch;
  ScratchHandler h(scratch);
  h.handle(req, resp);
}

// Negative: a cookie that is no credential names nobody.
class ThemeHandler : public fw::RequestHandler {
public:
  explicit ThemeHandler(std::string &last) : last_(last) {}
  void handle(const http::Request &req, http::Response &resp) override {
    fw::Cookies jar;
    fw::readCookies(req, jar);
    last_ = jar.get("theme", "light");
  }

private:
  std::string &last_;
};
class ThemeFactory : public fw::HandlerFactory {
public:
  fw::RequestHandler *create() override { return new ThemeHandler(last_); }

private:
  std::string last_;
};

// A stored callback that captures a set-up function's reference: the one
// object it refers to serves every call, so its members are shared.
#include <functional>
using RouteFn = std::function<void(const http::Request &, http::Response &)>;
void Register(const std::string &path, RouteFn f);
struct Recent {
  void Remember(const std::string &who) { last_ = who; }
  // CHECK: :[[@LINE-1]]:43: warning: per-user data 'who' is written to 'last_', which is shared between requests [crossuser-shared-state]
  // CHECK: :[[@LINE-2]]:36: note: per-user data comes from 'who' (every call of 'Remember' passes the requester's identity, from 'jar.get("session", "")')
  // CHECK: :[[@LINE+2]]:15: note: 'last_' is shared between requests: a member of 'Recent', whose instance 'recent' a callback that outlives its set-up captures by reference, so every call of the callback uses it
  // CHECK: :[[@LINE+4]]:23: note: 'recent' is captured by reference here, by a callback stored beyond the call that creates it
  std::string last_;
};
void MountRecent(Recent &recent) {
  Register("/recent", [&recent](const http::Request &req, http::Response &resp) {
    fw::Cookies jar;
    fw::readCookies(req, jar);
    recent.Remember(jar.get("session", ""));
  });
}

// Negative: a callback run inside one request, over that request's object.
struct Scratch {
  void Remember(const std::string &who) { last_ = who; }
  std::string last_;
};
template <class F> void RunNow(F f) { f(); }
void ServeScratch(const http::Request &req, Scratch &scratch) {
  RunNow([&scratch, &req] {
    fw::Cookies jar;
    fw::readCookies(req, jar);
    scratch.Remember(jar.get("session", ""));
  });
}
