#include "Analysis/Suppression.h"

using namespace clang;

namespace crossuser {

bool globMatches(llvm::StringRef Glob, llvm::StringRef Text) {
  if (Glob.empty())
    return Text.empty();
  if (Glob.front() == '*') {
    for (size_t I = 0; I <= Text.size(); ++I)
      if (globMatches(Glob.drop_front(), Text.drop_front(I)))
        return true;
    return false;
  }
  return !Text.empty() && Glob.front() == Text.front() &&
         globMatches(Glob.drop_front(), Text.drop_front());
}

/// Finds \p Directive in \p Line and says whether it covers \p Check.
/// `NOLINT` must not match the prefix of `NOLINTNEXTLINE`.
static bool lineHas(llvm::StringRef Line, llvm::StringRef Directive,
                    llvm::StringRef Check) {
  size_t Pos = 0;
  while ((Pos = Line.find(Directive, Pos)) != llvm::StringRef::npos) {
    llvm::StringRef Rest = Line.drop_front(Pos + Directive.size());
    Pos += Directive.size();
    if (!Rest.empty() && (isalnum(static_cast<unsigned char>(Rest[0])) ||
                          Rest[0] == '_'))
      continue;
    if (!Rest.startswith("("))
      return true;
    size_t Close = Rest.find(')');
    if (Close == llvm::StringRef::npos)
      return false;
    llvm::SmallVector<llvm::StringRef, 4> Globs;
    Rest.slice(1, Close).split(Globs, ',', -1, false);
    for (llvm::StringRef G : Globs)
      if (globMatches(G.trim(), Check))
        return true;
  }
  return false;
}

bool isSuppressedByNolint(const SourceManager &SM, SourceLocation Loc,
                          llvm::StringRef Check) {
  if (Loc.isInvalid())
    return false;
  Loc = SM.getExpansionLoc(Loc);
  std::pair<FileID, unsigned> Decomposed = SM.getDecomposedLoc(Loc);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(Decomposed.first, &Invalid);
  if (Invalid)
    return false;
  unsigned Offset = Decomposed.second;
  size_t LineStart = Buffer.rfind('\n', Offset == 0 ? 0 : Offset - 1);
  LineStart = LineStart == llvm::StringRef::npos || Offset == 0 ? 0 : LineStart + 1;
  size_t LineEnd = Buffer.find('\n', Offset);
  llvm::StringRef Line = Buffer.slice(LineStart, LineEnd);
  if (lineHas(Line, "NOLINT", Check))
    return true;
  if (LineStart > 0) {
    size_t PrevStart = Buffer.rfind('\n', LineStart - 1);
    PrevStart = PrevStart == llvm::StringRef::npos ? 0 : PrevStart + 1;
    if (lineHas(Buffer.slice(PrevStart, LineStart - 1), "NOLINTNEXTLINE", Check))
      return true;
  }
  // NOLINTBEGIN/NOLINTEND regions before this line.
  int Depth = 0;
  llvm::StringRef Before = Buffer.take_front(LineStart);
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  if (Before.contains("NOLINTBEGIN")) {
    Before.split(Lines, '\n');
    for (llvm::StringRef L : Lines) {
      if (lineHas(L, "NOLINTBEGIN", Check))
        ++Depth;
      if (lineHas(L, "NOLINTEND", Check) && Depth > 0)
        --Depth;
    }
  }
  return Depth > 0 || lineHas(Line, "NOLINTBEGIN", Check);
}

} // namespace crossuser
