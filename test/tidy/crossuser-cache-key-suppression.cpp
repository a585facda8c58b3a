// Suppressing crossuser-cache-key: no-lint comments as in clang-tidy (both
// front ends honour them) and the crossuser::shared_ok annotation on a
// cache that is public by design. Every case below would warn without its
// suppression; the ones whose suppression names another check must still
// warn.
//
// RUN: %clang_tidy -checks='-*,crossuser-cache-key' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'

#include "service.h"

class NolintHandler : public http::Handler {
public:
  // A bare no-lint comment silences every check on its line.
  void Bare(const http::Request &req, http::Response &resp) {
    Session session = ResolveSession(req);
    if (auto hit = a_.Get(req.path())) // NOLINT
      resp.body = RenderProfile(*hit);
  }

  // A no-lint comment naming this check.
  void Named(const http::Request &req, http::Response &resp) {
    Session session = ResolveSession(req);
    if (auto hit = b_.Get(req.path())) // NOLINT(crossuser-cache-key)
      resp.body = RenderProfile(*hit);
  }

  // A no-lint comment with a list of checks, one of which is this one.
  void List(const http::Request &req, http::Response &resp) {
    Session session = ResolveSession(req);
    if (auto hit = c_.Get(req.path())) // NOLINT(bugprone-use-after-move, crossuser-cache-key)
      resp.body = RenderProfile(*hit);
  }

  // A next-line comment with a glob.
  void NextLineGlob(const http::Request &req, http::Response &resp) {
    Session session = ResolveSession(req);
    // NOLINTNEXTLINE(crossuser-*)
    if (auto hit = d_.Get(req.path()))
      resp.body = RenderProfile(*hit);
  }

  // A next-line comment without a check list.
  void NextLineBare(const http::Request &req, http::Response &resp) {
    Session session = ResolveSession(req);
    // NOLINTNEXTLINE
    if (auto hit = e_.Get(req.path()))
      resp.body = RenderProfile(*hit);
  }

  // A begin/end region around a whole function: lookup and insert.
  // NOLINTBEGIN(crossuser-cache-key)
  void Region(const http::Request &req, http::Response &resp) {
    Session session = ResolveSession(req);
    if (auto hit = f_.Get(req.path())) {
      resp.body = RenderProfile(*hit);
      return;
    }
    f_.Put(req.path(), db_.LoadProfile(session.user_id()));
  }
  // NOLINTEND(crossuser-cache-key)

  // After the region ends the check is back on.
  void AfterRegion(const http::Request &req, http::Response &resp) {
    Session session = ResolveSession(req);
    if (auto hit = f_.Get(req.url()))
      // CHECK: :[[@LINE-1]]:20: warning: cache 'f_' is keyed by 'req.url()', which does not identify the user [crossuser-cache-key]
      resp.body = RenderProfile(*hit);
  }

  // A no-lint comment for another check does not suppress this one.
  void OtherCheck(const http::Request &req, http::Response &resp) {
    Session session = ResolveSession(req);
    if (auto hit = g_.Get(req.path())) // NOLINT(bugprone-use-after-move)
      // CHECK: :[[@LINE-1]]:20: warning: cache 'g_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
      resp.body = RenderProfile(*hit);
  }

  // Nor does a next-line comment whose glob does not match.
  void OtherGlob(const http::Request &req, http::Response &resp) {
    Session session = ResolveSession(req);
    // NOLINTNEXTLINE(cppcoreguidelines-*)
    if (auto hit = h_.Get(req.path()))
      // CHECK: :[[@LINE-1]]:20: warning: cache 'h_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
      resp.body = RenderProfile(*hit);
  }

  // A next-line comment two lines up covers nothing here.
  void TooFar(const http::Request &req, http::Response &resp) {
    Session session = ResolveSession(req);
    // NOLINTNEXTLINE(crossuser-cache-key)

    if (auto hit = i_.Get(req.path()))
      // CHECK: :[[@LINE-1]]:20: warning: cache 'i_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
      resp.body = RenderProfile(*hit);
  }

private:
  Database db_;
  LruCache<std::string, Profile> a_, b_, c_, d_, e_, f_, g_, h_, i_;
};

// shared_ok on the cache field: the team has decided these entries are
// public (profile cards shown to every visitor).
class ProfileCardHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    if (auto hit = cards_.Get(req.path())) {
      resp.body = RenderProfile(*hit);
      return;
    }
    cards_.Put(req.path(), db_.LoadProfile(session.user_id()));
  }

private:
  Database db_;
  [[clang::annotate("crossuser::shared_ok")]] LruCache<std::string, Profile> cards_;
};

// shared_ok on a namespace-scope std::map.
[[clang::annotate("crossuser::shared_ok")]] std::unordered_map<std::string, Profile> g_public_profiles;

void ServePublicProfile(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  auto it = g_public_profiles.find(req.param("handle"));
  if (it != g_public_profiles.end())
    resp.body = RenderProfile(it->second);
}

// shared_ok on a function-local static.
void ServeTeamPage(const http::Request &req, http::Response &resp) {
  [[clang::annotate("crossuser::shared_ok")]] static std::map<std::string, Profile> team;
  Session session = ResolveSession(req);
  if (team.count(req.path()))
    resp.body = RenderProfile(team.at(req.path()));
}

// shared_ok on the cache's class: every instance is public by design.
class [[clang::annotate("crossuser::shared_ok")]] PublicProfileCache {
public:
  std::optional<Profile> Get(const std::string &key);
  void Put(const std::string &key, const Profile &value);
};

class DirectoryHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    if (auto hit = directory_.Get(req.path())) {
      resp.body = RenderProfile(*hit);
      return;
    }
    directory_.Put(req.path(), db_.LoadProfile(session.user_id()));
  }

private:
  Database db_;
  PublicProfileCache directory_;
};

// The same class without the annotation is reported: the annotation, not
// the class shape, silences the cases above.
class ProfileCache {
public:
  std::optional<Profile> Get(const std::string &key);
  void Put(const std::string &key, const Profile &value);
};

class PrivateDirectoryHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    if (auto hit = directory_.Get(req.path()))
      // CHECK: :[[@LINE-1]]:20: warning: cache 'directory_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
      resp.body = RenderProfile(*hit);
  }

private:
  ProfileCache directory_;
};
