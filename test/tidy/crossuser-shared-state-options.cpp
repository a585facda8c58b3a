// CheckOptions of crossuser-shared-state: ThreadLocalIsShared, HandlerBases,
// SetupMethods, NonUserStorageNames, RegistrationFunctions and WriteMethods,
// in clang-tidy's -config and in the tool's configuration file; an invalid
// boolean is a configuration warning in clang-tidy and an error in the tool.
//
// RUN: rm -rf %t && mkdir -p %t
//
// RUN: %clang_tidy -checks='-*,crossuser-shared-state' %s -- %mock_flags \
// RUN:   | FileCheck %s --check-prefixes=DEFAULT,ALL --implicit-check-not='{{warning|error}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-shared-state' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --check-prefixes=DEFAULT,ALL --implicit-check-not='{{warning|error}}:'
//
// thread_locals are per-thread scratch in a server with a thread per user;
// 'Worker' is a long-lived name (counted with MinimumEvidence: name); 'Prime' is setup; 'journal' is not user
// storage; 'Plug' registers; 'Stash' writes.
// RUN: %clang_tidy -checks='-*,crossuser-shared-state' \
// RUN:   -config="{CheckOptions: {ThreadLocalIsShared: 'false', HandlerBases: 'handler;worker', SetupMethods: 'prime', NonUserStorageNames: 'journal', RegistrationFunctions: 'plug', WriteMethods: 'Stash', MinimumEvidence: name}}" \
// RUN:   %s -- %mock_flags \
// RUN:   | FileCheck %s --check-prefixes=CUSTOM,ALL --implicit-check-not='{{warning|error}}:'
// RUN: printf "CheckOptions:\n  ThreadLocalIsShared: false\n  HandlerBases: 'handler;worker'\n  SetupMethods: prime\n  NonUserStorageNames: journal\n  RegistrationFunctions: plug\n  WriteMethods: Stash\n  MinimumEvidence: name\n" > %t/custom.yaml
// RUN: not %crossuser_check --checks='-*,crossuser-shared-state' --config-file=%t/custom.yaml %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --check-prefixes=CUSTOM,ALL --implicit-check-not='{{warning|error}}:'
//
// An invalid boolean.
// RUN: %clang_tidy -checks='-*,crossuser-shared-state' \
// RUN:   -config="{CheckOptions: {ThreadLocalIsShared: 'maybe'}}" \
// RUN:   %s -- %mock_flags 2>&1 | FileCheck %s --check-prefix=BADTIDY
// BADTIDY: warning: option 'ThreadLocalIsShared': invalid value 'maybe'; expected true or false [clang-tidy-config]
// RUN: printf "CheckOptions:\n  ThreadLocalIsShared: maybe\n" > %t/bad.yaml
// RUN: %exitcode %crossuser_check --checks='-*,crossuser-shared-state' --config-file=%t/bad.yaml %s -- %mock_flags 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BADTOOL -DFILE=%t/bad.yaml
// BADTOOL: crossuser-check: error: '[[FILE]]': option 'ThreadLocalIsShared': invalid value 'maybe'; expected true or false
// BADTOOL: exit: 2

#include "service.h"

thread_local std::vector<std::string> tls_seen;
void Seen(const Session &s) { tls_seen.push_back(s.user_id()); }
// DEFAULT: :[[@LINE-1]]:31: warning: per-user data 's.user_id()' is written to 'tls_seen', which is shared between requests [crossuser-shared-state]

class QueueWorker {
public:
  void Take(const Session &s) { current_ = s.user_id(); }
  // CUSTOM: :[[@LINE-1]]:33: warning: per-user data 's.user_id()' is written to 'current_', which is shared between requests [crossuser-shared-state]
  // CUSTOM: :[[@LINE+6]]:15: note: 'current_' is shared between requests: a member of 'QueueWorker', a long-lived class by its name
  void Prime(const Session &s) { current_ = s.user_id(); }
  void Init(const Session &s) { current_ = s.user_id(); }
  // CUSTOM: :[[@LINE-1]]:33: warning: per-user data 's.user_id()' is written to 'current_', which is shared between requests [crossuser-shared-state]

private:
  std::string current_;
};

std::vector<std::string> g_journal;
void Journal(const Session &s) { g_journal.push_back(s.user_id()); }
// DEFAULT: :[[@LINE-1]]:34: warning: per-user data 's.user_id()' is written to 'g_journal', which is shared between requests [crossuser-shared-state]

class Widget {
public:
  void Show(const Session &s) { viewer_ = s.user_id(); }
  // CUSTOM: :[[@LINE-1]]:33: warning: per-user data 's.user_id()' is written to 'viewer_', which is shared between requests [crossuser-shared-state]
  // CUSTOM: :[[@LINE+6]]:15: note: 'Widget' is registered here; one instance serves every request

private:
  std::string viewer_;
};
void Plug(Widget *w);
void Wire() { Plug(new Widget); }

struct Shelf {
  void Stash(const std::string &v);
};
Shelf g_shelf;
void Keep(const Session &s) { g_shelf.Stash(s.user_id()); }
// CUSTOM: :[[@LINE-1]]:31: warning: per-user data 's.user_id()' is written to 'g_shelf', which is shared between requests [crossuser-shared-state]

// Always reported.
std::string g_owner;
void Own(const Session &s) { g_owner = s.user_id(); }
// ALL: :[[@LINE-1]]:30: warning: per-user data 's.user_id()' is written to 'g_owner', which is shared between requests [crossuser-shared-state]
