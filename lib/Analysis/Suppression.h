/// Honours clang-tidy's NOLINT comments outside clang-tidy, so both front ends suppress alike.
#ifndef CROSSUSER_ANALYSIS_SUPPRESSION_H
#define CROSSUSER_ANALYSIS_SUPPRESSION_H

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringRef.h"

namespace crossuser {

/// True if `NOLINT`, `NOLINTNEXTLINE` or a `NOLINTBEGIN`/`NOLINTEND` region
/// covering \p Loc names \p Check (or names no check, or a glob matching it).
bool isSuppressedByNolint(const clang::SourceManager &SM,
                          clang::SourceLocation Loc, llvm::StringRef Check);

/// clang-tidy's glob: `*` matches any run of characters.
bool globMatches(llvm::StringRef Glob, llvm::StringRef Text);

} // namespace crossuser

#endif
