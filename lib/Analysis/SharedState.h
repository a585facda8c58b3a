/// Finds writes of per-user data into storage that every request shares: globals, statics, thread_locals and members of long-lived objects.
#ifndef CROSSUSER_ANALYSIS_SHAREDSTATE_H
#define CROSSUSER_ANALYSIS_SHAREDSTATE_H

#include "Analysis/Config.h"
#include "Analysis/Finding.h"
#include "clang/AST/ASTContext.h"
#include <vector>

namespace crossuser {

inline constexpr llvm::StringLiteral SharedStateCheckName =
    "crossuser-shared-state";

/// Runs the `crossuser-shared-state` rule over a translation unit. Storage
/// keyed by identity is left to `crossuser-cache-key`, as are all writes
/// into caches and associative containers. Template instantiations and
/// system headers are skipped. Findings come in source order.
std::vector<Finding> findSharedStateIssues(clang::ASTContext &Ctx,
                                           const Config &Cfg);

} // namespace crossuser

#endif
