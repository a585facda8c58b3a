// A cache named by a word that is not a default cache word (Stash) next to
// one that is (LruCache): CacheTypes "stash" finds only the first,
// "+stash" both.
#include "service.h"
template <class K, class V> class Stash {
public:
  void Put(const K &key, const V &value);
};
class StashHandler : public http::Handler {
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    stash_.Put(req.path(), db_.LoadProfile(session.user_id()));
    cache_.Put(req.path(), db_.LoadProfile(session.user_id()));
  }
  Database db_;
  Stash<std::string, Profile> stash_;
  LruCache<std::string, Profile> cache_;
};
