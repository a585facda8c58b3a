// RUN: %clang_tidy -checks='-*,crossuser-cache-key' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'

// Response, profile, cart and order caches keyed by the URL, path or query
// while the handler knows who is asking: the Steam (2015) and Klarna (2021)
// shape, where the first user's page is served to everyone on that URL.

#include "service.h"

struct Cart {
  std::vector<Product> items;
  double total;
};

// A rendered page is a plain string; the insert shows it is one user's page.
class AccountPageHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    std::optional<std::string> hit = pages_.Get(req.url());
    // CHECK: :[[@LINE-1]]:38: warning: cache 'pages_' is keyed by 'req.url()', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-3]]:23: note: user identity 'ResolveSession(req)' is available here
    // CHECK: :[[@LINE+6]]:27: note: per-user data 'page' is stored in 'pages_' here
    if (hit) {
      resp.body = *hit;
      return;
    }
    std::string page = RenderProfile(db_.LoadProfile(session.user_id()));
    pages_.Put(req.url(), page);
    // CHECK: :[[@LINE-1]]:5: warning: cache 'pages_' is keyed by 'req.url()', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-12]]:23: note: user identity 'ResolveSession(req)' is available here
    // CHECK: :[[@LINE-3]]:27: note: per-user data 'page' is stored in 'pages_' here
    resp.body = page;
  }

private:
  Database db_;
  LruCache<std::string, std::string> pages_;
};

// The user arrives as a parameter; the cart is looked up by query string.
class CartService {
public:
  Cart GetCart(const User &user, const http::Request &req) {
    if (std::optional<Cart> c = carts_.Get(req.query()))
    // Silent by default: this finding rests on words only (MinimumEvidence: name reports it).
      return *c;
    return Cart{};
  }

private:
  LruCache<std::string, Cart> carts_;
};

// A plain std::unordered_map member of a controller is shared by every
// request the controller serves; operator[] stores under the path.
class OrdersController {
public:
  std::string Show(const http::Request &req) {
    std::string uid = req.header("X-User-Id");
    auto it = orders_.find(req.path());
    // Silent by default: this finding rests on words only (MinimumEvidence: name reports it).
    if (it != orders_.end())
      return "cached";
    orders_[req.path()] = db_.LoadOrders(uid);
    // Silent by default: this finding rests on words only (MinimumEvidence: name reports it).
    return "fresh";
  }

private:
  Database db_;
  std::unordered_map<std::string, std::vector<Order>> orders_;
};

// Path and query concatenated into a local key: still no user in it.
class ProfileEndpoint : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    std::string auth = req.header("Authorization");
    std::string key = req.path() + "?" + req.query();
    if (std::optional<Profile> p = profile_cache_.Get(key)) {
    // CHECK: :[[@LINE-1]]:36: warning: cache 'profile_cache_' is keyed by 'key', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-3]]:17: note: key 'key' is built here
    // CHECK: :[[@LINE-5]]:24: note: user identity 'req.header("Authorization")' is available here
    // CHECK: :[[@LINE+7]]:34: note: 'profile_cache_' holds values of per-user type 'Profile'
      resp.body = RenderProfile(*p);
      return;
    }
  }

private:
  LruCache<std::string, Profile> profile_cache_;
};

// A response cache reached through a raw pointer member; the stored
// response was filled from the session's profile.
class ResponseCache {
public:
  std::optional<std::string> Lookup(const std::string &url);
  void Store(const std::string &url, const http::Response &resp);
};

class MeHandler : public http::Handler {
public:
  explicit MeHandler(ResponseCache *cache) : cache_(cache) {}
  void Handle(const http::Request &req, http::Response &resp) override {
    if (std::optional<std::string> body = cache_->Lookup(req.url())) {
    // CHECK: :[[@LINE-1]]:43: warning: cache 'cache_' is keyed by 'req.url()', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE+5]]:23: note: user identity 'ResolveSession(req)' is available here
    // CHECK: :[[@LINE+7]]:30: note: per-user data 'resp' is stored in 'cache_' here
      resp.body = *body;
      return;
    }
    Session session = ResolveSession(req);
    Profile p = db_.LoadProfile(session.user_id());
    resp.body = RenderProfile(p);
    cache_->Store(req.url(), resp);
    // CHECK: :[[@LINE-1]]:5: warning: cache 'cache_' is keyed by 'req.url()', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-5]]:23: note: user identity 'ResolveSession(req)' is available here
    // CHECK: :[[@LINE-3]]:30: note: per-user data 'resp' is stored in 'cache_' here
  }

private:
  ResponseCache *cache_;
  Database db_;
};

// The same through a reference member and a shared_ptr member.
class InvoiceController {
public:
  InvoiceController(LruCache<std::string, Profile> &profiles)
      : profiles_(profiles) {}
  std::string Billing(const Session &session, const http::Request &req) {
    std::optional<Profile> p = profiles_.Get(req.path());
    // CHECK: :[[@LINE-1]]:32: warning: cache 'profiles_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-3]]:38: note: user identity 'session' is available here
    // CHECK: :[[@LINE+12]]:35: note: 'profiles_' holds values of per-user type 'Profile'
    return p ? p->address : "";
  }
  std::string History(const Session &session, const http::Request &req) {
    std::optional<std::vector<Order>> o = orders_->Get(req.param("page"));
    // CHECK: :[[@LINE-1]]:43: warning: cache 'orders_' is keyed by 'req.param("page")', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-3]]:38: note: user identity 'session' is available here
    // CHECK: :[[@LINE+6]]:62: note: 'orders_' holds values of per-user type 'std::vector<Order>'
    return o ? "hit" : "miss";
  }

private:
  LruCache<std::string, Profile> &profiles_;
  std::shared_ptr<LruCache<std::string, std::vector<Order>>> orders_;
};

// A cache handed in by reference to a free function: its storage is not
// known, but a cache-named type is never per-request by default.
void ServeCart(LruCache<std::string, Cart> &cache, const std::string &customer,
               const http::Request &req, http::Response &resp) {
  if (std::optional<Cart> c = cache.Get(req.path()))
  // Silent by default: this finding rests on words only (MinimumEvidence: name reports it).
    resp.body = "cart";
}

// Other cache shapes (an alias whose name says memo, a cache class without
// template arguments, an evicting map) and other identity sources (a session
// cookie, an id type alias, an annotated parameter).
using ProfileMemo = std::map<std::string, Profile>;
using AccountId = std::string;

template <class K, class V> class EvictingMap {
public:
  std::optional<V> Lookup(const K &key);
  void Insert(const K &key, const V &value);
};

class ProfileCache {
public:
  std::optional<Profile> Fetch(const std::string &key);
};

class Widget {
public:
  Profile FromCookie(const http::Request &req) {
    std::string sid = req.cookie("session");
    return memo_[req.path()];
    // CHECK: :[[@LINE-1]]:12: warning: cache 'memo_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-3]]:23: note: user identity 'req.cookie("session")' is available here
    // CHECK: :[[@LINE+27]]:15: note: 'memo_' holds values of per-user type 'Profile'
  }
  Profile ForAccount(AccountId acct, const http::Request &req) {
    return *by_path_.Fetch(req.path());
    // CHECK: :[[@LINE-1]]:13: warning: cache 'by_path_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-3]]:32: note: user identity 'acct' is available here
    // CHECK: :[[@LINE+22]]:16: note: 'by_path_' holds values of per-user type 'Profile'
  }
  Profile ForCaller([[clang::annotate("crossuser::identity")]] const std::string &caller,
                    const http::Request &req) {
    return *evicting_.Lookup(req.path());
    // CHECK: :[[@LINE-1]]:13: warning: cache 'evicting_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-4]]:83: note: user identity 'caller' is available here
    // CHECK: :[[@LINE+16]]:37: note: 'evicting_' holds values of per-user type 'Profile'
  }
  Profile Appended(const Session &s, const http::Request &req) {
    std::string key;
    key += "p:";
    key.append(req.path());
    return *by_path_.Fetch(key);
    // CHECK: :[[@LINE-1]]:13: warning: cache 'by_path_' is keyed by 'key', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-5]]:17: note: key 'key' is built here
    // CHECK: :[[@LINE-7]]:35: note: user identity 's' is available here
    // CHECK: :[[@LINE+5]]:16: note: 'by_path_' holds values of per-user type 'Profile'
  }

private:
  ProfileMemo memo_;
  ProfileCache by_path_;
  EvictingMap<std::string, Profile> evicting_;
};
