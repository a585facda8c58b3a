// The plugin honours NOLINTBEGIN/NOLINTEND as clang-tidy 16 does: an
// unmatched one suppresses nothing and is a compile error with clang-tidy's
// message (the inputs are test/tool/nolint-unmatched.test's).
//
// RUN: not %clangxx -fplugin=%crossuser_plugin -fsyntax-only %S/../tool/Inputs/nolint-unmatched.cpp %mock_flags 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BEGIN --implicit-check-not='{{warning|error}}:'
// BEGIN: nolint-unmatched.cpp:7:5: warning: cache 'cache_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
// BEGIN: nolint-unmatched.cpp:10:5: warning: cache 'cache_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
// BEGIN: nolint-unmatched.cpp:6:8: error: unmatched 'NOLINTBEGIN' comment without a subsequent 'NOLINTEND' comment [clang-tidy-nolint]
//
// RUN: not %clangxx -fplugin=%crossuser_plugin -fsyntax-only %S/../tool/Inputs/nolint-mismatched.cpp %mock_flags 2>&1 \
// RUN:   | FileCheck %s --check-prefix=MISMATCHED --implicit-check-not='{{warning|error}}:'
// MISMATCHED: nolint-mismatched.cpp:12:5: warning: cache 'cache_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
// MISMATCHED: nolint-mismatched.cpp:11:8: error: unmatched 'NOLINTBEGIN' comment without a subsequent 'NOLINTEND' comment [clang-tidy-nolint]
// MISMATCHED: nolint-mismatched.cpp:13:8: error: unmatched 'NOLINTEND' comment without a previous 'NOLINTBEGIN' comment [clang-tidy-nolint]
// MISMATCHED: nolint-mismatched.cpp:16:4: error: unmatched 'NOLINTEND' comment without a previous 'NOLINTBEGIN' comment [clang-tidy-nolint]
//
// A matched block still suppresses, and with -Werror an unmatched one is
// no less an error.
// RUN: not %clangxx -fplugin=%crossuser_plugin -Werror -fsyntax-only %S/../tool/Inputs/nolint-mismatched.cpp %mock_flags 2>&1 \
// RUN:   | FileCheck %s --check-prefix=WERROR --implicit-check-not='{{warning|error}}:'
// WERROR: nolint-mismatched.cpp:12:5: error: cache 'cache_'
// WERROR: nolint-mismatched.cpp:11:8: error: unmatched 'NOLINTBEGIN'
// WERROR: nolint-mismatched.cpp:13:8: error: unmatched 'NOLINTEND'
// WERROR: nolint-mismatched.cpp:16:4: error: unmatched 'NOLINTEND'
