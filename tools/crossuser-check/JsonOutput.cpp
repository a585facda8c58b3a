// crossuser's own JSON report, described by docs/json-schema.json.
#include "Output.h"

namespace json = llvm::json;

namespace crossuser {

static json::Object location(const ReportLocation &L) {
  return json::Object{{"path", L.Path}, {"line", L.Line}, {"column", L.Column}};
}

std::string formatJson(const std::vector<ReportFinding> &Findings,
                       const ReportContext &Ctx) {
  json::Array Out;
  for (const ReportFinding &F : Findings) {
    json::Array Notes;
    for (const ReportNote &N : F.Notes) {
      json::Object Note = location(N.Loc);
      Note["message"] = N.Message;
      Notes.push_back(std::move(Note));
    }
    json::Object O = location(F.Loc);
    O["check"] = F.Check;
    O["message"] = F.Message;
    O["function"] = F.Function;
    O["fingerprint"] = F.Fingerprint;
    O["evidence"] = F.Evidence;
    O["notes"] = std::move(Notes);
    Out.push_back(std::move(O));
  }
  json::Object Report{
      {"version", 1},
      {"tool", json::Object{{"name", "crossuser-check"}, {"version", toolVersion()}}},
      {"findings", std::move(Out)},
      {"complete", Ctx.Failed.empty()}};
  if (!Ctx.Failed.empty()) {
    json::Array Failed;
    for (const FailedFile &F : Ctx.Failed)
      Failed.push_back(json::Object{{"path", F.Path}, {"reason", F.Reason}});
    Report["failed"] = std::move(Failed);
  }
  if (!Ctx.Fixed.empty()) {
    json::Array Fixed;
    for (const BaselineEntry &E : Ctx.Fixed)
      Fixed.push_back(json::Object{{"fingerprint", E.Fingerprint},
                                   {"check", E.Check},
                                   {"path", E.Path},
                                   {"line", E.Line},
                                   {"message", E.Message}});
    Report["fixed"] = std::move(Fixed);
  }
  return printJson(std::move(Report));
}

} // namespace crossuser
