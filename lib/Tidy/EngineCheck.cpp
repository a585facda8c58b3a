#include "EngineCheck.h"
#include "Analysis/Summaries.h"
#include "Analysis/TUContext.h"
#include "Options/FreshSummaries.h"
#include "Options/ListValue.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include <map>
#include <mutex>

using namespace clang::ast_matchers;

namespace clang::tidy::crossuser {

/// The nearest `.clang-tidy` in \p File's directory or above it.
static std::string nearestConfig(StringRef File) {
  llvm::SmallString<256> Dir(File);
  llvm::sys::fs::make_absolute(Dir);
  for (StringRef D = llvm::sys::path::parent_path(Dir); !D.empty();
       D = llvm::sys::path::parent_path(D)) {
    llvm::SmallString<256> Candidate(D);
    llvm::sys::path::append(Candidate, ".clang-tidy");
    if (llvm::sys::fs::exists(Candidate))
      return std::string(Candidate);
  }
  return "";
}

/// The options as this check sees them. clang-tidy does not say which
/// `.clang-tidy` set a value, so a relative `ModelFiles` entry or
/// `SummaryDirectory` is read against the nearest `.clang-tidy` above the
/// file being checked when it names something there, as crossuser-check
/// and the plugin read it; else as given (a `--config` on the command
/// line, relative to the current directory).
/// A model option is read from its global key only (every check must
/// see the same model); a rule option as clang-tidy's checks read theirs,
/// the check's own key first.
static std::vector<std::pair<std::string, std::string>>
readOptions(ClangTidyCheck::OptionsView &Options,
            const ClangTidyOptions::OptionMap &All, StringRef File) {
  std::vector<std::pair<std::string, std::string>> Out;
  std::string Config = File.empty() ? "" : nearestConfig(File);
  for (const ::crossuser::OptionSpec &S : ::crossuser::optionSpecs()) {
    // Read through the view either way: that is how `clang-tidy
    // --verify-config` learns which keys are known.
    std::string V(Options.getLocalOrGlobal(S.Name, S.Default));
    if (!S.Rule) {
      auto It = All.find(S.Name);
      V = It != All.end() ? It->second.Value : S.Default;
    }
    if (!Config.empty() && V != S.Default) {
      std::string Resolved = ::crossuser::resolveConfigPaths(Config, S.Name, V);
      llvm::SmallVector<StringRef, 4> Entries;
      StringRef(Resolved).ltrim("+").split(Entries, ';', -1, false);
      if (Resolved != V && llvm::all_of(Entries, [](StringRef E) {
            E = E.trim();
            return E == "none" || llvm::sys::fs::exists(E);
          }))
        V = Resolved;
    }
    Out.emplace_back(S.Name, V);
  }
  return Out;
}

static ::crossuser::Config
toConfig(const std::vector<std::pair<std::string, std::string>> &Raw) {
  return ::crossuser::Config::fromOptions(
      [&](StringRef Name) -> std::optional<std::string> {
        // `+word;word` extends the default, as in the other front ends.
        for (const auto &[K, V] : Raw)
          if (K == Name)
            return ::crossuser::expandListValue(K, V);
        return std::nullopt;
      });
}

/// The summaries in \p Dir, read once per process however many checks
/// and translation units ask. The stale ones are left out; \p Stale gets
/// their warnings the first time only, so a process warns once.
static llvm::Expected<std::shared_ptr<const ::crossuser::SummaryIndex>>
loadSummaries(const std::string &Dir, std::vector<std::string> &Stale) {
  static std::mutex Mutex;
  static std::map<std::string,
                  std::variant<std::shared_ptr<const ::crossuser::SummaryIndex>,
                               std::string>>
      Loaded;
  std::lock_guard<std::mutex> Lock(Mutex);
  auto It = Loaded.find(Dir);
  if (It == Loaded.end()) {
    auto Index = ::crossuser::loadFreshSummaries(Dir, Stale);
    if (Index)
      It = Loaded.emplace(Dir, std::move(*Index)).first;
    else
      It = Loaded.emplace(Dir, llvm::toString(Index.takeError())).first;
  }
  if (const auto *Err = std::get_if<std::string>(&It->second))
    return llvm::createStringError(llvm::inconvertibleErrorCode(), *Err);
  return std::get<0>(It->second);
}

EngineCheck::EngineCheck(StringRef Name, ClangTidyContext *Context,
                         const ::crossuser::CheckInfo &Info)
    : ClangTidyCheck(Name, Context), Info(Info),
      RawOptions(readOptions(Options, Context->getOptions().CheckOptions,
                             Context->getCurrentFile())),
      Cfg(toConfig(RawOptions)) {
  for (const ::crossuser::OptionSpec &S : ::crossuser::optionSpecs()) {
    std::string Key = (Name + "." + S.Name).str();
    if (!Context->getOptions().CheckOptions.count(Key))
      continue;
    if (std::optional<std::string> Msg =
            ::crossuser::localModelOptionMessage(Key))
      configurationDiag("%0 (this value is ignored)", DiagnosticIDs::Warning)
          << *Msg;
  }
  // As clang-tidy's own checks do: say so, and go on with the default.
  for (const auto &[K, V] : RawOptions)
    if (std::optional<std::string> Bad = ::crossuser::validateOption(
            K, ::crossuser::expandListValue(K, V)))
      // A broken model file would silently change what is judged: an
      // error, as for summaries.
      configurationDiag("option '%0': %1", K == "ModelFiles"
                                               ? DiagnosticIDs::Error
                                               : DiagnosticIDs::Warning)
          << (::crossuser::isModelOption(K) ? K : (Name + "." + K).str())
          << *Bad;
  if (!Cfg.SummaryDirectory.empty()) {
    std::vector<std::string> Stale;
    auto Index = loadSummaries(Cfg.SummaryDirectory, Stale);
    // A stale summary must not fail an unrelated compile: its callees are
    // analysed per translation unit, and the process says so once.
    for (const std::string &W : Stale)
      configurationDiag("%0", DiagnosticIDs::Warning) << W;
    if (Index) {
      Cfg.Summaries = std::move(*Index);
    } else {
      // A wrong answer from stale facts is worse than none: the check
      // stays silent and says why.
      SummaryError = true;
      configurationDiag("%0", DiagnosticIDs::Error)
          << llvm::toString(Index.takeError());
    }
  }
}

void EngineCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  for (const auto &[K, V] : RawOptions) {
    const ::crossuser::OptionSpec *S = ::crossuser::findOption(K);
    if (S && !S->Rule)
      Opts[K] = ClangTidyOptions::ClangTidyValue(V);
    else if (S && S->appliesTo(Info.Name))
      Options.store(Opts, K, V);
  }
}

void EngineCheck::registerMatchers(MatchFinder *Finder) {
  // The engine walks the translation unit itself, once: provenance needs
  // every function body, not one matched node at a time.
  Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

void EngineCheck::check(const MatchFinder::MatchResult &Result) {
  if (Result.Context->getDiagnostics().hasUncompilableErrorOccurred() ||
      SummaryError)
    return;
  LastContext = Result.Context;
  for (const ::crossuser::Finding &F : Info.Run(*Result.Context, Cfg)) {
    diag(F.Loc, "%0") << F.Message << F.Fixes;
    for (const ::crossuser::FindingNote &N : F.Notes)
      diag(N.Loc, "%0", DiagnosticIDs::Note) << N.Message;
  }
}

void EngineCheck::onEndOfTranslationUnit() {
  if (LastContext)
    ::crossuser::TUContext::release(*LastContext);
  LastContext = nullptr;
}

} // namespace clang::tidy::crossuser
