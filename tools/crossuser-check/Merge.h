/// Reads crossuser's SARIF and JSON reports back, so that `crossuser-check merge` can combine the reports of shards into the report of one run.
#ifndef CROSSUSER_TOOL_MERGE_H
#define CROSSUSER_TOOL_MERGE_H

#include "Output.h"
#include "llvm/Support/Error.h"

namespace crossuser {

/// A report read back from SARIF or JSON.
struct LoadedReport {
  OutputFormat Format = OutputFormat::Json;
  /// SARIF's %SRCROOT% (without the trailing '/'), or empty.
  std::string Root;
  std::vector<ReportFinding> Findings;
  /// The files its run could not analyse (SARIF toolExecutionNotifications,
  /// JSON "failed").
  std::vector<FailedFile> Failed;
};

/// Parses a report that crossuser-check wrote with --format=sarif or
/// --format=json. Errors are one line.
llvm::Expected<LoadedReport> parseReport(llvm::StringRef Text);

/// Combines findings of several reports as one run would report them:
/// sorted, duplicates (header findings seen by several shards) dropped,
/// occurrence indices of fingerprints recomputed.
std::vector<ReportFinding> mergeFindings(std::vector<LoadedReport> &Reports);

} // namespace crossuser

#endif
