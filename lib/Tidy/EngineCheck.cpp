#include "EngineCheck.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"

using namespace clang::ast_matchers;

namespace clang::tidy::crossuser {

static std::vector<std::pair<std::string, std::string>>
readOptions(ClangTidyCheck::OptionsView &Options) {
  std::vector<std::pair<std::string, std::string>> Out;
  for (const ::crossuser::OptionSpec &S : ::crossuser::optionSpecs())
    Out.emplace_back(S.Name, Options.getLocalOrGlobal(S.Name, S.Default));
  return Out;
}

static ::crossuser::Config
toConfig(const std::vector<std::pair<std::string, std::string>> &Raw) {
  return ::crossuser::Config::fromOptions(
      [&](StringRef Name) -> std::optional<std::string> {
        for (const auto &[K, V] : Raw)
          if (K == Name)
            return V;
        return std::nullopt;
      });
}

EngineCheck::EngineCheck(StringRef Name, ClangTidyContext *Context,
                         const ::crossuser::CheckInfo &Info)
    : ClangTidyCheck(Name, Context), Info(Info),
      RawOptions(readOptions(Options)), Cfg(toConfig(RawOptions)) {
  // As clang-tidy's own checks do: say so, and go on with the default.
  for (const auto &[K, V] : RawOptions)
    if (std::optional<std::string> Bad = ::crossuser::validateOption(K, V))
      configurationDiag("option '%0.%1': %2") << Name << K << *Bad;
}

void EngineCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  for (const auto &[K, V] : RawOptions)
    Options.store(Opts, K, V);
}

void EngineCheck::registerMatchers(MatchFinder *Finder) {
  // The engine walks the translation unit itself, once: provenance needs
  // every function body, not one matched node at a time.
  Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

void EngineCheck::check(const MatchFinder::MatchResult &Result) {
  if (Result.Context->getDiagnostics().hasUncompilableErrorOccurred())
    return;
  for (const ::crossuser::Finding &F : Info.Run(*Result.Context, Cfg)) {
    diag(F.Loc, "%0") << F.Message;
    for (const ::crossuser::FindingNote &N : F.Notes)
      diag(N.Loc, "%0", DiagnosticIDs::Note) << N.Message;
  }
}

} // namespace clang::tidy::crossuser
