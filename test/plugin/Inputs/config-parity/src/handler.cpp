#include "hidden/profile_stash.h"
#include "shown/profile_stash.h"

// Shared state, but src/ turns crossuser-shared-state off.
std::string g_last_user;

class ProfileHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    g_last_user = session.user_id();
#ifdef USE_CACHE
    // Compiled only with the ExtraArgs of src/.clang-tidy.
    if (auto hit = stash_.Get(req.path())) {
      resp.body = RenderProfile(*hit);
      return;
    }
    Profile p = db_.LoadProfile(session.user_id());
    stash_.Put(req.path(), p);
#endif
    StashShown(stash_, req, db_);
    StashHidden(stash_, req, db_);
  }

private:
  Database db_;
  Stash<std::string, Profile> stash_;
};
