/// The lines a unified diff adds or changes, so that code review sees only the findings on them.
#ifndef CROSSUSER_TOOL_DIFFFILTER_H
#define CROSSUSER_TOOL_DIFFFILTER_H

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <utility>
#include <vector>

namespace crossuser {

/// For each file of the new side, the changed line ranges (first, last).
struct ChangedLines {
  llvm::StringMap<std::vector<std::pair<unsigned, unsigned>>> Files;

  /// Whether line \p Line of \p Path (as the diff names it, without git's
  /// `b/` prefix) was added or changed.
  bool contains(llvm::StringRef Path, unsigned Line) const;
};

/// Parses a unified diff as `git diff` prints it (any -U, renames, mode
/// changes, binary files, `\ No newline at end of file`) or as `diff -u`
/// does, and patch series (`git format-patch`, `git show`, `git log -p
/// --reverse`): text outside the patches is skipped as by `git apply`, and
/// a file's later patches move the lines its earlier ones changed. Git's
/// `a/` and `b/` prefixes are dropped; deleted files have no lines. Empty
/// text is an empty diff. Errors are one line, `line N: problem`.
llvm::Expected<ChangedLines> parseUnifiedDiff(llvm::StringRef Text);

} // namespace crossuser

#endif
