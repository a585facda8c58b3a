#include "CacheableResponseCheck.h"
#include "Analysis/CacheableResponse.h"

namespace clang::tidy::crossuser {

CacheableResponseCheck::CacheableResponseCheck(StringRef Name,
                                               ClangTidyContext *Context)
    : EngineCheck(Name, Context,
                  *::crossuser::findCheck(
                      ::crossuser::CacheableResponseCheckName)) {}

} // namespace clang::tidy::crossuser
