// Shared caches of public data, used inside handlers where a user identity
// is in scope: the same entry is right for every user, so a key without the
// user is correct. Only the control case at the end may warn.
//
// RUN: %clang_tidy -checks='-*,crossuser-cache-key' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'

#include "service.h"

int ParseInt(const std::string &s);
void RecordView(const std::string &user_id, int product_id);

// The product catalog, by product id; the user is only logged.
class ProductHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    int id = ParseInt(req.param("id"));
    RecordView(session.user_id(), id);
    if (auto hit = catalog_.Get(id)) {
      resp.body = RenderProduct(*hit);
      return;
    }
    Product p = db_.LoadProduct(id);
    catalog_.Put(id, p);
    resp.body = RenderProduct(p);
  }

private:
  Database db_;
  LruCache<int, Product> catalog_;
};

// Rendered product pages, by product id, in a shared std::map member.
class ProductPageService {
public:
  std::string Page(const Session &session, int product_id) {
    auto it = pages_.find(product_id);
    if (it != pages_.end())
      return it->second;
    std::string html = RenderProduct(db_.LoadProduct(product_id));
    pages_[product_id] = html;
    return html;
  }

private:
  Database db_;
  std::map<int, std::string> pages_;
};

// DNS answers, by host name, in a proxy that authenticates its callers.
std::string ResolveHost(const std::string &host);
bool Authorised(const std::string &authorization);

class ProxyServer {
public:
  void Forward(const http::Request &req, http::Response &resp) {
    if (!Authorised(req.header("Authorization"))) {
      resp.status = 401;
      return;
    }
    std::string host = req.header("Host");
    std::string addr;
    if (auto hit = dns_.Get(host)) {
      addr = *hit;
    } else {
      addr = ResolveHost(host);
      dns_.Put(host, addr);
    }
    resp.body = addr;
  }

private:
  LruCache<std::string, std::string> dns_;
};

// Configuration values, by name, in a namespace-scope map.
std::unordered_map<std::string, std::string> g_config;

void ServeSettingsPage(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  const std::string name = "settings.page.title";
  if (!g_config.contains(name))
    g_config[name] = Database().LoadConfig(name);
  resp.body = g_config.at(name) + RenderProfile(Database().LoadProfile(session.user_id()));
}

// Compiled route regexes, in a function-local static.
bool Matches(const Regex &re, const std::string &path);

void Route(const http::Request &req, http::Response &resp) {
  static std::unordered_map<std::string, Regex> compiled;
  Session session = ResolveSession(req);
  const std::string pattern = "^/users/[0-9]+/orders$";
  auto it = compiled.find(pattern);
  if (it == compiled.end())
    it = compiled.emplace(pattern, Regex(pattern)).first;
  if (Matches(it->second, req.path()))
    resp.body = RenderProfile(Database().LoadProfile(session.user_id()));
}

// Compiled templates, by template name; the user's data is rendered into
// the response, not into the cache.
struct Template {
  std::string source;
};
Template CompileTemplate(const std::string &name);
std::string Expand(const Template &t, const Profile &p);

class AccountPageHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    const std::string name = "account_page";
    auto tmpl = templates_.Get(name);
    if (!tmpl) {
      tmpl = CompileTemplate(name);
      templates_.Put(name, *tmpl);
    }
    resp.body = Expand(*tmpl, db_.LoadProfile(session.user_id()));
  }

private:
  Database db_;
  LruCache<std::string, Template> templates_;
};

// Feature flag definitions, by flag name; evaluation for the user happens
// after the lookup and is not cached.
FeatureFlag LoadFlag(const std::string &name);
bool EnabledFor(const FeatureFlag &flag, const std::string &user_id);

class FlagService {
public:
  bool IsEnabled(const std::string &flag_name, const Session &session) {
    auto def = definitions_.Get(flag_name);
    if (!def) {
      def = LoadFlag(flag_name);
      definitions_.Put(flag_name, *def);
    }
    return EnabledFor(*def, session.user_id());
  }

private:
  LruCache<std::string, FeatureFlag> definitions_;
};

// Public search results, by query text.
std::vector<Product> SearchCatalog(const std::string &query);

class SearchHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    std::string q = req.param("q");
    if (auto hit = results_.Get(q)) {
      resp.body = std::to_string(hit->size());
      return;
    }
    results_.Put(q, SearchCatalog(q));
    RecordView(session.user_id(), 0);
  }

private:
  LruCache<std::string, std::vector<Product>> results_;
};

// Static assets in redis, by path.
std::string LoadAsset(const std::string &path);

class AssetHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    std::string cookie = req.header("Cookie");
    std::string key = "asset:" + req.path();
    if (auto hit = redis_.get(key)) {
      resp.body = *hit;
      return;
    }
    std::string body = LoadAsset(req.path());
    redis_.set(key, body);
    resp.body = body;
  }

private:
  RedisClient redis_;
};

// Exchange rates, by currency code, in a static data member.
double FetchRate(const std::string &currency);

class CheckoutController {
public:
  double Total(const User &user, const Order &order, const std::string &currency) {
    if (!rates_.count(currency))
      rates_[currency] = FetchRate(currency);
    return order.total * rates_[currency];
  }

private:
  static std::map<std::string, double> rates_;
};

// Positive control: a shared cache of profiles keyed by the page path.
class ControlHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    if (!cache_.Get(req.path()))
      cache_.Put(req.path(), db_.LoadProfile(session.user_id()));
      // CHECK: :[[@LINE-2]]:10: warning: cache 'cache_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
      // CHECK: :[[@LINE-2]]:7: warning: cache 'cache_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
  }

private:
  Database db_;
  LruCache<std::string, Profile> cache_;
};
