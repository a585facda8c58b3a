#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "portal/handlers.h"
#include "portal/render.h"

namespace portal {
namespace {

std::optional<ReportTemplate> CompileTemplate(const std::string& name) {
  if (name == "spending")
    return ReportTemplate{"Monthly spending",
                          "SELECT id, status, total FROM orders "
                          "WHERE user_id = ? AND month = ? ORDER BY id",
                          {"Order", "Status", "Total"}};
  if (name == "returns")
    return ReportTemplate{"Returns",
                          "SELECT id, status, total FROM orders "
                          "WHERE user_id = ? AND month = ? AND status = 'returned'",
                          {"Order", "Status", "Total"}};
  return std::nullopt;
}

std::string RenderReport(const ReportTemplate& tpl, const std::vector<Row>& rows) {
  std::string html = "<h1>" + HtmlEscape(tpl.title) + "</h1><table><tr>";
  for (const std::string& column : tpl.columns) html += "<th>" + HtmlEscape(column) + "</th>";
  html += "</tr>";
  for (const Row& row : rows) {
    html += "<tr>";
    for (const std::string& cell : row.cells) html += "<td>" + HtmlEscape(cell) + "</td>";
    html += "</tr>";
  }
  return html + "</table>";
}

}  // namespace

void ReportsHandler::Handle(const minihttp::Request& req, minihttp::Response& resp) {
  std::optional<Session> session = sessions_.Resolve(req);
  if (!session) {
    resp.status = 401;
    return;
  }
  const std::string report = PathTail(req.path(), "/reports/");
  const int month = std::atoi(req.query_param("month").c_str());
  const ReportKey report_key{session->user_id(), report, month};

  const ReportTemplate* tpl = nullptr;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto done = rendered_.find(report_key);
    if (done != rendered_.end()) {
      resp.body = done->second;
      return;
    }
    auto it = templates_.find(report);
    if (it == templates_.end()) {
      std::optional<ReportTemplate> compiled = CompileTemplate(report);
      if (!compiled) {
        resp.status = 404;
        return;
      }
      it = templates_.emplace(report, *compiled).first;
    }
    tpl = &it->second;
  }

  const std::string html = RenderReport(*tpl, RunQuery(tpl->sql, session->user_id(), month));
  {
    std::lock_guard<std::mutex> lock(mu_);
    rendered_.emplace(report_key, html);
  }
  resp.set_header("Content-Type", "text/html; charset=utf-8");
  resp.body = html;
}

std::vector<Row> ReportsHandler::RunQuery(const std::string& sql, const std::string& account_id,
                                          int month) {
  // Report statements are expensive; identical statements share one result set.
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto hit = result_cache_.find(sql);
    if (hit != result_cache_.end()) return hit->second;
  }
  std::vector<Row> rows = db_.Query(sql, account_id, std::to_string(month));
  std::lock_guard<std::mutex> lock(mu_);
  result_cache_[sql] = rows;
  return rows;
}

}  // namespace portal
