/// The list of crossuser's checks: names, descriptions and the engine entry point of each, shared by every front end.
#ifndef CROSSUSER_ANALYSIS_CHECKS_H
#define CROSSUSER_ANALYSIS_CHECKS_H

#include "Analysis/Config.h"
#include "Analysis/Finding.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <vector>

namespace crossuser {

class TUContext;

/// One check as every front end sees it.
struct CheckInfo {
  /// The public name, e.g. "crossuser-cache-key".
  llvm::StringLiteral Name;
  /// One sentence: what a finding of this check means.
  const char *Summary;
  /// A paragraph for rule metadata (SARIF fullDescription, --list-checks).
  const char *Description;
  /// Runs the check over a translation unit's shared context; findings in
  /// source order.
  /// The rule on the shared analysis, with this check's rule options.
  std::vector<Finding> (*RunIn)(TUContext &TU, const Config &Rule);

  /// Runs the check over \p Ctx with the context every check of this
  /// translation unit and configuration shares (TUContext::get); the front
  /// end calls TUContext::release(Ctx) when the translation unit ends.
  std::vector<Finding> Run(clang::ASTContext &Ctx, const Config &Cfg) const;
};

/// Every check, in documentation order.
llvm::ArrayRef<CheckInfo> allChecks();

/// The check named \p Name, or null.
const CheckInfo *findCheck(llvm::StringRef Name);

/// Where each check's documentation lives on the project's site.
inline constexpr llvm::StringLiteral DocsBaseUri =
    "https://github.com/crossuser/crossuser/blob/main/docs/checks/";

} // namespace crossuser

#endif
