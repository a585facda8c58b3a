#include "Baseline.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringExtras.h"

namespace crossuser {

static std::string escape(llvm::StringRef S) {
  std::string Out;
  for (char C : S) {
    if (C == '\\')
      Out += "\\\\";
    else if (C == '\t')
      Out += "\\t";
    else if (C == '\n')
      Out += "\\n";
    else if (C == '\r')
      Out += "\\r";
    else
      Out.push_back(C);
  }
  return Out;
}

/// Undoes escape(); false on a dangling or unknown escape.
static bool unescape(llvm::StringRef S, std::string &Out) {
  Out.clear();
  for (size_t I = 0; I < S.size(); ++I) {
    if (S[I] != '\\') {
      Out.push_back(S[I]);
      continue;
    }
    if (++I == S.size())
      return false;
    switch (S[I]) {
    case '\\': Out.push_back('\\'); break;
    case 't': Out.push_back('\t'); break;
    case 'n': Out.push_back('\n'); break;
    case 'r': Out.push_back('\r'); break;
    default: return false;
    }
  }
  return true;
}

static bool isFingerprint(llvm::StringRef S) {
  llvm::StringRef Base = S.take_until([](char C) { return C == ':'; });
  llvm::StringRef Occ = S.drop_front(Base.size());
  if (Base.size() != 32 || !Occ.consume_front(":") || Occ.empty() ||
      Occ.size() > 9)
    return false;
  return llvm::all_of(Base, [](char C) { return llvm::isDigit(C) || (C >= 'a' && C <= 'f'); }) &&
         llvm::all_of(Occ, llvm::isDigit);
}

static llvm::Error lineError(unsigned Line, const llvm::Twine &Msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "line " + llvm::Twine(Line) + ": " + Msg);
}

llvm::Expected<std::vector<BaselineEntry>> parseBaseline(llvm::StringRef Text) {
  std::vector<BaselineEntry> Entries;
  unsigned LineNo = 0;
  bool SawHeader = false;
  while (!Text.empty()) {
    llvm::StringRef Line;
    std::tie(Line, Text) = Text.split('\n');
    ++LineNo;
    Line.consume_back("\r");
    if (!SawHeader) {
      if (Line != BaselineHeader)
        return lineError(LineNo, "not a crossuser-check baseline (expected '" +
                                     BaselineHeader + "')");
      SawHeader = true;
      continue;
    }
    if (Line.trim().empty() || Line.startswith("#"))
      continue;
    llvm::SmallVector<llvm::StringRef, 4> Fields;
    Line.split(Fields, '\t', 3);
    if (Fields.size() != 4)
      return lineError(LineNo, "expected 4 tab-separated fields "
                               "(fingerprint, check, path:line, message)");
    BaselineEntry E;
    if (!isFingerprint(Fields[0]))
      return lineError(LineNo, "malformed fingerprint '" + Fields[0] + "'");
    E.Fingerprint = Fields[0].str();
    if (Fields[1].empty() || Fields[1].contains(' '))
      return lineError(LineNo, "malformed check name '" + Fields[1] + "'");
    E.Check = Fields[1].str();
    size_t Colon = Fields[2].rfind(':');
    if (Colon == llvm::StringRef::npos || Colon == 0 ||
        Fields[2].drop_front(Colon + 1).getAsInteger(10, E.Line) || E.Line == 0)
      return lineError(LineNo, "malformed location '" + Fields[2] +
                                   "' (expected path:line)");
    if (!unescape(Fields[2].take_front(Colon), E.Path) ||
        !unescape(Fields[3], E.Message))
      return lineError(LineNo, "malformed escape sequence");
    Entries.push_back(std::move(E));
  }
  if (!SawHeader)
    return lineError(1, "empty file; a baseline starts with '" +
                            BaselineHeader + "'");
  return Entries;
}

std::string formatBaseline(const std::vector<ReportFinding> &Findings) {
  std::string Out = (BaselineHeader + "\n").str();
  Out += "# fingerprint, check, path:line, message; written by "
         "crossuser-check --write-baseline\n";
  for (const ReportFinding &F : Findings)
    Out += F.Fingerprint + "\t" + F.Check + "\t" + escape(F.Loc.Path) + ":" +
           std::to_string(F.Loc.Line) + "\t" + escape(F.Message) + "\n";
  return Out;
}

std::vector<BaselineEntry>
applyBaseline(std::vector<ReportFinding> &Findings,
              const std::vector<BaselineEntry> &Baseline) {
  llvm::StringMap<unsigned> Remaining;
  for (const BaselineEntry &E : Baseline)
    ++Remaining[E.Fingerprint];
  std::vector<ReportFinding> New;
  for (ReportFinding &F : Findings) {
    auto It = Remaining.find(F.Fingerprint);
    if (It != Remaining.end() && It->second > 0) {
      --It->second;
      continue;
    }
    New.push_back(std::move(F));
  }
  Findings = std::move(New);
  std::vector<BaselineEntry> Fixed;
  for (const BaselineEntry &E : Baseline) {
    auto It = Remaining.find(E.Fingerprint);
    if (It->second > 0) {
      --It->second;
      Fixed.push_back(E);
    }
  }
  return Fixed;
}

} // namespace crossuser
