#include "DiffFilter.h"
#include "llvm/ADT/StringExtras.h"
#include <optional>
#include <set>

namespace crossuser {

bool ChangedLines::contains(llvm::StringRef Path, unsigned Line) const {
  auto It = Files.find(Path);
  if (It == Files.end())
    return false;
  for (const auto &[First, Last] : It->second)
    if (First <= Line && Line <= Last)
      return true;
  return false;
}

static llvm::Error lineError(unsigned Line, const llvm::Twine &Msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "line " + llvm::Twine(Line) + ": " + Msg);
}

/// The path of a `---`/`+++` line: git quotes names with unusual
/// characters in C style; `diff -u` appends a tab and a timestamp.
static bool parseHeaderPath(llvm::StringRef S, std::string &Out) {
  Out.clear();
  if (!S.startswith("\"")) {
    Out = S.split('\t').first.rtrim().str();
    return !Out.empty();
  }
  S = S.drop_front();
  while (!S.empty()) {
    char C = S.front();
    S = S.drop_front();
    if (C == '"')
      return !Out.empty() && S.trim().empty();
    if (C != '\\') {
      Out.push_back(C);
      continue;
    }
    if (S.empty())
      return false;
    char E = S.front();
    S = S.drop_front();
    switch (E) {
    case 'n': Out.push_back('\n'); break;
    case 't': Out.push_back('\t'); break;
    case '"': Out.push_back('"'); break;
    case '\\': Out.push_back('\\'); break;
    case 'a': Out.push_back('\a'); break;
    case 'b': Out.push_back('\b'); break;
    case 'f': Out.push_back('\f'); break;
    case 'r': Out.push_back('\r'); break;
    case 'v': Out.push_back('\v'); break;
    default: {
      // Three octal digits: a byte of a UTF-8 name.
      if (E < '0' || E > '3' || S.size() < 2 || S[0] < '0' || S[0] > '7' ||
          S[1] < '0' || S[1] > '7')
        return false;
      Out.push_back(static_cast<char>((E - '0') * 64 + (S[0] - '0') * 8 +
                                      (S[1] - '0')));
      S = S.drop_front(2);
    }
    }
  }
  return false;
}

/// `start[,count]` of a hunk header.
static bool parseRange(llvm::StringRef S, unsigned &Start, unsigned &Count) {
  llvm::StringRef A, B;
  std::tie(A, B) = S.split(',');
  Count = 1;
  if (A.empty() || A.getAsInteger(10, Start))
    return false;
  if (S.contains(',') && (B.empty() || B.getAsInteger(10, Count)))
    return false;
  // Lines are counted in unsigned ints; refuse what would overflow.
  return Start < (1u << 30) && Count < (1u << 30);
}

namespace {

/// One hunk of one file's patch: where it is, which old lines survive as
/// which new lines (context), and which new lines it adds.
struct Hunk {
  unsigned OldStart = 0, OldCount = 0, NewStart = 0, NewCount = 0;
  std::vector<std::pair<unsigned, unsigned>> Context;
  std::vector<unsigned> Added;
};

/// One file's patch. In a multi-commit diff (`git format-patch` series,
/// `git log -p --reverse`) a file has one patch per commit, each numbered
/// against the file as the patches before it left it.
struct FilePatch {
  std::string OldKey, NewKey; // empty: /dev/null
  bool Copy = false;          // `copy from`/`copy to`: the old file stays
  bool HaveHeader = false;    // the `---`/`+++` pair was seen
  std::vector<Hunk> Hunks;
};

/// Where old line \p L is after \p Hunks; 0 when they remove it.
unsigned mapLine(unsigned L, const std::vector<Hunk> &Hunks) {
  long long Delta = 0;
  for (const Hunk &H : Hunks) {
    // `-5,0` inserts after line 5: no old line is inside it.
    unsigned RegionStart = H.OldCount ? H.OldStart : H.OldStart + 1;
    if (L < RegionStart)
      break;
    if (H.OldCount && L - H.OldStart < H.OldCount) {
      for (const auto &[Old, New] : H.Context)
        if (Old == L)
          return New;
      return 0;
    }
    Delta += static_cast<long long>(H.NewCount) - H.OldCount;
  }
  long long Mapped = L + Delta;
  return Mapped >= 1 && Mapped < (1ll << 31) ? static_cast<unsigned>(Mapped) : 0;
}

/// Git's `a/` and `b/` prefixes, dropped when both sides have them (or one
/// is /dev/null).
void dropGitPrefixes(std::string &Old, std::string &New) {
  bool OldGit = Old == "/dev/null" || llvm::StringRef(Old).startswith("a/");
  bool NewGit = New == "/dev/null" || llvm::StringRef(New).startswith("b/");
  if (OldGit && NewGit) {
    if (Old != "/dev/null")
      Old = Old.substr(2);
    if (New != "/dev/null")
      New = New.substr(2);
  }
  if (Old == "/dev/null")
    Old.clear();
  if (New == "/dev/null")
    New.clear();
}

} // namespace

llvm::Expected<ChangedLines> parseUnifiedDiff(llvm::StringRef Text) {
  // The changed lines of each file as the patches so far leave it.
  llvm::StringMap<std::set<unsigned>> Lines;
  std::optional<FilePatch> Patch;
  auto FinishPatch = [&] {
    if (!Patch)
      return;
    std::set<unsigned> Base;
    if (!Patch->OldKey.empty() && Patch->OldKey != Patch->NewKey &&
        Lines.count(Patch->OldKey)) {
      // A rename carries the old file's changed lines along, a copy
      // duplicates them, a deletion drops them.
      Base = Lines[Patch->OldKey];
      if (!Patch->Copy)
        Lines.erase(Patch->OldKey);
    } else if (!Patch->OldKey.empty() && !Patch->NewKey.empty()) {
      Base = std::move(Lines[Patch->NewKey]);
    }
    if (!Patch->NewKey.empty()) {
      std::set<unsigned> &Out = Lines[Patch->NewKey];
      Out.clear();
      for (unsigned L : Base)
        if (unsigned M = mapLine(L, Patch->Hunks))
          Out.insert(M);
      for (const Hunk &H : Patch->Hunks)
        Out.insert(H.Added.begin(), H.Added.end());
    }
    Patch.reset();
  };

  unsigned LineNo = 0;
  unsigned OldLeft = 0, NewLeft = 0, OldLine = 0, NewLine = 0;
  bool SawPatch = false;
  // As `git apply`: text outside the patches (commit messages, the mail
  // headers of `git format-patch`, `git show`'s commit header) is skipped;
  // an input with no patch at all is an error naming its first such line.
  std::optional<std::pair<unsigned, std::string>> FirstGarbage;
  std::string RenameFrom, CopyFrom;
  static const char *const Extended[] = {
      "index ", "old mode ", "new mode ", "deleted file mode ",
      "new file mode ", "similarity index ", "dissimilarity index ",
      "Binary files ", "Only in "};
  while (!Text.empty()) {
    llvm::StringRef Line;
    std::tie(Line, Text) = Text.split('\n');
    ++LineNo;
    Line.consume_back("\r");
    if (OldLeft || NewLeft) {
      // Inside a hunk.
      if (Line.startswith("\\"))
        continue;
      Hunk &H = Patch->Hunks.back();
      char Kind = Line.empty() ? ' ' : Line.front();
      if (Kind == ' ') {
        if (!OldLeft || !NewLeft)
          return lineError(LineNo, "hunk has more lines than its header says");
        --OldLeft;
        --NewLeft;
        H.Context.push_back({OldLine++, NewLine++});
      } else if (Kind == '-') {
        if (!OldLeft)
          return lineError(LineNo, "hunk removes more lines than its header says");
        --OldLeft;
        ++OldLine;
      } else if (Kind == '+') {
        if (!NewLeft)
          return lineError(LineNo, "hunk adds more lines than its header says");
        --NewLeft;
        H.Added.push_back(NewLine++);
      } else {
        return lineError(LineNo, "hunk ends early (expected ' ', '+' or '-' "
                                 "at the start of the line)");
      }
      continue;
    }
    if (Line.startswith("\\"))
      continue;
    llvm::StringRef Next = Text.split('\n').first;
    if (Line.startswith("--- ") && Next.startswith("+++ ")) {
      std::string OldPath, NewPath;
      if (!parseHeaderPath(Line.drop_front(4), OldPath))
        return lineError(LineNo, "malformed '---' line");
      Text = Text.split('\n').second;
      ++LineNo;
      Next.consume_back("\r");
      if (!parseHeaderPath(Next.drop_front(4), NewPath))
        return lineError(LineNo, "malformed '+++' line");
      dropGitPrefixes(OldPath, NewPath);
      // After `rename from`/`copy from` of the same `diff --git`, the
      // header names the same two files.
      if (!Patch || Patch->HaveHeader || !Patch->Hunks.empty()) {
        FinishPatch();
        Patch.emplace();
      }
      Patch->OldKey = OldPath;
      Patch->NewKey = NewPath;
      Patch->HaveHeader = true;
      SawPatch = true;
      continue;
    }
    // Outside a file's patch only `@@ -` is a (misplaced) hunk, as for
    // `git apply`; other text with `@@` is a commit message's.
    if (Line.startswith(Patch && Patch->HaveHeader ? "@@ " : "@@ -")) {
      if (!Patch || !Patch->HaveHeader)
        return lineError(LineNo, "hunk before the '---'/'+++' file header");
      // @@ -a[,b] +c[,d] @@ [section heading]
      llvm::StringRef Rest = Line.drop_front(3);
      llvm::StringRef Old, New;
      std::tie(Old, Rest) = Rest.split(' ');
      std::tie(New, Rest) = Rest.split(' ');
      Hunk H;
      if (!Old.consume_front("-") || !New.consume_front("+") ||
          !Rest.startswith("@@") || !parseRange(Old, H.OldStart, H.OldCount) ||
          !parseRange(New, H.NewStart, H.NewCount))
        return lineError(LineNo, "malformed hunk header '" + Line + "'");
      OldLeft = H.OldCount;
      NewLeft = H.NewCount;
      OldLine = H.OldStart;
      NewLine = H.NewStart;
      Patch->Hunks.push_back(std::move(H));
      continue;
    }
    if (Line.startswith("diff ")) {
      // A new file's extended header starts afresh.
      FinishPatch();
      RenameFrom.clear();
      CopyFrom.clear();
      SawPatch = true;
      continue;
    }
    if (Line.consume_front("rename from ")) {
      RenameFrom = Line.str();
      continue;
    }
    if (Line.consume_front("copy from ")) {
      CopyFrom = Line.str();
      continue;
    }
    bool Rename = Line.startswith("rename to "), Copy = Line.startswith("copy to ");
    if (Rename || Copy) {
      // A pure rename or copy has no '---'/'+++' lines.
      FinishPatch();
      Patch.emplace();
      Patch->OldKey = Rename ? RenameFrom : CopyFrom;
      Patch->NewKey = Line.drop_front(Rename ? 10 : 8).str();
      Patch->Copy = Copy;
      SawPatch = true;
      continue;
    }
    if (llvm::any_of(Extended, [&](const char *P) { return Line.startswith(P); }))
      continue;
    // Text outside the patches ends the current file's patch.
    FinishPatch();
    if (!FirstGarbage && !Line.trim().empty()) {
      std::string Tmp;
      FirstGarbage.emplace(
          LineNo, Line.startswith("--- ") && !parseHeaderPath(Line.drop_front(4), Tmp)
                      ? std::string("malformed '---' line")
                  : Line.startswith("+++ ")
                      ? std::string("'+++' line without a '---' line before it")
                      : ("unexpected text outside a hunk: '" + Line.take_front(40) +
                         "'")
                            .str());
    }
  }
  if (OldLeft || NewLeft)
    return lineError(LineNo, "the diff ends inside a hunk");
  FinishPatch();
  if (!SawPatch && FirstGarbage)
    return lineError(FirstGarbage->first, FirstGarbage->second);
  ChangedLines Result;
  for (const auto &[Path, Set] : Lines) {
    std::vector<std::pair<unsigned, unsigned>> &Ranges = Result.Files[Path];
    for (unsigned L : Set) {
      if (!Ranges.empty() && Ranges.back().second + 1 == L)
        Ranges.back().second = L;
      else
        Ranges.push_back({L, L});
    }
  }
  return Result;
}

} // namespace crossuser
