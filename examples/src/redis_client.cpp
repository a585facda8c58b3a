#include "portal/redis_client.h"

#include <utility>

namespace portal {

RedisClient::RedisClient(std::string endpoint) : endpoint_(std::move(endpoint)) {}

std::optional<std::string> RedisClient::get(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = store_.find(key);
  if (it == store_.end()) return std::nullopt;
  return it->second;
}

// The stand-in keeps entries until they are deleted; expiry is not modelled.
void RedisClient::set(const std::string& key, const std::string& value, int /*ttl_seconds*/) {
  std::lock_guard<std::mutex> lock(mu_);
  store_.insert_or_assign(key, value);
}

bool RedisClient::del(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  return store_.erase(key) > 0;
}

}  // namespace portal
