/// crossuser-check: runs crossuser's checks over a compilation database, for CI.
#include "Analysis/Checks.h"
#include "Analysis/Config.h"
#include "Analysis/Models.h"
#include "Analysis/Suppression.h"
#include "Analyze.h"
#include "Baseline.h"
#include "CompileArgs.h"
#include "DiffFilter.h"
#include "Inputs.h"
#include "Fingerprint.h"
#include "Merge.h"
#include "Options/CheckSelection.h"
#include "WholeProgram.h"
#include "Options/TidyConfig.h"
#include "Options/ListValue.h"
#include "Output.h"
#include "Report.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/raw_ostream.h"
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <set>
#include <thread>

using namespace clang;
using namespace clang::tooling;
namespace cl = llvm::cl;

namespace crossuser {
namespace {

cl::OptionCategory Category("crossuser-check options");

cl::opt<std::string> BuildPath(
    "p", cl::desc("Build directory containing compile_commands.json"),
    cl::value_desc("build-dir"), cl::cat(Category));
cl::list<std::string> SourcePaths(cl::Positional,
                                  cl::desc("[<source file> ...]"),
                                  cl::cat(Category));
cl::opt<std::string> ChecksOpt(
    "checks",
    cl::desc("Comma-separated globs of checks to run, as in clang-tidy "
             "(default: crossuser-*, or the Checks of the .clang-tidy file)"),
    cl::cat(Category));
cl::opt<std::string> ConfigFileOpt(
    "config-file",
    cl::desc("A .clang-tidy-format file with CheckOptions (default: the "
             "nearest .clang-tidy above each source file)"),
    cl::value_desc("file"), cl::cat(Category));

cl::opt<bool> DumpConfig(
    "dump-config",
    cl::desc("Print the effective configuration for the given file (or the "
             "current directory) as a .clang-tidy file and exit"),
    cl::cat(Category));

cl::opt<bool> ListModels(
    "list-models",
    cl::desc("Print every library model file the configuration for the given "
             "file (or the current directory) loads, shipped and ModelFiles, "
             "with its rows (role, name, file:line), and exit"),
    cl::cat(Category));

cl::opt<unsigned> Jobs(
    "j",
    cl::desc("Translation units analysed in parallel (default: all cores; "
             "also --jobs=N)"),
    cl::value_desc("N"), cl::init(0), cl::Prefix, cl::cat(Category));
cl::alias JobsAlias("jobs", cl::desc("Alias for -j"), cl::aliasopt(Jobs),
                    cl::cat(Category));
cl::list<std::string> ExtraArgs(
    "extra-arg",
    cl::desc("Additional argument to append to the compiler command line "
             "(as in clang-tidy; repeatable)"),
    cl::value_desc("arg"), cl::cat(Category));
cl::list<std::string> ExtraArgsBefore(
    "extra-arg-before",
    cl::desc("Additional argument to prepend to the compiler command line "
             "(as in clang-tidy; repeatable)"),
    cl::value_desc("arg"), cl::cat(Category));
cl::opt<bool> Quiet("quiet",
                    cl::desc("No progress line and no summary on stderr"),
                    cl::cat(Category));
cl::opt<std::string> HeaderFilter(
    "header-filter",
    cl::desc("Also report findings in headers whose name matches this "
             "regular expression, once however many files include them "
             "(default: main files only)"),
    cl::value_desc("regex"), cl::cat(Category));
cl::opt<std::string> FormatOpt(
    "format",
    cl::desc("Output format: text (default), sarif, json, codeclimate, "
             "rdjson (reviewdog)"),
    cl::value_desc("format"), cl::init("text"), cl::cat(Category));
cl::opt<std::string> OutputOpt(
    "o",
    cl::desc("Write the report to this file (atomically; through a symlink, "
             "in place for a FIFO or device; '-': stdout) instead of stdout"),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> RootOpt(
    "root",
    cl::desc("Directory that report paths are relative to (default: the git "
             "repository of the current directory, else the current directory)"),
    cl::value_desc("dir"), cl::cat(Category));
cl::opt<std::string> HelpUriBaseOpt(
    "help-uri-base",
    cl::desc("Where the check pages (docs/checks/) are published: SARIF "
             "helpUri is URL/<check>.md and informationUri URL (default: "
             "none; the help text is in the report)"),
    cl::value_desc("url"), cl::cat(Category));
cl::opt<std::string> BaselineOpt(
    "baseline", cl::desc("Report only findings that are not in this baseline"),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> WriteBaselineOpt(
    "write-baseline",
    cl::desc("Record the current findings in this baseline, print one line "
             "instead of the report and exit 0"),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<bool> ShowFixed(
    "show-fixed",
    cl::desc("With --baseline, also report the baseline's findings that are gone"),
    cl::cat(Category));
cl::opt<std::string> DiffOpt(
    "diff",
    cl::desc("Report only findings on lines this unified diff adds or "
             "changes ('-': stdin); the analysis still sees whole files"),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> DiffBaseOpt(
    "diff-base",
    cl::desc("Report only findings on lines the branch changed since it left "
             "this git revision (runs 'git diff -U0' against 'git merge-base "
             "REV HEAD' in the root)"),
    cl::value_desc("rev"), cl::cat(Category));
cl::opt<std::string> ShardOpt(
    "shard",
    cl::desc("Analyse only shard K of N of the translation units (sorted by "
             "path, every Nth); combine the reports with 'merge'"),
    cl::value_desc("K/N"), cl::cat(Category));
cl::opt<std::string> SummariesOpt(
    "summaries",
    cl::desc("Whole-program mode: bring the summaries of every translation "
             "unit of the compilation database up to date in this directory "
             "(incrementally), then analyse with them"),
    cl::value_desc("dir"), cl::cat(Category));
cl::opt<bool> WholeProgramOpt(
    "whole-program",
    cl::desc("Whole-program mode in one command: as --summaries, in a "
             "temporary directory unless --summaries names one"),
    cl::cat(Category));
cl::list<std::string> ExcludeOpt(
    "exclude",
    cl::desc("Do not analyse the files whose absolute path matches this "
             "regular expression (repeatable)"),
    cl::value_desc("regex"), cl::cat(Category));
cl::opt<bool> SkipMissing(
    "skip-missing",
    cl::desc("Skip files that are missing on disk (sources generated at build "
             "time) with a note, instead of an error"),
    cl::cat(Category));
cl::opt<double> ProgressIntervalOpt(
    "progress-interval",
    cl::desc("When stderr is not a terminal, print a progress line at least "
             "every this many seconds (default 30; 0: after every file)"),
    cl::value_desc("seconds"), cl::init(30), cl::Hidden, cl::cat(Category));
cl::opt<bool> ExitZero(
    "exit-zero", cl::desc("Exit 0 even when there are findings (errors still exit 2)"),
    cl::cat(Category));

/// Tool errors go to stderr, one line each, and make the exit code 2.
struct ErrorSink {
  unsigned Count = 0;
  /// Counts without printing (files outside the run).
  bool Silent = false;
  void report(const llvm::Twine &Msg) {
    ++Count;
    if (!Silent)
      llvm::errs() << "crossuser-check: error: " << Msg << "\n";
  }
  /// An error that is a diagnostic of its own (`file:line:col: error: ...`).
  void reportDiagnostic(llvm::StringRef Line) {
    ++Count;
    llvm::errs() << Line << "\n";
  }
};


/// The configuration for one file: --config-file, or the nearest
/// .clang-tidy files (merged along InheritParentConfig), or the defaults,
/// found and merged by clang-tidy's own code (TidyConfig.h). Each
/// directory is resolved once.
class ConfigResolver {
public:
  ConfigResolver(ErrorSink &Errors)
      : Errors(Errors), Lookup(ConfigFileOpt.getValue()) {}

  /// Returns null after reporting an error.
  const FileConfig *forFile(llvm::StringRef File) {
    std::string Dir = llvm::sys::path::parent_path(File).str();
    auto It = Cache.find(Dir);
    if (It != Cache.end())
      return It->second.get();
    std::unique_ptr<FileConfig> &Entry = Cache[Dir];
    llvm::Expected<ResolvedConfig> Read = Lookup.forFile(File);
    if (!Read) {
      report(llvm::toString(Read.takeError()));
      return nullptr;
    }
    ResolvedConfig &CF = *Read;
    for (const std::string &W : CF.Warnings)
      if (Warned.insert(W).second)
        llvm::errs() << "crossuser-check: warning: " << W << "\n";
    const std::string &Path = CF.Path;
    std::string Checks = !ChecksOpt.empty()      ? ChecksOpt.getValue()
                         : !CF.Checks.empty()    ? CF.Checks
                                                 : std::string("crossuser-*");
    if (std::optional<std::string> Bad = unknownCheck(Checks)) {
      report("unknown check '" + *Bad + "'" +
             (ChecksOpt.empty() ? " in '" + Path + "'" : std::string()) +
             "; known checks: " + knownCheckList());
      return nullptr;
    }
    auto Result = std::make_unique<FileConfig>();
    // As clang-tidy: --header-filter, even empty, overrides the file; an
    // empty regular expression matches no header.
    if (HeaderFilter.getNumOccurrences()) {
      Result->HeaderFilter = HeaderFilter;
    } else if (CF.HeaderFilterRegex && !CF.HeaderFilterRegex->empty()) {
      std::string RegexError;
      if (!llvm::Regex(*CF.HeaderFilterRegex).isValid(RegexError)) {
        report("'" + Path + "': malformed HeaderFilterRegex '" +
               *CF.HeaderFilterRegex + "': " + RegexError);
        return nullptr;
      }
      Result->HeaderFilter = *CF.HeaderFilterRegex;
    }
    Result->WarningsAsErrors = CF.WarningsAsErrors;
    Result->ExtraArgsBefore = CF.ExtraArgsBefore;
    Result->ExtraArgsBefore.insert(Result->ExtraArgsBefore.end(),
                                   ExtraArgsBefore.begin(),
                                   ExtraArgsBefore.end());
    Result->ExtraArgs = CF.ExtraArgs;
    Result->ExtraArgs.insert(Result->ExtraArgs.end(), ExtraArgs.begin(),
                             ExtraArgs.end());
    Result->Checks = Checks;
    Result->Origin = !ChecksOpt.empty() ? "--checks='" + Checks + "'"
                     : !CF.Checks.empty()
                         ? "Checks '" + Checks + "' in '" + Path + "'"
                         : "the default checks 'crossuser-*'";
    if (ChecksOpt.empty() && enablesNoCheck(Checks) && listsOtherChecks(Checks))
      llvm::errs() << "crossuser-check: warning: "
                   << otherChecksOnlyMessage(Path, Checks) << "\n";
    Result->Enabled = enabledChecks(Checks, CF.Options);
    Raw[Dir] = std::move(CF.Options);
    Entry = std::move(Result);
    return Entry.get();
  }

  /// The configured (or default) text of option \p Name of \p Check for
  /// \p File, which forFile has resolved.
  std::string rawValue(llvm::StringRef File, llvm::StringRef Check,
                       llvm::StringRef Name) {
    if (std::optional<std::string> V = configuredValue(
            Raw[llvm::sys::path::parent_path(File).str()], Check, Name))
      return *V;
    for (const OptionSpec &S : optionSpecs())
      if (Name == S.Name)
        return S.Default;
    return "";
  }

private:
  /// A broken file is named once, however many directories it covers.
  void report(const std::string &Msg) {
    if (Reported.insert(Msg).second)
      Errors.report(Msg);
    else
      ++Errors.Count;
  }

  ErrorSink &Errors;
  ConfigLookup Lookup;
  std::map<std::string, std::unique_ptr<FileConfig>> Cache;
  std::map<std::string, llvm::StringMap<std::string>> Raw;
  std::set<std::string> Warned, Reported;
};

/// The --root: as given, else the git repository around the current
/// directory, else the current directory; absolute and without symlinks.
std::string reportRoot() {
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  std::string Root = RootOpt;
  if (Root.empty()) {
    llvm::Expected<std::string> Top =
        runCommand({"git", "rev-parse", "--show-toplevel"}, Cwd);
    if (Top)
      Root = llvm::StringRef(*Top).trim().str();
    else
      llvm::consumeError(Top.takeError());
  }
  if (Root.empty())
    Root = std::string(Cwd);
  llvm::SmallString<256> Real;
  if (llvm::sys::fs::real_path(Root, Real))
    Real = Root;
  llvm::sys::fs::make_absolute(Real);
  llvm::sys::path::remove_dots(Real, /*remove_dot_dot=*/true);
  while (Real.size() > 1 && llvm::sys::path::is_separator(Real.back()))
    Real.pop_back();
  return std::string(Real);
}

/// Paths of findings relative to the root; symlinks resolved once each.
class PathMapper {
public:
  explicit PathMapper(std::string Root) : Root(std::move(Root)) {}
  void map(ReportLocation &L) {
    auto It = Cache.find(L.Path);
    if (It == Cache.end()) {
      llvm::SmallString<256> Real;
      if (llvm::sys::fs::real_path(L.Path, Real))
        Real = L.Path;
      It = Cache.try_emplace(L.Path, relativeToRoot(Real, Root)).first;
    }
    L.Path = It->second;
  }

private:
  std::string Root;
  llvm::StringMap<std::string> Cache;
};

/// LibTooling explains a bad database once per database plugin, on several
/// lines; the JSON plugin's line is the one about compile_commands.json.
std::string databaseError(llvm::StringRef Err) {
  llvm::SmallVector<llvm::StringRef, 4> Lines;
  Err.split(Lines, '\n', -1, false);
  for (llvm::StringRef L : Lines)
    if (L.consume_front("json-compilation-database: "))
      return L.trim().str();
  std::string Out;
  for (llvm::StringRef L : Lines)
    Out += (Out.empty() ? "" : "; ") + L.trim().str();
  return Out;
}

std::string plural(size_t N, llvm::StringRef One, llvm::StringRef Many) {
  return std::to_string(N) + " " + (N == 1 ? One : Many).str();
}

/// Writes a report to -o or to stdout. Errors in the options and inputs
/// stop the run before it gets here; once files were analysed, the report
/// of what was analysed is always written, marked incomplete when some
/// files were not.
bool emitReport(ErrorSink &Errors, OutputFormat Format,
                const std::vector<ReportFinding> &Findings,
                const ReportContext &Ctx) {
  std::string Text = formatReport(Format, Findings, Ctx);
  // Code Quality and text have no place for it; CI logs do.
  if (!Ctx.Failed.empty())
    llvm::errs() << "crossuser-check: the report"
                 << (OutputOpt.empty() || OutputOpt == "-"
                         ? std::string()
                         : " '" + OutputOpt + "'")
                 << " is incomplete: "
                 << plural(Ctx.Failed.size(), "file was", "files were")
                 << " not analysed\n";
  if (OutputOpt.empty() || OutputOpt == "-") {
    llvm::outs() << Text;
    llvm::outs().flush();
    return true;
  }
  if (llvm::Error E = writeOutputFile(OutputOpt, Text)) {
    Errors.report(llvm::toString(std::move(E)));
    return false;
  }
  return true;
}

/// The filters of a report: --baseline and --diff/--diff-base.
struct Filters {
  std::optional<std::vector<BaselineEntry>> Baseline;
  std::optional<ChangedLines> Changed;
};

/// Reads the baseline and the diff, and checks that -o and
/// --write-baseline can be written, before any analysis; false after
/// reporting an error.
bool loadFilters(ErrorSink &Errors, const std::string &Root, Filters &Out) {
  if (!DiffOpt.empty() && !DiffBaseOpt.empty()) {
    Errors.report("--diff and --diff-base cannot be used together");
    return false;
  }
  if (ShowFixed && BaselineOpt.empty()) {
    Errors.report("--show-fixed needs --baseline");
    return false;
  }
  if (!BaselineOpt.empty()) {
    llvm::Expected<std::string> Text = readInput(BaselineOpt);
    if (!Text) {
      Errors.report(llvm::toString(Text.takeError()));
      return false;
    }
    llvm::Expected<std::vector<BaselineEntry>> Parsed = parseBaseline(*Text);
    if (!Parsed) {
      Errors.report("'" + BaselineOpt + "': " + llvm::toString(Parsed.takeError()));
      return false;
    }
    Out.Baseline = std::move(*Parsed);
  }
  if (!DiffOpt.empty() || !DiffBaseOpt.empty()) {
    std::string Name = DiffOpt == "-" ? "<stdin>" : DiffOpt.getValue();
    // What the branch changed since it left REV (as GitHub and GitLab show
    // a merge request), not what REV changed since: diff against the merge
    // base.
    std::string Base;
    if (!DiffBaseOpt.empty()) {
      llvm::Expected<std::string> MergeBase =
          runCommand({"git", "merge-base", DiffBaseOpt, "HEAD"}, Root);
      if (!MergeBase) {
        Errors.report(llvm::toString(MergeBase.takeError()));
        return false;
      }
      Base = llvm::StringRef(*MergeBase).trim().str();
    }
    llvm::Expected<std::string> Text =
        !DiffOpt.empty()
            ? readInput(DiffOpt)
            : runCommand({"git", "diff", "-U0", "--no-color", "--no-ext-diff",
                          "--relative", Base, "--"},
                         Root);
    if (!Text) {
      Errors.report(llvm::toString(Text.takeError()));
      return false;
    }
    if (!DiffBaseOpt.empty())
      Name = "git diff " + DiffBaseOpt;
    llvm::Expected<ChangedLines> Parsed = parseUnifiedDiff(*Text);
    if (!Parsed) {
      Errors.report("'" + Name + "': " + llvm::toString(Parsed.takeError()));
      return false;
    }
    Out.Changed = std::move(*Parsed);
  }
  for (const std::string &Path : {OutputOpt.getValue(), WriteBaselineOpt.getValue()})
    if (!Path.empty() && Path != "-")
      if (llvm::Error E = checkWritable(Path)) {
        Errors.report(llvm::toString(std::move(E)));
        return false;
      }
  return true;
}

/// Writes --write-baseline (all findings), applies the baseline and the
/// diff, writes the report, prints the summary line
/// (`N findings<Scope>, ...`) and returns the exit status.
int finishReport(ErrorSink &Errors, std::vector<ReportFinding> All,
                 const std::string &Root, const Filters &Filter,
                 OutputFormat Format, const std::string &Scope,
                 std::vector<FailedFile> Failed) {
  // Writing a baseline accepts today's findings: it is not a check run,
  // so it prints one line instead of the report and exits 0 (-o, when
  // given, still gets the report).
  bool BaselineWritten = false;
  if (!WriteBaselineOpt.empty()) {
    if (Errors.Count || !Failed.empty())
      llvm::errs() << "crossuser-check: '" << WriteBaselineOpt
                   << "' was not written because of the errors above\n";
    else if (llvm::Error E =
                 writeOutputFile(WriteBaselineOpt, formatBaseline(All)))
      Errors.report(llvm::toString(std::move(E)));
    else
      BaselineWritten = true;
  }
  if (BaselineWritten && !Quiet)
    llvm::errs() << "crossuser-check: wrote "
                 << plural(All.size(), "finding", "findings") << " to "
                 << WriteBaselineOpt << "\n";

  ReportContext Ctx;
  Ctx.Root = Root;
  Ctx.HelpUriBase = HelpUriBaseOpt;
  std::sort(Failed.begin(), Failed.end());
  Failed.erase(std::unique(Failed.begin(), Failed.end()), Failed.end());
  Ctx.Failed = std::move(Failed);
  size_t Total = All.size(), InBaseline = 0, OutsideDiff = 0;
  if (Filter.Baseline) {
    Ctx.WithBaseline = true;
    std::vector<BaselineEntry> Fixed = applyBaseline(All, *Filter.Baseline);
    InBaseline = Total - All.size();
    if (ShowFixed)
      Ctx.Fixed = std::move(Fixed);
  }
  if (Filter.Changed) {
    size_t Before = All.size();
    All.erase(std::remove_if(All.begin(), All.end(),
                             [&](const ReportFinding &F) {
                               return !Filter.Changed->contains(F.Loc.Path,
                                                                F.Loc.Line);
                             }),
              All.end());
    OutsideDiff = Before - All.size();
  }
  if (BaselineWritten) {
    if (!OutputOpt.empty() && OutputOpt != "-")
      emitReport(Errors, Format, All, Ctx);
    return Errors.Count ? 2 : 0;
  }
  emitReport(Errors, Format, All, Ctx);

  if (!Quiet) {
    llvm::errs() << "crossuser-check: " << plural(All.size(), "finding", "findings")
                 << Scope;
    if (size_t AsErrors = llvm::count_if(
            All, [](const ReportFinding &F) { return F.AsError; }))
      llvm::errs() << ", " << AsErrors << " treated as errors (WarningsAsErrors)";
    if (Filter.Baseline)
      llvm::errs() << ", " << InBaseline << " in the baseline";
    if (ShowFixed)
      llvm::errs() << ", " << Ctx.Fixed.size() << " fixed";
    if (Filter.Changed)
      llvm::errs() << ", " << OutsideDiff << " outside the diff";
    if (Errors.Count)
      llvm::errs() << ", " << plural(Errors.Count, "error", "errors");
    llvm::errs() << "\n";
  }
  if (Errors.Count || !Ctx.Failed.empty())
    return 2;
  // WarningsAsErrors findings fail the run even with --exit-zero, as they
  // fail clang-tidy.
  bool AnyError = llvm::any_of(All, [](const ReportFinding &F) { return F.AsError; });
  return All.empty() || (ExitZero && !AnyError) ? 0 : 1;
}

/// Drops the jobs whose source and recorded dependencies are all outside
/// \p Changed, and says how many were kept and skipped.
void skipUnaffected(std::vector<TUJob> &Jobs, const ChangedLines &Changed,
                    const std::string &Root, unsigned Threads) {
  llvm::StringSet<> Touched;
  for (const auto &F : Changed.Files) {
    llvm::SmallString<256> Abs(F.getKey());
    if (!llvm::sys::path::is_absolute(Abs)) {
      Abs = Root;
      llvm::sys::path::append(Abs, F.getKey());
    }
    llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
    Touched.insert(Abs);
    llvm::SmallString<256> Real;
    if (!llvm::sys::fs::real_path(Abs, Real))
      Touched.insert(Real);
  }
  auto IsTouched = [&](llvm::StringRef Path) {
    if (Touched.contains(Path))
      return true;
    llvm::SmallString<256> Real;
    return !llvm::sys::fs::real_path(Path, Real) && Touched.contains(Real);
  };
  // The preprocessor passes run in parallel; each job's answer has a slot.
  std::vector<char> Keep(Jobs.size(), 0), Direct(Jobs.size(), 0),
      FromDeps(Jobs.size(), 0);
  std::atomic<size_t> Next{0};
  auto Worker = [&] {
    for (size_t I; (I = Next++) < Jobs.size();) {
      if (IsTouched(Jobs[I].File)) {
        Keep[I] = Direct[I] = 1;
        continue;
      }
      bool FromDepFile = false;
      std::vector<std::string> Deps = dependenciesOf(Jobs[I], FromDepFile);
      FromDeps[I] = FromDepFile;
      // No dependencies known (the pass failed): analyse, to be safe.
      Keep[I] = Deps.empty() || llvm::any_of(Deps, IsTouched);
    }
  };
  std::vector<std::thread> Pool;
  for (unsigned T = 1; T < std::min<size_t>(Threads, Jobs.size()); ++T)
    Pool.emplace_back(Worker);
  Worker();
  for (std::thread &T : Pool)
    T.join();
  size_t Total = Jobs.size(), Edited = 0, DepFiles = 0;
  for (size_t I = 0; I < Total; ++I) {
    Edited += Direct[I];
    DepFiles += FromDeps[I];
  }
  std::vector<TUJob> Kept;
  for (size_t I = 0; I < Total; ++I)
    if (Keep[I])
      Kept.push_back(std::move(Jobs[I]));
  Jobs = std::move(Kept);
  if (!Quiet)
    llvm::errs() << "crossuser-check: diff: analysing " << Jobs.size() << " of "
                 << plural(Total, "translation unit", "translation units")
                 << ", " << Total - Jobs.size()
                 << " skipped (" << Edited << " changed; the includes of "
                 << Total - Edited << " from " << DepFiles
                 << " -MD dependency files and "
                 << Total - Edited - DepFiles << " preprocessor passes)\n";
}

llvm::StringRef roleName(ModelRole R) {
  switch (R) {
  case ModelRole::Identity:
    return "identity";
  case ModelRole::PerUserSource:
    return "per-user-source";
  case ModelRole::Lifetime:
    return "lifetime";
  case ModelRole::Cache:
    return "cache";
  case ModelRole::RemoteCache:
    return "remote-cache";
  case ModelRole::ResponseHeader:
    return "response-header";
  case ModelRole::ResponseBody:
    return "response-body";
  case ModelRole::Middleware:
    return "middleware";
  }
  return "";
}

/// `--list-models [FILE]`: the shipped model files and those of the
/// effective `ModelFiles`, each with its rows.
int listModels(ErrorSink &Errors) {
  // Each shipped file is parsed here first: a broken one is a one-line
  // error, not the fatal error Models::shipped() reserves for analyses.
  std::vector<std::string> Shipped = Models::shippedFiles();
  for (const std::string &P : Shipped) {
    Models Probe;
    if (llvm::Error E = Probe.load(P)) {
      Errors.report(llvm::toString(std::move(E)));
      return 2;
    }
  }
  llvm::SmallString<256> Where;
  if (!SourcePaths.empty()) {
    Where = SourcePaths.front();
  } else {
    llvm::sys::fs::current_path(Where);
    llvm::sys::path::append(Where, "-");
  }
  llvm::sys::fs::make_absolute(Where);
  ConfigResolver Configs(Errors);
  const auto *Cfg = Configs.forFile(Where);
  if (!Cfg)
    return 2;
  // One list per distinct value: the checks may be configured apart.
  std::vector<std::string> Lists;
  for (const auto &Enabled : Cfg->Enabled) {
    std::string V = Configs.rawValue(Where, Enabled.first->Name, "ModelFiles");
    if (!llvm::is_contained(Lists, V))
      Lists.push_back(V);
  }
  const Models &Base = Models::shipped();
  std::vector<std::string> Printed;
  auto Print = [&](const Models &M, llvm::StringRef Heading) {
    bool Any = false;
    for (const std::string &File : M.files()) {
      if (llvm::is_contained(Printed, File))
        continue;
      if (!Any)
        llvm::outs() << Heading << ":\n";
      Any = true;
      Printed.push_back(File);
      size_t N = 0;
      for (const ModelRow &R : M.rows())
        if (llvm::StringRef(R.Where).startswith(File + ":"))
          ++N;
      llvm::outs() << File << ": " << plural(N, "row", "rows") << "\n";
      for (const ModelRow &R : M.rows())
        if (llvm::StringRef(R.Where).startswith(File + ":"))
          llvm::outs() << "  " << llvm::left_justify(roleName(R.Role), 16)
                       << llvm::left_justify(R.Name, 48) << " " << R.Where
                       << "\n";
    }
  };
  Print(Base, "shipped models (" + Models::shippedDirectory() + ")");
  for (const std::string &List : Lists) {
    llvm::Expected<std::shared_ptr<const Models>> M =
        loadModels(expandListValue("ModelFiles", List));
    if (!M) {
      Errors.report(llvm::toString(M.takeError()));
      return 2;
    }
    Print(**M, "ModelFiles '" + List + "'");
  }
  return 0;
}

/// `crossuser-check merge A.sarif B.sarif -o ALL.sarif`.
int runMerge(ErrorSink &Errors) {
  if (SourcePaths.empty()) {
    Errors.report("merge: no input reports");
    return 2;
  }
  std::vector<LoadedReport> Reports;
  for (const std::string &Path : SourcePaths) {
    llvm::Expected<std::string> Text = readInput(Path);
    if (!Text) {
      Errors.report(llvm::toString(Text.takeError()));
      continue;
    }
    llvm::Expected<LoadedReport> R = parseReport(*Text);
    if (!R) {
      Errors.report("'" + Path + "': " + llvm::toString(R.takeError()));
      continue;
    }
    if (!Reports.empty() && R->Format != Reports.front().Format) {
      Errors.report("'" + Path + "': a " +
                    (R->Format == OutputFormat::Sarif ? "SARIF" : "JSON") +
                    " report cannot be merged with '" + SourcePaths.front() +
                    "', which is not");
      continue;
    }
    Reports.push_back(std::move(*R));
  }
  if (Errors.Count)
    return 2;
  OutputFormat Format = Reports.front().Format;
  if (FormatOpt.getNumOccurrences())
    Format = *parseOutputFormat(FormatOpt);
  std::string Root =
      RootOpt.getNumOccurrences() || Reports.front().Root.empty()
          ? reportRoot()
          : Reports.front().Root;
  Filters Filter;
  if (!loadFilters(Errors, Root, Filter))
    return 2;
  std::string Scope =
      " in " + plural(Reports.size(), "merged report", "merged reports");
  // A shard that could not analyse some files makes the merged run
  // incomplete too.
  std::vector<FailedFile> Failed;
  for (const LoadedReport &R : Reports)
    Failed.insert(Failed.end(), R.Failed.begin(), R.Failed.end());
  return finishReport(Errors, mergeFindings(Reports), Root, Filter, Format,
                      Scope, std::move(Failed));
}

int run(int argc, const char **argv) {
  ErrorSink Errors;
  // `merge` is a subcommand; the rest of its command line uses the same
  // options (-o, --format, --root, --quiet).
  bool Merge = argc > 1 && llvm::StringRef(argv[1]) == "merge";
  std::vector<const char *> Args(argv, argv + argc);
  if (Merge)
    Args.erase(Args.begin() + 1);
  argc = static_cast<int>(Args.size());
  argv = Args.data();
  std::string FixedError;
  std::unique_ptr<CompilationDatabase> Fixed =
      Merge ? nullptr
            : FixedCompilationDatabase::loadFromCommandLine(argc, argv,
                                                            FixedError);
  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "crossuser-check " << CROSSUSER_VERSION << " (LLVM " << LLVM_VERSION_STRING
       << ")\n";
  });
  if (!cl::ParseCommandLineOptions(
          argc, argv,
          "Finds code that serves one user's data to another.\n\n"
          "  crossuser-check -p build/ [paths...]\n"
          "  crossuser-check file.cpp -- -std=c++17 -Iinclude\n"
          "  crossuser-check merge shard1.sarif shard2.sarif -o all.sarif\n\n"
          "Exit status: 0 no findings, 1 findings, 2 tool or input error.\n",
          &llvm::errs()))
    return 2;

  std::optional<OutputFormat> Format = parseOutputFormat(FormatOpt);
  if (!Format) {
    Errors.report("unknown --format '" + FormatOpt +
                  "'; known formats: text, sarif, json, codeclimate, rdjson");
    return 2;
  }
  if (Merge)
    return runMerge(Errors);

  if (ListModels)
    return listModels(Errors);
  if (DumpConfig) {
    ConfigResolver Configs(Errors);
    llvm::SmallString<256> Where;
    if (!SourcePaths.empty()) {
      Where = SourcePaths.front();
    } else {
      // A file name in the current directory: its .clang-tidy applies.
      llvm::sys::fs::current_path(Where);
      llvm::sys::path::append(Where, "-");
    }
    llvm::sys::fs::make_absolute(Where);
    const auto *Cfg = Configs.forFile(Where);
    if (!Cfg)
      return 2;
    // The other keys only when set, so that the defaults print as before.
    auto Quoted = [](llvm::StringRef V) {
      std::string Out = "'";
      for (char C : V)
        Out += C == '\'' ? std::string("''") : std::string(1, C);
      return Out + "'";
    };
    llvm::outs() << "Checks: '" << Cfg->Checks << "'\n";
    if (!Cfg->WarningsAsErrors.empty())
      llvm::outs() << "WarningsAsErrors: " << Quoted(Cfg->WarningsAsErrors) << "\n";
    if (!Cfg->HeaderFilter.empty())
      llvm::outs() << "HeaderFilterRegex: " << Quoted(Cfg->HeaderFilter) << "\n";
    llvm::outs() << "CheckOptions:\n";
    // The model options once, by their global keys; then each enabled
    // check's rule options.
    if (!Cfg->Enabled.empty())
      for (const OptionSpec &S : optionSpecs())
        if (!S.Rule)
          llvm::outs() << "  " << S.Name << ": '"
                       << Configs.rawValue(Where, Cfg->Enabled.front().first->Name,
                                           S.Name)
                       << "'\n";
    for (const auto &Enabled : Cfg->Enabled)
      for (const OptionSpec &S : optionSpecs())
        if (S.appliesTo(Enabled.first->Name))
          llvm::outs() << "  " << Enabled.first->Name << "." << S.Name << ": '"
                       << Configs.rawValue(Where, Enabled.first->Name, S.Name)
                       << "'\n";
    for (const auto &[Key, Args] :
         {std::pair<const char *, const std::vector<std::string> *>{
              "ExtraArgs", &Cfg->ExtraArgs},
          {"ExtraArgsBefore", &Cfg->ExtraArgsBefore}}) {
      if (Args->empty())
        continue;
      llvm::outs() << Key << ":\n";
      for (const std::string &A : *Args)
        llvm::outs() << "  - " << Quoted(A) << "\n";
    }
    return 0;
  }
  if (!Fixed && !FixedError.empty()) {
    Errors.report(FixedError);
    return 2;
  }
  // As clang-tidy's "Error: no checks enabled.": a run that checks
  // nothing must not pass as a clean one.
  if (!ChecksOpt.empty() && !unknownCheck(ChecksOpt) &&
      enablesNoCheck(ChecksOpt)) {
    Errors.report(noChecksMessage("--checks='" + ChecksOpt + "'"));
    return 2;
  }

  // Options and inputs other than the sources are checked before any
  // analysis, and an error in them stops the run before anything is
  // written.
  unsigned ShardIndex = 0, ShardCount = 1;
  if (!ShardOpt.empty()) {
    llvm::StringRef K, N;
    std::tie(K, N) = llvm::StringRef(ShardOpt).split('/');
    if (K.getAsInteger(10, ShardIndex) || N.getAsInteger(10, ShardCount) ||
        ShardCount == 0 || ShardIndex == 0 || ShardIndex > ShardCount) {
      Errors.report("malformed --shard '" + ShardOpt +
                    "': expected K/N with 1 <= K <= N");
      return 2;
    }
    --ShardIndex;
  }
  std::vector<llvm::Regex> Excludes;
  for (const std::string &E : ExcludeOpt) {
    std::string RegexError;
    if (!llvm::Regex(E).isValid(RegexError)) {
      Errors.report("malformed --exclude '" + E + "': " + RegexError);
      return 2;
    }
    Excludes.emplace_back(E);
  }
  if (!HeaderFilter.empty()) {
    std::string RegexError;
    if (!llvm::Regex(HeaderFilter).isValid(RegexError)) {
      Errors.report("malformed --header-filter '" + HeaderFilter +
                    "': " + RegexError);
      return 2;
    }
  }
  if (ShowFixed && ShardCount > 1) {
    // The other shards' findings would look fixed.
    Errors.report("--show-fixed cannot be used with --shard: merge the "
                  "shards' reports with 'crossuser-check merge --baseline "
                  "FILE --show-fixed'");
    return 2;
  }
  if (!RootOpt.empty() && !llvm::sys::fs::is_directory(RootOpt)) {
    Errors.report("'" + RootOpt + "': --root is not a directory");
    return 2;
  }
  const std::string Root = reportRoot();

  Filters Filter;
  if (!loadFilters(Errors, Root, Filter))
    return 2;

  std::unique_ptr<CompilationDatabase> DB;
  std::string DBName;
  const bool FromCommandLine = Fixed != nullptr;
  if (Fixed) {
    DB = std::move(Fixed);
    DBName = "the command line after '--'";
  } else if (!BuildPath.empty()) {
    std::string Err;
    llvm::SmallString<256> JSON(BuildPath.getValue());
    llvm::sys::path::append(JSON, "compile_commands.json");
    DBName = std::string(JSON);
    // LibTooling's parser echoes the offending line to stderr; for a
    // binary file that is a line of raw bytes.
    if (auto Buf = llvm::MemoryBuffer::getFile(JSON))
      if (llvm::StringRef Text = (*Buf)->getBuffer();
          Text.contains('\0') || !llvm::json::isUTF8(Text)) {
        Errors.report("'" + JSON + "' is not a JSON text file (it contains "
                      "binary data)");
        return 2;
      }
    DB = CompilationDatabase::loadFromDirectory(BuildPath, Err);
    if (!DB) {
      if (!llvm::sys::fs::exists(JSON))
        Errors.report("no compilation database: '" + JSON +
                      "' does not exist (configure with "
                      "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON)");
      else if (uint64_t Size = 0;
               !llvm::sys::fs::file_size(JSON, Size) && Size == 0)
        Errors.report("'" + JSON + "' is empty; expected a JSON array of "
                      "compile commands");
      else
        Errors.report("'" + JSON + "': " + databaseError(Err));
      return 2;
    }
  } else if (!SourcePaths.empty()) {
    std::string Err;
    DB = CompilationDatabase::autoDetectFromSource(SourcePaths.front(), Err);
    if (!DB) {
      Errors.report("no compilation database found for '" +
                    SourcePaths.front() +
                    "': pass -p BUILD_DIR, or compiler flags after '--'");
      return 2;
    }
    DBName = "the detected compile_commands.json";
  } else {
    Errors.report("no input: pass -p BUILD_DIR, source files, or both");
    return 2;
  }

  // A JSON database answers for any file by interpolating a neighbour's
  // flags; a file the user names must really be in it.
  std::vector<std::string> DBFiles;
  llvm::StringSet<> Listed;
  if (!FromCommandLine)
    for (const std::string &F : DB->getAllFiles()) {
      llvm::SmallString<256> A(F);
      llvm::sys::path::remove_dots(A, /*remove_dot_dot=*/true);
      Listed.insert(A);
      DBFiles.push_back(std::string(A));
    }
  std::sort(DBFiles.begin(), DBFiles.end());

  // (absolute path, name for messages), sorted by path.
  std::vector<std::pair<std::string, std::string>> Files;
  if (SourcePaths.empty()) {
    for (const std::string &F : DBFiles)
      Files.push_back({F, F});
    if (Files.empty()) {
      Errors.report("'" + DBName + "' lists no files");
      return 2;
    }
  }
  for (const std::string &Given : SourcePaths) {
    llvm::SmallString<256> Abs(Given);
    llvm::sys::fs::make_absolute(Abs);
    llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
    if (!FromCommandLine && llvm::sys::fs::is_directory(Abs)) {
      // A directory stands for the database's files under it.
      llvm::SmallString<256> Prefix(Abs);
      llvm::sys::path::append(Prefix, "");
      size_t Before = Files.size();
      for (const std::string &F : DBFiles)
        if (llvm::StringRef(F).startswith(Prefix))
          Files.push_back({F, F});
      if (Files.size() == Before)
        Errors.report("'" + Given + "': no file of " + DBName + " is under it");
      continue;
    }
    Files.push_back({std::string(Abs), Given});
  }
  std::sort(Files.begin(), Files.end());
  Files.erase(std::unique(Files.begin(), Files.end(),
                          [](const auto &A, const auto &B) {
                            return A.first == B.first;
                          }),
              Files.end());
  // Before sharding, so that the shards of a run exclude the same files.
  Files.erase(std::remove_if(Files.begin(), Files.end(),
                             [&](const auto &F) {
                               return llvm::any_of(Excludes, [&](const llvm::Regex &R) {
                                 return R.match(F.first);
                               });
                             }),
              Files.end());

  // Everything a worker needs is resolved here, on one thread.
  ConfigResolver Configs(Errors);
  // The files that were not analysed, for the report.
  std::vector<FailedFile> NotAnalysed;
  // Arguments of the database that clang does not know, noted once.
  std::vector<std::string> Dropped;
  llvm::StringSet<> DroppedSet;
  size_t DroppedNoted = 0;
  auto NoteDropped = [&] {
    if (Quiet || Dropped.size() == DroppedNoted)
      return;
    std::string List;
    for (size_t I = DroppedNoted; I < Dropped.size(); ++I)
      List += (List.empty() ? "'" : ", '") + Dropped[I] + "'";
    llvm::errs() << "crossuser-check: note: dropped "
                 << plural(Dropped.size() - DroppedNoted, "argument", "arguments")
                 << " that clang " << LLVM_VERSION_MAJOR
                 << " does not know (GCC-only flags?) from the compile "
                    "commands: "
                 << List << "\n";
    DroppedNoted = Dropped.size();
  };
  auto MakeJob = [&](const std::string &Abs, const std::string &Given,
                     ErrorSink &Sink) -> std::optional<TUJob> {
    if (!llvm::sys::fs::exists(Abs)) {
      if (SkipMissing) {
        if (!Sink.Silent)
          llvm::errs() << "crossuser-check: note: '" << Given
                       << "' does not exist; skipped (--skip-missing)\n";
        return std::nullopt;
      }
      Sink.report("'" + Given + "': no such file");
      if (!Sink.Silent)
        NotAnalysed.push_back({relativeToRoot(Abs, Root), "no such file"});
      return std::nullopt;
    }
    TUJob Job;
    Job.File = Abs;
    Job.DisplayName = Given;
    if ((!Listed.empty() && !Listed.contains(Abs)) ||
        (Job.Commands = DB->getCompileCommands(Abs)).empty()) {
      Sink.report("'" + Given + "' is not in " + DBName);
      if (!Sink.Silent)
        NotAnalysed.push_back(
            {relativeToRoot(Abs, Root), "not in the compilation database"});
      return std::nullopt;
    }
    // A g++ database: flags clang rejects would fail every file.
    for (CompileCommand &C : Job.Commands) {
      for (std::string &A : dropUnknownArguments(C.CommandLine))
        if (DroppedSet.insert(A).second)
          Dropped.push_back(std::move(A));
    }
    Job.Config = Configs.forFile(Abs);
    if (!Job.Config)
      return std::nullopt;
    for (CompileCommand &C : Job.Commands)
      addExtraArguments(C.CommandLine, Job.Config->ExtraArgsBefore,
                        Job.Config->ExtraArgs);
    return Job;
  };
  std::vector<TUJob> Jobs;
  for (size_t I = 0; I < Files.size(); ++I) {
    if (I % ShardCount != ShardIndex)
      continue;
    if (std::optional<TUJob> Job = MakeJob(Files[I].first, Files[I].second, Errors))
      Jobs.push_back(std::move(*Job));
  }
  NoteDropped();
  // Configuration errors concern every file; stop before the long part.
  // Files that cannot be analysed still get a report (an incomplete one).
  if (Errors.Count > NotAnalysed.size() && Jobs.empty())
    return 2;
  // A .clang-tidy may disable crossuser for part of the tree, but a run
  // in which no file has a check enabled would pass without looking.
  if (!Jobs.empty() && std::all_of(Jobs.begin(), Jobs.end(), [](const TUJob &J) {
        return J.Config->Enabled.empty();
      })) {
    llvm::StringSet<> Reported;
    for (const TUJob &J : Jobs)
      if (Reported.insert(J.Config->Origin).second)
        Errors.report(noChecksMessage(J.Config->Origin));
    return 2;
  }

  unsigned Threads = crossuser::Jobs ? static_cast<unsigned>(crossuser::Jobs)
                                     : std::thread::hardware_concurrency();
  Threads = std::max(1u, Threads);

  // Review mode: a translation unit none of whose files the diff touches
  // cannot get a finding on a changed line, so it is not analysed. Not in
  // whole-program mode, where a changed callee elsewhere changes findings.
  if (Filter.Changed && !WholeProgramOpt && SummariesOpt.empty())
    skipUnaffected(Jobs, *Filter.Changed, Root, Threads);

  // Whole-program mode: phase 1 summarises every translation unit of the
  // database (not only this shard's or the named ones), phase 2 below
  // analyses the selected ones with all summaries.
  std::string TempSummaries;
  // Phase 2 findings that phase 1 computed with the final summaries.
  std::vector<std::optional<TUResult>> Precomputed(Jobs.size());
  if (WholeProgramOpt || !SummariesOpt.empty()) {
    std::string Dir = SummariesOpt;
    if (Dir.empty()) {
      llvm::SmallString<128> Tmp;
      if (std::error_code EC =
              llvm::sys::fs::createUniqueDirectory("crossuser-summaries", Tmp)) {
        Errors.report("cannot create a temporary directory: " + EC.message());
        return 2;
      }
      Dir = TempSummaries = std::string(Tmp);
    }
    std::vector<TUJob> All;
    ErrorSink Ignored; // files outside the run are the database's business
    Ignored.Silent = true;
    if (SourcePaths.empty() || FromCommandLine) {
      // This shard's files were reported above.
      for (size_t I = 0; I < Files.size(); ++I)
        if (std::optional<TUJob> Job =
                MakeJob(Files[I].first, Files[I].second,
                        I % ShardCount == ShardIndex ? Ignored : Errors))
          All.push_back(std::move(*Job));
    } else {
      for (const std::string &F : DBFiles)
        if (std::optional<TUJob> Job = MakeJob(F, F, Ignored))
          All.push_back(std::move(*Job));
    }
    NoteDropped();
    llvm::StringMap<size_t> Analysed;
    for (size_t I = 0; I < Jobs.size(); ++I)
      Analysed[Jobs[I].File] = I;
    std::vector<bool> AlsoAnalyse;
    for (const TUJob &J : All)
      AlsoAnalyse.push_back(Analysed.count(J.File));
    SummaryStats Stats;
    std::vector<std::pair<size_t, std::string>> Failed;
    std::vector<std::optional<TUResult>> Early;
    std::shared_ptr<const SummaryIndex> Index = buildSummaries(
        All, Dir, Threads, Stats,
        [&](const llvm::Twine &Msg) {
          if (!Quiet)
            llvm::errs() << "crossuser-check: note: " << Msg << "\n";
        },
        [&](const llvm::Twine &Msg) { Errors.report(Msg); }, Failed,
        AlsoAnalyse, Early);
    if (!Index)
      return 2;
    for (size_t I = 0; I < All.size(); ++I)
      if (Early[I])
        Precomputed[Analysed[All[I].File]] = std::move(Early[I]);
    // Phase 2 reports the translation units it analyses; the others are
    // reported here.
    for (const auto &[I, Diags] : Failed)
      if (!Analysed.count(All[I].File)) {
        llvm::errs() << Diags;
        Errors.report("'" + All[I].DisplayName +
                      "' does not compile; it was not summarised");
        NotAnalysed.push_back({relativeToRoot(All[I].File, Root),
                          "does not compile; it was not summarised"});
      }
    if (!Stats.Settled)
      llvm::errs() << "crossuser-check: warning: summaries still changed "
                      "after "
                   << MaxSummaryRounds
                   << " rounds; callers further down the chain use the "
                      "last round's\n";
    if (!Quiet)
      llvm::errs() << "crossuser-check: summaries: " << Stats.Summarised
                   << " of " << plural(Stats.Units, "translation unit",
                                       "translation units")
                   << " summarised in "
                   << plural(Stats.Rounds, "round", "rounds") << ", "
                   << Stats.Written << " written"
                   << (TempSummaries.empty() ? " to " + Dir : std::string())
                   << "\n";
    for (TUJob &J : Jobs)
      J.Summaries = Index;
  } else {
    // SummaryDirectory in the configuration: read-only, as clang-tidy.
    std::map<std::string, std::shared_ptr<const SummaryIndex>> Loaded;
    for (TUJob &J : Jobs) {
      if (J.Config->Enabled.empty())
        continue;
      const std::string &Dir = J.Config->Enabled.front().second.SummaryDirectory;
      if (Dir.empty())
        continue;
      auto It = Loaded.find(Dir);
      if (It == Loaded.end()) {
        auto Index = SummaryIndex::loadDirectory(Dir, /*CheckStale=*/true);
        if (!Index) {
          Errors.report(llvm::toString(Index.takeError()));
          return 2;
        }
        It = Loaded.emplace(Dir, std::move(*Index)).first;
      }
      J.Summaries = It->second;
    }
  }
  Threads = std::max(1u, std::min<unsigned>(Threads, Jobs.size()));
  std::vector<TUResult> Results(Jobs.size());
  std::atomic<size_t> Next{0};
  std::mutex ProgressMutex;
  size_t Done = 0;
  const bool Progress = !Quiet && llvm::errs().is_displayed();
  // A CI log is not a terminal: a line at least every --progress-interval
  // seconds, so that a long run does not look hung (and is not killed by
  // a CI system's no-output timeout).
  const bool LogProgress = !Quiet && !Progress;
  using Clock = std::chrono::steady_clock;
  const Clock::time_point Start = Clock::now();
  // The option, else CROSSUSER_PROGRESS_INTERVAL (for test suites that
  // must not depend on the wall clock), else 30 seconds.
  double Seconds = ProgressIntervalOpt;
  if (!ProgressIntervalOpt.getNumOccurrences())
    if (std::optional<std::string> Env =
            llvm::sys::Process::GetEnv("CROSSUSER_PROGRESS_INTERVAL"))
      if (llvm::StringRef(*Env).getAsDouble(Seconds))
        Seconds = ProgressIntervalOpt;
  const auto Interval = std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double>(std::min(std::max(0.0, Seconds), 1e7)));
  Clock::time_point LastLine = Start;
  bool Finished = false;
  std::condition_variable Tick;
  auto LogLine = [&] { // with ProgressMutex held
    LastLine = Clock::now();
    auto Elapsed =
        std::chrono::duration_cast<std::chrono::seconds>(LastLine - Start).count();
    llvm::errs() << "crossuser-check: progress: " << Done << "/" << Jobs.size()
                 << " files, " << Elapsed << "s elapsed\n";
  };
  auto Worker = [&] {
    for (size_t I; (I = Next++) < Jobs.size();) {
      Results[I] = Precomputed[I] ? std::move(*Precomputed[I])
                                  : analyzeTU(Jobs[I], Jobs[I].Config->HeaderFilter);
      std::lock_guard<std::mutex> Lock(ProgressMutex);
      ++Done;
      if (Progress) {
        llvm::errs() << "\r\033[K[" << Done << "/" << Jobs.size() << "] "
                     << relativeToRoot(Jobs[I].File, Root);
        llvm::errs().flush();
      } else if (LogProgress && Clock::now() - LastLine >= Interval) {
        LogLine();
      }
    }
  };
  // Also while one long translation unit is being analysed.
  std::thread Ticker;
  if (LogProgress && Interval.count() > 0)
    Ticker = std::thread([&] {
      std::unique_lock<std::mutex> Lock(ProgressMutex);
      while (!Finished) {
        Tick.wait_until(Lock, LastLine + Interval);
        if (!Finished && Clock::now() - LastLine >= Interval)
          LogLine();
      }
    });
  std::vector<std::thread> Pool;
  for (unsigned T = 1; T < Threads; ++T)
    Pool.emplace_back(Worker);
  Worker();
  for (std::thread &T : Pool)
    T.join();
  if (Ticker.joinable()) {
    {
      std::lock_guard<std::mutex> Lock(ProgressMutex);
      Finished = true;
    }
    Tick.notify_all();
    Ticker.join();
  }
  if (Progress)
    llvm::errs() << "\r\033[K";

  PathMapper Paths(Root);
  std::vector<ReportFinding> All;
  unsigned Analysed = 0;
  // A header's unmatched NOLINTBEGIN is found by every file including it.
  llvm::StringSet<> NolintErrors;
  for (size_t I = 0; I < Jobs.size(); ++I) {
    llvm::errs() << Results[I].Diagnostics;
    for (const std::string &E : Results[I].NolintErrors)
      if (NolintErrors.insert(E).second)
        Errors.reportDiagnostic(E);
    if (Results[I].Failed) {
      Errors.report("'" + Jobs[I].DisplayName +
                    "' does not compile; it was not analysed");
      NotAnalysed.push_back({relativeToRoot(Jobs[I].File, Root), "does not compile"});
      continue;
    }
    ++Analysed;
    for (ReportFinding &F : Results[I].Findings) {
      F.AsError = checkEnabled(Jobs[I].Config->WarningsAsErrors, F.Check);
      Paths.map(F.Loc);
      for (ReportNote &N : F.Notes)
        Paths.map(N.Loc);
      for (ReportFix &X : F.Fixes) {
        Paths.map(X.Begin);
        Paths.map(X.End);
      }
      All.push_back(std::move(F));
    }
  }
  sortAndDeduplicate(All);
  assignOccurrences(All);

  if (!TempSummaries.empty())
    llvm::sys::fs::remove_directories(TempSummaries);
  std::string Scope = " in " + plural(Analysed, "file", "files");
  if (ShardCount > 1)
    Scope += " (shard " + std::to_string(ShardIndex + 1) + "/" +
             std::to_string(ShardCount) + ")";
  return finishReport(Errors, std::move(All), Root, Filter, *Format, Scope,
                      std::move(NotAnalysed));
}

} // namespace
} // namespace crossuser

int main(int argc, const char **argv) { return crossuser::run(argc, argv); }
