// A service on an in-house database client and access-control library,
// described by Inputs/models/ledger.yaml (test/tool/model-roles.test).
#include <map>
#include <string>

namespace ledger {
struct Request {
  std::string path;
};
std::string CallerOf(const Request &req);
class Db {
public:
  std::string Fetch(const std::string &sql, const std::string &param) const;
};
struct Folder {
  std::string holder_ref;
  std::string body;
};
class Acl {
public:
  bool CanView(const std::string &whom, const Folder &folder) const;
};
} // namespace ledger

ledger::Db g_db;
ledger::Acl g_acl;
std::map<std::string, std::string> g_pages;
std::map<std::string, std::string> g_pages_by_whom;
std::map<std::string, ledger::Folder> g_folders;

std::string Overview(const ledger::Request &req) {
  const std::string whom = ledger::CallerOf(req);
  const std::string zone = g_db.Fetch("SELECT zone FROM holders WHERE ref = ?", whom);
  auto hit = g_pages.find(zone);
  if (hit != g_pages.end())
    return hit->second;
  std::string page = g_db.Fetch("SELECT * FROM statements WHERE ref = ?", whom);
  g_pages[zone] = page;
  g_pages_by_whom[whom] = page;
  return page;
}

void Upload(const ledger::Request &req) {
  const std::string whom = ledger::CallerOf(req);
  g_folders[req.path] =
      ledger::Folder{whom, g_db.Fetch("SELECT body FROM drafts WHERE ref = ?", whom)};
}

std::string Open(const ledger::Request &req) {
  const std::string whom = ledger::CallerOf(req);
  auto hit = g_folders.find(req.path);
  if (hit == g_folders.end())
    return "";
  if (!g_acl.CanView(whom, hit->second))
    return "forbidden";
  return hit->second.body;
}

std::string Peek(const ledger::Request &req) {
  const std::string whom = ledger::CallerOf(req);
  auto hit = g_folders.find(req.path);
  if (hit == g_folders.end())
    return "";
  return hit->second.body;
}
