#include <optional>

#include "portal/handlers.h"
#include "portal/render.h"

namespace portal {

void ProfileHandler::Handle(const minihttp::Request& req, minihttp::Response& resp) {
  std::optional<Session> session = sessions_.Resolve(req);
  if (!session) {
    resp.status = 401;
    resp.body = "{\"error\":\"login required\"}";
    return;
  }
  current_user_id_ = session->user_id();

  if (req.method() == "POST") {
    Profile updated{session->user_id(), req.query_param("name"), req.query_param("email"),
                    req.query_param("address")};
    db_.SaveProfile(updated);
    profile_cache_.Put(session->user_id(), updated);
    resp.status = 204;
    return;
  }

  std::optional<Profile> profile = profile_cache_.Get(session->user_id());
  if (!profile) {
    profile = db_.LoadProfile(session->user_id());
    if (!profile) {
      resp.status = 404;
      resp.body = "{\"error\":\"no profile\"}";
      return;
    }
    profile_cache_.Put(session->user_id(), *profile);
  }

  resp.set_header("Content-Type", "application/json");
  // Profiles rarely change; let the CDN absorb repeat views.
  resp.set_header("Cache-Control", "public, max-age=300");
  resp.body = RenderProfileJson(*profile);
}

std::string ProfileHandler::RenderProfileJson(const Profile& profile) const {
  return "{\"name\":\"" + JsonEscape(profile.display_name) + "\",\"email\":\"" +
         JsonEscape(profile.email) + "\",\"address\":\"" + JsonEscape(profile.street_address) +
         "\",\"links\":{\"self\":\"/users/" + JsonEscape(current_user_id_) +
         "\",\"orders\":\"/account/orders\"}}";
}

}  // namespace portal
