#include "portal/session.h"

#include <cstdio>
#include <functional>
#include <unordered_map>

namespace portal {
namespace {

std::mutex g_pin_mu;
// Keep-alive connections carry many requests from the same browser, so the
// session a connection authenticated as is remembered per connection and the
// cookie is only parsed once.
std::unordered_map<std::uint64_t, Session> g_connection_sessions;

std::string BearerToken(const std::string& authorization) {
  const std::string scheme = "Bearer ";
  if (authorization.compare(0, scheme.size(), scheme) != 0) return "";
  return authorization.substr(scheme.size());
}

}  // namespace

std::string SessionStore::Create(const std::string& user_id, const std::string& tenant_id) {
  std::lock_guard<std::mutex> lock(mu_);
  char buf[64];
  std::snprintf(buf, sizeof buf, "s%06llu.%016zx",
                static_cast<unsigned long long>(next_serial_++),
                std::hash<std::string>{}(user_id + "/" + tenant_id));
  const std::string session_id = buf;
  sessions_.emplace(session_id, Session(session_id, user_id, tenant_id));
  return session_id;
}

std::optional<Session> SessionStore::Resolve(const minihttp::Request& req) {
  {
    std::lock_guard<std::mutex> lock(g_pin_mu);
    auto pinned = g_connection_sessions.find(req.connection_id());
    if (pinned != g_connection_sessions.end()) return pinned->second;
  }

  std::string session_id = req.cookie("sid");
  if (session_id.empty()) session_id = BearerToken(req.header("Authorization"));
  if (session_id.empty()) return std::nullopt;

  std::optional<Session> session = Lookup(session_id);
  if (session) {
    std::lock_guard<std::mutex> lock(g_pin_mu);
    g_connection_sessions.insert_or_assign(req.connection_id(), *session);
  }
  return session;
}

std::optional<Session> SessionStore::Lookup(const std::string& session_id) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = sessions_.find(session_id);
  if (it == sessions_.end()) return std::nullopt;
  return it->second;
}

}  // namespace portal
