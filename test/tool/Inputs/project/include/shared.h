// Included by several translation units: its finding is reported once.
#pragma once
#include "service.h"

struct SharedHandler {
  LruCache<std::string, Profile> cache_;
  void Handle(const http::Request &req, const std::string &uid) {
    cache_.Put(req.path(), Database().LoadProfile(uid));
  }
};
