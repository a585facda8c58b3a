// A minimal shape of redis-plus-plus's public API
// (https://github.com/sewenew/redis-plus-plus, as its README documents
// it), written for crossuser's tests: declarations only, with the
// library's names and signatures. Not redis-plus-plus's code.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace sw {
namespace redis {

using StringView = std::string_view;
using OptionalString = std::optional<std::string>;

class Redis {
public:
  explicit Redis(const std::string &uri);
  OptionalString get(const StringView &key);
  bool set(const StringView &key, const StringView &val,
           const std::chrono::milliseconds &ttl = std::chrono::milliseconds(0));
  void setex(const StringView &key, long long ttl, const StringView &val);
  OptionalString hget(const StringView &key, const StringView &field);
  bool hset(const StringView &key, const StringView &field,
            const StringView &val);
  long long del(const StringView &key);
  bool exists(const StringView &key);
};

class RedisCluster {
public:
  explicit RedisCluster(const std::string &uri);
  OptionalString get(const StringView &key);
  bool set(const StringView &key, const StringView &val,
           const std::chrono::milliseconds &ttl = std::chrono::milliseconds(0));
  void setex(const StringView &key, long long ttl, const StringView &val);
};

} // namespace redis
} // namespace sw
