/// Finds cache lookups and inserts whose key does not identify the user while the cache holds per-user data.
#ifndef CROSSUSER_TIDY_CACHEKEYCHECK_H
#define CROSSUSER_TIDY_CACHEKEYCHECK_H

#include "Analysis/Config.h"
#include "ClangTidyCheck.h"
#include <string>
#include <utility>
#include <vector>

namespace clang::tidy::crossuser {

/// The clang-tidy face of `crossuser-cache-key`: the decision is the
/// engine's; this class turns its findings into diagnostics.
class CacheKeyCheck : public ClangTidyCheck {
public:
  CacheKeyCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }

private:
  /// Every option as configured (or defaulted), for storeOptions.
  const std::vector<std::pair<std::string, std::string>> RawOptions;
  const ::crossuser::Config Cfg;
};

} // namespace clang::tidy::crossuser

#endif
