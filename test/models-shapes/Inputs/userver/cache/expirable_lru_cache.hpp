// A minimal shape of userver's expiring LRU cache (see
// userver/server/handlers/http_handler_base.hpp in this tree). Not
// userver's code.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>

namespace userver {
namespace cache {

/// A thread-safe LRU cache whose entries expire.
template <typename Key, typename Value, typename Hash = std::hash<Key>,
          typename Equal = std::equal_to<Key>>
class ExpirableLruCache final {
public:
  using UpdateValueFunc = std::function<Value(const Key &)>;
  ExpirableLruCache(size_t ways, size_t way_size, const Hash &hash = Hash(),
                    const Equal &equal = Equal());
  void SetMaxLifetime(std::chrono::milliseconds max_lifetime);
  Value Get(const Key &key, const UpdateValueFunc &update_func);
  std::optional<Value> GetOptional(const Key &key,
                                   const UpdateValueFunc &update_func);
  std::optional<Value> GetOptionalNoUpdate(const Key &key);
  void Put(const Key &key, const Value &value);
  void Put(const Key &key, Value &&value);
  void Invalidate();
  void InvalidateByKey(const Key &key);
};

} // namespace cache
} // namespace userver
