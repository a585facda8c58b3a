/// Finds cache lookups and inserts whose key does not identify the user while the cache holds per-user data.
#ifndef CROSSUSER_TIDY_CACHEKEYCHECK_H
#define CROSSUSER_TIDY_CACHEKEYCHECK_H

#include "EngineCheck.h"

namespace clang::tidy::crossuser {

/// `crossuser-cache-key`; the rule is `findCacheKeyIssues` in the engine.
class CacheKeyCheck : public EngineCheck {
public:
  CacheKeyCheck(StringRef Name, ClangTidyContext *Context);
};

} // namespace clang::tidy::crossuser

#endif
