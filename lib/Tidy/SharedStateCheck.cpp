#include "SharedStateCheck.h"
#include "Analysis/SharedState.h"

namespace clang::tidy::crossuser {

SharedStateCheck::SharedStateCheck(StringRef Name, ClangTidyContext *Context)
    : EngineCheck(Name, Context,
                  *::crossuser::findCheck(::crossuser::SharedStateCheckName)) {}

} // namespace clang::tidy::crossuser
