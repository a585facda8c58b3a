#!/usr/bin/env python3
"""Compares crossuser-shared-state with clang-tidy's
cppcoreguidelines-avoid-non-const-global-variables on the lit test files of
crossuser-shared-state, warning by warning, against a hand triage.

Usage: bench/peer_compare.py [build-dir]          (default: build)

Each warning is matched to the storage it names; the triage below says, per
file and storage, whether a per-user value really lands there and can reach
another user's request (a true bug) or not (a false alarm). A warning on
storage missing from the triage stops the script: triage it by hand first.
The configuration tests (-options, -suppression) are left out: they test
settings, not judgement.
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build"))
FLAGS = ["-std=c++17", "-nostdinc++", "-isystem", os.path.join(ROOT, "test/Inputs/std"),
         "-I", os.path.join(ROOT, "test/Inputs")]
PEER = "cppcoreguidelines-avoid-non-const-global-variables"

# (file suffix, storage) -> True for a cross-user bug, False for a false alarm.
# The peer names the variable it flags; crossuser names the storage written.
# Objects that hold per-user data in a member (g_renderer, shared) count as
# the bug in that member.
TRIAGE = {
    "positive-storage": {
        "g_last_user": True, "current_profile": True, "last_email": True,
        "LastSeen::last_email": True, "greeting": True, "tls_user": True,
        "seen": True, "account_": True, "viewer": True, "last_": True,
        "locale_owner_": True, "Theme::Get().owner": True, "user_": True,
        "g_renderer": True, "to_": True, "shared": True, "buyer_": True,
        "name_": True, "g_slot": True, "g_slot_ptr": True,
        "g_slot_ptr->holder": True, "g_cached_user": True, "g_last_uid": True,
    },
    "positive-writes": {
        "g_ctx": True, "g_ctx.user.name": True, "g_ctx.token": True,
        "g_ctx.recent": True, "ctx.token": True, "ctx->user": True,
        "g_recent": True, "g_recent[0]": True, "g_queue": True,
        "g_names": True, "g_owner": True, "g_user_ptr": True,
        "g_last_seen": True, "g_audience": True, "last_": True,
    },
    "negative-not-shared": {
        # keyed by the user: correct per-user storage
        "g_profiles": False, "g_active_users": False,
        # a cache keyed by the path that stores profiles: crossuser-cache-key's bug
        "g_page_cache": True,
        # counters, logs, configuration, public data, read-only use
        "g_requests": False, "g_bytes_served": False, "g_audit_log": False,
        "g_last_log_line": False, "g_banner": False, "g_pattern": False,
        "g_catalog": False, "g_template_list": False, "g_owner": False,
        "g_control": True,
    },
    "negative-per-request": {
        # thread_local scratch reset by every request
        "tls_user": False, "tls_lines": False, "tls_scratch": False,
        "tls_guarded": False,
        # written once at start-up; annotated as public by design
        "g_service_user": False, "g_demo_user": False,
        "g_control": True,
    },
}


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True).stdout


def storage(line):
    m = re.search(r"variable '([^']+)'", line) or \
        re.search(r"is written to '([^']+)'", line) or \
        re.search(r"cache '([^']+)'", line)
    return m.group(1) if m else None


def tally(name, suffix, lines):
    true = false = 0
    for line in lines:
        s = storage(line)
        verdict = TRIAGE[suffix].get(s)
        if verdict is None:
            sys.exit(f"{name}: untriaged warning on '{s}' in {suffix}: {line}")
        true += verdict
        false += not verdict
    return true, false


def main():
    tidy = "clang-tidy-16"
    module = os.path.join(BUILD, "lib", "CrossUserTidyModule.so")
    rows = []
    totals = [0, 0, 0, 0]
    for suffix in TRIAGE:
        path = os.path.join(ROOT, "test", "tidy", f"crossuser-shared-state-{suffix}.cpp")
        peer = [l for l in run([tidy, "--quiet", f"-checks=-*,{PEER}", path, "--"] + FLAGS)
                .splitlines() if "warning:" in l]
        ours = [l for l in run([tidy, "--quiet", f"--load={module}",
                                "-checks=-*,crossuser-shared-state,crossuser-cache-key",
                                path, "--"] + FLAGS).splitlines() if "warning:" in l]
        pt, pf = tally("peer", suffix, peer)
        ot, of = tally("crossuser", suffix, ours)
        rows.append((suffix, pt, pf, ot, of))
        for i, v in enumerate((pt, pf, ot, of)):
            totals[i] += v
    print(f"| test file | {PEER}: true bugs | false alarms | crossuser: true bugs | false alarms |")
    print("|---|---|---|---|---|")
    for suffix, pt, pf, ot, of in rows:
        print(f"| crossuser-shared-state-{suffix}.cpp | {pt} | {pf} | {ot} | {of} |")
    print(f"| total | {totals[0]} | {totals[1]} | {totals[2]} | {totals[3]} |")


if __name__ == "__main__":
    main()
