// RUN: %clang_tidy -checks='-*,crossuser-cacheable-response' %s -- %mock_flags \
// RUN:   | FileCheck %s --allow-empty --implicit-check-not='{{warning|error}}:'
// RUN: %crossuser_check -checks=crossuser-cacheable-response %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --allow-empty --implicit-check-not='{{warning|error}}:'

// Responses that shared caches must not or cannot mix up between users,
// and public caching of content that is the same for everyone. None of
// these may warn.

#include "http_response.h"

// --- Directives that keep shared caches out -------------------------------

void Private(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Cache-Control", "private, max-age=300");
}

void NoStore(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Cache-Control", "no-store");
}

void NoCache(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Cache-Control", "no-cache, max-age=300");
}

void MaxAgeZero(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Cache-Control", "max-age=0");
}

void PublicMaxAgeZero(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Cache-Control", "public, max-age=0, must-revalidate");
}

void SMaxAgeZero(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Cache-Control", "max-age=60, s-maxage=0");
}

// A private Cache-Control next to the public-looking one wins.
void PrivateOverrides(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Expires", "Thu, 31 Dec 2099 23:59:59 GMT");
  resp.set_header("Cache-Control", "private");
}

// An Expires in the past.
void ExpiresPast(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Expires", "Thu, 01 Jan 1970 00:00:00 GMT");
}

void ExpiresZero(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Expires", "0");
}

// A Vary on the credentials keys the stored copy by user.
void VaryCookie(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Cache-Control", "public, max-age=300");
  resp.set_header("Vary", "Accept-Encoding, Cookie");
}

void VaryAuthorization(const http::Request &req, http::Response &resp) {
  std::string token = req.header("Authorization");
  resp.body = Database().Query("SELECT * FROM statements WHERE token = ?", token);
  resp.set_header("Cache-Control", "max-age=300");
  resp.set_header("Vary", "authorization");
}

// Helpers asked for no caching.
drogon::HttpResponsePtr DrogonNoCache(const Session &session) {
  auto resp = drogon::HttpResponse::newHttpResponse();
  resp->setBody(RenderProfile(Database().LoadProfile(session.user_id())));
  resp->setExpiredTime(-1);
  return resp;
}

void HelperZero(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  CacheFor(resp, 0);
}

// A value the engine cannot read at all: silent.
std::string PolicyFor(const http::Request &req);
void UnknownPolicy(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Cache-Control", PolicyFor(req));
}

// --- Content that is the same for every user ------------------------------

// Static assets in a service that has signed-in users.
void Asset(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = LoadAsset(req.path());
  resp.set_header("Cache-Control", "public, max-age=31536000, immutable");
}

// A health check.
void Health(const http::Request &req, http::Response &resp) {
  resp.body = "ok";
  resp.set_header("Cache-Control", "public, max-age=5");
}

// A public catalog page while a session is in scope.
void Catalog(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderCatalogPage(req.path());
  resp.set_header("Cache-Control", "public, s-maxage=600");
}

// A product page: data keyed by the product, not the user.
void Product(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProduct(Database().LoadProduct(42));
  resp.set_header("Expires", HttpDate(NowSeconds() + 3600));
}

// The per-user branch returns early with its own private response; the
// public header is on the anonymous path only.
void Branches(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  if (req.path() == "/me") {
    resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
    resp.set_header("Cache-Control", "private, no-store");
    return;
  }
  resp.set_header("Cache-Control", "public, max-age=300");
  resp.body = RenderCatalogPage(req.path());
}

// Two responses in one function: only the private one is personal.
void TwoResponses(const http::Request &req, http::Response &mine,
                  http::Response &shared) {
  Session session = ResolveSession(req);
  mine.body = RenderProfile(Database().LoadProfile(session.user_id()));
  mine.set_header("Cache-Control", "private");
  shared.body = RenderCatalogPage("/");
  shared.set_header("Cache-Control", "public, max-age=60");
}

// No identity anywhere: a public endpoint.
void PublicProfileCard(const http::Request &req, http::Response &resp) {
  resp.body = RenderCatalogPage(req.param("handle"));
  resp.set_header("Cache-Control", "public, max-age=300");
}

// Headers other than the caching ones.
void ContentType(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Content-Type", "text/html");
  resp.set_header("X-Cache-Control-Hint", "public");
}

// insert/emplace on something that is not a header map.
std::map<std::string, std::string> g_policies;
void NotHeaders(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  g_policies.emplace("Cache-Control", "public, max-age=300");
}

// Headers of an outgoing request to a backend, which carries the user's
// token: not a response.
void CallBackend(const http::Request &req, http::Response &resp) {
  httplib::Request upstream;
  upstream.headers.emplace("Authorization", req.header("Authorization"));
  upstream.headers.emplace("Cache-Control", "max-age=60");
  resp.body = "queued";
}

// --- Response caches that are safe -----------------------------------------

// Keyed by the user.
class MyPageHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
    pages_.Put(session.user_id() + req.path(), resp);
  }

private:
  ResponseCache pages_;
};

// Public pages only, while a session is in scope.
class CatalogHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    resp.body = RenderCatalogPage(req.path());
    pages_.Put(req.path(), resp);
  }

private:
  ResponseCache pages_;
};

// A proxy that caches anonymous requests only.
class AnonymousProxy : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    resp = upstream_.Forward(req);
    if (req.header("Authorization").empty() && req.cookie("session_id").empty())
      cache_.Put(req.url(), resp);
  }

private:
  Upstream upstream_;
  ResponseCache cache_;
};

// A response cache that is a local: it lives for one request.
void LocalCache(const http::Request &req, http::Response &resp) {
  ResponseCache scratch;
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  scratch.Put(req.path(), resp);
}

// Set-Cookie on the request's own response.
void Login(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.set_header("Set-Cookie", "sid=" + session.token());
  resp.body = "welcome";
}

// A shared response object with a cookie that is the same for everyone.
class ConsentHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    consent_.set_header("Set-Cookie", "consent=pending");
    resp = consent_;
  }

private:
  http::Response consent_;
};

// Templates are analysed once, as written; their instantiations are not
// reported again.
template <class Resp> void Generic(const Session &session, Resp &resp) {
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Cache-Control", "private");
}
void UseGeneric(const Session &s, http::Response &r) { Generic(s, r); }
