/// The compiler plugin: `clang++ -fplugin=crossuser-plugin.so` runs crossuser's checks after each translation unit is parsed and reports through the compiler's own diagnostics.
#include "Analysis/Checks.h"
#include "Analysis/Summaries.h"
#include "Options/FreshSummaries.h"
#include <set>
#include "Analysis/Suppression.h"
#include "Analysis/TUContext.h"
#include "Options/CheckSelection.h"
#include "Options/TidyConfig.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/TimeProfiler.h"

using namespace clang;

namespace crossuser {
namespace {

/// What `-fplugin-arg-crossuser-...` asked for.
struct PluginOptions {
  std::string Checks;     // empty: the config file's, else crossuser-*
  std::string ConfigPath; // empty: the nearest .clang-tidy
  bool NoConfig = false;
  enum { FollowCompiler, Warning, Error } Level = FollowCompiler;
};

/// Runs every enabled check once the whole translation unit is parsed.
/// Added after the main action, so the object file is written first and
/// is the same with and without the plugin.
class PluginConsumer : public ASTConsumer {
public:
  PluginConsumer(std::vector<std::pair<const CheckInfo *, Config>> Enabled,
                 bool AsErrors, bool ExplicitErrors,
                 std::string WarningsAsErrors,
                 std::optional<std::string> HeaderFilter)
      : Enabled(std::move(Enabled)), AsErrors(AsErrors),
        ExplicitErrors(ExplicitErrors),
        WarningsAsErrors(std::move(WarningsAsErrors)) {
    // As in clang-tidy, an empty regular expression matches no header.
    if (HeaderFilter && !HeaderFilter->empty())
      this->HeaderFilter.emplace(*HeaderFilter);
  }

  void HandleTranslationUnit(ASTContext &Ctx) override {
    auto Release = llvm::make_scope_exit([&] { TUContext::release(Ctx); });
    DiagnosticsEngine &Diags = Ctx.getDiagnostics();
    // The engine needs a complete AST; clang has already said what is wrong.
    if (Diags.hasUncompilableErrorOccurred())
      return;
    // -w silences crossuser's warnings like every other (custom
    // diagnostics are not subject to it), but not findings the user made
    // errors with -fplugin-arg-crossuser-werror or WarningsAsErrors.
    bool Silenced = Diags.getIgnoreAllWarnings() && !ExplicitErrors;
    if (Silenced && llvm::none_of(Enabled, [&](const auto &E) {
          return checkEnabled(WarningsAsErrors, E.first->Name);
        }))
      return;
    const SourceManager &SM = Ctx.getSourceManager();
    NolintFilter Nolint;
    for (const auto &[Check, Cfg] : Enabled) {
      // WarningsAsErrors of the configuration, named as clang-tidy names
      // them.
      bool ConfiguredError = checkEnabled(WarningsAsErrors, Check->Name);
      if (Silenced && !ConfiguredError)
        continue;
      // Shows up as "crossuser" in clang -ftime-trace, so a build can see
      // what the analysis costs it.
      llvm::TimeTraceScope Scope("crossuser", Check->Name);
      // Custom diagnostics cannot be remapped by -W flags, so the level is
      // fixed here: one ID per check, its name in the text as in clang-tidy.
      unsigned WarnID = Diags.getDiagnosticIDs()->getCustomDiagID(
          AsErrors || ConfiguredError ? DiagnosticIDs::Error
                                      : DiagnosticIDs::Warning,
          "%0 [" + Check->Name.str() +
              (ConfiguredError ? ",-warnings-as-errors]" : "]"));
      unsigned NoteID =
          Diags.getDiagnosticIDs()->getCustomDiagID(DiagnosticIDs::Note, "%0");
      for (const Finding &F : Check->Run(Ctx, Cfg)) {
        if (!reported(SM, F.Loc))
          continue;
        if (Nolint.suppresses(SM, F.Loc, F.Check))
          continue;
        Diags.Report(F.Loc, WarnID) << F.Message << F.Fixes;
        for (const FindingNote &N : F.Notes)
          Diags.Report(N.Loc, NoteID) << N.Message;
      }
    }
    // As clang-tidy: an unmatched NOLINTBEGIN or NOLINTEND suppresses
    // nothing and is an error, whatever -Werror says.
    unsigned NolintID = Diags.getDiagnosticIDs()->getCustomDiagID(
        DiagnosticIDs::Error, "%0 [clang-tidy-nolint]");
    for (const NolintFilter::Error &E : Nolint.errors())
      Diags.Report(E.Loc, NolintID) << E.Message;
  }

private:
  bool reported(const SourceManager &SM, SourceLocation Loc) const {
    return reportedAt(SM, Loc, HeaderFilter ? &*HeaderFilter : nullptr);
  }

  const std::vector<std::pair<const CheckInfo *, Config>> Enabled;
  const bool AsErrors;
  const bool ExplicitErrors;
  const std::string WarningsAsErrors;
  std::optional<llvm::Regex> HeaderFilter;
};

class PluginAction : public PluginASTAction {
public:
  ActionType getActionType() override { return AddAfterMainAction; }

  bool ParseArgs(const CompilerInstance &CI,
                 const std::vector<std::string> &Args) override {
    for (llvm::StringRef Arg : Args) {
      if (Arg.consume_front("checks="))
        Opts.Checks = Arg.str();
      else if (Arg.consume_front("config="))
        Opts.ConfigPath = Arg.str();
      else if (Arg == "no-config")
        Opts.NoConfig = true;
      else if (Arg == "werror")
        Opts.Level = PluginOptions::Error;
      else if (Arg == "no-werror")
        Opts.Level = PluginOptions::Warning;
      else
        return error(CI, "unknown argument '-fplugin-arg-crossuser-" + Arg +
                             "'; known: checks=<globs>, config=<file>, "
                             "no-config, werror, no-werror");
    }
    if (std::optional<std::string> Bad = unknownCheck(Opts.Checks))
      return error(CI, "unknown check '" + *Bad +
                           "' in -fplugin-arg-crossuser-checks; known checks: " +
                           knownCheckList());
    return true;
  }

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef InFile) override {
    const LangOptions &LO = CI.getLangOpts();
    // A precompiled header is analysed with the files that include it.
    if (!LO.CPlusPlus || LO.CompilingPCH)
      return std::make_unique<ASTConsumer>();
    // Found and merged by clang-tidy's own code (TidyConfig.h), so that
    // InheritParentConfig, HeaderFilterRegex and WarningsAsErrors mean what
    // they mean to clang-tidy.
    ResolvedConfig CF;
    if (!Opts.ConfigPath.empty() || !Opts.NoConfig) {
      llvm::SmallString<256> Abs(InFile);
      llvm::sys::fs::make_absolute(Abs);
      llvm::Expected<ResolvedConfig> Read =
          ConfigLookup(Opts.ConfigPath).forFile(Abs);
      if (!Read) {
        error(CI, llvm::toString(Read.takeError()));
        return std::make_unique<ASTConsumer>();
      }
      CF = std::move(*Read);
    }
    const std::string &Path = CF.Path;
    // A process compiles one translation unit, but a driver may run the
    // plugin for several: each warning once.
    static std::set<std::string> Warned;
    for (const std::string &W : CF.Warnings)
      if (Warned.insert(W).second)
        warning(CI, W);
    // The plugin analyses the compile the build runs; it cannot add
    // arguments to it.
    if (!CF.ExtraArgs.empty() || !CF.ExtraArgsBefore.empty()) {
      std::string W = "'" + Path + "': ExtraArgs and ExtraArgsBefore are not "
                      "applied by the compiler plugin, which analyses the "
                      "compile as the build runs it; add them to the build's "
                      "flags";
      if (Warned.insert(W).second)
        warning(CI, W);
    }
    if (CF.HeaderFilterRegex && !CF.HeaderFilterRegex->empty()) {
      std::string RegexError;
      if (!llvm::Regex(*CF.HeaderFilterRegex).isValid(RegexError)) {
        error(CI, "'" + Path + "': malformed HeaderFilterRegex '" +
                      *CF.HeaderFilterRegex + "': " + RegexError);
        return std::make_unique<ASTConsumer>();
      }
    }
    std::string Checks = !Opts.Checks.empty() ? Opts.Checks
                         : !CF.Checks.empty() ? CF.Checks
                                              : std::string("crossuser-*");
    if (std::optional<std::string> Bad = unknownCheck(Checks)) {
      error(CI, "unknown check '" + *Bad + "' in '" + Path +
                    "'; known checks: " + knownCheckList());
      return std::make_unique<ASTConsumer>();
    }
    // As clang-tidy's "Error: no checks enabled.": a build that checks
    // nothing must not look like a clean one.
    if (enablesNoCheck(Checks)) {
      if (Opts.Checks.empty() && listsOtherChecks(Checks))
        warning(CI, otherChecksOnlyMessage(Path, Checks));
      error(CI, noChecksMessage(!Opts.Checks.empty()
                                    ? "-fplugin-arg-crossuser-checks='" +
                                          Checks + "'"
                                    : "Checks '" + Checks + "' in '" + Path +
                                          "'"));
      return std::make_unique<ASTConsumer>();
    }
    bool AsErrors = Opts.Level == PluginOptions::Error ||
                    (Opts.Level == PluginOptions::FollowCompiler &&
                     CI.getDiagnostics().getWarningsAsErrors());
    std::vector<std::pair<const CheckInfo *, Config>> Enabled =
        enabledChecks(Checks, CF.Options);
    // Whole-program summaries (docs/whole-program.md), read-only as in
    // clang-tidy: an unreadable directory stops the analysis; a stale
    // summary is left out with one warning per process (its callees are
    // analysed per translation unit), never failing an unrelated compile.
    for (auto &[Check, Cfg] : Enabled) {
      if (Cfg.SummaryDirectory.empty())
        continue;
      std::vector<std::string> Stale;
      auto Index = loadFreshSummaries(Cfg.SummaryDirectory, Stale);
      for (const std::string &W : Stale)
        if (Warned.insert(W).second)
          warning(CI, W);
      if (!Index) {
        error(CI, llvm::toString(Index.takeError()));
        return std::make_unique<ASTConsumer>();
      }
      Cfg.Summaries = std::move(*Index);
    }
    return std::make_unique<PluginConsumer>(
        std::move(Enabled), AsErrors, Opts.Level == PluginOptions::Error,
        CF.WarningsAsErrors, CF.HeaderFilterRegex);
  }

private:
  static bool error(const CompilerInstance &CI, const llvm::Twine &Msg) {
    DiagnosticsEngine &Diags = CI.getDiagnostics();
    Diags.Report(Diags.getCustomDiagID(DiagnosticsEngine::Error,
                                       "crossuser plugin: %0"))
        << Msg.str();
    return false;
  }

  static void warning(const CompilerInstance &CI, const llvm::Twine &Msg) {
    DiagnosticsEngine &Diags = CI.getDiagnostics();
    Diags.Report(Diags.getCustomDiagID(DiagnosticsEngine::Warning,
                                       "crossuser plugin: %0"))
        << Msg.str();
  }

  PluginOptions Opts;
};

} // namespace
} // namespace crossuser

static clang::FrontendPluginRegistry::Add<crossuser::PluginAction>
    X("crossuser", "crossuser: finds code that serves one user's data to another");
