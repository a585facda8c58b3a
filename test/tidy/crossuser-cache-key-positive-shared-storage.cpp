// RUN: %clang_tidy -checks='-*,crossuser-cache-key' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'

// Plain standard containers become caches when every request can reach
// them: function-local statics, thread_locals (pooled threads serve many
// users), static data members, namespace-scope variables and members of
// long-lived services. Each is keyed here by something that is not the user.

#include "service.h"

struct Recommendation {
  std::vector<Product> products;
};
Recommendation ComputeRecommendations(const User &user);
std::string RenderHome(const User &user);

// Memoised by country: the first user from a country decides what every
// later user from that country sees.
Recommendation Recommend(const User &user) {
  static std::map<std::string, Recommendation> memo;
  auto it = memo.find(user.country);
  // CHECK: :[[@LINE-1]]:13: warning: cache 'memo' is keyed by 'user.country', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-4]]:38: note: user identity 'user' is available here
  // CHECK: :[[@LINE+4]]:24: note: per-user data 'r' is stored in 'memo' here
  if (it != memo.end())
    return it->second;
  Recommendation r = ComputeRecommendations(user);
  memo[user.country] = r;
  // CHECK: :[[@LINE-1]]:3: warning: cache 'memo' is keyed by 'user.country', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-11]]:38: note: user identity 'user' is available here
  // CHECK: :[[@LINE-3]]:24: note: per-user data 'r' is stored in 'memo' here
  return r;
}

// The value type says nothing; the insert stores a page rendered for the user.
std::string HomePage(const Session &session) {
  static std::unordered_map<std::string, std::string> by_locale;
  if (by_locale.count(session.locale()))
  // CHECK: :[[@LINE-1]]:7: warning: cache 'by_locale' is keyed by 'session.locale()', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-4]]:37: note: user identity 'session' is available here
  // CHECK: :[[@LINE+6]]:39: note: per-user data 'html' is stored in 'by_locale' here
    return by_locale.at(session.locale());
    // CHECK: :[[@LINE-1]]:12: warning: cache 'by_locale' is keyed by 'session.locale()', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-8]]:37: note: user identity 'session' is available here
    // CHECK: :[[@LINE+2]]:39: note: per-user data 'html' is stored in 'by_locale' here
  std::string html = RenderHome(session.user());
  by_locale.emplace(session.locale(), html);
  // CHECK: :[[@LINE-1]]:3: warning: cache 'by_locale' is keyed by 'session.locale()', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-13]]:37: note: user identity 'session' is available here
  // CHECK: :[[@LINE-3]]:39: note: per-user data 'html' is stored in 'by_locale' here
  return html;
}

// thread_local at namespace scope and inside a function.
thread_local std::unordered_map<std::string, Profile> tl_profiles;

Profile CurrentProfile(const http::Request &req, Database &db) {
  Session session = ResolveSession(req);
  if (tl_profiles.contains(req.path()))
  // CHECK: :[[@LINE-1]]:7: warning: cache 'tl_profiles' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-3]]:21: note: user identity 'ResolveSession(req)' is available here
  // CHECK: :[[@LINE+6]]:35: note: per-user data 'p' is stored in 'tl_profiles' here
    return tl_profiles[req.path()];
    // CHECK: :[[@LINE-1]]:12: warning: cache 'tl_profiles' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-7]]:21: note: user identity 'ResolveSession(req)' is available here
    // CHECK: :[[@LINE+2]]:35: note: per-user data 'p' is stored in 'tl_profiles' here
  Profile p = db.LoadProfile(session.user_id());
  tl_profiles.insert({req.path(), p});
  // CHECK: :[[@LINE-1]]:3: warning: cache 'tl_profiles' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-12]]:21: note: user identity 'ResolveSession(req)' is available here
  // CHECK: :[[@LINE-3]]:35: note: per-user data 'p' is stored in 'tl_profiles' here
  return p;
}

std::vector<Order> RecentOrders(const std::string &user_id,
                                const http::Request &req, Database &db) {
  thread_local std::map<std::string, std::vector<Order>> last;
  last.try_emplace(req.query(), db.LoadOrders(user_id));
  // CHECK: :[[@LINE-1]]:3: warning: cache 'last' is keyed by 'req.query()', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-5]]:52: note: user identity 'user_id' is available here
  // CHECK: :[[@LINE-3]]:33: note: per-user data 'db.LoadOrders(user_id)' is stored in 'last' here
  return last[req.query()];
  // CHECK: :[[@LINE-1]]:10: warning: cache 'last' is keyed by 'req.query()', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-9]]:52: note: user identity 'user_id' is available here
  // CHECK: :[[@LINE-7]]:33: note: per-user data 'db.LoadOrders(user_id)' is stored in 'last' here
}

// Static data members, reached from inside and outside the class.
class ProfileStore {
public:
  static std::map<std::string, Profile> by_path;
  Profile Load(const Session &session, const std::string &path) {
    return by_path.at(path);
    // CHECK: :[[@LINE-1]]:12: warning: cache 'by_path' is keyed by 'path', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-3]]:31: note: user identity 'session' is available here
    // CHECK: :[[@LINE-5]]:41: note: 'by_path' holds values of per-user type 'Profile'
  }
};
std::map<std::string, Profile> ProfileStore::by_path;

void Warm(const User &user, const std::string &path, const Profile &p) {
  ProfileStore::by_path.insert_or_assign(path, p);
  // CHECK: :[[@LINE-1]]:3: warning: cache 'by_path' is keyed by 'path', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-3]]:23: note: user identity 'user' is available here
  // CHECK: :[[@LINE-6]]:46: note: 'by_path' holds values of per-user type 'Profile'
}

// Namespace scope.
std::unordered_map<std::string, std::string> g_rendered;

void Render(const http::Request &req, http::Response &resp) {
  std::string cookie = req.header("Cookie");
  std::string body = "<p>" + cookie + "</p>";
  g_rendered[req.path()] = body;
  // CHECK: :[[@LINE-1]]:3: warning: cache 'g_rendered' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-4]]:24: note: user identity 'req.header("Cookie")' is available here
  // CHECK: :[[@LINE-3]]:28: note: per-user data 'body' is stored in 'g_rendered' here
  resp.body = body;
}

// Members of long-lived classes: recognised by name (manager, registry,
// app) or by a base class.
class CartManager {
public:
  void Remember(const std::string &customer_id, const std::string &sku,
                std::vector<Order> orders) {
    recent_.emplace(sku, orders);
    // Silent by default: this finding rests on words only (MinimumEvidence: name reports it).
  }

private:
  std::map<std::string, std::vector<Order>> recent_;
};

class WalletRegistry {
public:
  double Balance(const UserId &id, const std::string &currency) {
    return balances_[currency];
    // Silent by default: this finding rests on words only (MinimumEvidence: name reports it).
  }
  void Record(const UserId &id, const std::string &currency, double amount) {
    balances_[currency] = amount + Lookup(id);
    // Silent by default: this finding rests on words only (MinimumEvidence: name reports it).
  }
  double Lookup(const UserId &id);

private:
  std::map<std::string, double> balances_;
};

class MyBase : public http::Handler {};
class AddressBook : public MyBase {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    auto it = addresses_.find(req.param("label"));
    // CHECK: :[[@LINE-1]]:15: warning: cache 'addresses_' is keyed by 'req.param("label")', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-3]]:23: note: user identity 'ResolveSession(req)' is available here
    // CHECK: :[[@LINE+4]]:46: note: per-user data 'session.user().email' is stored in 'addresses_' here
    if (it != addresses_.end())
      resp.body = it->second;
    else
      addresses_.insert({req.param("label"), session.user().email});
      // CHECK: :[[@LINE-1]]:7: warning: cache 'addresses_' is keyed by 'req.param("label")', which does not identify the user [crossuser-cache-key]
      // CHECK: :[[@LINE-10]]:23: note: user identity 'ResolveSession(req)' is available here
      // CHECK: :[[@LINE-3]]:46: note: per-user data 'session.user().email' is stored in 'addresses_' here
  }

private:
  std::unordered_map<std::string, std::string> addresses_;
};

// A cache used from a lambda inside the handler: the identity of the
// enclosing function is what matters.
class DeferredHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    auto load = [this, &req] { return profiles_.Get(req.path()); };
    // CHECK: :[[@LINE-1]]:39: warning: cache 'profiles_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-3]]:23: note: user identity 'ResolveSession(req)' is available here
    // CHECK: :[[@LINE+10]]:34: note: 'profiles_' holds values of per-user type 'Profile'
    auto save = [&](const Profile &p) { profiles_.Put(req.path(), p); };
    // CHECK: :[[@LINE-1]]:41: warning: cache 'profiles_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-7]]:23: note: user identity 'ResolveSession(req)' is available here
    // CHECK: :[[@LINE+6]]:34: note: 'profiles_' holds values of per-user type 'Profile'
    if (std::optional<Profile> p = load())
      resp.body = RenderProfile(*p);
  }

private:
  LruCache<std::string, Profile> profiles_;
};

// A route registered as a lambda: the identity is read inside the lambda,
// the cache is a namespace-scope map.
std::map<std::string, Profile> g_profile_pages;
struct App {
  template <class Fn> void Route(const char *path, Fn fn) { routes_.push_back(path); }
  std::vector<std::string> routes_;
};
void RegisterRoutes(App &app) {
  app.Route("/me", [](const http::Request &req, http::Response &resp) {
    Session session = ResolveSession(req);
    resp.body = RenderProfile(g_profile_pages[req.url()]);
    // CHECK: :[[@LINE-1]]:31: warning: cache 'g_profile_pages' is keyed by 'req.url()', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-3]]:23: note: user identity 'ResolveSession(req)' is available here
    // CHECK: :[[@LINE-11]]:32: note: 'g_profile_pages' holds values of per-user type 'Profile'
  });
}
