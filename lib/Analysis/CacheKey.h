/// Finds cache lookups and inserts whose key does not identify the user while the cache holds per-user data.
#ifndef CROSSUSER_ANALYSIS_CACHEKEY_H
#define CROSSUSER_ANALYSIS_CACHEKEY_H

#include "Analysis/Config.h"
#include "Analysis/Finding.h"
#include "Analysis/Summaries.h"
#include "clang/AST/ASTContext.h"
#include <vector>

namespace crossuser {

class TUContext;

inline constexpr llvm::StringLiteral CacheKeyCheckName = "crossuser-cache-key";

/// Runs the `crossuser-cache-key` rule over a translation unit. Template
/// instantiations are skipped (the primary template is analysed once), as
/// are declarations in system headers. Findings come in source order.
std::vector<Finding> findCacheKeyIssues(TUContext &TU, const Config &Rule);

/// For whole-program summaries: each function's cache operations whose key
/// comes from its own parameters, one per function and cache, in source
/// order. Callers in other translation units treat such a function as a
/// cache operation.
std::vector<std::pair<const clang::FunctionDecl *, CacheUseFact>>
cacheUsesForSummaries(TUContext &TU);

} // namespace crossuser

#endif
