#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "minihttp/request.h"

namespace portal {

class Session {
 public:
  Session(std::string session_id, std::string user_id, std::string tenant_id)
      : session_id_(std::move(session_id)),
        user_id_(std::move(user_id)),
        tenant_id_(std::move(tenant_id)) {}

  const std::string& session_id() const { return session_id_; }
  const std::string& user_id() const { return user_id_; }
  const std::string& tenant_id() const { return tenant_id_; }

 private:
  std::string session_id_;
  std::string user_id_;
  std::string tenant_id_;
};

// Issues session ids at login and resolves them from the "sid" cookie or an
// "Authorization: Bearer <id>" header.
class SessionStore {
 public:
  std::string Create(const std::string& user_id, const std::string& tenant_id);
  std::optional<Session> Resolve(const minihttp::Request& req);

 private:
  std::optional<Session> Lookup(const std::string& session_id);

  std::mutex mu_;
  std::unordered_map<std::string, Session> sessions_;
  std::uint64_t next_serial_ = 1;
};

}  // namespace portal
