// The compiler plugin reports crossuser's findings as compiler warnings, with
// the same messages and notes as the clang-tidy module, in the ordinary
// build: with -fsyntax-only, and with -c -MD (object and dependency file
// still written).
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: %clangxx -fplugin=%crossuser_plugin -fsyntax-only %s %mock_flags 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %clangxx -fplugin=%crossuser_plugin -c -MD -MF %t/basic.d -o %t/basic.o %s %mock_flags 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: FileCheck %s --check-prefix=DEPS < %t/basic.d
// DEPS: basic.o:
// DEPS: crossuser-plugin-basic.cpp
// DEPS: service.h
//
// A bare -fplugin-arg-crossuser-checks list disables what it excludes
// (one that enables nothing is an error: crossuser-plugin-no-checks.cpp).
// RUN: %clangxx -fplugin=%crossuser_plugin -fplugin-arg-crossuser-checks='-*,crossuser-shared-state' -fsyntax-only %s %mock_flags 2>&1 \
// RUN:   | FileCheck %s --check-prefix=NONE --allow-empty --implicit-check-not='{{warning|error}}:'
// NONE-NOT: crossuser
//
// -w silences the plugin like every other warning, also under -Werror.
// RUN: %clangxx -fplugin=%crossuser_plugin -w -fsyntax-only %s %mock_flags 2>&1 \
// RUN:   | FileCheck %s --check-prefix=NONE --allow-empty --implicit-check-not='{{warning|error}}:'
// RUN: %clangxx -fplugin=%crossuser_plugin -w -Werror -fsyntax-only %s %mock_flags 2>&1 \
// RUN:   | FileCheck %s --check-prefix=NONE --allow-empty --implicit-check-not='{{warning|error}}:'

#include "service.h"

class ProfileHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    if (auto hit = cache_.Get(req.path())) {
      // CHECK: crossuser-plugin-basic.cpp:[[@LINE-1]]:20: warning: cache 'cache_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
      // CHECK: crossuser-plugin-basic.cpp:[[@LINE-3]]:23: note: user identity 'ResolveSession(req)' is available here
      // CHECK: crossuser-plugin-basic.cpp:[[@LINE+5]]:48: note: per-user data 'p' is stored in 'cache_' here
      resp.body = RenderProfile(*hit);
      return;
    }
    Profile p = db_.LoadProfile(session.user_id());
    cache_.Put(session.user_id() + req.path(), p);
    resp.body = RenderProfile(p);
    // NOLINTNEXTLINE(crossuser-cache-key)
    cache_.Get(req.path());
  }

private:
  Database db_;
  LruCache<std::string, Profile> cache_;
};
