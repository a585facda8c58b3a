/// Gives each job the summaries it is analysed with: in whole-program mode those phase 1 brings up to date for the whole database, otherwise those of the configuration's SummaryDirectory.
#ifndef CROSSUSER_TOOL_SUMMARYPHASE_H
#define CROSSUSER_TOOL_SUMMARYPHASE_H

#include "Analyze.h"
#include "DriverOptions.h"
#include "ErrorSink.h"
#include "FileSelection.h"
#include "Output.h"
#include <optional>
#include <string>
#include <vector>

namespace crossuser {

/// What phase 1 leaves to phase 2 and to the end of the run.
struct SummaryPhase {
  /// Phase 2 findings, by job, that phase 1 computed with the final
  /// summaries; empty entries are analysed again.
  std::vector<std::optional<TUResult>> Precomputed;
  /// The --whole-program directory to remove at the end of the run; empty
  /// when --summaries names one.
  std::string TempDirectory;
};

/// Whole-program mode (--whole-program, --summaries): phase 1 summarises
/// every translation unit of the database (not only this shard's or the
/// named ones), and phase 2 analyses \p Jobs with all summaries; the units
/// outside \p Jobs that do not compile are reported here and added to
/// \p NotAnalysed. Otherwise each job reads its configuration's
/// SummaryDirectory, read-only as in clang-tidy. False after reporting an
/// error that stops the run.
bool prepareSummaries(const DriverOptions &Opts, FileSelection &Selection,
                      std::vector<TUJob> &Jobs, const std::string &Root,
                      ErrorSink &Errors, std::vector<FailedFile> &NotAnalysed,
                      SummaryPhase &Out);

} // namespace crossuser

#endif
