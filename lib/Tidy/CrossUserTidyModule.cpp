/// Registers the crossuser-* checks with clang-tidy when loaded with --load.
#include "CacheKeyCheck.h"
#include "CacheableResponseCheck.h"
#include "SharedStateCheck.h"
#include "ClangTidyModule.h"
#include "ClangTidyModuleRegistry.h"

namespace clang::tidy::crossuser {

class CrossUserModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<CacheKeyCheck>("crossuser-cache-key");
    Factories.registerCheck<CacheableResponseCheck>(
        "crossuser-cacheable-response");
    Factories.registerCheck<SharedStateCheck>("crossuser-shared-state");
  }
};

static ClangTidyModuleRegistry::Add<CrossUserModule>
    X("crossuser-module", "Checks for data served to the wrong user.");

} // namespace clang::tidy::crossuser
