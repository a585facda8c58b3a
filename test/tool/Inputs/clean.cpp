#include "service.h"

// Keyed by the user: nothing to report.
struct ProfileHandler {
  LruCache<std::string, Profile> cache_;
  void Handle(const http::Request &req, const std::string &uid) {
    cache_.Put(uid + req.path(), Database().LoadProfile(uid));
  }
};
