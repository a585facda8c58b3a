#!/usr/bin/env bash
# Runs crossuser-check over every translation unit of a compilation
# database and measures it against clang-16 -fsyntax-only (docs/evaluation.md).
#   scripts/eval/run.sh CROSSUSER_BUILD DB_DIR PROJECT_ROOT OUT_DIR [JOBS]
# Writes OUT_DIR/findings.json (findings in the TUs and in headers under
# PROJECT_ROOT), OUT_DIR/summary.txt (times, peak RSS, lines analysed).
# Entries whose file does not exist (sources generated at build time) are
# left out of OUT_DIR/db/compile_commands.json and counted.
# CROSSUSER_ARGS: further options for crossuser-check, split at spaces, e.g.
# CROSSUSER_ARGS=--checks=crossuser-* where the project's own .clang-tidy
# has a Checks line that enables none of crossuser's checks (userver's).
set -euo pipefail
cu="$(cd "$1" && pwd)/bin/crossuser-check"
db="$(cd "$2" && pwd)"; root="$(cd "$3" && pwd)"; out="$4"; jobs="${5:-2}"
mkdir -p "$out/db" "$out/deps"; out="$(cd "$out" && pwd)"
python3 - "$db/compile_commands.json" "$out/db/compile_commands.json" <<'PY'
import json, os, sys
entries = json.load(open(sys.argv[1]))
kept = [e for e in entries if os.path.exists(os.path.join(e["directory"], e["file"]))]
json.dump(kept, open(sys.argv[2], "w"), indent=1)
print("%d of %d entries kept (%d name missing files)" % (len(kept), len(entries), len(entries) - len(kept)))
PY

# 1. crossuser-check, timed, with peak RSS. The report goes to stdout so
#    that it is written even when some TUs do not compile (exit 2).
/usr/bin/time -v -o "$out/time-crossuser.txt" \
  "$cu" -p "$out/db" -j "$jobs" --root "$root" --header-filter "^$root/" ${CROSSUSER_ARGS:-} \
  --format json -o - > "$out/findings.json" 2> "$out/crossuser.stderr" && rc=0 || rc=$?
echo "crossuser-check exit status: $rc"

# 2. clang-16 -fsyntax-only over the same TUs with the same flags and the
#    same parallelism; also writes each TU's dependencies (for line counts).
python3 - "$out/db/compile_commands.json" "$out/deps" "$jobs" > "$out/syntax.sh" <<'PY'
import json, os, shlex, sys
for i, e in enumerate(json.load(open(sys.argv[1]))):
    args = e.get("arguments") or shlex.split(e["command"])
    a, skip = ["clang++-16"], False
    for x in args[1:]:
        if skip: skip = False; continue
        if x in ("-o", "-MF", "-MT", "-MQ"): skip = True; continue
        if x in ("-c", "-MD", "-MMD") or x.startswith("-o"): continue
        a.append(x)
    a += ["-fsyntax-only", "-MD", "-MF", os.path.join(sys.argv[2], "%d.d" % i)]
    print("cd %s && %s" % (shlex.quote(e["directory"]), " ".join(shlex.quote(x) for x in a)))
PY
/usr/bin/time -v -o "$out/time-syntax.txt" \
  xargs -P "$jobs" -d '\n' -I{} sh -c '{} 2>/dev/null' < "$out/syntax.sh" || true

# 3. Lines analysed: non-blank lines of the TUs and of every file under
#    PROJECT_ROOT that they include (each file once).
python3 - "$out/deps" "$root" <<'PY' > "$out/lines.txt"
import glob, os, sys
files = set()
for d in glob.glob(os.path.join(sys.argv[1], "*.d")):
    text = open(d).read().replace("\\\n", " ")
    for tok in text.split(":", 1)[1].split():
        p = os.path.normpath(os.path.join(os.path.dirname(d), tok)) if not os.path.isabs(tok) else os.path.normpath(tok)
        if p.startswith(os.path.abspath(sys.argv[2]) + os.sep):
            files.add(p)
lines = sum(sum(1 for l in open(f, errors="replace") if l.strip()) for f in files)
print("files: %d\nnon-blank lines: %d" % (len(files), lines))
PY

wall() { grep 'Elapsed (wall' "$1" | awk '{print $NF}'; }
rss() { grep 'Maximum resident' "$1" | awk '{print $NF}'; }
# CPU time (user + system, of the process and its children): on a shared
# machine it moves far less than wall time does with other people's load.
cpu() { awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f s", s}' "$1"; }
{
  echo "translation units: $(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$out/db/compile_commands.json")"
  cat "$out/lines.txt"
  echo "findings: $(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['findings']))" "$out/findings.json" 2>/dev/null || echo '?')"
  echo "crossuser-check -j$jobs: wall $(wall "$out/time-crossuser.txt"), CPU $(cpu "$out/time-crossuser.txt"), peak RSS $(rss "$out/time-crossuser.txt") KB, exit $rc"
  echo "clang-16 -fsyntax-only -P$jobs: wall $(wall "$out/time-syntax.txt"), CPU $(cpu "$out/time-syntax.txt"), peak RSS of one process $(rss "$out/time-syntax.txt") KB"
  tail -1 "$out/crossuser.stderr"
} | tee "$out/summary.txt"
