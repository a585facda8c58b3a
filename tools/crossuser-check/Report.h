/// Findings detached from the AST, so they outlive their translation unit and can be sorted, compared with a baseline and written in any format.
#ifndef CROSSUSER_TOOL_REPORT_H
#define CROSSUSER_TOOL_REPORT_H

#include "Analysis/Finding.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

namespace crossuser {

struct ReportLocation {
  /// The file as clang names it, for the text output.
  std::string File;
  /// The file as machine formats name it: relative to the report root with
  /// '/' separators, or absolute when it lies outside the root. Filled in
  /// by the driver (or read back by `merge`).
  std::string Path;
  unsigned Line = 0;
  /// Columns as clang counts them: bytes, from 1.
  unsigned Column = 0;
  /// The same column in UTF-16 code units, as SARIF counts by default.
  unsigned Utf16Column = 0;
  /// Where the token under the caret ends (SARIF's endLine and exclusive
  /// endColumn, in UTF-16 code units), or 0 when unknown.
  unsigned EndLine = 0;
  unsigned EndUtf16Column = 0;
  /// The same end in bytes, as clang counts columns.
  unsigned EndColumn = 0;
  /// The text of the line, for the snippet under the diagnostic.
  std::string SourceLine;
};

struct ReportNote {
  ReportLocation Loc;
  std::string Message;
};

/// A replacement that removes the finding (SARIF `fixes`): the text from
/// Begin up to (not including) End becomes Replacement.
struct ReportFix {
  ReportLocation Begin, End;
  std::string Replacement;
  /// The text replaced (SARIF deletedRegion.snippet), when on one line.
  std::string Original;
};

struct ReportFinding {
  std::string Check;
  ReportLocation Loc;
  std::string Message;
  std::vector<ReportNote> Notes;
  std::vector<ReportFix> Fixes;
  /// The qualified name of the innermost function around the finding, or
  /// empty at namespace scope.
  std::string Function;
  /// The weakest evidence the finding rests on: "annotation",
  /// "structure", "model" or "name" (evidenceName). Not part of the
  /// fingerprint.
  std::string Evidence = "structure";
  /// See Fingerprint.h: the hash without the occurrence index, and the full
  /// fingerprint `hash:occurrence`.
  std::string BaseFingerprint;
  std::string Fingerprint;
  /// The configuration's WarningsAsErrors names the check: an error, as
  /// clang-tidy reports it. Not part of the fingerprint.
  bool AsError = false;
};

/// A finding recorded in a baseline file (see Baseline.h).
struct BaselineEntry {
  std::string Fingerprint;
  std::string Check;
  std::string Path;
  unsigned Line = 0;
  std::string Message;
};

ReportLocation toReportLocation(const clang::SourceManager &SM,
                                clang::SourceLocation Loc);
ReportFinding toReportFinding(const clang::SourceManager &SM,
                              const Finding &F);

/// The UTF-16 column of byte column \p ByteColumn in \p Line.
unsigned utf16Column(llvm::StringRef Line, unsigned ByteColumn);

/// Orders findings by path, line, column, check, message and notes, so that
/// the output does not depend on the order translation units were analysed
/// in, then drops duplicates (a header finding reported by several
/// translation units).
void sortAndDeduplicate(std::vector<ReportFinding> &Findings);

/// Prints findings the way clang and clang-tidy do:
/// `file:line:col: warning: message [check]`, the source line, a caret,
/// then each note likewise.
void printText(llvm::raw_ostream &OS, const std::vector<ReportFinding> &Findings,
               const std::vector<BaselineEntry> &Fixed = {});

} // namespace crossuser

#endif
