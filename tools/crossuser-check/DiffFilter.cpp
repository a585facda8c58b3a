#include "DiffFilter.h"
#include "llvm/ADT/StringExtras.h"

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

llvm::Expected<ChangedLines> parseUnifiedDiff(llvm::StringRef Text) {
  ChangedLines Result;
  unsigned LineNo = 0;
  std::string OldPath, NewPath;
  bool HaveOld = false, HaveNew = false;
  unsigned OldLeft = 0, NewLeft = 0, NewLine = 0;
  std::vector<std::pair<unsigned, unsigned>> *Ranges = nullptr;
  static const char *const Extended[] = {
      "diff ", "index ", "old mode ", "new mode ", "deleted file mode ",
      "new file mode ", "similarity index ", "dissimilarity index ",
      "rename from ", "rename to ", "copy from ", "copy to ", "Binary files ",
      "Only in "};
  while (!Text.empty()) {
    llvm::StringRef Line;
    std::tie(Line, Text) = Text.split('\n');
    ++LineNo;
    Line.consume_back("\r");
    if (OldLeft || NewLeft) {
      // Inside a hunk.
      if (Line.startswith("\\"))
        continue;
      char Kind = Line.empty() ? ' ' : Line.front();
      if (Kind == ' ') {
        if (!OldLeft || !NewLeft)
          return lineError(LineNo, "hunk has more lines than its header says");
        --OldLeft;
        --NewLeft;
        ++NewLine;
      } else if (Kind == '-') {
        if (!OldLeft)
          return lineError(LineNo, "hunk removes more lines than its header says");
        --OldLeft;
      } else if (Kind == '+') {
        if (!NewLeft)
          return lineError(LineNo, "hunk adds more lines than its header says");
        --NewLeft;
        if (Ranges) {
          if (!Ranges->empty() && Ranges->back().second + 1 == NewLine)
            Ranges->back().second = NewLine;
          else
            Ranges->push_back({NewLine, NewLine});
        }
        ++NewLine;
      } else {
        return lineError(LineNo, "hunk ends early (expected ' ', '+' or '-' "
                                 "at the start of the line)");
      }
      continue;
    }
    if (Line.startswith("\\"))
      continue;
    if (Line.startswith("--- ")) {
      if (!parseHeaderPath(Line.drop_front(4), OldPath))
        return lineError(LineNo, "malformed '---' line");
      HaveOld = true;
      HaveNew = false;
      continue;
    }
    if (Line.startswith("+++ ")) {
      if (!HaveOld)
        return lineError(LineNo, "'+++' line without a '---' line before it");
      if (!parseHeaderPath(Line.drop_front(4), NewPath))
        return lineError(LineNo, "malformed '+++' line");
      HaveNew = true;
      Ranges = nullptr;
      if (NewPath != "/dev/null") {
        std::string Key = NewPath;
        if (llvm::StringRef(Key).startswith("b/") &&
            (OldPath == "/dev/null" || llvm::StringRef(OldPath).startswith("a/")))
          Key = Key.substr(2);
        Ranges = &Result.Files[Key];
      }
      continue;
    }
    if (Line.startswith("@@ ")) {
      if (!HaveNew)
        return lineError(LineNo, "hunk before the '---'/'+++' file header");
      // @@ -a[,b] +c[,d] @@ [section heading]
      llvm::StringRef Rest = Line.drop_front(3);
      llvm::StringRef Old, New;
      std::tie(Old, Rest) = Rest.split(' ');
      std::tie(New, Rest) = Rest.split(' ');
      unsigned OldStart, OldCount, NewStart, NewCount;
      if (!Old.consume_front("-") || !New.consume_front("+") ||
          !Rest.startswith("@@") || !parseRange(Old, OldStart, OldCount) ||
          !parseRange(New, NewStart, NewCount))
        return lineError(LineNo, "malformed hunk header '" + Line + "'");
      OldLeft = OldCount;
      NewLeft = NewCount;
      NewLine = NewStart;
      continue;
    }
    if (Line.empty() ||
        llvm::any_of(Extended, [&](const char *P) { return Line.startswith(P); })) {
      // A new file's extended header starts afresh.
      if (Line.startswith("diff "))
        HaveOld = HaveNew = false;
      continue;
    }
    return lineError(LineNo, "unexpected text outside a hunk: '" +
                                 Line.take_front(40) + "'");
  }
  if (OldLeft || NewLeft)
    return lineError(LineNo, "the diff ends inside a hunk");
  return Result;
}

} // namespace crossuser
