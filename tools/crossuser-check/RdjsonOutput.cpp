// reviewdog's Diagnostic Format (rdjson), so that reviewdog posts findings
// as review comments: `reviewdog -f=rdjson -reporter=github-pr-review`.
// Columns count bytes from 1, as rdjson and clang do.
#include "Output.h"

namespace json = llvm::json;

namespace crossuser {

static json::Object position(unsigned Line, unsigned Column) {
  json::Object P{{"line", Line}};
  if (Column)
    P["column"] = Column;
  return P;
}

static json::Object location(const ReportLocation &L) {
  json::Object Range{{"start", position(L.Line, L.Column)}};
  if (L.EndLine && L.EndColumn)
    Range["end"] = position(L.EndLine, L.EndColumn);
  return json::Object{{"path", L.Path}, {"range", std::move(Range)}};
}

std::string formatRdjson(const std::vector<ReportFinding> &Findings,
                         const ReportContext &Ctx) {
  json::Array Diagnostics;
  for (const ReportFinding &F : Findings) {
    json::Object Code{{"value", F.Check}};
    std::string Uri = helpUri(Ctx.HelpUriBase, F.Check);
    if (!Uri.empty())
      Code["url"] = Uri;
    json::Object D{{"message", F.Message},
                   {"location", location(F.Loc)},
                   {"severity", F.AsError ? "ERROR" : "WARNING"},
                   {"code", std::move(Code)}};
    // reviewdog shows suggestions as GitHub suggested changes.
    json::Array Suggestions;
    for (const ReportFix &X : F.Fixes)
      Suggestions.push_back(json::Object{
          {"range", json::Object{{"start", position(X.Begin.Line, X.Begin.Column)},
                                 {"end", position(X.End.Line, X.End.Column)}}},
          {"text", X.Replacement}});
    if (!Suggestions.empty())
      D["suggestions"] = std::move(Suggestions);
    json::Array Related;
    for (const ReportNote &N : F.Notes)
      Related.push_back(json::Object{{"message", N.Message},
                                     {"location", location(N.Loc)}});
    if (!Related.empty())
      D["related_locations"] = std::move(Related);
    Diagnostics.push_back(std::move(D));
  }
  json::Object Source{{"name", "crossuser"}};
  if (!Ctx.HelpUriBase.empty())
    Source["url"] = Ctx.HelpUriBase;
  return printJson(json::Object{{"source", std::move(Source)},
                                {"severity", "WARNING"},
                                {"diagnostics", std::move(Diagnostics)}});
}

} // namespace crossuser
