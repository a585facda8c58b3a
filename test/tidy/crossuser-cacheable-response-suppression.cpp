// Suppressing crossuser-cacheable-response: no-lint comments as in
// clang-tidy (both front ends honour them) and the crossuser::shared_ok
// annotation on a response, a response cache or a handler function whose
// output is public by design. Every case below would warn without its
// suppression; the ones whose suppression names another check still warn.
//
// RUN: %clang_tidy -checks='-*,crossuser-cacheable-response' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: not %crossuser_check -checks=crossuser-cacheable-response %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'

#include "http_response.h"

void Bare(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Cache-Control", "public, max-age=300"); // NOLINT
}

void Named(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Cache-Control", "public, max-age=300"); // NOLINT(crossuser-cacheable-response)
}

void NextLineGlob(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  // NOLINTNEXTLINE(crossuser-*)
  resp.set_header("Cache-Control", "public, max-age=300");
}

// NOLINTBEGIN(crossuser-cacheable-response)
void Region(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Cache-Control", "public, max-age=300");
}
// NOLINTEND(crossuser-cacheable-response)

// A no-lint comment for another check does not suppress this one.
void OtherCheck(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Cache-Control", "public, max-age=300"); // NOLINT(crossuser-cache-key)
  // CHECK: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('Cache-Control: public, max-age=300') but carries per-user data [crossuser-cacheable-response]
  // CHECK: :[[@LINE-3]]:15: note: per-user data 'RenderProfile(Database().LoadProfile(session.user_id()))' enters the response here
  // CHECK: :[[@LINE-5]]:21: note: user identity 'ResolveSession(req)' is available here
}

// shared_ok on the handler: the team has decided these pages are public
// (the "profile" is a public author page).
[[clang::annotate("crossuser::shared_ok")]] void AuthorPage(
    const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Cache-Control", "public, max-age=300");
}

// shared_ok on the response variable.
drogon::HttpResponsePtr Badge(const Session &session) {
  [[clang::annotate("crossuser::shared_ok")]] auto resp =
      drogon::HttpResponse::newHttpResponse();
  resp->setBody(RenderProfile(Database().LoadProfile(session.user_id())));
  resp->addHeader("Cache-Control", "public, max-age=60");
  return resp;
}

// shared_ok on a response cache.
class DirectoryHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
    pages_.Put(req.path(), resp);
  }

private:
  [[clang::annotate("crossuser::shared_ok")]] ResponseCache pages_;
};

// shared_ok on a shared response object.
class ConsentHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    consent_.set_header("Set-Cookie", "seen_by=" + session.user_id());
    resp = consent_;
  }

private:
  [[clang::annotate("crossuser::shared_ok")]] http::Response consent_;
};
