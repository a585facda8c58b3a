/// Baseline files: the findings a team has accepted for now, so that CI reports only new ones.
#ifndef CROSSUSER_TOOL_BASELINE_H
#define CROSSUSER_TOOL_BASELINE_H

#include "Report.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace crossuser {

/// The first line of every baseline file.
inline constexpr llvm::StringLiteral BaselineHeader =
    "# crossuser-check baseline v1";

/// Parses a baseline file's text: the header line, then one finding per
/// line, `fingerprint<TAB>check<TAB>path:line<TAB>message`, with `\t`,
/// `\n` and `\\` escaped in the path and message. Blank lines and lines
/// starting with '#' are ignored. Only the fingerprint is used for
/// matching; the other fields are for people and `--show-fixed`. Errors
/// are one line, `line N: problem`.
llvm::Expected<std::vector<BaselineEntry>> parseBaseline(llvm::StringRef Text);

/// The text of a baseline file that records \p Findings (sorted, with
/// fingerprints).
std::string formatBaseline(const std::vector<ReportFinding> &Findings);

/// Removes from \p Findings those whose fingerprint is in \p Baseline (each
/// entry absorbs one finding) and returns the entries that matched none:
/// the findings fixed since the baseline was written.
std::vector<BaselineEntry>
applyBaseline(std::vector<ReportFinding> &Findings,
              const std::vector<BaselineEntry> &Baseline);

} // namespace crossuser

#endif
