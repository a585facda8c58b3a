/// Fingerprints that identify a finding across commits, for baselines, SARIF `partialFingerprints` and Code Quality reports.
#ifndef CROSSUSER_TOOL_FINGERPRINT_H
#define CROSSUSER_TOOL_FINGERPRINT_H

#include "Report.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace crossuser {

/// The line's text without any whitespace, so re-indenting or re-spacing
/// the line keeps the fingerprint.
std::string normalizeSourceLine(llvm::StringRef Line);

/// The hash part of a fingerprint: 32 hex digits of the SHA-256 of the
/// check name, the enclosing function's qualified name, and the message and
/// the text of the primary location's line, both without whitespace. It has neither the path
/// nor the line number, so line shifts and file moves keep it.
std::string fingerprintBase(llvm::StringRef Check, llvm::StringRef Function,
                            llvm::StringRef Message,
                            llvm::StringRef SourceLine);

/// Sets every finding's `Fingerprint` to `BaseFingerprint:N`, where N counts
/// the earlier findings of the same file with the same base, in the order of
/// \p Findings (sorted by location). Findings that are identical in all
/// hashed parts are thus told apart by their order within the file, which
/// line shifts do not change.
void assignOccurrences(std::vector<ReportFinding> &Findings);

/// GitLab Code Quality's `fingerprint`: 32 hex digits of the SHA-256 of
/// \p Path and \p Fingerprint, each followed by a NUL. GitLab keeps one
/// issue per fingerprint in a report, so two identical findings in two
/// files (same function name, message and line text) must differ; line
/// shifts still keep it.
std::string codeQualityFingerprint(llvm::StringRef Path,
                                   llvm::StringRef Fingerprint);

/// The base of a full fingerprint `base:N` (the text up to the last ':').
llvm::StringRef baseOfFingerprint(llvm::StringRef Fingerprint);

} // namespace crossuser

#endif
