/// Phase 1 of whole-program mode: brings the summaries of every translation unit up to date, in parallel and incrementally, and merges them into one index.
#ifndef CROSSUSER_TOOL_WHOLEPROGRAM_H
#define CROSSUSER_TOOL_WHOLEPROGRAM_H

#include "Analyze.h"
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace crossuser {

/// What phase 1 did, for the statistics line.
struct SummaryStats {
  size_t Units = 0;
  /// Translation units parsed and summarised (once each however many
  /// rounds they took part in).
  size_t Summarised = 0;
  /// Summary files written because their contents changed.
  size_t Written = 0;
  unsigned Rounds = 0;
  bool Settled = true;
};

/// Rounds of re-summarising translation units whose callees' summaries
/// changed. Call chains across more translation units than this keep the
/// conservative answer beyond it (docs/whole-program.md).
inline constexpr unsigned MaxSummaryRounds = 8;

/// Brings \p Dir/<file>.<hash>.json up to date for every job: a file is
/// reused when its compile command, configuration, crossuser version,
/// input files' contents and the summaries of the callees it used are
/// unchanged; otherwise (or when it is corrupt or from another format
/// version: \p Note says so) the translation unit is summarised again.
/// Translation units that do not compile are left out; their indices go
/// to \p Failed with the compiler's diagnostics. Returns the index, or
/// null after \p Error reported a problem with the directory.
///
/// Translation units whose job index is in \p Analyse are also analysed in
/// each phase-1 parse (with each job's header filter); \p Findings[I] keeps the findings of job I when the
/// summaries they used are the final ones, so that phase 2 need not parse
/// it again (nothing otherwise).
std::shared_ptr<const SummaryIndex> buildSummaries(
    std::vector<TUJob> Jobs, llvm::StringRef Dir, unsigned Threads,
    SummaryStats &Stats,
    const std::function<void(const llvm::Twine &)> &Note,
    const std::function<void(const llvm::Twine &)> &Error,
    std::vector<std::pair<size_t, std::string>> &Failed,
    const std::vector<bool> &Analyse,
    std::vector<std::optional<TUResult>> &Findings);

} // namespace crossuser

#endif
