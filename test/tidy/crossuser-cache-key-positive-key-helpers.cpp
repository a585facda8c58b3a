// RUN: %clang_tidy -checks='-*,crossuser-cache-key' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'

// Keys built away from the cache call: helper functions with visible bodies
// and lambdas. The engine follows them, so a helper that drops the user (or
// never had it) is reported at the cache call with a note inside the helper.

#include "service.h"

struct Cart {
  std::vector<Product> items;
};
struct Preferences {
  std::string theme;
};

std::string PageKey(const http::Request &req) {
  return req.path() + "|" + req.query();
}

// Takes the user and forgets it: the classic refactoring slip.
std::string CartKey(const User &user, const std::string &sku) {
  return "cart:" + sku;
}

std::string OrdersKey(const http::Request &req) {
  std::ostringstream os;
  os << "orders:" << req.path() << ":" << req.param("page");
  return os.str();
}

std::string InvoiceKey(const std::string &invoice_no) {
  char buf[64];
  snprintf(buf, sizeof buf, "inv:%s", invoice_no.c_str());
  return buf;
}

// Two levels of helpers, neither of which sees the session.
std::string Normalize(const std::string &path) { return path.substr(1); }
std::string SettingsKey(const http::Request &req) {
  return "settings:" + Normalize(req.path());
}

class KeyHelperHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    if (std::optional<Profile> p = profiles_.Get(PageKey(req)))
    // CHECK: :[[@LINE-1]]:36: warning: cache 'profiles_' is keyed by 'PageKey(req)', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-32]]:10: note: key is built here, in 'PageKey'
    // CHECK: :[[@LINE-4]]:23: note: user identity 'ResolveSession(req)' is available here
    // CHECK: :[[@LINE+29]]:34: note: 'profiles_' holds values of per-user type 'Profile'
      resp.body = RenderProfile(*p);
    std::string key = OrdersKey(req);
    std::optional<std::vector<Order>> o = orders_.Get(key);
    // CHECK: :[[@LINE-1]]:43: warning: cache 'orders_' is keyed by 'key', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-3]]:17: note: key 'key' is built here
    // CHECK: :[[@LINE-29]]:10: note: key is built here, in 'OrdersKey'
    // CHECK: :[[@LINE-12]]:23: note: user identity 'ResolveSession(req)' is available here
    // CHECK: :[[@LINE+22]]:45: note: 'orders_' holds values of per-user type 'std::vector<Order>'
    std::optional<Preferences> s = settings_.Get(SettingsKey(req));
    // Silent by default: this finding rests on words only (MinimumEvidence: name reports it).
  }

  Cart LoadCart(const User &user, const std::string &sku) {
    std::optional<Cart> c = carts_.Get(CartKey(user, sku));
    // Silent by default: this finding rests on words only (MinimumEvidence: name reports it).
    return c ? *c : Cart{};
  }

  void PutInvoice(const std::string &account_id, const std::string &no,
                  const std::string &pdf) {
    invoices_.Put(InvoiceKey(no), pdf + account_id);
    // CHECK: :[[@LINE-1]]:5: warning: cache 'invoices_' is keyed by 'InvoiceKey(no)', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-40]]:10: note: key is built here, in 'InvoiceKey'
    // CHECK: :[[@LINE-5]]:38: note: user identity 'account_id' is available here
    // CHECK: :[[@LINE-4]]:35: note: per-user data 'pdf + account_id' is stored in 'invoices_' here
  }

private:
  LruCache<std::string, Profile> profiles_;
  LruCache<std::string, std::vector<Order>> orders_;
  LruCache<std::string, Preferences> settings_;
  LruCache<std::string, Cart> carts_;
  LruCache<std::string, std::string> invoices_;
  Database db_;
};

void StoreSettings(LruCache<std::string, std::string> &settings,
                   const Session &session, const http::Request &req) {
  settings.Put(SettingsKey(req), session.locale());
  // CHECK: :[[@LINE-1]]:3: warning: cache 'settings' is keyed by 'SettingsKey(req)', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-52]]:10: note: key is built here, in 'SettingsKey'
  // CHECK: :[[@LINE-4]]:35: note: user identity 'session' is available here
  // CHECK: :[[@LINE-4]]:34: note: per-user data 'session.locale()' is stored in 'settings' here
}

// Lambdas that build the key: one takes only the path, one captures the
// session and does not use it, one is invoked in place.
class LambdaKeyHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    auto make_key = [](const std::string &suffix) { return "profile:" + suffix; };
    std::optional<Profile> a = cache_.Get(make_key(req.path()));
    // CHECK: :[[@LINE-1]]:32: warning: cache 'cache_' is keyed by 'make_key(req.path())', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-3]]:60: note: key is built here, in a lambda
    // CHECK: :[[@LINE-5]]:23: note: user identity 'ResolveSession(req)' is available here
    // CHECK: :[[@LINE+17]]:34: note: 'cache_' holds values of per-user type 'Profile'
    auto key_of = [&session, &req] { return req.path() + "#" + req.query(); };
    std::optional<Profile> b = cache_.Get(key_of());
    // CHECK: :[[@LINE-1]]:32: warning: cache 'cache_' is keyed by 'key_of()', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-3]]:45: note: key is built here, in a lambda
    // CHECK: :[[@LINE-11]]:23: note: user identity 'ResolveSession(req)' is available here
    // CHECK: :[[@LINE+11]]:34: note: 'cache_' holds values of per-user type 'Profile'
    std::string k = [&] { return "p:" + req.param("id"); }();
    std::optional<Profile> c = cache_.Get(k);
    // CHECK: :[[@LINE-1]]:32: warning: cache 'cache_' is keyed by 'k', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-3]]:17: note: key 'k' is built here
    // CHECK: :[[@LINE-4]]:34: note: key is built here, in a lambda
    // CHECK: :[[@LINE-18]]:23: note: user identity 'ResolveSession(req)' is available here
    // CHECK: :[[@LINE+4]]:34: note: 'cache_' holds values of per-user type 'Profile'
  }

private:
  LruCache<std::string, Profile> cache_;
};

// Key builders that are members of the handler, or held in a std::function.
class MemberKeyHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    std::optional<Cart> a = carts_.Get(KeyFor(req));
    // Silent by default: this finding rests on words only (MinimumEvidence: name reports it).
    std::optional<Cart> b = carts_.Get(Shard(req.path()) + req.path());
    // Silent by default: this finding rests on words only (MinimumEvidence: name reports it).
    std::function<std::string(const std::string &)> key_fn =
        [](const std::string &p) { return "cart:" + p; };
    std::optional<Cart> c = carts_.Get(key_fn(req.query()));
    // Silent by default: this finding rests on words only (MinimumEvidence: name reports it).
  }

private:
  std::string KeyFor(const http::Request &req) const {
    return prefix_ + req.path();
  }
  static std::string Shard(const std::string &path) {
    return std::to_string(path.size() % 16) + "/";
  }
  std::string prefix_ = "cart:";
  LruCache<std::string, Cart> carts_;
};
