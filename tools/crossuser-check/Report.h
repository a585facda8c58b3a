/// Findings detached from the AST, so they outlive their translation unit and can be sorted and printed.
#ifndef CROSSUSER_TOOL_REPORT_H
#define CROSSUSER_TOOL_REPORT_H

#include "Analysis/Finding.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

namespace crossuser {

struct ReportLocation {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
  /// The text of the line, for the snippet under the diagnostic.
  std::string SourceLine;
};

struct ReportNote {
  ReportLocation Loc;
  std::string Message;
};

struct ReportFinding {
  std::string Check;
  ReportLocation Loc;
  std::string Message;
  std::vector<ReportNote> Notes;
};

ReportLocation toReportLocation(const clang::SourceManager &SM,
                                clang::SourceLocation Loc);
ReportFinding toReportFinding(const clang::SourceManager &SM,
                              const Finding &F);

/// Orders findings by file, line, column, check and message, so that the
/// output does not depend on the order translation units were analysed in.
void sortFindings(std::vector<ReportFinding> &Findings);

/// Prints findings the way clang and clang-tidy do:
/// `file:line:col: warning: message [check]`, the source line, a caret,
/// then each note likewise.
void printText(llvm::raw_ostream &OS, const std::vector<ReportFinding> &Findings);

} // namespace crossuser

#endif
