#include "CacheKeyCheck.h"
#include "Analysis/CacheKey.h"

namespace clang::tidy::crossuser {

CacheKeyCheck::CacheKeyCheck(StringRef Name, ClangTidyContext *Context)
    : EngineCheck(Name, Context,
                  *::crossuser::findCheck(::crossuser::CacheKeyCheckName)) {}

} // namespace clang::tidy::crossuser
