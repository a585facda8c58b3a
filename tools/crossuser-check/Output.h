/// The machine-readable report formats (SARIF 2.1.0, JSON, GitLab Code Quality) and atomic output files.
#ifndef CROSSUSER_TOOL_OUTPUT_H
#define CROSSUSER_TOOL_OUTPUT_H

#include "Report.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace crossuser {

enum class OutputFormat { Text, Sarif, Json, CodeClimate, Rdjson };

/// "text", "sarif", "json", "codeclimate" or "rdjson".
std::optional<OutputFormat> parseOutputFormat(llvm::StringRef Name);

/// A file the run could not analyse: missing on disk, not in the
/// compilation database, or not compiling. A report with any is incomplete.
struct FailedFile {
  /// Relative to the root, as findings' paths.
  std::string Path;
  /// "no such file", "not in the compilation database", "does not compile".
  std::string Reason;
  bool operator<(const FailedFile &O) const {
    return std::tie(Path, Reason) < std::tie(O.Path, O.Reason);
  }
  bool operator==(const FailedFile &O) const {
    return Path == O.Path && Reason == O.Reason;
  }
};

/// The SARIF toolExecutionNotification text of \p F, which `merge` reads
/// back.
std::string failedFileMessage(const FailedFile &F);

/// What a report says besides its findings.
struct ReportContext {
  /// The absolute directory that relative paths are relative to (SARIF's
  /// %SRCROOT%), without a trailing separator.
  std::string Root;
  /// The findings were compared with a baseline: SARIF marks them "new".
  bool WithBaseline = false;
  /// With --show-fixed: the baseline's findings that are gone.
  std::vector<BaselineEntry> Fixed;
  /// The files that were not analysed; SARIF says executionSuccessful
  /// false, JSON "complete": false.
  std::vector<FailedFile> Failed;
  /// --help-uri-base: where the check pages are published (SARIF helpUri
  /// is this plus "<check>.md", informationUri this), or empty for none.
  std::string HelpUriBase;
};

/// The crossuser-check version, as in `--version`.
llvm::StringRef toolVersion();

/// \p UriBase + "/<Check>.md", or empty when \p UriBase is.
std::string helpUri(llvm::StringRef UriBase, llvm::StringRef Check);

/// A SARIF result's message.text: \p Message followed by each note as an
/// embedded link to its related location (`[note](1)`); and back.
std::string sarifMessageText(llvm::StringRef Message,
                             llvm::ArrayRef<ReportNote> Notes);
std::string sarifPlainMessage(llvm::StringRef Text,
                              llvm::ArrayRef<ReportNote> Notes);

/// The key of crossuser's fingerprint in SARIF `partialFingerprints`.
inline constexpr llvm::StringLiteral SarifFingerprintKey =
    "crossuserFingerprint/v1";

std::string formatText(const std::vector<ReportFinding> &Findings,
                       const ReportContext &Ctx);
std::string formatSarif(const std::vector<ReportFinding> &Findings,
                        const ReportContext &Ctx);
std::string formatJson(const std::vector<ReportFinding> &Findings,
                       const ReportContext &Ctx);
std::string formatCodeClimate(const std::vector<ReportFinding> &Findings,
                              const ReportContext &Ctx);
/// reviewdog's Diagnostic Format (rdjson), for review comments.
std::string formatRdjson(const std::vector<ReportFinding> &Findings,
                         const ReportContext &Ctx);
std::string formatReport(OutputFormat Format,
                         const std::vector<ReportFinding> &Findings,
                         const ReportContext &Ctx);

/// Percent-encodes a path for a URI (RFC 3986: unreserved characters and
/// '/' stay), and back.
std::string uriEscapePath(llvm::StringRef Path);
std::string uriUnescape(llvm::StringRef Uri);

/// \p Abs relative to \p Root with '/' separators, or \p Abs itself when
/// it is not inside \p Root.
std::string relativeToRoot(llvm::StringRef Abs, llvm::StringRef Root);

/// Fails (with a message naming \p Path) when \p Path cannot be written:
/// its directory is missing or not writable, or it is a directory. Writes
/// nothing.
llvm::Error checkWritable(llvm::StringRef Path);

/// Writes \p Content to a temporary file next to \p Path, then renames it
/// over \p Path, so readers never see a partial file.
llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Content);

/// Writes a report or baseline the user named (-o, --write-baseline) with
/// llvm::writeToOutput: `-` is stdout, `/dev/null` discards, a regular file
/// is replaced atomically. What LLVM 16's writeToOutput would replace by a
/// regular file is written through instead: a symlink's target (the link
/// stays a link), a FIFO, a character device.
llvm::Error writeOutputFile(llvm::StringRef Path, llvm::StringRef Content);

/// Pretty-prints \p V with two-space indentation and a final newline.
std::string printJson(const llvm::json::Value &V);

} // namespace crossuser

#endif
