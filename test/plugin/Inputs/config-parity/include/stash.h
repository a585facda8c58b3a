#pragma once
#include "service.h"

// A cache only through the repository's CacheTypes ('+stash').
template <class K, class V> class Stash {
public:
  std::optional<V> Get(const K &key);
  void Put(const K &key, const V &value);
};
