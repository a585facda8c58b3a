#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace portal {

// Client for the redis instance shared by all portal nodes. This build links
// an in-process stand-in: commands are served from memory and nothing is
// sent over the network.
class RedisClient {
 public:
  explicit RedisClient(std::string endpoint);

  std::optional<std::string> get(const std::string& key);
  // ttl_seconds == 0 means no expiry.
  void set(const std::string& key, const std::string& value, int ttl_seconds = 0);
  bool del(const std::string& key);

  const std::string& endpoint() const { return endpoint_; }

 private:
  std::string endpoint_;
  std::mutex mu_;
  std::unordered_map<std::string, std::string> store_;
};

}  // namespace portal
