/// Finds personalised responses that are made storable by shared caches: cache headers on per-user responses, shared response caches that store them, per-user cookies on reused responses.
#ifndef CROSSUSER_TIDY_CACHEABLERESPONSECHECK_H
#define CROSSUSER_TIDY_CACHEABLERESPONSECHECK_H

#include "EngineCheck.h"

namespace clang::tidy::crossuser {

/// `crossuser-cacheable-response`; the rule is `findCacheableResponseIssues`
/// in the engine.
class CacheableResponseCheck : public EngineCheck {
public:
  CacheableResponseCheck(StringRef Name, ClangTidyContext *Context);
};

} // namespace clang::tidy::crossuser

#endif
