#pragma once
#include "stash.h"

// Reported: include/shown/ matches the HeaderFilterRegex.
inline void StashShown(Stash<std::string, Profile> &stash,
                       const http::Request &req, Database &db) {
  Session session = ResolveSession(req);
  stash.Put(req.path(), db.LoadProfile(session.user_id()));
}
