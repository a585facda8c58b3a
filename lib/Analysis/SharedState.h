/// Finds writes of per-user data into storage that every request shares: globals, statics, thread_locals and members of long-lived objects.
#ifndef CROSSUSER_ANALYSIS_SHAREDSTATE_H
#define CROSSUSER_ANALYSIS_SHAREDSTATE_H

#include "Analysis/Config.h"
#include "Analysis/Finding.h"
#include "Analysis/Summaries.h"
#include "clang/AST/ASTContext.h"
#include <vector>

namespace crossuser {

class TUContext;

inline constexpr llvm::StringLiteral SharedStateCheckName =
    "crossuser-shared-state";

/// Runs the `crossuser-shared-state` rule over a translation unit. Storage
/// keyed by identity is left to `crossuser-cache-key`, as are all writes
/// into caches and associative containers. Template instantiations and
/// system headers are skipped. Findings come in source order.
std::vector<Finding> findSharedStateIssues(TUContext &TU, const Config &Rule);

/// For whole-program summaries: each function's writes of its own
/// parameters into shared storage that this rule would report if the
/// parameter were per-user data; in source order. Callers in other
/// translation units that pass per-user data are then reported.
std::vector<std::pair<const clang::FunctionDecl *, StoreFact>>
sharedStoresForSummaries(TUContext &TU);

} // namespace crossuser

#endif
