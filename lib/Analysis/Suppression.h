/// Honours clang-tidy's NOLINT comments outside clang-tidy, so both front ends suppress alike.
#ifndef CROSSUSER_ANALYSIS_SUPPRESSION_H
#define CROSSUSER_ANALYSIS_SUPPRESSION_H

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Regex.h"
#include <string>
#include <vector>

namespace crossuser {

/// clang-tidy 16's NOLINT semantics (its NoLintDirectiveHandler), so that
/// the tool and the compiler plugin suppress exactly what clang-tidy
/// suppresses:
/// - `NOLINT` on the finding's line, `NOLINTNEXTLINE` on the line before;
/// - a `NOLINTBEGIN` ... `NOLINTEND` block around it, matched last-in
///   first-out and only with the same check list (`NOLINTBEGIN(a)` is not
///   closed by `NOLINTEND(b)` nor by `NOLINTEND`). An unmatched BEGIN or END
///   suppresses nothing and is an error, so that a forgotten NOLINTEND
///   does not silently suppress the rest of the file;
/// - no check list means every check, `()` none, negative globs are
///   ignored; a macro's spelling location is tried, then each expansion.
class NolintFilter {
public:
  /// An unmatched NOLINTBEGIN or NOLINTEND, with clang-tidy's message
  /// (reported by clang-tidy as `[clang-tidy-nolint]`).
  struct Error {
    clang::SourceLocation Loc;
    std::string Message;
  };

  /// True if a NOLINT comment suppresses a finding of \p Check at \p Loc.
  /// As in clang-tidy, a file's blocks are read the first time a finding
  /// is not suppressed by its own or the previous line, and that file's
  /// unmatched BEGINs and ENDs are then added to errors().
  bool suppresses(const clang::SourceManager &SM, clang::SourceLocation Loc,
                  llvm::StringRef Check);

  /// The errors found so far, each once, in file and offset order.
  std::vector<Error> errors() const;

  struct Block {
    size_t Begin, End;
    std::string Checks; // the glob list; "*" without a list
  };

private:
  bool suppressesAt(const clang::SourceManager &SM, clang::SourceLocation Loc,
                    llvm::StringRef Check);

  llvm::DenseMap<clang::FileID, std::vector<Block>> Blocks;
  struct Found {
    clang::FileID File;
    size_t Pos;
    Error E;
  };
  std::vector<Found> Errors;
};

/// One-shot form of NolintFilter::suppresses (the errors are dropped).
bool isSuppressedByNolint(const clang::SourceManager &SM,
                          clang::SourceLocation Loc, llvm::StringRef Check);

/// clang-tidy's glob: `*` matches any run of characters.
bool globMatches(llvm::StringRef Glob, llvm::StringRef Text);

/// As clang-tidy reports: in the main file, or in a header that
/// \p HeaderFilter (HeaderFilterRegex, --header-filter) matches and that is
/// not a system header; none when \p HeaderFilter is null.
bool reportedAt(const clang::SourceManager &SM, clang::SourceLocation Loc,
                const llvm::Regex *HeaderFilter);

} // namespace crossuser

#endif
