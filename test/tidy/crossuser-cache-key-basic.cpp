// RUN: %clang_tidy -checks='-*,crossuser-cache-key' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'

#include "service.h"

class ProfileHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    if (auto hit = cache_.Get(req.path())) {
      // CHECK: :[[@LINE-1]]:20: warning: cache 'cache_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
      // CHECK: :[[@LINE-3]]:23: note: user identity 'ResolveSession(req)' is available here
      // CHECK: :[[@LINE+5]]:48: note: per-user data 'p' is stored in 'cache_' here
      resp.body = RenderProfile(*hit);
      return;
    }
    Profile p = db_.LoadProfile(session.user_id());
    cache_.Put(session.user_id() + req.path(), p);
    resp.body = RenderProfile(p);
  }

private:
  Database db_;
  LruCache<std::string, Profile> cache_;
};
