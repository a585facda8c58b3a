// A minimal shape of userver's LRU map (see
// userver/server/handlers/http_handler_base.hpp in this tree). Not
// userver's code.
#pragma once

#include <cstddef>
#include <functional>

namespace userver {
namespace cache {

/// A least-recently-used map; not thread-safe.
template <typename T, typename U, typename Hash = std::hash<T>,
          typename Equal = std::equal_to<T>>
class LruMap final {
public:
  explicit LruMap(size_t max_size, const Hash &hash = Hash(),
                  const Equal &equal = Equal());
  bool Put(const T &key, U value);
  void Erase(const T &key);
  /// The value under the key, or nullptr.
  U *Get(const T &key);
  U GetOr(const T &key, const U &default_value);
  void SetMaxSize(size_t new_max_size);
  void Clear();
};

} // namespace cache
} // namespace userver
