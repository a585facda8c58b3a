#include "shared.h"

namespace shop {
struct ProfileHandler {
  LruCache<std::string, Profile> cache_;
  void Handle(const http::Request &req, const std::string &uid) {
    cache_.Put(req.path(), Database().LoadProfile(uid));
  }
  void Refresh(const http::Request &req, const std::string &uid) {
    cache_.Put(req.path(), Database().LoadProfile(uid));
    cache_.Put(req.path(), Database().LoadProfile(uid));
  }
};
} // namespace shop
