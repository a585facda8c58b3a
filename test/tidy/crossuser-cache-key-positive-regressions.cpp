// RUN: %clang_tidy -checks='-*,crossuser-cache-key' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'

// Regressions for reports the engine used to miss or word wrongly: key
// helpers that return a local, hiredis connections held in members,
// RedisClient::setex, static members and extern globals used on both sides
// of their definition, and inserts through a reference to a subscript slot.

#include "service.h"

// A key helper that returns a local gets the note pointing into the helper.
std::string InvoiceKey(const std::string &invoice_no) {
  char buf[64];
  snprintf(buf, sizeof buf, "inv:%s", invoice_no.c_str());
  return buf;
}

class InvoiceService {
public:
  void PutInvoice(const std::string &account_id, const std::string &no,
                  const std::string &pdf) {
    invoices_.Put(InvoiceKey(no), pdf + account_id);
    // CHECK: :[[@LINE-1]]:5: warning: cache 'invoices_' is keyed by 'InvoiceKey(no)', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-9]]:10: note: key is built here, in 'InvoiceKey'
    // CHECK: :[[@LINE-5]]:38: note: user identity 'account_id' is available here
    // CHECK: :[[@LINE-4]]:35: note: per-user data 'pdf + account_id' is stored in 'invoices_' here
  }

private:
  LruCache<std::string, std::string> invoices_;
};

// A hiredis connection held in a member is named after the member.
class NotificationHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    std::string key = "notif:" + req.param("page");
    redisCommand(ctx_, "SETEX %s 60 %s", key.c_str(), session.user_id().c_str());
    // CHECK: :[[@LINE-1]]:5: warning: cache 'ctx_' is keyed by 'key.c_str()', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-4]]:23: note: user identity 'ResolveSession(req)' is available here
    // CHECK: :[[@LINE-3]]:55: note: per-user data 'session.user_id().c_str()' is stored in 'ctx_' here
  }

private:
  redisContext *ctx_;
};

// RedisClient::setex is an insert, and evidence for a later get on the client.
class ProfileApi : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    std::string key = "profile:" + req.path();
    redis_.setex(key, 60, session.user_id());
    // CHECK: :[[@LINE-1]]:5: warning: cache 'redis_' is keyed by 'key', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-3]]:17: note: key 'key' is built here
    // CHECK: :[[@LINE-5]]:23: note: user identity 'ResolveSession(req)' is available here
    // CHECK: :[[@LINE-4]]:27: note: per-user data 'session.user_id()' is stored in 'redis_' here
  }
  std::string Peek(const Session &session, const http::Request &req) {
    return *redis_.get("profile:" + req.path());
    // CHECK: :[[@LINE-1]]:13: warning: cache 'redis_' is keyed by '"profile:" + req.path()', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-3]]:35: note: user identity 'session' is available here
    // CHECK: :[[@LINE-10]]:27: note: per-user data 'session.user_id()' is stored in 'redis_' here
  }

private:
  RedisClient redis_;
};

// A static member used before and after its out-of-line definition is one cache.
class PageStore {
public:
  static std::map<std::string, std::string> pages;
  std::string Load(const Session &session, const std::string &path) {
    return pages.at(path);
    // CHECK: :[[@LINE-1]]:12: warning: cache 'pages' is keyed by 'path', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-3]]:35: note: user identity 'session' is available here
    // CHECK: :[[@LINE+6]]:43: note: per-user data 'session.user_id()' is stored in 'pages' here
  }
};
std::map<std::string, std::string> PageStore::pages;

void Warm(const Session &session, const std::string &path) {
  PageStore::pages.insert_or_assign(path, session.user_id());
  // CHECK: :[[@LINE-1]]:3: warning: cache 'pages' is keyed by 'path', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-3]]:26: note: user identity 'session' is available here
  // CHECK: :[[@LINE-3]]:43: note: per-user data 'session.user_id()' is stored in 'pages' here
}
std::string Load2(const Session &session, const std::string &path) {
  return PageStore::pages.at(path);
  // CHECK: :[[@LINE-1]]:10: warning: cache 'pages' is keyed by 'path', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-3]]:34: note: user identity 'session' is available here
  // CHECK: :[[@LINE-9]]:43: note: per-user data 'session.user_id()' is stored in 'pages' here
}

// An extern global used before and after its definition is one cache.
extern std::map<std::string, std::string> g_pages;

std::string FromGlobal(const Session &session, const std::string &path) {
  return g_pages.at(path);
  // CHECK: :[[@LINE-1]]:10: warning: cache 'g_pages' is keyed by 'path', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-3]]:39: note: user identity 'session' is available here
  // CHECK: :[[@LINE+4]]:19: note: per-user data 'session.user_id()' is stored in 'g_pages' here
}
std::map<std::string, std::string> g_pages;
void WarmGlobal(const Session &session, const std::string &path) {
  g_pages[path] = session.user_id();
  // CHECK: :[[@LINE-1]]:3: warning: cache 'g_pages' is keyed by 'path', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-3]]:32: note: user identity 'session' is available here
  // CHECK: :[[@LINE-3]]:19: note: per-user data 'session.user_id()' is stored in 'g_pages' here
}

// A reference `&slot = cache[key]` assigned later is an insert into the cache.
std::string PaymentsSql(const std::string &status) {
  std::string sql = "SELECT * FROM payments WHERE status = '";
  sql.append(status);
  sql += "' AND customer = ?";
  return sql;
}

std::map<std::string, std::string> g_sql_cache;

std::string Payments(const std::string &customer_id, const std::string &status,
                     Database &db) {
  std::string &slot = g_sql_cache[PaymentsSql(status)];
  // CHECK: :[[@LINE-1]]:23: warning: cache 'g_sql_cache' is keyed by 'PaymentsSql(status)', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-9]]:10: note: key is built here, in 'PaymentsSql'
  // CHECK: :[[@LINE-5]]:41: note: user identity 'customer_id' is available here
  // CHECK: :[[@LINE+2]]:12: note: per-user data 'db.Query(PaymentsSql(status), customer_id)' is stored in 'g_sql_cache' here
  if (slot.empty())
    slot = db.Query(PaymentsSql(status), customer_id);
  return slot;
}
