/// Finds writes of per-user data into storage that every request shares: globals, statics, thread_locals and members of long-lived objects.
#ifndef CROSSUSER_TIDY_SHAREDSTATECHECK_H
#define CROSSUSER_TIDY_SHAREDSTATECHECK_H

#include "EngineCheck.h"

namespace clang::tidy::crossuser {

/// `crossuser-shared-state`; the rule is `findSharedStateIssues` in the
/// engine.
class SharedStateCheck : public EngineCheck {
public:
  SharedStateCheck(StringRef Name, ClangTidyContext *Context);
};

} // namespace clang::tidy::crossuser

#endif
