/// Analyses one translation unit with crossuser's checks, independently of every other, so that translation units can run on many threads.
#ifndef CROSSUSER_TOOL_ANALYZE_H
#define CROSSUSER_TOOL_ANALYZE_H

#include "Analysis/Checks.h"
#include "Analysis/Summaries.h"
#include "Report.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <string>
#include <vector>

namespace crossuser {

/// What a file is analysed with: the enabled checks, each with its
/// configuration (options may differ per check, as in clang-tidy).
struct FileConfig {
  std::string Checks;
  /// Where Checks came from, for messages: `--checks='...'` or
  /// `Checks '...' in '/src/.clang-tidy'`.
  std::string Origin;
  std::vector<std::pair<const CheckInfo *, Config>> Enabled;
  /// Headers whose findings are reported: --header-filter, else the
  /// configuration's HeaderFilterRegex; empty: the main file only.
  std::string HeaderFilter;
  /// The configuration's WarningsAsErrors globs.
  std::string WarningsAsErrors;
  /// The configuration's ExtraArgsBefore and ExtraArgs, then those of the
  /// command line, as clang-tidy orders them.
  std::vector<std::string> ExtraArgsBefore;
  std::vector<std::string> ExtraArgs;
};

/// One translation unit to analyse: everything is resolved beforehand on
/// the main thread, so a worker touches no shared state.
struct TUJob {
  /// Absolute, normalised.
  std::string File;
  /// As the user or the compilation database named it, for messages.
  std::string DisplayName;
  std::vector<clang::tooling::CompileCommand> Commands;
  const FileConfig *Config = nullptr;
  /// Whole-program summaries of the other translation units, or null.
  std::shared_ptr<const SummaryIndex> Summaries;
};

/// The result of analysing one translation unit.
struct TUResult {
  /// Findings with paths still absolute, `Function` and `BaseFingerprint`
  /// set.
  std::vector<ReportFinding> Findings;
  bool Failed = false;
  /// The compiler's diagnostics, printed after the run in file order.
  std::string Diagnostics;
  /// Unmatched NOLINTBEGIN/NOLINTEND comments, as clang-tidy prints them
  /// (`file:line:col: error: unmatched ... [clang-tidy-nolint]`); each is
  /// a tool error.
  std::vector<std::string> NolintErrors;
};

/// Runs the checks of \p Job.Config over \p Job.File. Findings in headers
/// are kept when the header's name matches \p HeaderFilter (clang-tidy's
/// --header-filter; empty: main file only) and it is not a system header.
TUResult analyzeTU(const TUJob &Job, llvm::StringRef HeaderFilter);

/// The configuration summaries of \p Job are computed with: that of the
/// first enabled check, else the defaults.
const Config &summaryConfig(const TUJob &Job);

/// What a summary of \p Job depends on besides its input files: the
/// compile commands, crossuser's version, the format version and the
/// configuration.
std::string commandKey(const TUJob &Job);

/// Phase 1 of whole-program mode for one translation unit: its summary,
/// computed with \p Job.Summaries for callees defined elsewhere.
struct SummaryResult {
  TUSummary Summary;
  bool Failed = false;
  std::string Diagnostics;
  /// With \p AlsoAnalyse: the findings with the same summaries, from the
  /// same parse, and the full hash of every callee's facts they could use
  /// (fullFactsHash; "" for none). If the final summaries have the same
  /// hashes, phase 2 takes these findings instead of parsing again.
  std::optional<TUResult> Analysis;
  std::vector<std::pair<std::string, std::string>> AnalysisDeps;
};
SummaryResult summariseTU(const TUJob &Job, bool AlsoAnalyse = false,
                          llvm::StringRef HeaderFilter = "");

/// The files \p Job's translation unit reads, absolute and normalised:
/// from the dependency file its compile command writes (`-MD`/`-MMD`, at
/// `-MF` or next to the `-o` object) when that file exists, else from a
/// preprocessor-only pass. \p FromDepFile says which. Empty after a
/// failure (the caller then analyses the unit).
std::vector<std::string> dependenciesOf(const TUJob &Job, bool &FromDepFile);

/// The prerequisites of a make-style dependency file (`obj.o: a.cpp a.h \`),
/// relative ones against \p Dir; nothing when \p Text is not one.
std::vector<std::string> parseDependencyFile(llvm::StringRef Text,
                                             llvm::StringRef Dir);

} // namespace crossuser

#endif
