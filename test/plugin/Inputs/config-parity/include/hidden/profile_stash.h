#pragma once
#include "stash.h"

// Not reported: include/hidden/ does not match the HeaderFilterRegex.
inline void StashHidden(Stash<std::string, Profile> &stash,
                        const http::Request &req, Database &db) {
  Session session = ResolveSession(req);
  stash.Put(req.url(), db.LoadProfile(session.user_id()));
}
