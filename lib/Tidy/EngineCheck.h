/// The common clang-tidy face of a crossuser check: reads the options, runs the engine once per translation unit, emits its findings.
#ifndef CROSSUSER_TIDY_ENGINECHECK_H
#define CROSSUSER_TIDY_ENGINECHECK_H

#include "Analysis/Checks.h"
#include "Analysis/Config.h"
#include "ClangTidyCheck.h"
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace clang::tidy::crossuser {

/// Every crossuser check is a thin adapter: the decision is the engine's,
/// this class turns its findings into diagnostics with notes.
class EngineCheck : public ClangTidyCheck {
public:
  EngineCheck(StringRef Name, ClangTidyContext *Context,
              const ::crossuser::CheckInfo &Info);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  /// Drops the translation unit's shared engine context (every check's
  /// check() has run by now).
  void onEndOfTranslationUnit() override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }

private:
  const ::crossuser::CheckInfo &Info;
  /// Every option as configured (or defaulted), for storeOptions.
  const std::vector<std::pair<std::string, std::string>> RawOptions;
  /// Not const: the summaries of SummaryDirectory are attached after the
  /// options are read.
  ::crossuser::Config Cfg;
  bool SummaryError = false;
  ASTContext *LastContext = nullptr;
};

} // namespace clang::tidy::crossuser

#endif
