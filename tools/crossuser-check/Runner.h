/// Phase 2: analyses the jobs on a pool of threads, with a progress line on a terminal and a line every few seconds in a CI log.
#ifndef CROSSUSER_TOOL_RUNNER_H
#define CROSSUSER_TOOL_RUNNER_H

#include "Analyze.h"
#include "DriverOptions.h"
#include <optional>
#include <string>
#include <vector>

namespace crossuser {

/// Analyses \p Jobs on up to Opts.Threads threads and returns their
/// results in job order; a job whose result phase 1 left in
/// \p Precomputed is not analysed again. Unless Opts.Quiet, a terminal
/// shows the file being finished (`[3/10] src/a.cpp`, paths relative to
/// \p Root) and a log gets `progress: 3/10 files, 42s elapsed` at least
/// every Opts.ProgressInterval seconds.
std::vector<TUResult>
runJobs(const std::vector<TUJob> &Jobs,
        std::vector<std::optional<TUResult>> &Precomputed,
        const std::string &Root, const DriverOptions &Opts);

} // namespace crossuser

#endif
