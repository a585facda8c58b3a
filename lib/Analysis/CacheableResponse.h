/// Finds personalised responses that are made storable by shared caches: cache headers on per-user responses, shared response caches that store them, per-user cookies on reused responses.
#ifndef CROSSUSER_ANALYSIS_CACHEABLERESPONSE_H
#define CROSSUSER_ANALYSIS_CACHEABLERESPONSE_H

#include "Analysis/Config.h"
#include "Analysis/Finding.h"
#include "clang/AST/ASTContext.h"
#include <vector>

namespace crossuser {

class TUContext;

inline constexpr llvm::StringLiteral CacheableResponseCheckName =
    "crossuser-cacheable-response";

/// Runs the `crossuser-cacheable-response` rule over a translation unit.
/// Template instantiations are skipped (the primary template is analysed
/// once), as are declarations in system headers. Findings come in source
/// order.
std::vector<Finding> findCacheableResponseIssues(TUContext &TU, const Config &Rule);

} // namespace crossuser

#endif
