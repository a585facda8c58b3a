#include "DriverOptions.h"
#include "Options/CheckSelection.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Process.h"
#include <algorithm>
#include <thread>

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

/// LLVM's parser, with crossuser-check's overview and version; false
/// after LLVM printed the problem.
bool parseCommandLine(int argc, const char **argv) {
  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "crossuser-check " << CROSSUSER_VERSION << " (LLVM " << LLVM_VERSION_STRING
       << ")\n";
  });
  return cl::ParseCommandLineOptions(
      argc, argv,
      "Finds code that serves one user's data to another.\n\n"
      "  crossuser-check -p build/ [paths...]\n"
      "  crossuser-check file.cpp -- -std=c++17 -Iinclude\n"
      "  crossuser-check merge shard1.sarif shard2.sarif -o all.sarif\n\n"
      "Exit status: 0 no findings, 1 findings, 2 tool or input error.\n",
      &llvm::errs());
}

/// The values every mode reads, as given.
void copyOptions(DriverOptions &Opts) {
  Opts.SourcePaths.assign(SourcePaths.begin(), SourcePaths.end());
  Opts.BuildPath = BuildPath;
  Opts.Checks = ChecksOpt;
  Opts.ConfigFile = ConfigFileOpt;
  Opts.ExtraArgs.assign(ExtraArgs.begin(), ExtraArgs.end());
  Opts.ExtraArgsBefore.assign(ExtraArgsBefore.begin(), ExtraArgsBefore.end());
  if (HeaderFilter.getNumOccurrences())
    Opts.HeaderFilter = HeaderFilter.getValue();
  Opts.FormatGiven = FormatOpt.getNumOccurrences() != 0;
  Opts.Output = OutputOpt;
  Opts.Root = RootOpt;
  Opts.RootGiven = RootOpt.getNumOccurrences() != 0;
  Opts.HelpUriBase = HelpUriBaseOpt;
  Opts.Baseline = BaselineOpt;
  Opts.WriteBaseline = WriteBaselineOpt;
  Opts.ShowFixed = ShowFixed;
  Opts.Diff = DiffOpt;
  Opts.DiffBase = DiffBaseOpt;
  Opts.SkipMissing = SkipMissing;
  Opts.Summaries = SummariesOpt;
  Opts.WholeProgram = WholeProgramOpt;
  Opts.Quiet = Quiet;
  Opts.ExitZero = ExitZero;
  unsigned Threads = Jobs ? static_cast<unsigned>(Jobs)
                          : std::thread::hardware_concurrency();
  Opts.Threads = std::max(1u, Threads);
  // The option, else CROSSUSER_PROGRESS_INTERVAL (for test suites that
  // must not depend on the wall clock), else 30 seconds.
  double Seconds = ProgressIntervalOpt;
  if (!ProgressIntervalOpt.getNumOccurrences())
    if (std::optional<std::string> Env =
            llvm::sys::Process::GetEnv("CROSSUSER_PROGRESS_INTERVAL"))
      if (llvm::StringRef(*Env).getAsDouble(Seconds))
        Seconds = ProgressIntervalOpt;
  Opts.ProgressInterval = std::min(std::max(0.0, Seconds), 1e7);
}

/// --shard K/N; false after reporting a malformed one.
bool parseShard(DriverOptions &Opts, ErrorSink &Errors) {
  if (ShardOpt.empty())
    return true;
  unsigned ShardIndex = 0, ShardCount = 1;
  llvm::StringRef K, N;
  std::tie(K, N) = llvm::StringRef(ShardOpt).split('/');
  if (K.getAsInteger(10, ShardIndex) || N.getAsInteger(10, ShardCount) ||
      ShardCount == 0 || ShardIndex == 0 || ShardIndex > ShardCount) {
    Errors.report("malformed --shard '" + ShardOpt +
                  "': expected K/N with 1 <= K <= N");
    return false;
  }
  Opts.ShardIndex = ShardIndex - 1;
  Opts.ShardCount = ShardCount;
  return true;
}

/// --exclude and --header-filter; false after reporting a malformed one.
bool compileRegexes(DriverOptions &Opts, ErrorSink &Errors) {
  for (const std::string &E : ExcludeOpt) {
    std::string RegexError;
    if (!llvm::Regex(E).isValid(RegexError)) {
      Errors.report("malformed --exclude '" + E + "': " + RegexError);
      return false;
    }
    Opts.Excludes.emplace_back(E);
  }
  if (!HeaderFilter.empty()) {
    std::string RegexError;
    if (!llvm::Regex(HeaderFilter).isValid(RegexError)) {
      Errors.report("malformed --header-filter '" + HeaderFilter +
                    "': " + RegexError);
      return false;
    }
  }
  return true;
}

/// What an analysis needs besides the files: options and inputs other
/// than the sources are checked before any analysis, and an error in them
/// stops the run before anything is written. False after reporting one.
bool validateAnalysis(DriverOptions &Opts, const std::string &FixedError,
                      ErrorSink &Errors) {
  if (!Opts.FixedDatabase && !FixedError.empty()) {
    Errors.report(FixedError);
    return false;
  }
  // As clang-tidy's "Error: no checks enabled.": a run that checks
  // nothing must not pass as a clean one.
  if (!ChecksOpt.empty() && !unknownCheck(ChecksOpt) &&
      enablesNoCheck(ChecksOpt)) {
    Errors.report(noChecksMessage("--checks='" + ChecksOpt + "'"));
    return false;
  }
  if (!parseShard(Opts, Errors) || !compileRegexes(Opts, Errors))
    return false;
  if (ShowFixed && Opts.ShardCount > 1) {
    // The other shards' findings would look fixed.
    Errors.report("--show-fixed cannot be used with --shard: merge the "
                  "shards' reports with 'crossuser-check merge --baseline "
                  "FILE --show-fixed'");
    return false;
  }
  if (!RootOpt.empty() && !llvm::sys::fs::is_directory(RootOpt)) {
    Errors.report("'" + RootOpt + "': --root is not a directory");
    return false;
  }
  return true;
}

} // namespace

std::optional<DriverOptions> parseDriverOptions(int argc, const char **argv,
                                                ErrorSink &Errors) {
  DriverOptions Opts;
  // `merge` is a subcommand; the rest of its command line uses the same
  // options (-o, --format, --root, --quiet).
  bool Merge = argc > 1 && llvm::StringRef(argv[1]) == "merge";
  std::vector<const char *> Args(argv, argv + argc);
  if (Merge)
    Args.erase(Args.begin() + 1);
  argc = static_cast<int>(Args.size());
  argv = Args.data();
  std::string FixedError;
  if (!Merge)
    Opts.FixedDatabase =
        FixedCompilationDatabase::loadFromCommandLine(argc, argv, FixedError);
  if (!parseCommandLine(argc, argv))
    return std::nullopt;

  std::optional<OutputFormat> Format = parseOutputFormat(FormatOpt);
  if (!Format) {
    Errors.report("unknown --format '" + FormatOpt +
                  "'; known formats: text, sarif, json, codeclimate, rdjson");
    return std::nullopt;
  }
  Opts.Format = *Format;
  Opts.Mode = Merge        ? DriverMode::Merge
              : ListModels ? DriverMode::ListModels
              : DumpConfig ? DriverMode::DumpConfig
                           : DriverMode::Analyse;
  copyOptions(Opts);
  if (Opts.Mode == DriverMode::Analyse &&
      !validateAnalysis(Opts, FixedError, Errors))
    return std::nullopt;
  return Opts;
}

} // namespace crossuser
