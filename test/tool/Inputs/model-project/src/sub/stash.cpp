#include "service.h"
namespace acme {
template <class K, class V> class Stash {
public:
  const V *Fetch(const K &key);
  void Keep(const K &key, const V &value);
};
} // namespace acme
class StashHandler : public http::Handler {
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    stash_.Keep(req.path(), db_.LoadProfile(session.user_id()));
  }
  Database db_;
  acme::Stash<std::string, Profile> stash_;
};
