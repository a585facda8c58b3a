// GitLab's Code Quality report: a subset of the Code Climate issue format
// (https://docs.gitlab.com/ee/ci/testing/code_quality.html).
#include "Fingerprint.h"
#include "Output.h"

namespace json = llvm::json;

namespace crossuser {

std::string formatCodeClimate(const std::vector<ReportFinding> &Findings,
                              const ReportContext &Ctx) {
  json::Array Issues;
  for (const ReportFinding &F : Findings) {
    std::string Body;
    for (const ReportNote &N : F.Notes)
      Body += "- " + N.Loc.Path + ":" + std::to_string(N.Loc.Line) + ": " +
              N.Message + "\n";
    Body += "- evidence: " + F.Evidence + "\n";
    json::Object Issue{
        {"type", "issue"},
        {"check_name", F.Check},
        {"description", F.Message},
        {"categories", json::Array{"Security"}},
        // WarningsAsErrors: one step up.
        {"severity", F.AsError ? "critical" : "major"},
        // GitLab compares fingerprints between the branch and its target;
        // ours ignore line numbers, so moved code is not "new", and hash
        // the path, as GitLab keeps one issue per fingerprint.
        {"fingerprint", codeQualityFingerprint(F.Loc.Path, F.Fingerprint)},
        {"location",
         json::Object{{"path", F.Loc.Path},
                      {"lines", json::Object{{"begin", F.Loc.Line}}}}}};
    if (!Body.empty())
      Issue["content"] = json::Object{{"body", Body}};
    Issues.push_back(std::move(Issue));
  }
  return printJson(std::move(Issues));
}

} // namespace crossuser
