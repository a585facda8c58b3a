// A check list that enables none of crossuser's checks is a compile error
// naming where the list came from, as clang-tidy's "Error: no checks
// enabled.": a build must not look clean because it checked nothing.
//
// RUN: rm -rf %t && mkdir -p %t/tidy %t/minus
// RUN: not %clangxx -fplugin=%crossuser_plugin -fplugin-arg-crossuser-checks=crossuser -fsyntax-only %s %mock_flags 2>&1 \
// RUN:   | FileCheck %s --check-prefix=NAME --implicit-check-not='{{warning|error}}:'
// NAME: error: crossuser plugin: no checks enabled: -fplugin-arg-crossuser-checks='crossuser' enables none of crossuser's checks (crossuser-cache-key, crossuser-cacheable-response, crossuser-shared-state)
// RUN: not %clangxx -fplugin=%crossuser_plugin -fplugin-arg-crossuser-checks=-* -fsyntax-only %s %mock_flags 2>&1 \
// RUN:   | FileCheck %s --check-prefix=MINUS --implicit-check-not='{{warning|error}}:'
// MINUS: error: crossuser plugin: no checks enabled: -fplugin-arg-crossuser-checks='-*' enables none of crossuser's checks
//
// RUN: cp %s %t/tidy/a.cpp && printf "Checks: 'bugprone-*,modernize-*'\n" > %t/tidy/.clang-tidy
// RUN: not %clangxx -fplugin=%crossuser_plugin -fsyntax-only %t/tidy/a.cpp %mock_flags 2>&1 \
// RUN:   | FileCheck %s -DDIR=%t --check-prefix=TIDY --implicit-check-not='{{warning|error}}:'
// TIDY: warning: crossuser plugin: '[[DIR]]/tidy/.clang-tidy' disables every crossuser check: its Checks 'bugprone-*,modernize-*' enable only other tools' checks
// TIDY-NEXT: error: crossuser plugin: no checks enabled: Checks 'bugprone-*,modernize-*' in '[[DIR]]/tidy/.clang-tidy' enables none of crossuser's checks
//
// RUN: cp %s %t/minus/a.cpp && printf "Checks: '-*'\n" > %t/minus/.clang-tidy
// RUN: not %clangxx -fplugin=%crossuser_plugin -fsyntax-only %t/minus/a.cpp %mock_flags 2>&1 \
// RUN:   | FileCheck %s -DDIR=%t --check-prefix=FILEMINUS --implicit-check-not='{{warning|error}}:'
// FILEMINUS: error: crossuser plugin: no checks enabled: Checks '-*' in '[[DIR]]/minus/.clang-tidy' enables none of crossuser's checks

#include "service.h"

struct ProfileHandler {
  LruCache<std::string, Profile> cache_;
  void Handle(const http::Request &req, const std::string &uid) {
    cache_.Put(req.path(), Database().LoadProfile(uid));
  }
};
