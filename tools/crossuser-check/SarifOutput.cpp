// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one rule per
// check, each result with its evidence as relatedLocations and as a code
// flow, and crossuser's fingerprint in partialFingerprints.
#include "Analysis/Checks.h"
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

static json::Object physicalLocation(const ReportLocation &L) {
  json::Object Region{{"startLine", L.Line}};
  if (L.Utf16Column)
    Region["startColumn"] = L.Utf16Column;
  return json::Object{{"artifactLocation", artifactLocation(L.Path)},
                      {"region", std::move(Region)}};
}

static json::Object rule(const CheckInfo &C) {
  std::string HelpUri = (DocsBaseUri + C.Name + ".md").str();
  return json::Object{
      {"id", C.Name},
      {"name", ruleName(C.Name)},
      {"shortDescription", json::Object{{"text", C.Summary}}},
      {"fullDescription", json::Object{{"text", C.Description}}},
      {"help", json::Object{{"text", std::string(C.Description) +
                                         " Documentation: " + HelpUri}}},
      {"helpUri", HelpUri},
      {"defaultConfiguration", json::Object{{"level", "warning"}}},
      {"properties",
       json::Object{
           // CWE-488: Exposure of Data Element to Wrong Session.
           {"tags", json::Array{"security", "external/cwe/cwe-488"}},
           {"precision", "high"},
           {"problem.severity", "warning"},
           {"security-severity", "7.5"}}}};
}

static json::Object result(const ReportFinding &F, const ReportContext &Ctx) {
  json::Object R{{"ruleId", F.Check},
                 {"level", "warning"},
                 {"message", json::Object{{"text", F.Message}}}};
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
  R["partialFingerprints"] =
      json::Object{{SarifFingerprintKey, F.Fingerprint}};
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
    Rules.push_back(rule(C));
  json::Array Results;
  for (const ReportFinding &F : Findings)
    Results.push_back(result(F, Ctx));
  for (const BaselineEntry &E : Ctx.Fixed)
    Results.push_back(absentResult(E));
  json::Object Driver{{"name", "crossuser"},
                      {"fullName", "crossuser-check"},
                      {"version", toolVersion()},
                      {"semanticVersion", toolVersion()},
                      {"informationUri", ToolInformationUri},
                      {"rules", std::move(Rules)}};
  json::Object Run{
      {"tool", json::Object{{"driver", std::move(Driver)}}},
      {"originalUriBaseIds",
       json::Object{{SrcRoot, json::Object{{"uri", "file://" +
                                                       uriEscapePath(Ctx.Root) +
                                                       (llvm::StringRef(Ctx.Root).endswith("/") ? "" : "/")}}}}},
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
