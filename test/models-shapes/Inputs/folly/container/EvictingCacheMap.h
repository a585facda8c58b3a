// A minimal shape of folly's EvictingCacheMap
// (https://github.com/facebook/folly, folly/container/EvictingCacheMap.h,
// as documented), written for crossuser's tests: declarations only, with
// folly's names and signatures. Not folly's code.
#pragma once

#include <cstddef>
#include <utility>

namespace folly {

template <class TKey, class TValue, class THash = void, class TKeyEqual = void>
class EvictingCacheMap {
public:
  using value_type = std::pair<const TKey, TValue>;
  class iterator {
  public:
    value_type &operator*() const;
    value_type *operator->() const;
    bool operator==(const iterator &) const;
    bool operator!=(const iterator &) const;
  };
  explicit EvictingCacheMap(std::size_t maxSize, std::size_t clearSize = 1);
  bool exists(const TKey &key) const;
  TValue &get(const TKey &key);
  iterator find(const TKey &key);
  const TValue &getWithoutPromotion(const TKey &key) const;
  void set(const TKey &key, TValue value, bool promote = true);
  std::pair<iterator, bool> insert(const TKey &key, TValue value);
  std::size_t erase(const TKey &key);
  iterator end();
};

} // namespace folly
