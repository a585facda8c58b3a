// The plugin's options: -fplugin-arg-crossuser-werror and the compiler's
// -Werror make the findings errors (and the compile fail), no-werror keeps
// them warnings under -Werror, -w does not hide findings made errors;
// config= reads a .clang-tidy-format file,
// the nearest .clang-tidy is used by default; bad arguments are errors.
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: not %clangxx -fplugin=%crossuser_plugin -fplugin-arg-crossuser-werror -fsyntax-only %s %mock_flags 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ERR --implicit-check-not='{{warning|error}}:'
// RUN: not %clangxx -fplugin=%crossuser_plugin -Werror -fsyntax-only %s %mock_flags 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ERR --implicit-check-not='{{warning|error}}:'
// RUN: not %clangxx -fplugin=%crossuser_plugin -w -fplugin-arg-crossuser-werror -fsyntax-only %s %mock_flags 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ERR --implicit-check-not='{{warning|error}}:'
// ERR: :[[@LINE+36]]:20: error: cache 'cache_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
// ERR: note: user identity
// RUN: %clangxx -fplugin=%crossuser_plugin -Werror -fplugin-arg-crossuser-no-werror -fsyntax-only %s %mock_flags 2>&1 \
// RUN:   | FileCheck %s --check-prefix=WARN --implicit-check-not='{{warning|error}}:'
// WARN: :[[@LINE+32]]:20: warning: cache 'cache_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
//
// RUN: printf 'CheckOptions:\n  CacheTypes: "stash"\n' > %t/narrow.yaml
// RUN: %clangxx -fplugin=%crossuser_plugin -fplugin-arg-crossuser-config=%t/narrow.yaml -fsyntax-only %s %mock_flags 2>&1 \
// RUN:   | FileCheck %s --check-prefix=NONE --allow-empty --implicit-check-not='{{warning|error}}:'
// NONE-NOT: crossuser
// RUN: mkdir -p %t/proj && cp %s %t/proj/a.cpp && cp %t/narrow.yaml %t/proj/.clang-tidy
// RUN: %clangxx -fplugin=%crossuser_plugin -fsyntax-only %t/proj/a.cpp %mock_flags 2>&1 \
// RUN:   | FileCheck %s --check-prefix=NONE --allow-empty --implicit-check-not='{{warning|error}}:'
// RUN: %clangxx -fplugin=%crossuser_plugin -fplugin-arg-crossuser-no-config -fsyntax-only %t/proj/a.cpp %mock_flags 2>&1 \
// RUN:   | FileCheck %s --check-prefix=WARN --implicit-check-not='{{warning|error}}:'
//
// RUN: printf 'CheckOptions:\n  crossuser-cache-key.IdentityNamez: "uid"\n' > %t/typo.yaml
// An unknown option name is a warning with a suggestion; the analysis goes
// on with the defaults.
// RUN: %clangxx -fplugin=%crossuser_plugin -fplugin-arg-crossuser-config=%t/typo.yaml -fsyntax-only %s %mock_flags 2>&1 \
// RUN:   | FileCheck %s --check-prefix=TYPO --implicit-check-not='{{warning|error}}:'
// TYPO: warning: crossuser plugin: '{{.*}}typo.yaml': unknown option 'crossuser-cache-key.IdentityNamez'; did you mean 'IdentityNames'?
// TYPO: warning: cache 'cache_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
// RUN: not %clangxx -fplugin=%crossuser_plugin -fplugin-arg-crossuser-checks=crossuser-cache-kee -fsyntax-only %s %mock_flags 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BADCHECK
// BADCHECK: error: crossuser plugin: unknown check 'crossuser-cache-kee' in -fplugin-arg-crossuser-checks; known checks: crossuser-cache-key
// RUN: not %clangxx -fplugin=%crossuser_plugin -fplugin-arg-crossuser-verbose -fsyntax-only %s %mock_flags 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BADARG
// BADARG: error: crossuser plugin: unknown argument '-fplugin-arg-crossuser-verbose'

#include "service.h"

class ProfileHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    if (auto hit = cache_.Get(req.path()))
      resp.body = RenderProfile(*hit);
    Profile p = db_.LoadProfile(session.user_id());
    cache_.Put(session.user_id() + req.path(), p);
  }

private:
  Database db_;
  LruCache<std::string, Profile> cache_;
};
