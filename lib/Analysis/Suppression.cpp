#include "Analysis/Suppression.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>
#include <optional>
#include <tuple>

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

namespace {

enum class NolintType { NoLint, NextLine, Begin, End };

struct NolintToken {
  NolintType Type;
  size_t Pos; // of the "N" of "NOLINT"
  /// The check list with the spaces around each glob removed, as clang-tidy
  /// compares BEGIN and END; none: every check.
  std::optional<std::string> Checks;

  /// clang-tidy's CachedGlobList without negative globs: the last
  /// matching positive glob wins, which is any of them.
  bool suppresses(llvm::StringRef Check) const {
    if (!Checks)
      return true;
    llvm::SmallVector<llvm::StringRef, 4> Globs;
    llvm::StringRef(*Checks).split(Globs, ',');
    return llvm::any_of(Globs, [&](llvm::StringRef G) {
      return !G.startswith("-") && globMatches(G, Check);
    });
  }
};

/// Every NOLINT token of \p Buffer, as clang-tidy's getNoLints: the word
/// must be exactly NOLINT, NOLINTNEXTLINE, NOLINTBEGIN or NOLINTEND, and a
/// check list is a `(` ... `)` on the same line (an unclosed one is none).
std::vector<NolintToken> nolintTokens(llvm::StringRef Buffer) {
  std::vector<NolintToken> Out;
  size_t Pos = 0;
  while (Pos < Buffer.size()) {
    size_t At = Buffer.find("NOLINT", Pos);
    if (At == llvm::StringRef::npos)
      break;
    Pos = At + 6;
    while (Pos < Buffer.size() && llvm::isAlpha(Buffer[Pos]))
      ++Pos;
    llvm::StringRef Word = Buffer.slice(At, Pos);
    std::optional<NolintType> Type;
    if (Word == "NOLINT")
      Type = NolintType::NoLint;
    else if (Word == "NOLINTNEXTLINE")
      Type = NolintType::NextLine;
    else if (Word == "NOLINTBEGIN")
      Type = NolintType::Begin;
    else if (Word == "NOLINTEND")
      Type = NolintType::End;
    if (!Type)
      continue;
    std::optional<std::string> Checks;
    if (Pos < Buffer.size() && Buffer[Pos] == '(') {
      size_t Close = Buffer.find_first_of("\n)", ++Pos);
      if (Close != llvm::StringRef::npos && Buffer[Close] == ')') {
        llvm::SmallVector<llvm::StringRef, 4> Globs;
        Buffer.slice(Pos, Close).split(Globs, ',');
        for (llvm::StringRef &G : Globs)
          G = G.trim();
        Checks = llvm::join(Globs, ",");
        Pos = Close + 1;
      }
    }
    Out.push_back({*Type, At, std::move(Checks)});
  }
  return Out;
}

/// The line around offset \p From: [start, end).
std::pair<size_t, size_t> lineAround(llvm::StringRef Buffer, size_t From) {
  size_t Start = Buffer.find_last_of('\n', From) + 1;
  size_t End = std::min(Buffer.find('\n', From), Buffer.size());
  return {Start, End};
}

bool lineHas(llvm::StringRef Buffer, std::pair<size_t, size_t> Line,
             NolintType Type, llvm::StringRef Check) {
  return llvm::any_of(
      nolintTokens(Buffer.slice(Line.first, Line.second)),
      [&](const NolintToken &T) { return T.Type == Type && T.suppresses(Check); });
}

const char *const UnmatchedBegin =
    "unmatched 'NOLINTBEGIN' comment without a subsequent 'NOLINTEND' comment";
const char *const UnmatchedEnd =
    "unmatched 'NOLINTEND' comment without a previous 'NOLINTBEGIN' comment";

} // namespace

bool NolintFilter::suppresses(const SourceManager &SM, SourceLocation Loc,
                              llvm::StringRef Check) {
  if (Loc.isInvalid())
    return false;
  // The macro's spelling first, then up the expansions, as clang-tidy.
  while (true) {
    if (suppressesAt(SM, Loc, Check))
      return true;
    if (!Loc.isMacroID())
      return false;
    Loc = SM.getImmediateExpansionRange(Loc).getBegin();
  }
}

bool NolintFilter::suppressesAt(const SourceManager &SM, SourceLocation Loc,
                                llvm::StringRef Check) {
  auto [File, Pos] = SM.getDecomposedSpellingLoc(Loc);
  if (!SM.getNonBuiltinFilenameForID(File))
    return false;
  std::optional<llvm::StringRef> Buffer = SM.getBufferDataOrNone(File);
  if (!Buffer)
    return false;
  std::pair<size_t, size_t> Line = lineAround(*Buffer, Pos);
  if (lineHas(*Buffer, Line, NolintType::NoLint, Check))
    return true;
  if (Line.first > 0 && lineHas(*Buffer, lineAround(*Buffer, Line.first - 1),
                                NolintType::NextLine, Check))
    return true;

  auto It = Blocks.find(File);
  if (It == Blocks.end()) {
    std::vector<Block> Formed;
    std::vector<NolintToken> Stack;
    for (NolintToken &T : nolintTokens(*Buffer)) {
      if (T.Type == NolintType::Begin) {
        Stack.push_back(std::move(T));
      } else if (T.Type == NolintType::End) {
        // Nested blocks close innermost first, with the same check list.
        if (!Stack.empty() && Stack.back().Checks == T.Checks) {
          Formed.push_back({Stack.back().Pos, T.Pos,
                            Stack.back().Checks.value_or("*")});
          Stack.pop_back();
        } else {
          Errors.push_back(
              {File, T.Pos, {SM.getComposedLoc(File, T.Pos), UnmatchedEnd}});
        }
      }
    }
    for (const NolintToken &T : Stack)
      Errors.push_back(
          {File, T.Pos, {SM.getComposedLoc(File, T.Pos), UnmatchedBegin}});
    It = Blocks.try_emplace(File, std::move(Formed)).first;
  }
  return llvm::any_of(It->second, [&](const Block &B) {
    NolintToken AsToken{NolintType::Begin, B.Begin, B.Checks};
    return B.Begin < Pos && Pos < B.End && AsToken.suppresses(Check);
  });
}

std::vector<NolintFilter::Error> NolintFilter::errors() const {
  std::vector<Found> Sorted = Errors;
  std::stable_sort(Sorted.begin(), Sorted.end(),
                   [](const Found &A, const Found &B) {
                     return std::tie(A.File, A.Pos) < std::tie(B.File, B.Pos);
                   });
  std::vector<Error> Out;
  for (const Found &F : Sorted)
    Out.push_back(F.E);
  return Out;
}

bool isSuppressedByNolint(const SourceManager &SM, SourceLocation Loc,
                          llvm::StringRef Check) {
  NolintFilter Filter;
  return Filter.suppresses(SM, Loc, Check);
}

bool reportedAt(const clang::SourceManager &SM, clang::SourceLocation Loc,
                const llvm::Regex *HeaderFilter) {
  clang::SourceLocation FileLoc = SM.getFileLoc(Loc);
  if (SM.isInMainFile(FileLoc))
    return true;
  if (!HeaderFilter || SM.isInSystemHeader(FileLoc))
    return false;
  clang::PresumedLoc P = SM.getPresumedLoc(FileLoc, /*UseLineDirectives=*/false);
  return P.isValid() && HeaderFilter->match(P.getFilename());
}

} // namespace crossuser
