/// The command line of crossuser-check, parsed and validated once, so that the rest of the driver reads one struct and no option twice.
#ifndef CROSSUSER_TOOL_DRIVEROPTIONS_H
#define CROSSUSER_TOOL_DRIVEROPTIONS_H

#include "ErrorSink.h"
#include "Output.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Regex.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace crossuser {

/// What a command line asks for.
enum class DriverMode {
  /// Analyse translation units and report the findings.
  Analyse,
  /// `crossuser-check merge A.sarif B.sarif`: combine the shards' reports.
  Merge,
  /// `--list-models`.
  ListModels,
  /// `--dump-config`.
  DumpConfig,
};

/// Every value of the command line, as parseDriverOptions validated it.
struct DriverOptions {
  DriverMode Mode = DriverMode::Analyse;
  /// The positional arguments: source files and directories, or the
  /// reports of `merge`.
  std::vector<std::string> SourcePaths;
  /// -p: the directory of compile_commands.json; empty: none.
  std::string BuildPath;
  /// The compiler flags after '--' as a database, else null (always null
  /// for `merge`).
  std::unique_ptr<clang::tooling::CompilationDatabase> FixedDatabase;

  /// --checks; empty: the configuration's, else crossuser-*.
  std::string Checks;
  /// --config-file; empty: the nearest .clang-tidy files.
  std::string ConfigFile;
  /// --extra-arg and --extra-arg-before, in command-line order.
  std::vector<std::string> ExtraArgs;
  std::vector<std::string> ExtraArgsBefore;
  /// --header-filter when given: even empty, it overrides the
  /// configuration's HeaderFilterRegex, as in clang-tidy.
  std::optional<std::string> HeaderFilter;

  OutputFormat Format = OutputFormat::Text;
  /// Whether --format was given: `merge` keeps its inputs' format otherwise.
  bool FormatGiven = false;
  /// -o; empty or '-': stdout.
  std::string Output;
  /// --root, and whether it was given (even empty): `merge` keeps its
  /// inputs' root otherwise.
  std::string Root;
  bool RootGiven = false;
  /// --help-uri-base.
  std::string HelpUriBase;

  /// --baseline, --write-baseline, --show-fixed.
  std::string Baseline;
  std::string WriteBaseline;
  bool ShowFixed = false;
  /// --diff ('-': stdin) and --diff-base.
  std::string Diff;
  std::string DiffBase;

  /// --shard K/N as a zero-based index: the run analyses the files whose
  /// position I in the sorted list has I % ShardCount == ShardIndex.
  unsigned ShardIndex = 0;
  unsigned ShardCount = 1;
  /// --exclude, compiled.
  std::vector<llvm::Regex> Excludes;
  /// --skip-missing.
  bool SkipMissing = false;
  /// --summaries and --whole-program.
  std::string Summaries;
  bool WholeProgram = false;

  /// -j, else the number of cores; at least 1.
  unsigned Threads = 1;
  /// Seconds between progress lines when stderr is not a terminal:
  /// --progress-interval, else CROSSUSER_PROGRESS_INTERVAL, else 30;
  /// clamped to [0, 1e7].
  double ProgressInterval = 30;
  /// --quiet.
  bool Quiet = false;
  /// --exit-zero.
  bool ExitZero = false;

  /// Whether the report goes to stdout rather than to an -o file.
  bool reportToStdout() const { return Output.empty() || Output == "-"; }
  /// Whole-program mode: --whole-program or --summaries.
  bool wholeProgram() const { return WholeProgram || !Summaries.empty(); }
};

/// Parses \p argv (`merge` as its first argument selects the subcommand)
/// and validates what the selected mode uses, stopping at the first
/// problem. Returns nullopt when the run must exit with status 2: the
/// command line did not parse (LLVM printed why) or an option is invalid
/// (reported to \p Errors). `--help` and `--version` exit here.
std::optional<DriverOptions> parseDriverOptions(int argc, const char **argv,
                                                ErrorSink &Errors);

} // namespace crossuser

#endif
