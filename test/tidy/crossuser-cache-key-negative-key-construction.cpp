// Caches of per-user data in handlers, keyed by the user however the key is
// built: the check must follow every construction style back to the identity.
// Only the control case at the end may warn.
//
// RUN: %clang_tidy -checks='-*,crossuser-cache-key' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'

#include "service.h"

// Concatenation with operator+.
class ConcatHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    std::string key = session.user_id() + ":" + req.path();
    if (auto hit = cache_.Get(key)) {
      resp.body = RenderProfile(*hit);
      return;
    }
    Profile p = db_.LoadProfile(session.user_id());
    cache_.Put(key, p);
    resp.body = RenderProfile(p);
  }

private:
  Database db_;
  LruCache<std::string, Profile> cache_;
};

// Appending with += onto a prefix.
class AppendOpHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    std::string key = "orders/";
    key += session.user_id();
    key += '/';
    key += req.query();
    if (!cache_.Get(key))
      cache_.Put(key, db_.LoadOrders(session.user_id()));
  }

private:
  Database db_;
  LruCache<std::string, std::vector<Order>> cache_;
};

// Appending with std::string::append.
class AppendMethodHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    std::string key;
    key.append("profile:");
    key.append(session.tenant_id());
    key.append(":");
    key.append(req.path());
    if (auto hit = cache_.Get(key))
      resp.body = RenderProfile(*hit);
  }

private:
  LruCache<std::string, Profile> cache_;
};

// std::to_string of a numeric account number.
long AccountNumberOf(const Session &session);

class StatementHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    long account_number = AccountNumberOf(session);
    std::string key = "stmt-" + std::to_string(account_number) + "-" + req.param("month");
    if (auto hit = cache_.Get(key))
      resp.body = hit->address;
  }

private:
  LruCache<std::string, Profile> cache_;
};

// snprintf into a stack buffer.
class SnprintfHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    char buf[256];
    snprintf(buf, sizeof buf, "%s|%s", session.user_id().c_str(),
             req.path().c_str());
    if (auto hit = cache_.Get(buf)) {
      resp.body = RenderProfile(*hit);
      return;
    }
    cache_.Put(buf, db_.LoadProfile(session.user_id()));
  }

private:
  Database db_;
  LruCache<std::string, Profile> cache_;
};

// A printf-style format helper.
class FormatHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    std::string key = Format("%s/%s", session.tenant_id().c_str(), req.path().c_str());
    if (auto hit = cache_.Get(key))
      resp.body = RenderProfile(*hit);
  }

private:
  LruCache<std::string, Profile> cache_;
};

// std::ostringstream.
class StreamHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    const User &user = ResolveSession(req).user();
    std::ostringstream os;
    os << "cart:" << user.email << ':' << req.query();
    std::string key = os.str();
    if (auto hit = cache_.Get(key))
      resp.body = RenderProfile(*hit);
  }

private:
  LruCache<std::string, Profile> cache_;
};

// The payload of a strong id: `user.id.value` is the user id itself.
class StrongIdValueHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    const User &user = ResolveSession(req).user();
    if (auto hit = cache_.Get(user.id.value + ":" + req.path()))
      resp.body = RenderProfile(*hit);
  }

private:
  LruCache<std::string, Profile> cache_;
};

// std::pair built with make_pair, in a namespace-scope std::map.
std::map<std::pair<std::string, std::string>, Profile> g_profile_pages;

void ServeProfilePage(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  auto it = g_profile_pages.find(std::make_pair(session.user_id(), req.path()));
  if (it != g_profile_pages.end())
    resp.body = RenderProfile(it->second);
}

// std::pair built with a constructor, as a braced key of a static map.
std::map<std::pair<std::string, std::string>, Profile> g_pages_by_pair;

void StorePage(const http::Request &req, const Profile &page) {
  Session session = ResolveSession(req);
  std::pair<std::string, std::string> key(session.user_id(), req.path());
  g_pages_by_pair[key] = page;
}

// std::tuple built with make_tuple.
class TupleHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    auto key = std::make_tuple(session.tenant_id(), req.path(), req.query());
    if (auto hit = cache_.Get(key))
      resp.body = RenderProfile(*hit);
  }

private:
  LruCache<std::tuple<std::string, std::string, std::string>, Profile> cache_;
};

// A struct key whose fields carry no identity word; the user goes in
// through brace initialisation.
struct PageKey {
  std::string scope;
  std::string path;
};

class BraceKeyHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    if (auto hit = cache_.Get(PageKey{session.user_id(), req.path()}))
      resp.body = RenderProfile(*hit);
  }

private:
  LruCache<PageKey, Profile> cache_;
};

// The same struct key filled member by member.
class MemberKeyHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    PageKey key;
    key.path = req.path();
    key.scope = session.user_id();
    if (auto hit = cache_.Get(key))
      resp.body = RenderProfile(*hit);
  }

private:
  LruCache<PageKey, Profile> cache_;
};

// A helper with a visible body that keeps the user.
std::string CartKey(const std::string &who, const std::string &path) {
  return "cart/" + who + "/" + path;
}

class HelperKeyHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    if (auto hit = cache_.Get(CartKey(session.user_id(), req.path())))
      resp.body = RenderProfile(*hit);
  }

private:
  LruCache<std::string, Profile> cache_;
};

// A helper that reads the user from the session it is given.
std::string PageKeyFor(const Session &s, const http::Request &req) {
  return s.user_id() + req.url();
}

class SessionHelperHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    std::string key = PageKeyFor(session, req);
    if (auto hit = cache_.Get(key))
      resp.body = RenderProfile(*hit);
  }

private:
  LruCache<std::string, Profile> cache_;
};

// A key built by a member function and used by another.
class SplitKeyHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    std::string key = KeyFor(session, req);
    if (auto hit = cache_.Get(key))
      resp.body = RenderProfile(*hit);
  }

private:
  std::string KeyFor(const Session &session, const http::Request &req) const {
    return session.tenant_id() + "#" + req.path();
  }
  LruCache<std::string, Profile> cache_;
};

// A lambda that keeps the user by reference capture.
class LambdaRefHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    auto key_of = [&](const std::string &path) {
      return session.user_id() + "@" + path;
    };
    if (auto hit = cache_.Get(key_of(req.path())))
      resp.body = RenderProfile(*hit);
  }

private:
  LruCache<std::string, Profile> cache_;
};

// A lambda that captures the user id by value; the lookup runs inside it.
class LambdaCaptureHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    auto lookup = [this, who = session.user_id()](const std::string &path) {
      return cache_.Get(who + path);
    };
    if (auto hit = lookup(req.path()))
      resp.body = RenderProfile(*hit);
  }

private:
  LruCache<std::string, Profile> cache_;
};

// A hash of the user id and the path.
class HashedKeyHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    std::size_t key = std::hash<std::string>()(session.user_id() + req.path());
    if (auto hit = cache_.Get(key))
      resp.body = RenderProfile(*hit);
  }

private:
  LruCache<std::size_t, Profile> cache_;
};

// A conditional that picks between two user-specific keys.
class ConditionalKeyHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    std::string key = req.param("scope") == "org"
                          ? "org:" + session.tenant_id()
                          : "user:" + session.user_id();
    if (auto hit = cache_.Get(key))
      resp.body = RenderProfile(*hit);
  }

private:
  LruCache<std::string, Profile> cache_;
};

// Positive control: the same shape as above with the user left out.
class ControlHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    std::string key = "profile:" + req.path();
    if (auto hit = cache_.Get(key))
      // CHECK: :[[@LINE-1]]:20: warning: cache 'cache_' is keyed by 'key', which does not identify the user [crossuser-cache-key]
      resp.body = RenderProfile(*hit);
    cache_.Put(key, db_.LoadProfile(session.user_id()));
    // CHECK: :[[@LINE-1]]:5: warning: cache 'cache_' is keyed by 'key', which does not identify the user [crossuser-cache-key]
  }

private:
  Database db_;
  LruCache<std::string, Profile> cache_;
};
