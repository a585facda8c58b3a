#include "service.h"

// Keyed by the user: no finding. A second file, so the build runs the
// plugin in two compiles at once.
struct ProfileHandler {
  LruCache<std::string, Profile> cache_;
  void Handle(const http::Request &req, const std::string &uid) {
    cache_.Put(uid + req.path(), Database().LoadProfile(uid));
  }
};
