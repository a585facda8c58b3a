#include "Merge.h"
#include "Fingerprint.h"

namespace json = llvm::json;

namespace crossuser {

static llvm::Error error(const llvm::Twine &Msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Msg);
}

static std::optional<std::string> str(const json::Object *O, llvm::StringRef Key) {
  if (!O)
    return std::nullopt;
  if (std::optional<llvm::StringRef> S = O->getString(Key))
    return S->str();
  return std::nullopt;
}

static std::optional<unsigned> num(const json::Object *O, llvm::StringRef Key) {
  if (!O)
    return std::nullopt;
  std::optional<int64_t> N = O->getInteger(Key);
  if (!N || *N < 0 || *N > (1 << 30))
    return std::nullopt;
  return static_cast<unsigned>(*N);
}

static llvm::Error readSarifLocation(const json::Object *Phys,
                                     ReportLocation &L, const llvm::Twine &Where) {
  const json::Object *Art = Phys ? Phys->getObject("artifactLocation") : nullptr;
  std::optional<std::string> Uri = str(Art, "uri");
  const json::Object *Region = Phys ? Phys->getObject("region") : nullptr;
  std::optional<unsigned> Line = num(Region, "startLine");
  if (!Uri || !Line)
    return error(Where + ": a location needs artifactLocation.uri and "
                         "region.startLine");
  llvm::StringRef U(*Uri);
  // Relative to %SRCROOT%, or an absolute file:// URI.
  U.consume_front("file://");
  L.Path = uriUnescape(U);
  L.File = L.Path;
  L.Line = *Line;
  L.Utf16Column = L.Column = num(Region, "startColumn").value_or(0);
  L.EndLine = num(Region, "endLine").value_or(0);
  L.EndUtf16Column = num(Region, "endColumn").value_or(0);
  return llvm::Error::success();
}

static llvm::Expected<LoadedReport> parseSarif(const json::Object &Log) {
  LoadedReport R;
  R.Format = OutputFormat::Sarif;
  const json::Array *Runs = Log.getArray("runs");
  if (!Runs)
    return error("SARIF log without 'runs'");
  for (size_t RI = 0; RI < Runs->size(); ++RI) {
    const json::Object *Run = (*Runs)[RI].getAsObject();
    std::string RunWhere = "runs[" + std::to_string(RI) + "]";
    if (!Run)
      return error(RunWhere + " is not an object");
    const json::Object *Bases = Run->getObject("originalUriBaseIds");
    const json::Object *SrcRoot = Bases ? Bases->getObject("%SRCROOT%") : nullptr;
    if (std::optional<std::string> Uri = str(SrcRoot, "uri")) {
      llvm::StringRef U(*Uri);
      U.consume_front("file://");
      U.consume_back("/");
      if (R.Root.empty())
        R.Root = uriUnescape(U);
    }
    if (const json::Array *Invocations = Run->getArray("invocations"))
      for (const json::Value &Inv : *Invocations) {
        const json::Object *IO = Inv.getAsObject();
        const json::Array *Notes =
            IO ? IO->getArray("toolExecutionNotifications") : nullptr;
        for (size_t N = 0; Notes && N < Notes->size(); ++N) {
          const json::Object *NO = (*Notes)[N].getAsObject();
          std::string Text = str(NO ? NO->getObject("message") : nullptr, "text")
                                 .value_or("");
          const json::Array *Locs = NO ? NO->getArray("locations") : nullptr;
          ReportLocation L;
          const json::Object *L0 =
              Locs && !Locs->empty() ? (*Locs)[0].getAsObject() : nullptr;
          if (L0)
            if (const json::Object *Phys = L0->getObject("physicalLocation"))
              if (std::optional<std::string> Uri =
                      str(Phys->getObject("artifactLocation"), "uri")) {
                llvm::StringRef U(*Uri);
                U.consume_front("file://");
                L.Path = uriUnescape(U);
              }
          const llvm::StringRef Marker = "' was not analysed: ";
          size_t At = Text.find(Marker.str());
          if (L.Path.empty() || At == std::string::npos)
            return error(RunWhere + ".invocations: a toolExecutionNotification "
                                    "not written by crossuser-check");
          R.Failed.push_back({L.Path, Text.substr(At + Marker.size())});
        }
      }
    const json::Array *Results = Run->getArray("results");
    if (!Results)
      return error(RunWhere + " has no 'results'");
    for (size_t I = 0; I < Results->size(); ++I) {
      std::string Where = RunWhere + ".results[" + std::to_string(I) + "]";
      const json::Object *Res = (*Results)[I].getAsObject();
      if (!Res)
        return error(Where + " is not an object");
      // --show-fixed's absent results are not findings.
      if (str(Res, "baselineState") == std::optional<std::string>("absent"))
        continue;
      ReportFinding F;
      std::optional<std::string> Rule = str(Res, "ruleId");
      std::optional<std::string> Msg = str(Res->getObject("message"), "text");
      const json::Array *Locs = Res->getArray("locations");
      if (!Rule || !Msg || !Locs || Locs->empty())
        return error(Where + ": a result needs ruleId, message.text and "
                             "locations");
      F.Check = *Rule;
      F.Message = *Msg;
      if (std::optional<std::string> Ev =
              str(Res->getObject("properties"), "evidence"))
        F.Evidence = *Ev;
      const json::Object *Loc0 = (*Locs)[0].getAsObject();
      if (llvm::Error E = readSarifLocation(
              Loc0 ? Loc0->getObject("physicalLocation") : nullptr, F.Loc,
              Where + ".locations[0]"))
        return E;
      if (const json::Array *Logical = Loc0->getArray("logicalLocations"))
        if (!Logical->empty())
          F.Function = str((*Logical)[0].getAsObject(), "fullyQualifiedName")
                           .value_or("");
      if (const json::Array *Related = Res->getArray("relatedLocations"))
        for (size_t N = 0; N < Related->size(); ++N) {
          const json::Object *RL = (*Related)[N].getAsObject();
          ReportNote Note;
          if (llvm::Error E = readSarifLocation(
                  RL ? RL->getObject("physicalLocation") : nullptr, Note.Loc,
                  Where + ".relatedLocations[" + std::to_string(N) + "]"))
            return E;
          Note.Message = str(RL->getObject("message"), "text").value_or("");
          F.Notes.push_back(std::move(Note));
        }
      F.Message = sarifPlainMessage(F.Message, F.Notes);
      // The fix-its, so that a merged report still offers them.
      if (const json::Array *Fixes = Res->getArray("fixes"))
        for (const json::Value &Fix : *Fixes) {
          const json::Object *FO = Fix.getAsObject();
          const json::Array *Changes = FO ? FO->getArray("artifactChanges") : nullptr;
          for (const json::Value &Change : Changes ? *Changes : json::Array()) {
            const json::Object *CO = Change.getAsObject();
            std::optional<std::string> Uri =
                CO ? str(CO->getObject("artifactLocation"), "uri") : std::nullopt;
            const json::Array *Reps = CO ? CO->getArray("replacements") : nullptr;
            if (!Uri || !Reps)
              return error(Where + ": a fix needs artifactChanges with "
                                   "artifactLocation.uri and replacements");
            llvm::StringRef U(*Uri);
            U.consume_front("file://");
            for (const json::Value &Rep : *Reps) {
              const json::Object *RO = Rep.getAsObject();
              const json::Object *Del = RO ? RO->getObject("deletedRegion") : nullptr;
              std::optional<unsigned> L1 = num(Del, "startLine"),
                                      C1 = num(Del, "startColumn"),
                                      L2 = num(Del, "endLine"),
                                      C2 = num(Del, "endColumn");
              if (!L1 || !C1 || !L2 || !C2)
                return error(Where + ": a replacement needs deletedRegion "
                                     "startLine, startColumn, endLine and "
                                     "endColumn");
              ReportFix X;
              X.Begin.Path = X.End.Path = uriUnescape(U);
              X.Begin.File = X.End.File = X.Begin.Path;
              X.Begin.Line = *L1;
              X.Begin.Column = X.Begin.Utf16Column = *C1;
              X.End.Line = *L2;
              X.End.Column = X.End.Utf16Column = *C2;
              X.Replacement = str(RO->getObject("insertedContent"), "text").value_or("");
              X.Original = str(Del->getObject("snippet"), "text").value_or("");
              F.Fixes.push_back(std::move(X));
            }
          }
        }
      std::optional<std::string> FP =
          str(Res->getObject("partialFingerprints"), SarifFingerprintKey);
      if (!FP)
        return error(Where + ": no partialFingerprints." + SarifFingerprintKey +
                     " (not written by crossuser-check?)");
      F.Fingerprint = *FP;
      F.BaseFingerprint = baseOfFingerprint(*FP).str();
      R.Findings.push_back(std::move(F));
    }
  }
  return R;
}

static llvm::Error readJsonLocation(const json::Object *O, ReportLocation &L,
                                    const llvm::Twine &Where) {
  std::optional<std::string> Path = str(O, "path");
  std::optional<unsigned> Line = num(O, "line"), Column = num(O, "column");
  if (!Path || !Line || !Column)
    return error(Where + ": needs 'path', 'line' and 'column'");
  L.File = L.Path = *Path;
  L.Line = *Line;
  L.Column = L.Utf16Column = *Column;
  return llvm::Error::success();
}

static llvm::Expected<LoadedReport> parseJsonReport(const json::Object &Doc) {
  LoadedReport R;
  R.Format = OutputFormat::Json;
  if (Doc.getInteger("version") != std::optional<int64_t>(1))
    return error("unsupported JSON report version (expected \"version\": 1)");
  const json::Array *Findings = Doc.getArray("findings");
  if (!Findings)
    return error("JSON report without 'findings'");
  for (size_t I = 0; I < Findings->size(); ++I) {
    std::string Where = "findings[" + std::to_string(I) + "]";
    const json::Object *O = (*Findings)[I].getAsObject();
    ReportFinding F;
    if (llvm::Error E = readJsonLocation(O, F.Loc, Where))
      return E;
    std::optional<std::string> Check = str(O, "check"), Msg = str(O, "message"),
                               FP = str(O, "fingerprint");
    if (!Check || !Msg || !FP)
      return error(Where + ": needs 'check', 'message' and 'fingerprint'");
    F.Check = *Check;
    F.Message = *Msg;
    F.Function = str(O, "function").value_or("");
    F.Evidence = str(O, "evidence").value_or("structure");
    F.Fingerprint = *FP;
    F.BaseFingerprint = baseOfFingerprint(*FP).str();
    if (const json::Array *Notes = O->getArray("notes"))
      for (size_t N = 0; N < Notes->size(); ++N) {
        const json::Object *NO = (*Notes)[N].getAsObject();
        ReportNote Note;
        if (llvm::Error E = readJsonLocation(
                NO, Note.Loc, Where + ".notes[" + std::to_string(N) + "]"))
          return E;
        Note.Message = str(NO, "message").value_or("");
        F.Notes.push_back(std::move(Note));
      }
    R.Findings.push_back(std::move(F));
  }
  if (const json::Array *Failed = Doc.getArray("failed"))
    for (size_t I = 0; I < Failed->size(); ++I) {
      const json::Object *O = (*Failed)[I].getAsObject();
      std::optional<std::string> Path = str(O, "path"), Reason = str(O, "reason");
      if (!Path || !Reason)
        return error("failed[" + std::to_string(I) + "]: needs 'path' and 'reason'");
      R.Failed.push_back({*Path, *Reason});
    }
  return R;
}

llvm::Expected<LoadedReport> parseReport(llvm::StringRef Text) {
  llvm::Expected<json::Value> Doc = json::parse(Text);
  if (!Doc)
    return error("malformed JSON: " + llvm::toString(Doc.takeError()));
  const json::Object *O = Doc->getAsObject();
  if (!O)
    return error("not a crossuser-check SARIF or JSON report");
  if (O->get("runs"))
    return parseSarif(*O);
  if (O->get("findings"))
    return parseJsonReport(*O);
  return error("not a crossuser-check SARIF or JSON report");
}

std::vector<ReportFinding> mergeFindings(std::vector<LoadedReport> &Reports) {
  std::vector<ReportFinding> All;
  for (LoadedReport &R : Reports)
    for (ReportFinding &F : R.Findings)
      All.push_back(std::move(F));
  sortAndDeduplicate(All);
  assignOccurrences(All);
  return All;
}

} // namespace crossuser
