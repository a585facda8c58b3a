#include "service.h"

struct ProfileHandler {
  LruCache<std::string, Profile> cache_;
  void Handle(const http::Request &req, const std::string &uid) {
    cache_.Put(req.path(), Database().LoadProfile(uid));
  }
};
