// Caches whose entries record their owner, where the lookup result is
// compared with the current user before it is used: the ownership check
// lives after the lookup instead of in the key. Only the control case at
// the end may warn.
//
// RUN: %clang_tidy -checks='-*,crossuser-cache-key' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'

#include "service.h"

struct RenderedPage {
  std::string owner;
  std::string html;
};

struct Document {
  std::string owner_id;
  std::string tenant;
  std::string body;
};

std::string Render(const http::Request &req, const Session &session);

// `e && e->owner == user` guards the use; the insert on the same cache
// records the owner, so it is fine too.
class PageHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    auto e = cache_.Get(req.path());
    if (e && e->owner == session.user_id()) {
      resp.body = e->html;
      return;
    }
    RenderedPage page{session.user_id(), Render(req, session)};
    cache_.Put(req.path(), page);
    resp.body = page.html;
  }

private:
  LruCache<std::string, RenderedPage> cache_;
};

// An early return when the entry belongs to someone else.
class DocumentHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    std::string uid = ResolveSession(req).user_id();
    auto doc = cache_.Get(req.param("doc"));
    if (!doc || doc->owner_id != uid) {
      resp.status = 404;
      return;
    }
    resp.body = doc->body;
  }

private:
  LruCache<std::string, Document> cache_;
};

// The identity on the left-hand side of the comparison.
class TenantDocumentHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    auto doc = cache_.Get(req.param("doc"));
    if (doc && session.tenant_id() == doc->tenant)
      resp.body = doc->body;
  }

private:
  LruCache<std::string, Document> cache_;
};

// The check in the condition of an if with an initialiser.
class SharedLinkHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    if (auto doc = cache_.Get(req.param("link"));
        doc && doc->owner_id == session.user_id())
      resp.body = doc->body;
  }

private:
  LruCache<std::string, Document> cache_;
};

// A namespace-scope std::map; the iterator's entry is checked.
std::unordered_map<std::string, Document> g_documents;

void ServeDocument(const http::Request &req, http::Response &resp) {
  Session session = ResolveSession(req);
  auto it = g_documents.find(req.param("doc"));
  if (it != g_documents.end() && it->second.owner_id == session.user_id())
    resp.body = it->second.body;
}

void StoreDocument(const http::Request &req) {
  Session session = ResolveSession(req);
  g_documents[req.param("doc")] =
      Document{session.user_id(), session.tenant_id(), req.body()};
}

// Positive control: entries record their owner, nobody checks it.
class ControlHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    if (auto doc = cache_.Get(req.param("doc")))
      // CHECK: :[[@LINE-1]]:20: warning: cache 'cache_' is keyed by 'req.param("doc")', which does not identify the user [crossuser-cache-key]
      resp.body = doc->body;
    (void)session;
  }

private:
  LruCache<std::string, Document> cache_;
};
