// RUN: %clang_tidy -checks='-*,crossuser-cacheable-response' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: not %crossuser_check -checks=crossuser-cacheable-response %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'

// Personalised responses marked storable by shared caches: the Steam (2015)
// and Klarna (2021) shape, where a CDN stores one user's page under a key
// without the user and serves it to everyone. One case per header API and
// per way of spelling the value.

#include "http_response.h"

// public, max-age on the signed-in user's profile.
void ProfilePublic(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.set_header("Cache-Control", "public, max-age=300");
  // CHECK: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('Cache-Control: public, max-age=300') but carries per-user data [crossuser-cacheable-response]
  // CHECK: :[[@LINE+2]]:15: note: per-user data 'RenderProfile(Database().LoadProfile(session.user_id()))' enters the response here
  // CHECK: :[[@LINE-4]]:21: note: user identity 'ResolveSession(req)' is available here
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
}

// max-age alone lets shared caches store the response.
void ProfileMaxAge(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Cache-Control", "max-age=60");
  // CHECK: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('Cache-Control: max-age=60') but carries per-user data [crossuser-cacheable-response]
  // CHECK: :[[@LINE-3]]:15: note: per-user data 'RenderProfile(Database().LoadProfile(session.user_id()))' enters the response here
  // CHECK: :[[@LINE-5]]:21: note: user identity 'ResolveSession(req)' is available here
}

// s-maxage speaks to shared caches only.
void ProfileSMaxAge(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Cache-Control", "s-maxage=600");
  // CHECK: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('Cache-Control: s-maxage=600') but carries per-user data [crossuser-cacheable-response]
  // CHECK: :[[@LINE-3]]:15: note: per-user data 'RenderProfile(Database().LoadProfile(session.user_id()))' enters the response here
  // CHECK: :[[@LINE-5]]:21: note: user identity 'ResolveSession(req)' is available here
}

// public without a lifetime: heuristic freshness applies.
void ProfileBarePublic(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Cache-Control", "public");
  // CHECK: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('Cache-Control: public') but carries per-user data [crossuser-cacheable-response]
  // CHECK: :[[@LINE-3]]:15: note: per-user data 'RenderProfile(Database().LoadProfile(session.user_id()))' enters the response here
  // CHECK: :[[@LINE-5]]:21: note: user identity 'ResolveSession(req)' is available here
}

// Case and blanks in the header name and directives do not matter.
void ProfileOddCase(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("cache-control", " PUBLIC ,  Max-Age=120 ");
  // CHECK: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('cache-control: PUBLIC , Max-Age=120') but carries per-user data [crossuser-cacheable-response]
  // CHECK: :[[@LINE-3]]:15: note: per-user data 'RenderProfile(Database().LoadProfile(session.user_id()))' enters the response here
  // CHECK: :[[@LINE-5]]:21: note: user identity 'ResolveSession(req)' is available here
}

// The value built from literals and numbers.
void ProfileBuiltValue(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Cache-Control", std::string("public, max-age=") + std::to_string(3600));
  // CHECK: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('Cache-Control: public, max-age=3600') but carries per-user data [crossuser-cacheable-response]
  // CHECK: :[[@LINE-3]]:15: note: per-user data 'RenderProfile(Database().LoadProfile(session.user_id()))' enters the response here
  // CHECK: :[[@LINE-5]]:21: note: user identity 'ResolveSession(req)' is available here
}

// The value in a constant.
constexpr const char *kCacheForAnHour = "public, max-age=3600";
void ProfileConstant(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Cache-Control", kCacheForAnHour);
  // CHECK: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('Cache-Control: public, max-age=3600') but carries per-user data [crossuser-cacheable-response]
  // CHECK: :[[@LINE-3]]:15: note: per-user data 'RenderProfile(Database().LoadProfile(session.user_id()))' enters the response here
  // CHECK: :[[@LINE-5]]:21: note: user identity 'ResolveSession(req)' is available here
}

// The value in a local, with a lifetime the engine cannot compute: public
// is enough.
void ProfileLocalValue(const http::Request &req, http::Response &resp, int ttl) {
  Session session = ResolveSession(req);
  std::string policy = "public, max-age=" + std::to_string(ttl);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Cache-Control", policy);
  // CHECK: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('Cache-Control: public, max-age=...') but carries per-user data [crossuser-cacheable-response]
  // CHECK: :[[@LINE-3]]:15: note: per-user data 'RenderProfile(Database().LoadProfile(session.user_id()))' enters the response here
  // CHECK: :[[@LINE-6]]:21: note: user identity 'ResolveSession(req)' is available here
}

// CDN-specific headers count as Cache-Control.
void ProfileSurrogate(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Surrogate-Control", "max-age=86400");
  // CHECK: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('Surrogate-Control: max-age=86400') but carries per-user data [crossuser-cacheable-response]
  // CHECK: :[[@LINE-3]]:15: note: per-user data 'RenderProfile(Database().LoadProfile(session.user_id()))' enters the response here
  // CHECK: :[[@LINE-5]]:21: note: user identity 'ResolveSession(req)' is available here
}

// An Expires date in the future.
void ProfileExpiresLiteral(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Expires", "Thu, 31 Dec 2099 23:59:59 GMT");
  // CHECK: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('Expires: Thu, 31 Dec 2099 23:59:59 GMT') but carries per-user data [crossuser-cacheable-response]
  // CHECK: :[[@LINE-3]]:15: note: per-user data 'RenderProfile(Database().LoadProfile(session.user_id()))' enters the response here
  // CHECK: :[[@LINE-5]]:21: note: user identity 'ResolveSession(req)' is available here
}

// An Expires computed from now plus a lifetime.
void ProfileExpiresComputed(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Expires", HttpDate(NowSeconds() + 3600));
  // CHECK: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('Expires: ...') but carries per-user data [crossuser-cacheable-response]
  // CHECK: :[[@LINE-3]]:15: note: per-user data 'RenderProfile(Database().LoadProfile(session.user_id()))' enters the response here
  // CHECK: :[[@LINE-5]]:21: note: user identity 'ResolveSession(req)' is available here
}

// A Vary that leaves the credentials out does not separate users.
void ProfileVaryEncoding(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Cache-Control", "public, max-age=300");
  // CHECK: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('Cache-Control: public, max-age=300') but carries per-user data [crossuser-cacheable-response]
  // CHECK: :[[@LINE-3]]:15: note: per-user data 'RenderProfile(Database().LoadProfile(session.user_id()))' enters the response here
  // CHECK: :[[@LINE-5]]:21: note: user identity 'ResolveSession(req)' is available here
  // CHECK: :[[@LINE+1]]:3: note: 'Vary: Accept-Encoding' does not separate users: it names neither 'Authorization' nor 'Cookie'
  resp.set_header("Vary", "Accept-Encoding");
}

// drogon: addHeader on a shared_ptr response.
drogon::HttpResponsePtr DrogonProfile(const drogon::HttpRequestPtr &req) {
  std::string user_id = req->getCookie("user_id");
  auto resp = drogon::HttpResponse::newHttpResponse();
  resp->setBody(RenderProfile(Database().LoadProfile(user_id)));
  resp->addHeader("Cache-Control", "public, max-age=120");
  // CHECK: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('Cache-Control: public, max-age=120') but carries per-user data [crossuser-cacheable-response]
  // CHECK: :[[@LINE-3]]:17: note: per-user data 'RenderProfile(Database().LoadProfile(user_id))' enters the response here
  // CHECK: :[[@LINE-6]]:25: note: user identity 'req->getCookie("user_id")' is available here
  return resp;
}

// drogon: the body given at construction.
drogon::HttpResponsePtr DrogonJson(const Session &session) {
  auto resp = drogon::HttpResponse::newHttpJsonResponse(
      RenderProfile(Database().LoadProfile(session.user_id())));
  resp->addHeader("Cache-Control", "max-age=30");
  // CHECK: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('Cache-Control: max-age=30') but carries per-user data [crossuser-cacheable-response]
  // CHECK: :[[@LINE-4]]:15: note: per-user data 'drogon::HttpResponse::newHttpJsonResponse( RenderProfile(...' enters the response here
  // CHECK: :[[@LINE-6]]:51: note: user identity 'session' is available here
  return resp;
}

// drogon: the framework's page cache, asked for by setExpiredTime.
drogon::HttpResponsePtr DrogonExpired(const Session &session) {
  auto resp = drogon::HttpResponse::newHttpResponse();
  resp->setBody(RenderProfile(Database().LoadProfile(session.user_id())));
  resp->setExpiredTime(600);
  // CHECK: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('resp->setExpiredTime(600)') but carries per-user data [crossuser-cacheable-response]
  // CHECK: :[[@LINE-3]]:17: note: per-user data 'RenderProfile(Database().LoadProfile(session.user_id()))' enters the response here
  // CHECK: :[[@LINE-6]]:54: note: user identity 'session' is available here
  return resp;
}

// crow: set_header and add_header.
crow::response CrowOrders(const Session &session) {
  crow::response res;
  res.body = Format("%d orders", int(Database().LoadOrders(session.user_id()).size()));
  res.add_header("Cache-Control", "public, s-maxage=60");
  // CHECK: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('Cache-Control: public, s-maxage=60') but carries per-user data [crossuser-cacheable-response]
  // CHECK: :[[@LINE-3]]:14: note: per-user data 'Format("%d orders", int(Database().LoadOrders(session.use...' enters the response here
  // CHECK: :[[@LINE-6]]:42: note: user identity 'session' is available here
  return res;
}

// crow: the response built from the body.
crow::response CrowProfile(const Session &session) {
  crow::response res(RenderProfile(Database().LoadProfile(session.user_id())));
  res.set_header("Cache-Control", "max-age=10");
  // CHECK: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('Cache-Control: max-age=10') but carries per-user data [crossuser-cacheable-response]
  // CHECK: :[[@LINE-3]]:22: note: per-user data 'RenderProfile(Database().LoadProfile(session.user_id()))' enters the response here
  // CHECK: :[[@LINE-5]]:43: note: user identity 'session' is available here
  return res;
}

// A headers map written directly.
void HttplibEmplace(const httplib::Request &req, httplib::Response &res) {
  std::string user = req.get_header_value("X-User-Id");
  res.set_content(RenderCart(user), "text/html");
  res.headers.emplace("Cache-Control", "public, max-age=900");
  // CHECK: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('Cache-Control: public, max-age=900') but carries per-user data [crossuser-cacheable-response]
  // CHECK: :[[@LINE-3]]:19: note: per-user data 'RenderCart(user)' enters the response here
  // CHECK: :[[@LINE-5]]:22: note: user identity 'req.get_header_value("X-User-Id")' is available here
}

void HttplibInsert(const httplib::Request &req, httplib::Response &res) {
  std::string user = req.get_header_value("X-User-Id");
  res.set_content(RenderCart(user), "text/html");
  res.headers.insert({"Cache-Control", "max-age=900"});
  // CHECK: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('Cache-Control: max-age=900') but carries per-user data [crossuser-cacheable-response]
  // CHECK: :[[@LINE-3]]:19: note: per-user data 'RenderCart(user)' enters the response here
  // CHECK: :[[@LINE-5]]:22: note: user identity 'req.get_header_value("X-User-Id")' is available here
}

void HttplibSubscript(const httplib::Request &req, httplib::Response &res) {
  std::string user = req.get_header_value("X-User-Id");
  res.set_content(RenderCart(user), "text/html");
  res.headers["Cache-Control"] = "public";
  // CHECK: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('Cache-Control: public') but carries per-user data [crossuser-cacheable-response]
  // CHECK: :[[@LINE-3]]:19: note: per-user data 'RenderCart(user)' enters the response here
  // CHECK: :[[@LINE-5]]:22: note: user identity 'req.get_header_value("X-User-Id")' is available here
}

// Beast: set(field, value).
void BeastProfile(const Session &session, beast::response &res) {
  res.body = RenderProfile(Database().LoadProfile(session.user_id()));
  res.set(beast::field::cache_control, "public, max-age=60");
  // CHECK: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('Cache-Control: public, max-age=60') but carries per-user data [crossuser-cacheable-response]
  // CHECK: :[[@LINE-3]]:14: note: per-user data 'RenderProfile(Database().LoadProfile(session.user_id()))' enters the response here
  // CHECK: :[[@LINE-5]]:34: note: user identity 'session' is available here
}

// A CacheFor-style helper.
void HelperProfile(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  CacheFor(resp, 300);
  // CHECK: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('CacheFor(resp, 300)') but carries per-user data [crossuser-cacheable-response]
  // CHECK: :[[@LINE-3]]:15: note: per-user data 'RenderProfile(Database().LoadProfile(session.user_id()))' enters the response here
  // CHECK: :[[@LINE-5]]:21: note: user identity 'ResolveSession(req)' is available here
}

// A per-user header rather than the body.
void HeaderOnly(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  resp.set_header("X-Account-Email", session.user().email);
  resp.set_header("Cache-Control", "public, max-age=60");
  // CHECK: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('Cache-Control: public, max-age=60') but carries per-user data [crossuser-cacheable-response]
  // CHECK: :[[@LINE-3]]:38: note: per-user data 'session.user().email' enters the response here
  // CHECK: :[[@LINE-5]]:21: note: user identity 'ResolveSession(req)' is available here
}

// The identity read from the Authorization header.
void BearerToken(const http::Request &req, http::Response &resp) {
  std::string token = req.header("Authorization");
  resp.body = Database().Query("SELECT * FROM statements WHERE token = ?", token);
  resp.set_header("Cache-Control", "public, max-age=300");
  // CHECK: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('Cache-Control: public, max-age=300') but carries per-user data [crossuser-cacheable-response]
  // CHECK: :[[@LINE-3]]:15: note: per-user data 'Database().Query("SELECT * FROM statements WHERE token = ...' enters the response here
  // CHECK: :[[@LINE-5]]:23: note: user identity 'req.header("Authorization")' is available here
}

// Inside a lambda handler.
void RegisterLambda(const http::Request &req, http::Response &resp) {
  auto handle = [&](const Session &session) {
    resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
    resp.set_header("Cache-Control", "public, max-age=300");
    // CHECK: :[[@LINE-1]]:5: warning: response is made storable by shared caches ('Cache-Control: public, max-age=300') but carries per-user data [crossuser-cacheable-response]
    // CHECK: :[[@LINE-3]]:17: note: per-user data 'RenderProfile(Database().LoadProfile(session.user_id()))' enters the response here
    // CHECK: :[[@LINE-5]]:36: note: user identity 'session' is available here
  };
  handle(ResolveSession(req));
}

// A method of a handler class, body filled in by a helper.
void FillProfile(http::Response &out, const std::string &user_id) {
  out.body = RenderProfile(Database().LoadProfile(user_id));
}
class AccountHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    FillProfile(resp, session.user_id());
    resp.set_header("Cache-Control", "public, max-age=300");
    // CHECK: :[[@LINE-1]]:5: warning: response is made storable by shared caches ('Cache-Control: public, max-age=300') but carries per-user data [crossuser-cacheable-response]
    // CHECK: :[[@LINE-3]]:23: note: per-user data 'session.user_id()' enters the response here
    // CHECK: :[[@LINE-5]]:23: note: user identity 'ResolveSession(req)' is available here
  }
};

// max-age with a lifetime computed at run time: caching is what it asks
// for (only an explicit zero does not), so shared caches may store it.
// (This case was a negative until the engine read run-time lifetimes.)
void RunTimeLifetime(const http::Request &req, http::Response &resp, int ttl) {
  Session session = ResolveSession(req);
  resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
  resp.set_header("Cache-Control", "max-age=" + std::to_string(ttl));
  // CHECK: :[[@LINE-1]]:3: warning: response is made storable by shared caches ('Cache-Control: max-age=...') but carries per-user data [crossuser-cacheable-response]
  // CHECK: :[[@LINE-3]]:15: note: per-user data 'RenderProfile(Database().LoadProfile(session.user_id()))' enters the response here
  // CHECK: :[[@LINE-5]]:21: note: user identity 'ResolveSession(req)' is available here
}
