#!/usr/bin/env python3
"""Checks that crossuser's verdicts do not depend on the application's words.

For each lit case of the three checks under test/tidy/ whose evidence comes
from a library model or an annotation, this writes a variant with every
identifier the test file declares renamed to a neutral name (T1, f2, v3, ...)
and runs crossuser-check on both. The verdicts (check, line and column of
every warning) must be the same; the messages may differ, since they quote
the renamed names.

Which files: a test file of test/tidy/ that runs crossuser-check or
clang-tidy with one of the three checks, and
  (a) uses the annotation [[clang::annotate("crossuser::identity")]], or
  (b) a note of its findings cites a model row ("(model ..."), or
  (c) code in the file refers to a declaration that a model row names
      (`crossuser-check --list-models`: e.g. httplib::Request::get_header_value,
      redisCommand), or uses a class that a row names as a type or a base.

What is renamed: the identifiers declared in the test file itself (from
clang's JSON AST dump with the file's own flags), never
  - a name that any header declares (the mock framework and library in
    test/Inputs, the mock std): overriding `Handle` or reading `req.path()`
    must keep working. A name the test file declares *and* a header declares
    (a parameter `user`, next to Session::user()) is renamed only where the
    AST shows the test file's own declaration or a reference to it;
  - a word of a model file's declaration names and method lists (`name`,
    `lookup`, `insert`, `erase`; `equals` lists string arguments, and
    string literals are never renamed);
  - a macro, or any identifier on a preprocessor line;
  - anything in a comment, a string literal (annotation strings included) or
    a character literal.
The variant must compile: a name whose renaming breaks the build is left
alone (and counted), so a renaming the script cannot do right never shows
as a verdict difference.

Known differences, one per line in KNOWN (test/rename/known-word-dependent.txt):

  <test file> <lost|gained> <check> <line>:<col> -- <reason>

("lost": the original warns there and the variant does not; "gained": the
other way round; line:col are the original file's). A difference that is
not listed fails the run; so does a listed one that no longer happens (the
engine was fixed: remove the line).

--all compares every case of the three checks, whatever the rule says: a
survey of the engine's word dependence, outside the suite.

--explain renames one name at a time for each differing file and says which
names carry the verdict; use it to write the reason of a new entry.

Exit status 0 when every difference is known and at least one file and one
finding were compared, 1 otherwise, 2 on a usage or tool error.
"""

import argparse
import fnmatch
import json
import os
import re
import shlex
import subprocess
import sys

CHECKS = ("crossuser-cache-key", "crossuser-shared-state", "crossuser-cacheable-response")
IDENTITY_ANNOTATION = "crossuser::identity"
DIAG_RE = re.compile(r"^(?P<path>[^:\s][^:]*):(?P<line>\d+):(?P<col>\d+): "
                     r"(?P<sev>warning|error|note): (?P<msg>.*?)(?: \[(?P<check>[\w.-]+)\])?$")
IDENT_RE = re.compile(r"[A-Za-z_]\w*")
MODEL_ROW_RE = re.compile(r"^\s+(?P<role>[\w-]+)\s+(?P<name>\S+)\s+(?P<where>\S+:\d+)\s*$")
# Model file keys whose values name declarations or methods. (`equals`
# lists string arguments, which are never renamed anyway.)
MODEL_DECL_KEY_RE = re.compile(r"\b(name|lookup|insert|erase):\s*(\[[^\]]*\]|[^,}\n]*)")

TYPE_KINDS = {"CXXRecordDecl", "RecordDecl", "ClassTemplateDecl", "TypedefDecl",
              "TypeAliasDecl", "TypeAliasTemplateDecl", "EnumDecl", "TemplateTypeParmDecl",
              "TemplateTemplateParmDecl", "ClassTemplatePartialSpecializationDecl"}
FUNCTION_KINDS = {"FunctionDecl", "CXXMethodDecl", "FunctionTemplateDecl"}
VARIABLE_KINDS = {"VarDecl", "ParmVarDecl", "FieldDecl", "BindingDecl",
                  "NonTypeTemplateParmDecl", "IndirectFieldDecl", "VarTemplateDecl"}
SCOPE_KINDS = {"NamespaceDecl", "CXXRecordDecl", "RecordDecl", "EnumDecl",
               "ClassTemplateSpecializationDecl", "ClassTemplatePartialSpecializationDecl"}
# Decls whose name is another declaration's (a constructor is named after
# its class) or not an identifier of this file.
NOT_OWN_NAME = {"CXXConstructorDecl", "CXXDestructorDecl", "CXXConversionDecl",
                "UsingDecl", "UsingShadowDecl", "ConstructorUsingShadowDecl",
                "UsingDirectiveDecl", "ClassTemplateSpecializationDecl",
                "AccessSpecDecl", "StaticAssertDecl", "FriendDecl", "LinkageSpecDecl"}
RESERVED = {"main"}
LOCAL_SCOPE_KINDS = {"FunctionDecl", "CXXMethodDecl", "CXXConstructorDecl", "CXXDestructorDecl",
                     "CXXConversionDecl", "LambdaExpr", "BlockDecl", "CXXDeductionGuideDecl"}
LOCAL_KINDS = {"ParmVarDecl", "TemplateTypeParmDecl", "NonTypeTemplateParmDecl",
               "TemplateTemplateParmDecl"}


def die(msg):
    print("rename_check: error: " + msg, file=sys.stderr)
    sys.exit(2)


# --------------------------------------------------------------------------
# the test file's RUN lines

def run_commands(text):
    """The RUN lines of a lit test, continuation lines joined."""
    commands, current = [], ""
    for line in text.splitlines():
        m = re.match(r"^\s*//\s*RUN:(.*)$", line)
        if not m:
            continue
        part = m.group(1).rstrip()
        if part.endswith("\\"):
            current += part[:-1] + " "
            continue
        commands.append((current + part).strip())
        current = ""
    return commands


def default_invocation(text, mock_flags):
    """(checks, compiler args) of the file's first crossuser-check or clang-tidy
    run with the default configuration, or None."""
    for command in run_commands(text):
        for segment in command.split("|"):
            try:
                words = shlex.split(segment)
            except ValueError:
                continue
            if not any(w in ("%crossuser_check", "%clang_tidy") for w in words):
                continue
            if any(w.startswith(("-config", "--config", "--dump-config", "-dump-config",
                                 "--fix", "-fix", "--export-fixes", "--baseline",
                                 "--diff", "--header-filter", "-header-filter"))
                   for w in words):
                continue
            checks = None
            for w in words:
                m = re.match(r"^--?checks=(.*)$", w)
                if m:
                    checks = m.group(1)
            if not checks or "--" not in words:
                continue
            enabled = [c for c in CHECKS if check_enabled(c, checks)]
            if not enabled:
                continue
            args = []
            for w in words[words.index("--") + 1:]:
                if re.match(r"^\d?>", w) or w in ("2>&1", "&&", "||"):
                    break
                if w == "%mock_flags":
                    args += shlex.split(mock_flags)
                elif "%" in w:
                    break
                else:
                    args.append(w)
            return ",".join(["-*"] + enabled), args
    return None


def check_enabled(name, spec):
    enabled = False
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        neg = part.startswith("-")
        if fnmatch.fnmatchcase(name, part[1:] if neg else part):
            enabled = not neg
    return enabled


# --------------------------------------------------------------------------
# tokens of the main file

def scan(text):
    """Identifier tokens outside comments, literals and preprocessor lines:
    a list of (offset, name), and the set of names on preprocessor lines."""
    tokens, pp_names = [], set()
    i, n = 0, len(text)
    line_start = True
    while i < n:
        c = text[i]
        if c == "\n":
            line_start = True
            i += 1
            continue
        if c in " \t\r\f\v":
            i += 1
            continue
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j < 0 else j + 2
            continue
        if line_start and c == "#":
            # A directive, with its continuation lines.
            j = i
            while True:
                k = text.find("\n", j)
                if k < 0:
                    k = n
                if k > 0 and text[k - 1] == "\\" and k < n:
                    j = k + 1
                    continue
                break
            pp_names.update(IDENT_RE.findall(strip_comments_and_literals(text[i:k])))
            i = k
            continue
        line_start = False
        m = re.compile(r'(?:u8|u|U|L)?R"([^()\\ ]{0,16})\(').match(text, i)
        if m:
            end = text.find(")" + m.group(1) + '"', m.end())
            i = n if end < 0 else end + len(m.group(1)) + 2
            continue
        m = re.compile(r"(?:u8|u|U|L)?(['\"])").match(text, i)
        if m:
            quote = m.group(1)
            j = m.end()
            while j < n and text[j] != quote:
                j += 2 if text[j] == "\\" else 1
            i = j + 1
            continue
        if c.isdigit() or (c == "." and i + 1 < n and text[i + 1].isdigit()):
            m = re.compile(r"\.?\d(?:[eEpP][+-]|['\w.])*").match(text, i)
            i = m.end()
            continue
        m = IDENT_RE.match(text, i)
        if m:
            tokens.append((i, m.group(0)))
            i = m.end()
            continue
        i += 1
    return tokens, pp_names


def strip_comments_and_literals(s):
    s = re.sub(r"/\*.*?\*/", " ", s, flags=re.S)
    s = re.sub(r"//.*", " ", s)
    s = re.sub(r'"(?:\\.|[^"\\])*"', " ", s)
    return re.sub(r"'(?:\\.|[^'\\])*'", " ", s)


# --------------------------------------------------------------------------
# the AST

class Ast:
    """What the JSON AST dump says about the main file's names."""

    def __init__(self, dump, main_path):
        self.main = os.path.realpath(main_path)
        self.main_decls = {}      # decl id -> (name, kind, offset or None)
        self.header_names = set()
        self.qualified = {}       # decl id -> qualified name
        self.refs = []            # (first, last offset, decl id): references in the main file
        self.referenced = set()   # decl ids referred to from the main file
        self.type_strings = []    # types written on the main file's declarations
        self._file = None
        self._main_cache = {}
        self._walk(dump, [])

    def _is_main(self, path):
        if path not in self._main_cache:
            self._main_cache[path] = os.path.realpath(path) == self.main
        return self._main_cache[path]

    def _loc(self, loc):
        """Updates the file state for one printed location; returns
        (in main file, offset, in a macro) for the token it names."""
        if not isinstance(loc, dict):
            return None
        if "spellingLoc" in loc or "expansionLoc" in loc:
            spelling = self._loc(loc.get("spellingLoc"))
            expansion = self._loc(loc.get("expansionLoc"))
            where = expansion or spelling
            return None if where is None else (where[0], where[1], True)
        if "offset" not in loc:
            return None
        if "file" in loc:
            self._file = loc["file"]
        if self._file is None:
            return None
        return (self._is_main(self._file), loc["offset"], False)

    def _walk(self, node, scope, local=False):
        if isinstance(node, list):
            for child in node:
                self._walk(child, scope, local)
            return
        if not isinstance(node, dict):
            return
        kind = node.get("kind", "")
        where = span = None
        inner_scope = scope
        # Names declared inside a function body (and parameters) are not a
        # header's interface: a header's `req` parameter must not stop the
        # test file's `req` from being renamed.
        inner_local = local or kind in LOCAL_SCOPE_KINDS
        noted = False
        for key, value in node.items():
            if key == "loc":
                where = self._loc(value)
            elif key == "range":
                if isinstance(value, dict):
                    begin = self._loc(value.get("begin"))
                    end = self._loc(value.get("end"))
                    if begin and end and begin[0] and not begin[2] and not end[2]:
                        span = (begin[1], end[1])
            elif isinstance(value, (dict, list)):
                if key in ("referencedDecl", "referencedMemberDecl", "anyInit", "decl",
                           "ownedTagDecl", "foundReferencedDecl", "type", "bases"):
                    continue
                if not noted:
                    self._note(node, kind, where, span, scope, local)
                    noted = True
                    if kind in SCOPE_KINDS and node.get("name"):
                        inner_scope = scope + [node["name"]]
                self._walk(value, inner_scope, inner_local)
        if not noted:
            self._note(node, kind, where, span, scope, local)

    def _note(self, node, kind, where, span, scope, local):
        name = node.get("name")
        if kind.endswith("Decl") and name and IDENT_RE.fullmatch(name):
            in_main = where is not None and where[0]
            self.qualified[node.get("id")] = "::".join(scope + [name])
            if in_main and kind not in NOT_OWN_NAME:
                offset = None if where[2] else where[1]
                if node.get("id") not in self.main_decls:
                    self.main_decls[node.get("id")] = (name, kind, offset)
            elif not in_main and not local and kind not in LOCAL_KINDS:
                self.header_names.add(name)
            if in_main:
                self.type_strings.append((node.get("type") or {}).get("qualType", ""))
                for base in node.get("bases", []):
                    self.type_strings.append((base.get("type") or {}).get("qualType", ""))
        if kind in ("DeclRefExpr", "MemberExpr") and span is not None:
            ref = node.get("referencedDecl") or node.get("referencedMemberDecl")
            ref_id = ref.get("id") if isinstance(ref, dict) else ref
            if ref_id:
                self.referenced.add(ref_id)
                self.refs.append((span[0], span[1], ref_id))


def ast_dump(clang, args, path):
    proc = subprocess.run([clang, "-fsyntax-only", *args, "-Xclang", "-ast-dump=json", path],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        die("%s does not compile with its own flags:\n%s" % (path, proc.stderr))
    return json.loads(proc.stdout)


# --------------------------------------------------------------------------
# models

def load_models(tool, env):
    proc = subprocess.run([tool, "--list-models"], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, env=env)
    if proc.returncode != 0:
        die("crossuser-check --list-models failed:\n" + proc.stderr)
    patterns, words, files = [], set(), set()
    for line in proc.stdout.splitlines():
        m = MODEL_ROW_RE.match(line)
        if m:
            patterns.append(m.group("name"))
            files.add(m.group("where").rsplit(":", 1)[0])
    if not patterns:
        die("crossuser-check --list-models lists no model rows (CROSSUSER_MODELS_DIR?)")
    for path in sorted(files):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.split("#", 1)[0]
                for m in MODEL_DECL_KEY_RE.finditer(line):
                    words.update(IDENT_RE.findall(m.group(2)))
    for p in patterns:
        words.update(IDENT_RE.findall(p))
    return patterns, words


def uses_model(ast, patterns):
    names = {ast.qualified.get(i, "") for i in ast.referenced}
    types = set()
    for t in ast.type_strings:
        for m in re.finditer(r"[A-Za-z_][\w:]*", t):
            types.add(m.group(0).lstrip(":"))
    for p in patterns:
        for q in names | types:
            if q and fnmatch.fnmatchcase(q, p):
                return p
    return None


# --------------------------------------------------------------------------
# renaming

PREFIX = {}
for k in TYPE_KINDS:
    PREFIX[k] = "T"
for k in FUNCTION_KINDS:
    PREFIX[k] = "f"
for k in VARIABLE_KINDS:
    PREFIX[k] = "v"
PREFIX["NamespaceDecl"] = "n"
PREFIX["NamespaceAliasDecl"] = "n"
PREFIX["EnumConstantDecl"] = "e"
PREFIX["LabelDecl"] = "l"


class Plan:
    """Which names to rename, where, and to what."""

    def __init__(self, text, ast, model_words):
        self.text = text
        self.tokens, pp_names = scan(text)
        token_names = {name for _, name in self.tokens}
        kinds = {}
        for name, kind, _ in ast.main_decls.values():
            kinds.setdefault(name, kind)
        self.excluded = {}
        self.token_level, self.ast_level = set(), set()
        for name in sorted(kinds):
            if name not in token_names:
                continue
            if name in RESERVED or name.startswith("__") or re.match(r"^_[A-Z]", name):
                self.excluded[name] = "reserved"
            elif name in model_words:
                self.excluded[name] = "a model word"
            elif name in pp_names:
                self.excluded[name] = "on a preprocessor line"
            elif name in ast.header_names and kinds[name] in FUNCTION_KINDS:
                # An override of the framework's virtual (Handle) or a method
                # the framework calls by name.
                self.excluded[name] = "a framework method's name"
            elif name in ast.header_names:
                self.ast_level.add(name)
            else:
                self.token_level.add(name)
        # Positions of the AST-level names: their own decls and references.
        own_ids = {i for i, (name, _, _) in ast.main_decls.items() if name in self.ast_level}
        self.ast_offsets = {}
        for i in own_ids:
            name, _, offset = ast.main_decls[i]
            if offset is not None:
                self.ast_offsets[offset] = name
        starts = [offset for offset, _ in self.tokens]
        for first, last, ref in ast.refs:
            if ref not in own_ids:
                continue
            name = ast.main_decls[ref][0]
            # The name's token is the last one of that name in the reference's
            # range (`ns::v`, `obj.v`).
            k = bisect(starts, last) - 1
            while k >= 0 and self.tokens[k][0] >= first:
                if self.tokens[k][1] == name:
                    self.ast_offsets[self.tokens[k][0]] = name
                    break
                k -= 1
        taken = token_names | ast.header_names | model_words
        self.new_names, counter = {}, 0
        for _, name in self.tokens:
            if name in (self.token_level | self.ast_level) and name not in self.new_names:
                while True:
                    counter += 1
                    candidate = "%s%d" % (PREFIX.get(kinds[name], "x"), counter)
                    if candidate not in taken:
                        break
                self.new_names[name] = candidate

    def names(self):
        return sorted(self.token_level | self.ast_level)

    def apply(self, only=None, skip=()):
        """The variant text and its per-line replacements {line: [(col, old, new)]}."""
        out, last = [], 0
        shifts = {}
        line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        for offset, name in self.tokens:
            if name in skip or (only is not None and name not in only):
                continue
            if name in self.token_level or self.ast_offsets.get(offset) == name:
                new = self.new_names[name]
                out.append(self.text[last:offset])
                out.append(new)
                last = offset + len(name)
                line = bisect(line_starts, offset)
                col = offset - line_starts[line - 1] + 1
                shifts.setdefault(line, []).append((col, len(name), len(new)))
        out.append(self.text[last:])
        return "".join(out), shifts


def bisect(starts, offset):
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


def to_original(line, col, shifts):
    """A variant column back in the original line."""
    col_o, delta = col, 0
    for start, old, new in shifts.get(line, []):
        start_v = start + delta
        if col < start_v:
            break
        if col < start_v + new:
            return start
        delta += new - old
        col_o = col - delta
    return col_o


# --------------------------------------------------------------------------
# running the tool

def verdicts(tool, checks, args, path, env, config):
    """The findings of `path` that rest on no identifier words (their JSON
    `evidence` is annotation, structure or model), keyed (check, line,
    column), and every note's message. A finding whose weakest evidence is
    a name may change with a renaming: that is what `evidence: name` says."""
    # One explicit, empty configuration for both runs: a .clang-tidy file
    # above the original but not above the variant must not differ them.
    proc = subprocess.run([tool, "--quiet", "--config-file=" + config, "--checks=" + checks,
                           "--format=json", "-o", "-", path, "--", *args],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          env=env, cwd=os.path.dirname(path))
    if proc.returncode not in (0, 1):
        die("crossuser-check failed on %s (exit %d):\n%s%s"
            % (path, proc.returncode, proc.stdout, proc.stderr))
    base = os.path.basename(path)
    warnings, notes = {}, []
    for f in json.loads(proc.stdout)["findings"]:
        notes.extend(n["message"] for n in f["notes"])
        if os.path.basename(f["path"]) != base or f["evidence"] == "name":
            continue
        warnings[(f["check"], f["line"], f["column"])] = f["message"]
    return warnings, notes


def compile_errors(clang, args, path):
    proc = subprocess.run([clang, "-fsyntax-only", *args, path], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True)
    if proc.returncode == 0:
        return None
    return proc.stderr


# --------------------------------------------------------------------------
# known differences

def load_known(path):
    known = {}
    if not os.path.exists(path):
        return known
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            m = re.match(r"^(\S+)\s+(lost|gained)\s+(\S+)\s+(\d+):(\d+)\s+--\s+(\S.*)$", line)
            if not m:
                die("%s:%d: expected '<file> <lost|gained> <check> <line>:<col> -- <reason>'"
                    % (path, number))
            known[(m.group(1), m.group(2), m.group(3), int(m.group(4)), int(m.group(5)))] = \
                m.group(6)
    return known


# --------------------------------------------------------------------------

class Case:
    def __init__(self, path, checks, args, why):
        self.path, self.checks, self.args, self.why = path, checks, args, why


def build_variant(case, plan, work, clang, only=None):
    """Writes a compiling variant; returns (path, shifts, names left alone)."""
    skip = set()
    variant_path = os.path.join(work, os.path.basename(case.path))
    for _ in range(50):
        text, shifts = plan.apply(only=only, skip=skip)
        with open(variant_path, "w", encoding="utf-8") as f:
            f.write(text)
        errors = compile_errors(clang, case.args, variant_path)
        if errors is None:
            return variant_path, shifts, skip
        reverse = {v: k for k, v in plan.new_names.items()}
        culprits = set()
        vlines = text.splitlines()
        for m in re.finditer(r"^(?:.*/)?%s:(\d+):(\d+): error:" % re.escape(
                os.path.basename(variant_path)), errors, re.M):
            line, col = int(m.group(1)), int(m.group(2))
            src = vlines[line - 1] if line - 1 < len(vlines) else ""
            # The renamed name on the error's line nearest to its column.
            near = []
            for word in IDENT_RE.finditer(src):
                name = word.group(0)
                original = reverse.get(name, name if name in plan.ast_level else None)
                if original and original not in skip:
                    near.append((abs(word.start() - (col - 1)), original))
            if near:
                culprits.add(min(near)[1])
        culprits -= skip
        if not culprits:
            # Leave every name renamed only where the AST says; try again.
            culprits = set(plan.ast_level) - skip
        if not culprits:
            die("the variant of %s does not compile and no renaming is to blame:\n%s"
                % (case.path, errors))
        skip |= culprits
    die("could not build a compiling variant of " + case.path)


def compare(orig, variant, shifts):
    back = {}
    for (check, line, col), msg in variant.items():
        back[(check, line, to_original(line, col, shifts))] = msg
    lost = sorted(set(orig) - set(back), key=lambda k: (k[1], k[2], k[0]))
    gained = sorted(set(back) - set(orig), key=lambda k: (k[1], k[2], k[0]))
    return lost, gained, back


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("tests", help="directory of the lit cases (test/tidy)")
    ap.add_argument("--tool", required=True, help="crossuser-check")
    ap.add_argument("--clang", required=True, help="clang++ of the same LLVM")
    ap.add_argument("--mock-flags", required=True, help="what %%mock_flags stands for")
    ap.add_argument("--known", required=True, help="known-word-dependent.txt")
    ap.add_argument("--work", required=True, help="scratch directory for the variants")
    ap.add_argument("--all", action="store_true",
                    help="compare every case of the three checks, not only the ones the rule "
                         "picks (a survey of word dependence; known differences do not apply)")
    ap.add_argument("--explain", action="store_true",
                    help="for each differing file, find the names that carry the verdicts")
    args = ap.parse_args()
    env = dict(os.environ)
    for attr in ("tool", "clang", "tests", "known", "work"):
        value = getattr(args, attr)
        if os.sep in value:
            setattr(args, attr, os.path.abspath(value))
    os.makedirs(args.work, exist_ok=True)
    args.config = os.path.join(args.work, "empty.clang-tidy")
    with open(args.config, "w", encoding="utf-8") as f:
        f.write("CheckOptions: {}\n")
    patterns, model_words = load_models(args.tool, env)
    known = {} if args.all else load_known(args.known)

    cases = []
    for name in sorted(os.listdir(args.tests)):
        path = os.path.join(args.tests, name)
        if not name.endswith(".cpp") or not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        inv = default_invocation(text, args.mock_flags)
        if inv is None:
            continue
        cases.append((path, text, inv))

    files = findings = renamed = left_alone = 0
    seen_known, new = set(), []
    for path, text, (checks, cargs) in cases:
        base = os.path.basename(path)
        orig, notes = verdicts(args.tool, checks, cargs, path, env, args.config)
        ast = Ast(ast_dump(args.clang, cargs, path), path)
        why = None
        if re.search(r'annotate\s*\(\s*"%s"' % re.escape(IDENTITY_ANNOTATION), text):
            why = "identity annotation"
        elif any("(model " in n for n in notes):
            why = "a note cites a model row"
        else:
            row = uses_model(ast, patterns)
            if row:
                why = "refers to model row " + row
        if why is None and args.all:
            why = "--all"
        if why is None:
            continue
        case = Case(path, checks, cargs, why)
        plan = Plan(text, ast, model_words)
        work = os.path.join(args.work, os.path.splitext(base)[0])
        os.makedirs(work, exist_ok=True)
        variant_path, shifts, skipped = build_variant(case, plan, work, args.clang)
        variant, _ = verdicts(args.tool, checks, cargs, variant_path, env, args.config)
        lost, gained, back = compare(orig, variant, shifts)
        files += 1
        findings += len(orig)
        renamed += len(plan.names()) - len(skipped)
        left_alone += len(skipped)
        diffs = [("lost", k, orig[k]) for k in lost] + [("gained", k, back[k]) for k in gained]
        print("rename: %s (%s): %d findings, %d names renamed%s, %d kept (%s), %d differences"
              % (base, why, len(orig), len(plan.names()) - len(skipped),
                 " (%d left alone: %s)" % (len(skipped), ", ".join(sorted(skipped)))
                 if skipped else "", len(plan.excluded),
                 ", ".join(sorted(plan.excluded)) or "none", len(diffs)))
        for kind, (check, line, col), msg in diffs:
            key = (base, kind, check, line, col)
            if key in known:
                seen_known.add(key)
                print("  known   %s %s %d:%d -- %s" % (kind, check, line, col, known[key]))
            else:
                new.append(key)
                print("  NEW     %s %s %d:%d: %s" % (kind, check, line, col, msg))
        if args.explain and diffs:
            explain(case, plan, work, args, env, orig, diffs)

    stale = sorted(set(known) - seen_known)
    for key in stale:
        print("rename: fixed, remove from %s: %s %s %s %d:%d"
              % (os.path.basename(args.known), *key))
    print("rename: compared %d files, %d findings, %d names renamed (%d left alone); "
          "%d known differences, %d new, %d fixed"
          % (files, findings, renamed, left_alone, len(seen_known), len(new), len(stale)))
    if files == 0 or findings == 0:
        print("rename: error: nothing was compared", file=sys.stderr)
        return 1
    return 1 if new or stale else 0


def explain(case, plan, work, args, env, orig, diffs):
    scratch = os.path.join(work, "explain")
    os.makedirs(scratch, exist_ok=True)
    for name in plan.names():
        path, shifts, skipped = build_variant(case, plan, scratch, args.clang, only={name})
        if skipped:
            continue
        variant, _ = verdicts(args.tool, case.checks, case.args, path, env, args.config)
        lost, gained, _ = compare(orig, variant, shifts)
        hits = [("lost", k) for k in lost] + [("gained", k) for k in gained]
        if hits:
            print("  explain: renaming only '%s' -> '%s': %s" % (
                name, plan.new_names[name],
                "; ".join("%s %s %d:%d" % (kind, c, l, col) for kind, (c, l, col) in hits)))


if __name__ == "__main__":
    sys.exit(main())
