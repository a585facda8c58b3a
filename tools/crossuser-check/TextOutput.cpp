#include "Report.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
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
  // Until the driver makes it relative to the report root, Path is absolute
  // and normalised, so one header reached through different include paths
  // is one file.
  llvm::SmallString<256> Abs(R.File);
  SM.getFileManager().getVirtualFileSystem().makeAbsolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  R.Path = std::string(Abs);
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
  R.Utf16Column = utf16Column(R.SourceLine, R.Column);
  // The diagnostic's range is the token under the caret, as clang-tidy
  // highlights it; a token that runs past the line (a raw string) ends
  // with the line.
  LangOptions LO;
  LO.CPlusPlus = LO.CPlusPlus11 = LO.CPlusPlus14 = LO.CPlusPlus17 = true;
  unsigned Len = Lexer::MeasureTokenLength(Loc, SM, LO);
  unsigned EndColumn = std::min<size_t>(R.Column + std::max(Len, 1u),
                                        R.SourceLine.size() + 1);
  R.EndLine = R.Line;
  R.EndColumn = std::max(EndColumn, R.Column + 1);
  R.EndUtf16Column = std::max(utf16Column(R.SourceLine, EndColumn),
                              R.Utf16Column + 1);
  return R;
}

/// Extends \p R (the caret's token) to the end of \p Range, the whole
/// expression the finding is about, when both ends are plain text of the
/// caret's file after the caret (not inside a macro).
static void extendToRange(ReportLocation &R, const SourceManager &SM,
                          SourceLocation Caret, SourceRange Range) {
  if (Range.isInvalid() || !Range.getBegin().isFileID() ||
      !Range.getEnd().isFileID() || !Caret.isFileID())
    return;
  LangOptions LO;
  LO.CPlusPlus = LO.CPlusPlus11 = LO.CPlusPlus14 = LO.CPlusPlus17 = true;
  SourceLocation End = Lexer::getLocForEndOfToken(Range.getEnd(), 0, SM, LO);
  if (End.isInvalid() || SM.getFileID(End) != SM.getFileID(Caret) ||
      !SM.isBeforeInTranslationUnit(Caret, End))
    return;
  PresumedLoc P = SM.getPresumedLoc(End, /*UseLineDirectives=*/false);
  if (P.isInvalid() || P.getLine() < R.Line ||
      (P.getLine() == R.Line && P.getColumn() <= R.EndColumn))
    return;
  std::pair<FileID, unsigned> D = SM.getDecomposedLoc(End);
  bool Invalid = false;
  StringRef Buf = SM.getBufferData(D.first, &Invalid);
  if (Invalid)
    return;
  size_t Start = D.second - (P.getColumn() - 1);
  StringRef Line = Buf.slice(Start, Buf.find_first_of("\r\n", Start));
  R.EndLine = P.getLine();
  R.EndColumn = P.getColumn();
  R.EndUtf16Column = utf16Column(Line, P.getColumn());
}

ReportFinding toReportFinding(const SourceManager &SM, const Finding &F) {
  ReportFinding R;
  R.Check = F.Check;
  R.Loc = toReportLocation(SM, F.Loc);
  extendToRange(R.Loc, SM, F.Loc, F.Range);
  R.Message = F.Message;
  R.Evidence = evidenceName(F.Evidence);
  for (const FindingNote &N : F.Notes)
    R.Notes.push_back({toReportLocation(SM, N.Loc), N.Message});
  for (const FixItHint &H : F.Fixes) {
    // The engine never fixes inside macros; a range that is not plain file
    // text is dropped rather than written to the wrong place.
    if (!H.RemoveRange.isCharRange() || !H.RemoveRange.getBegin().isFileID() ||
        !H.RemoveRange.getEnd().isFileID())
      continue;
    ReportFix X{toReportLocation(SM, H.RemoveRange.getBegin()),
                toReportLocation(SM, H.RemoveRange.getEnd()), H.CodeToInsert,
                ""};
    if (X.Begin.Line == X.End.Line && X.Begin.Column &&
        X.End.Column >= X.Begin.Column &&
        X.End.Column - 1 <= X.Begin.SourceLine.size())
      X.Original = X.Begin.SourceLine.substr(X.Begin.Column - 1,
                                             X.End.Column - X.Begin.Column);
    R.Fixes.push_back(std::move(X));
  }
  return R;
}

unsigned utf16Column(llvm::StringRef Line, unsigned ByteColumn) {
  if (ByteColumn == 0)
    return 0;
  unsigned Units = 1;
  size_t I = 0, End = std::min<size_t>(ByteColumn - 1, Line.size());
  while (I < End) {
    unsigned char C = Line[I];
    // Invalid UTF-8 counts one unit per byte, as a lossy decoder would.
    unsigned Len = llvm::getNumBytesForUTF8(C);
    if (Len == 0 || I + Len > Line.size() || (Len > 1 && C < 0xC0))
      Len = 1;
    Units += Len == 4 ? 2 : 1;
    I += Len;
  }
  return Units + (ByteColumn - 1 > Line.size() ? ByteColumn - 1 - Line.size() : 0);
}

static auto locKey(const ReportLocation &L) {
  return std::tie(L.Path, L.Line, L.Column);
}

static bool notesLess(const std::vector<ReportNote> &A,
                      const std::vector<ReportNote> &B) {
  return std::lexicographical_compare(
      A.begin(), A.end(), B.begin(), B.end(),
      [](const ReportNote &X, const ReportNote &Y) {
        return std::tuple_cat(locKey(X.Loc), std::tie(X.Message)) <
               std::tuple_cat(locKey(Y.Loc), std::tie(Y.Message));
      });
}

static bool sameFinding(const ReportFinding &A, const ReportFinding &B) {
  if (locKey(A.Loc) != locKey(B.Loc) || A.Check != B.Check ||
      A.Message != B.Message || A.Notes.size() != B.Notes.size())
    return false;
  for (size_t I = 0; I < A.Notes.size(); ++I)
    if (locKey(A.Notes[I].Loc) != locKey(B.Notes[I].Loc) ||
        A.Notes[I].Message != B.Notes[I].Message)
      return false;
  return true;
}

void sortAndDeduplicate(std::vector<ReportFinding> &Findings) {
  std::stable_sort(Findings.begin(), Findings.end(),
                   [](const ReportFinding &A, const ReportFinding &B) {
                     auto KA = std::tuple_cat(locKey(A.Loc),
                                              std::tie(A.Check, A.Message));
                     auto KB = std::tuple_cat(locKey(B.Loc),
                                              std::tie(B.Check, B.Message));
                     if (KA != KB)
                       return KA < KB;
                     return notesLess(A.Notes, B.Notes);
                   });
  Findings.erase(std::unique(Findings.begin(), Findings.end(), sameFinding),
                 Findings.end());
}

static void printSnippet(llvm::raw_ostream &OS, const ReportLocation &L) {
  // Findings read back by `merge` have no source text.
  if (L.SourceLine.empty())
    return;
  // Without tabs the line prints as it is, the caret under its column.
  if (!llvm::StringRef(L.SourceLine).contains('\t')) {
    size_t Pad =
        std::min<size_t>(L.Column ? L.Column - 1 : 0, L.SourceLine.size());
    OS << L.SourceLine << "\n";
    OS.indent(Pad) << "^\n";
    return;
  }
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

/// Relative to the report root (--root), as the other formats.
static void printLocation(llvm::raw_ostream &OS, const ReportLocation &L) {
  OS << (L.Path.empty() ? L.File : L.Path) << ":" << L.Line << ":" << L.Column
     << ": ";
}

void printText(llvm::raw_ostream &OS, const std::vector<ReportFinding> &Findings,
               const std::vector<BaselineEntry> &Fixed) {
  for (const ReportFinding &F : Findings) {
    printLocation(OS, F.Loc);
    // As clang-tidy prints a finding its WarningsAsErrors names.
    if (F.AsError)
      OS << "error: " << F.Message << " [" << F.Check << ",-warnings-as-errors]\n";
    else
      OS << "warning: " << F.Message << " [" << F.Check << "]\n";
    printSnippet(OS, F.Loc);
    for (const ReportNote &N : F.Notes) {
      printLocation(OS, N.Loc);
      OS << "note: " << N.Message << "\n";
      printSnippet(OS, N.Loc);
    }
  }
  for (const BaselineEntry &F : Fixed)
    OS << F.Path << ":" << F.Line << ": note: fixed since the baseline: "
       << F.Message << " [" << F.Check << "]\n";
}

} // namespace crossuser
