/// From the analyses' results to the report: paths relative to the root, the baseline and the diff applied, the report formatted and written, the summary line and the exit status.
#ifndef CROSSUSER_TOOL_REPORTPIPELINE_H
#define CROSSUSER_TOOL_REPORTPIPELINE_H

#include "Analyze.h"
#include "DiffFilter.h"
#include "DriverOptions.h"
#include "ErrorSink.h"
#include "Output.h"
#include "Report.h"
#include <optional>
#include <string>
#include <vector>

namespace crossuser {

/// The --root: as given, else the git repository around the current
/// directory, else the current directory; absolute and without symlinks.
std::string reportRoot(const DriverOptions &Opts);

/// The filters of a report: --baseline and --diff/--diff-base.
struct Filters {
  std::optional<std::vector<BaselineEntry>> Baseline;
  std::optional<ChangedLines> Changed;
};

/// Reads the baseline and the diff, and checks that -o and
/// --write-baseline can be written, before any analysis; false after
/// reporting an error.
bool loadFilters(const DriverOptions &Opts, ErrorSink &Errors,
                 const std::string &Root, Filters &Out);

/// The findings of the translation units that were analysed.
struct CollectedFindings {
  /// Relative to the root, sorted, deduplicated, with occurrences.
  std::vector<ReportFinding> Findings;
  /// Translation units that compiled.
  unsigned Analysed = 0;
};

/// Prints each result's compiler diagnostics and NOLINT errors in job
/// order, reports the translation units that did not compile (adding them
/// to \p NotAnalysed), and collects the findings of the others.
CollectedFindings collectFindings(const std::vector<TUJob> &Jobs,
                                  std::vector<TUResult> &Results,
                                  const std::string &Root, ErrorSink &Errors,
                                  std::vector<FailedFile> &NotAnalysed);

/// ` in N files`, with ` (shard K/N)` when sharded: what the summary line's
/// count covers.
std::string analysisScope(const DriverOptions &Opts, unsigned Analysed);

/// Writes --write-baseline (all findings), applies the baseline and the
/// diff, writes the report, prints the summary line
/// (`N findings<Scope>, ...`) and returns the exit status.
int finishReport(const DriverOptions &Opts, ErrorSink &Errors,
                 std::vector<ReportFinding> All, const std::string &Root,
                 const Filters &Filter, OutputFormat Format,
                 const std::string &Scope, std::vector<FailedFile> Failed);

} // namespace crossuser

#endif
