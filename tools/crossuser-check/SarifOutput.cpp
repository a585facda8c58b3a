// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one rule per
// check with its documentation page as help, each result with its evidence
// as relatedLocations linked from the message and as a code flow, and
// crossuser's fingerprint in partialFingerprints.
#include "Analysis/Checks.h"
#include "CheckDocs.h"
#include "Output.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

namespace json = llvm::json;

namespace crossuser {

static constexpr llvm::StringLiteral SrcRoot = "%SRCROOT%";

/// "crossuser-cache-key" -> "CacheKey": SARIF's rule name is an identifier.
static std::string ruleName(llvm::StringRef Check) {
  Check.consume_front("crossuser-");
  std::string Out;
  bool Upper = true;
  for (char C : Check) {
    if (C == '-') {
      Upper = true;
      continue;
    }
    Out.push_back(Upper ? llvm::toUpper(C) : C);
    Upper = false;
  }
  return Out;
}

static json::Object artifactLocation(llvm::StringRef Path) {
  if (llvm::sys::path::is_absolute(Path, llvm::sys::path::Style::posix))
    return json::Object{{"uri", "file://" + uriEscapePath(Path)}};
  return json::Object{{"uri", uriEscapePath(Path)}, {"uriBaseId", SrcRoot}};
}

static json::Object region(const ReportLocation &L) {
  json::Object Region{{"startLine", L.Line}};
  if (L.Utf16Column)
    Region["startColumn"] = L.Utf16Column;
  if (L.EndLine && L.EndUtf16Column) {
    Region["endLine"] = L.EndLine;
    Region["endColumn"] = L.EndUtf16Column;
  }
  return Region;
}

static json::Object physicalLocation(const ReportLocation &L) {
  return json::Object{{"artifactLocation", artifactLocation(L.Path)},
                      {"region", region(L)}};
}

namespace {
/// What code scanning ranks and filters alerts by.
struct RuleProperties {
  llvm::StringLiteral Check;
  /// How often a finding is a real problem (evaluation.md): a shared-state
  /// finding needs a reader to confirm the object outlives the request.
  const char *Precision;
  /// CVSS-like, 0.0-10.0: GitHub shows 7.0-8.9 as "high".
  const char *SecuritySeverity;
  std::vector<const char *> Cwes;
};
} // namespace

static const RuleProperties *ruleProperties(llvm::StringRef Check) {
  static const RuleProperties Table[] = {
      // CWE-524: Use of Cache Containing Sensitive Information.
      {"crossuser-cache-key", "high", "7.5", {"524"}},
      // CWE-359: Exposure of Private Personal Information to an
      // Unauthorized Actor, through a shared (CWE-524) cache.
      {"crossuser-cacheable-response", "high", "7.5", {"359", "524"}},
      // CWE-488: Exposure of Data Element to Wrong Session.
      {"crossuser-shared-state", "medium", "6.5", {"488"}},
  };
  for (const RuleProperties &P : Table)
    if (P.Check == Check)
      return &P;
  return nullptr;
}

std::string helpUri(llvm::StringRef UriBase, llvm::StringRef Check) {
  if (UriBase.empty())
    return "";
  return (UriBase + (UriBase.endswith("/") ? "" : "/") + Check + ".md").str();
}

static json::Object rule(const CheckInfo &C, const ReportContext &Ctx) {
  std::string Uri = helpUri(Ctx.HelpUriBase, C.Name);
  std::string Markdown = resolveDocLinks(checkDocPage(C.Name), Ctx.HelpUriBase);
  if (Markdown.empty())
    Markdown = C.Description;
  json::Array Tags{"security"};
  json::Object Properties{{"problem.severity", "warning"}};
  if (const RuleProperties *P = ruleProperties(C.Name)) {
    for (const char *Cwe : P->Cwes)
      Tags.push_back((llvm::Twine("external/cwe/cwe-") + Cwe).str());
    Properties["precision"] = P->Precision;
    Properties["security-severity"] = P->SecuritySeverity;
  }
  Properties["tags"] = std::move(Tags);
  json::Object R{
      {"id", C.Name},
      {"name", ruleName(C.Name)},
      {"shortDescription", json::Object{{"text", C.Summary}}},
      {"fullDescription", json::Object{{"text", C.Description}}},
      {"help", json::Object{{"text", markdownToText(Markdown)},
                            {"markdown", Markdown}}},
      {"defaultConfiguration", json::Object{{"level", "warning"}}},
      {"properties", std::move(Properties)}};
  if (!Uri.empty())
    R["helpUri"] = Uri;
  return R;
}

/// \p Text with the characters that SARIF's embedded links give a meaning
/// escaped.
static std::string escapeLinkText(llvm::StringRef Text) {
  std::string Out;
  for (char C : Text) {
    if (C == '[' || C == ']' || C == '\\')
      Out += '\\';
    Out += C;
  }
  return Out;
}

static std::string unescapeLinkText(llvm::StringRef Text) {
  std::string Out;
  for (size_t I = 0; I < Text.size(); ++I) {
    if (Text[I] == '\\' && I + 1 < Text.size())
      ++I;
    Out += Text[I];
  }
  return Out;
}

static std::string evidenceLinks(llvm::ArrayRef<ReportNote> Notes) {
  std::string Out = ": ";
  for (size_t I = 0; I < Notes.size(); ++I)
    Out += (llvm::Twine(I ? "; " : "") + "[" + escapeLinkText(Notes[I].Message) +
            "](" + llvm::Twine(I + 1) + ")")
               .str();
  return Out;
}

std::string sarifMessageText(llvm::StringRef Message,
                             llvm::ArrayRef<ReportNote> Notes) {
  if (Notes.empty())
    return Message.str();
  return escapeLinkText(Message) + evidenceLinks(Notes);
}

std::string sarifPlainMessage(llvm::StringRef Text,
                              llvm::ArrayRef<ReportNote> Notes) {
  if (Notes.empty())
    return Text.str();
  std::string Links = evidenceLinks(Notes);
  if (!Text.endswith(Links))
    return Text.str();
  return unescapeLinkText(Text.drop_back(Links.size()));
}

/// "replace 'public' with 'private'".
static std::string fixDescription(llvm::ArrayRef<ReportFix> Fixes) {
  std::string Out;
  for (const ReportFix &X : Fixes)
    Out += (Out.empty() ? "" : "; ") +
           (X.Original.empty()
                ? "insert '" + X.Replacement + "'"
                : "replace '" + X.Original + "' with '" + X.Replacement + "'");
  return Out;
}

static json::Object result(const ReportFinding &F, const ReportContext &Ctx) {
  // Each note is a link to its related location, so a viewer that shows
  // only the message still leads to the evidence.
  json::Object R{
      {"ruleId", F.Check},
      {"level", F.AsError ? "error" : "warning"},
      {"message", json::Object{{"text", sarifMessageText(F.Message, F.Notes)}}}};
  llvm::ArrayRef<CheckInfo> Checks = allChecks();
  for (size_t I = 0; I < Checks.size(); ++I)
    if (Checks[I].Name == F.Check)
      R["ruleIndex"] = static_cast<int64_t>(I);
  json::Object Primary{{"physicalLocation", physicalLocation(F.Loc)}};
  if (!F.Function.empty())
    Primary["logicalLocations"] = json::Array{json::Object{
        {"fullyQualifiedName", F.Function}, {"kind", "function"}}};
  R["locations"] = json::Array{std::move(Primary)};
  if (!F.Notes.empty()) {
    json::Array Related, Flow;
    for (size_t I = 0; I < F.Notes.size(); ++I) {
      const ReportNote &N = F.Notes[I];
      Related.push_back(
          json::Object{{"id", static_cast<int64_t>(I + 1)},
                       {"physicalLocation", physicalLocation(N.Loc)},
                       {"message", json::Object{{"text", N.Message}}}});
      Flow.push_back(json::Object{
          {"location",
           json::Object{{"physicalLocation", physicalLocation(N.Loc)},
                        {"message", json::Object{{"text", N.Message}}}}}});
    }
    // The flow ends where the data meets the cache or storage.
    Flow.push_back(json::Object{
        {"location",
         json::Object{{"physicalLocation", physicalLocation(F.Loc)},
                      {"message", json::Object{{"text", F.Message}}}}}});
    R["relatedLocations"] = std::move(Related);
    R["codeFlows"] = json::Array{json::Object{
        {"threadFlows", json::Array{json::Object{{"locations", std::move(Flow)}}}}}};
  }
  if (!F.Fixes.empty()) {
    // One fix with every replacement, grouped by file as SARIF wants.
    json::Array Changes;
    for (const ReportFix &X : F.Fixes) {
      json::Object Deleted{{"startLine", X.Begin.Line},
                           {"startColumn", X.Begin.Utf16Column},
                           {"endLine", X.End.Line},
                           {"endColumn", X.End.Utf16Column}};
      if (!X.Original.empty())
        Deleted["snippet"] = json::Object{{"text", X.Original}};
      json::Object Replacement{
          {"deletedRegion", std::move(Deleted)},
          {"insertedContent", json::Object{{"text", X.Replacement}}}};
      if (!Changes.empty() &&
          Changes.back().getAsObject()->getObject("artifactLocation")->getString("uri") ==
              artifactLocation(X.Begin.Path).getString("uri")) {
        Changes.back().getAsObject()->getArray("replacements")->push_back(
            std::move(Replacement));
        continue;
      }
      Changes.push_back(json::Object{
          {"artifactLocation", artifactLocation(X.Begin.Path)},
          {"replacements", json::Array{std::move(Replacement)}}});
    }
    R["fixes"] = json::Array{json::Object{
        {"description", json::Object{{"text", fixDescription(F.Fixes)}}},
        {"artifactChanges", std::move(Changes)}}};
  }
  R["partialFingerprints"] =
      json::Object{{SarifFingerprintKey, F.Fingerprint}};
  // The weakest evidence the finding rests on (docs/configuration.md).
  R["properties"] = json::Object{{"evidence", F.Evidence}};
  if (Ctx.WithBaseline)
    R["baselineState"] = "new";
  return R;
}

/// A finding of the baseline that is gone (--show-fixed).
static json::Object absentResult(const BaselineEntry &E) {
  json::Object R{{"ruleId", E.Check},
                 {"kind", "pass"},
                 {"level", "none"},
                 {"message", json::Object{{"text", E.Message}}},
                 {"baselineState", "absent"}};
  llvm::ArrayRef<CheckInfo> Checks = allChecks();
  for (size_t I = 0; I < Checks.size(); ++I)
    if (Checks[I].Name == E.Check)
      R["ruleIndex"] = static_cast<int64_t>(I);
  ReportLocation L;
  L.Path = E.Path;
  L.Line = E.Line;
  R["locations"] = json::Array{json::Object{{"physicalLocation", physicalLocation(L)}}};
  R["partialFingerprints"] = json::Object{{SarifFingerprintKey, E.Fingerprint}};
  return R;
}

std::string formatSarif(const std::vector<ReportFinding> &Findings,
                        const ReportContext &Ctx) {
  json::Array Rules;
  for (const CheckInfo &C : allChecks())
    Rules.push_back(rule(C, Ctx));
  json::Array Results;
  for (const ReportFinding &F : Findings)
    Results.push_back(result(F, Ctx));
  for (const BaselineEntry &E : Ctx.Fixed)
    Results.push_back(absentResult(E));
  json::Object Driver{{"name", "crossuser"},
                      {"fullName", "crossuser-check"},
                      {"version", toolVersion()},
                      {"semanticVersion", toolVersion()},
                      {"rules", std::move(Rules)}};
  // No web address unless the user gives one: a made-up repository URL
  // sends readers to a page that does not exist; the installed README does.
  Driver["informationUri"] =
      Ctx.HelpUriBase.empty()
          ? "file://" + uriEscapePath(CROSSUSER_INSTALLED_README)
          : Ctx.HelpUriBase;
  json::Object Run{
      {"tool", json::Object{{"driver", std::move(Driver)}}},
      {"originalUriBaseIds",
       json::Object{{SrcRoot, json::Object{{"uri", "file://" +
                                                       uriEscapePath(Ctx.Root) +
                                                       (llvm::StringRef(Ctx.Root).endswith("/") ? "" : "/")}}}}},
      // Code scanning keeps one set of alerts per category (what precedes
      // the last '/'); uploads of other tools do not close crossuser's.
      {"automationDetails", json::Object{{"id", "crossuser/"}}},
      {"columnKind", "utf16CodeUnits"},
      {"results", std::move(Results)}};
  // An incomplete run must not look like a clean one to code scanning or
  // any other viewer: each file that was not analysed is a notification.
  json::Object Invocation{{"executionSuccessful", Ctx.Failed.empty()}};
  if (!Ctx.Failed.empty()) {
    json::Array Notes;
    for (const FailedFile &F : Ctx.Failed) {
      ReportLocation L;
      L.Path = F.Path;
      Notes.push_back(json::Object{
          {"level", "error"},
          {"message", json::Object{{"text", failedFileMessage(F)}}},
          {"locations",
           json::Array{json::Object{
               {"physicalLocation",
                json::Object{{"artifactLocation", artifactLocation(F.Path)}}}}}}});
    }
    Invocation["toolExecutionNotifications"] = std::move(Notes);
  }
  Run["invocations"] = json::Array{std::move(Invocation)};
  json::Object Log{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                   {"version", "2.1.0"},
                   {"runs", json::Array{std::move(Run)}}};
  return printJson(std::move(Log));
}

} // namespace crossuser
