// Suppressing crossuser-shared-state: no-lint comments as in clang-tidy
// (both front ends honour them). Every case below would warn without its
// suppression; the ones whose suppression names another check still warn.
//
// RUN: %clang_tidy -checks='-*,crossuser-shared-state' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-shared-state' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'

#include "service.h"

std::string g_a, g_b, g_c, g_d, g_e, g_f, g_g;

void Bare(const Session &s) { g_a = s.user_id(); } // NOLINT
void Named(const Session &s) { g_b = s.user_id(); } // NOLINT(crossuser-shared-state)
void Glob(const Session &s) { g_c = s.user_id(); } // NOLINT(crossuser-*)

// NOLINTNEXTLINE(crossuser-shared-state)
void Next(const Session &s) { g_d = s.user_id(); }

// NOLINTBEGIN(crossuser-shared-state)
void Begin1(const Session &s) { g_e = s.user_id(); }
void Begin2(const Session &s) { g_e += s.user().name; }
// NOLINTEND(crossuser-shared-state)

// Naming another check suppresses nothing here.
void Other(const Session &s) { g_f = s.user_id(); } // NOLINT(crossuser-cache-key)
// CHECK: :[[@LINE-1]]:32: warning: per-user data 's.user_id()' is written to 'g_f', which is shared between requests [crossuser-shared-state]
// CHECK: :[[@LINE-2]]:38: note: per-user data comes from 's.user_id()'
// CHECK: :[[@LINE-18]]:38: note: 'g_f' is shared between requests: declared at namespace scope

// A NOLINTNEXTLINE two lines up does not reach.
// NOLINTNEXTLINE(crossuser-shared-state)

void Far(const Session &s) { g_g = s.user_id(); }
// CHECK: :[[@LINE-1]]:30: warning: per-user data 's.user_id()' is written to 'g_g', which is shared between requests [crossuser-shared-state]
// CHECK: :[[@LINE-2]]:36: note: per-user data comes from 's.user_id()'
// CHECK: :[[@LINE-26]]:43: note: 'g_g' is shared between requests: declared at namespace scope
