// CheckOptions of crossuser-cache-key: each list replaces its default, can
// enable findings (a new identity word, cache type, lookup method or
// identity header) and silence them (a list without the default words, a
// new per-request word). clang-tidy takes the options from -config (in the
// list form, which clang-tidy 14 also reads); the
// tool from a .clang-tidy-format file (map form, list form, global keys).
//
// RUN: rm -rf %t && mkdir -p %t
//
// RUN: %clang_tidy -checks='-*,crossuser-cache-key' %s -- %mock_flags \
// RUN:   | FileCheck %s --check-prefix=DEFAULT --implicit-check-not='{{warning|error}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --check-prefix=DEFAULT --implicit-check-not='{{warning|error}}:'
//
// A custom identity word; the list replaces the default one.
// RUN: %clang_tidy -checks='-*,crossuser-cache-key' \
// RUN:   -config="{CheckOptions: [{key: IdentityNames, value: 'user;session;buyer'}]}" \
// RUN:   %s -- %mock_flags \
// RUN:   | FileCheck %s --check-prefix=NAMES --implicit-check-not='{{warning|error}}:'
// RUN: echo "CheckOptions: {IdentityNames: 'user;session;buyer'}" > %t/names.yaml
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' --config-file=%t/names.yaml %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --check-prefix=NAMES --implicit-check-not='{{warning|error}}:'
//
// A custom cache type word, without the default ones.
// RUN: %clang_tidy -checks='-*,crossuser-cache-key' \
// RUN:   -config="{CheckOptions: [{key: CacheTypes, value: 'stash'}]}" \
// RUN:   %s -- %mock_flags \
// RUN:   | FileCheck %s --check-prefix=STASH --implicit-check-not='{{warning|error}}:'
// RUN: echo "CheckOptions: {CacheTypes: stash}" > %t/stash.yaml
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' --config-file=%t/stash.yaml %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --check-prefix=STASH --implicit-check-not='{{warning|error}}:'
//
// Custom lookup methods: Probe is one; Get no longer is by the words, and
// is still one by its signature (a key and an optional value). The tool's
// file uses the list form of CheckOptions.
// RUN: %clang_tidy -checks='-*,crossuser-cache-key' \
// RUN:   -config="{CheckOptions: [{key: LookupMethods, value: Probe}]}" \
// RUN:   %s -- %mock_flags \
// RUN:   | FileCheck %s --check-prefix=PROBE --implicit-check-not='{{warning|error}}:'
// RUN: echo "CheckOptions: [{key: LookupMethods, value: Probe}]" > %t/probe.yaml
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' --config-file=%t/probe.yaml %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --check-prefix=PROBE --implicit-check-not='{{warning|error}}:'
//
// A custom identity header, given as a global option (no check prefix).
// RUN: %clang_tidy -checks='-*,crossuser-cache-key' \
// RUN:   -config="{CheckOptions: [{key: IdentityHeaders, value: 'Authorization;Cookie;X-Buyer-Ref'}]}" \
// RUN:   %s -- %mock_flags \
// RUN:   | FileCheck %s --check-prefix=HEADERS --implicit-check-not='{{warning|error}}:'
// RUN: echo "CheckOptions: {IdentityHeaders: 'Authorization;Cookie;X-Buyer-Ref'}" > %t/headers.yaml
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' --config-file=%t/headers.yaml %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --check-prefix=HEADERS --implicit-check-not='{{warning|error}}:'
//
// A custom per-request word silences a member of a page object.
// RUN: %clang_tidy -checks='-*,crossuser-cache-key' \
// RUN:   -config="{CheckOptions: [{key: PerRequestTypes, value: 'request;page'}]}" \
// RUN:   %s -- %mock_flags \
// RUN:   | FileCheck %s --check-prefix=PAGE --implicit-check-not='{{warning|error}}:'
// RUN: echo "CheckOptions: {PerRequestTypes: 'request;page'}" > %t/page.yaml
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' --config-file=%t/page.yaml %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --check-prefix=PAGE --implicit-check-not='{{warning|error}}:'
//
// --dump-config shows the configured values next to the defaults (as
// `key: value`, or clang-tidy 14 prints the list form, `value:` after
// the key's line).
// RUN: %clang_tidy -checks='-*,crossuser-cache-key' \
// RUN:   -config="{CheckOptions: [{key: IdentityNames, value: 'user;buyer'}, {key: LookupMethods, value: 'Get;Probe'}]}" \
// RUN:   --dump-config %s -- %mock_flags \
// RUN:   | FileCheck %s --check-prefix=DUMP
// DUMP: CheckOptions:
// DUMP-DAG: {{(IdentityNames|value)}}: 'user;buyer'
// DUMP-DAG: {{(LookupMethods|value)}}: 'Get;Probe'
// DUMP-DAG: {{(CacheTypes|value)}}: 'cache;lru;memo;memoizer;evicting'

#include "service.h"

struct Cart {
  std::string user_id; std::vector<Product> items;
};
std::string BuyerRefOf(const http::Request &req);

// The only identity is a `buyer` variable: reported once `buyer` is an
// identity word.
class CartHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    std::string buyer = BuyerRefOf(req);
    if (auto hit = carts_.Get(req.path()))
      // NAMES: :[[@LINE-1]]:20: warning: cache 'carts_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
      resp.body = std::to_string(hit->items.size());
  }

private:
  LruCache<std::string, Cart> carts_;
};

// The key carries a `buyer` parameter: silent once `buyer` is an identity
// word.
class BuyerProfileHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    std::string buyer = req.param("buyer");
    if (auto hit = profiles_.Get(buyer + req.path()))
      // DEFAULT: :[[@LINE-1]]:20: warning: cache 'profiles_' is keyed by 'buyer + req.path()', which does not identify the user [crossuser-cache-key]
      // HEADERS: :[[@LINE-2]]:20: warning: cache 'profiles_' is keyed by 'buyer + req.path()', which does not identify the user [crossuser-cache-key]
      // PAGE: :[[@LINE-3]]:20: warning: cache 'profiles_' is keyed by 'buyer + req.path()', which does not identify the user [crossuser-cache-key]
      // PROBE: :[[@LINE-4]]:20: warning: cache 'profiles_' is keyed by 'buyer + req.path()', which does not identify the user [crossuser-cache-key]
      resp.body = RenderProfile(*hit);
  }

private:
  LruCache<std::string, Profile> profiles_;
};

// A cache whose type name has no default cache word.
class ProfileStash {
public:
  std::optional<Profile> Get(const std::string &key);
  void Put(const std::string &key, const Profile &value);
};

class StashHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    if (auto hit = stash_.Get(req.path()))
      // STASH: :[[@LINE-1]]:20: warning: cache 'stash_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
      resp.body = RenderProfile(*hit);
  }

private:
  ProfileStash stash_;
};

// A cache whose lookup method is not a default one, nor one its signature
// tells (the second argument is no value, no out-parameter, no callable).
template <class K, class V> class TtlCache {
public:
  std::optional<V> Probe(const K &key, int ttl_ms);
};

class TtlHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    if (auto hit = recent_.Probe(req.path(), 500))
      // PROBE: :[[@LINE-1]]:20: warning: cache 'recent_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
      resp.body = RenderProfile(*hit);
  }

private:
  TtlCache<std::string, Profile> recent_;
};

// Reported by default; silent when LruCache is no longer a cache type (Get
// out of LookupMethods is still a lookup by its signature).
class LruHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    if (auto hit = lru_.Get(req.path()))
      // DEFAULT: :[[@LINE-1]]:20: warning: cache 'lru_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
      // NAMES: :[[@LINE-2]]:20: warning: cache 'lru_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
      // HEADERS: :[[@LINE-3]]:20: warning: cache 'lru_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
      // PAGE: :[[@LINE-4]]:20: warning: cache 'lru_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
      // PROBE: :[[@LINE-5]]:20: warning: cache 'lru_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
      resp.body = RenderProfile(*hit);
  }

private:
  LruCache<std::string, Profile> lru_;
};

// The only identity is a custom header: in IdentityHeaders, or an `X-`
// header named with an identity word (`buyer` in the NAMES list).
class BuyerRefHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    std::string ref = req.header("X-Buyer-Ref");
    if (auto hit = by_path_.Get(req.path()))
      // HEADERS: :[[@LINE-1]]:20: warning: cache 'by_path_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
      // NAMES: :[[@LINE-2]]:20: warning: cache 'by_path_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
      resp.body = RenderProfile(*hit);
    (void)ref;
  }

private:
  LruCache<std::string, Profile> by_path_;
};

// A cache member of a class that is neither a handler nor per-request:
// reported by default, silent once `page` is a per-request word.
class ProfilePage {
public:
  std::string Section(const Session &session, const std::string &name) {
    if (auto hit = sections_.Get(name))
      // DEFAULT: :[[@LINE-1]]:20: warning: cache 'sections_' is keyed by 'name', which does not identify the user [crossuser-cache-key]
      // NAMES: :[[@LINE-2]]:20: warning: cache 'sections_' is keyed by 'name', which does not identify the user [crossuser-cache-key]
      // HEADERS: :[[@LINE-3]]:20: warning: cache 'sections_' is keyed by 'name', which does not identify the user [crossuser-cache-key]
      // PROBE: :[[@LINE-4]]:20: warning: cache 'sections_' is keyed by 'name', which does not identify the user [crossuser-cache-key]
      return RenderProfile(*hit);
    return "";
  }

private:
  LruCache<std::string, Profile> sections_;
};
