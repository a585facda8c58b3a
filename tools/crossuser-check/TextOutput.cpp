#include "Report.h"
#include <algorithm>
#include <tuple>

using namespace clang;

namespace crossuser {

ReportLocation toReportLocation(const SourceManager &SM, SourceLocation Loc) {
  ReportLocation R;
  if (Loc.isInvalid())
    return R;
  Loc = SM.getFileLoc(Loc);
  PresumedLoc P = SM.getPresumedLoc(Loc, /*UseLineDirectives=*/false);
  if (P.isInvalid())
    return R;
  R.File = P.getFilename();
  R.Line = P.getLine();
  R.Column = P.getColumn();
  std::pair<FileID, unsigned> D = SM.getDecomposedLoc(Loc);
  bool Invalid = false;
  StringRef Buf = SM.getBufferData(D.first, &Invalid);
  if (!Invalid) {
    size_t Start = D.second - (R.Column - 1);
    size_t End = Buf.find_first_of("\r\n", D.second);
    R.SourceLine = Buf.slice(Start, End).str();
  }
  return R;
}

ReportFinding toReportFinding(const SourceManager &SM, const Finding &F) {
  ReportFinding R;
  R.Check = F.Check;
  R.Loc = toReportLocation(SM, F.Loc);
  R.Message = F.Message;
  for (const FindingNote &N : F.Notes)
    R.Notes.push_back({toReportLocation(SM, N.Loc), N.Message});
  return R;
}

void sortFindings(std::vector<ReportFinding> &Findings) {
  std::stable_sort(Findings.begin(), Findings.end(),
                   [](const ReportFinding &A, const ReportFinding &B) {
                     return std::tie(A.Loc.File, A.Loc.Line, A.Loc.Column,
                                     A.Check, A.Message) <
                            std::tie(B.Loc.File, B.Loc.Line, B.Loc.Column,
                                     B.Check, B.Message);
                   });
}

static void printSnippet(llvm::raw_ostream &OS, const ReportLocation &L) {
  if (L.SourceLine.empty() && L.Column <= 1)
    return;
  std::string Line, Caret;
  unsigned Col = 1;
  for (char C : L.SourceLine) {
    // Tabs are expanded to 8 columns as clang does, keeping the caret true.
    unsigned Width = C == '\t' ? 8 - (Line.size() % 8) : 1;
    Line.append(Width, C == '\t' ? ' ' : C);
    if (Col < L.Column)
      Caret.append(Width, ' ');
    ++Col;
  }
  OS << Line << "\n" << Caret << "^\n";
}

static void printLocation(llvm::raw_ostream &OS, const ReportLocation &L) {
  OS << L.File << ":" << L.Line << ":" << L.Column << ": ";
}

void printText(llvm::raw_ostream &OS,
               const std::vector<ReportFinding> &Findings) {
  for (const ReportFinding &F : Findings) {
    printLocation(OS, F.Loc);
    OS << "warning: " << F.Message << " [" << F.Check << "]\n";
    printSnippet(OS, F.Loc);
    for (const ReportNote &N : F.Notes) {
      printLocation(OS, N.Loc);
      OS << "note: " << N.Message << "\n";
      printSnippet(OS, N.Loc);
    }
  }
}

} // namespace crossuser
