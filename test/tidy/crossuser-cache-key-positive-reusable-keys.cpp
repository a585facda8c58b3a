// RUN: %clang_tidy -checks='-*,crossuser-cache-key' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'

// Keys that look unique but are reused across users (connection ids behind a
// proxy, request counters that wrap or restart, worker slots), and database
// result caches keyed by the SQL text while the user id is a bound parameter:
// the ChatGPT (2023) shape, where a reused connection returned another
// user's data.

#include "service.h"

// A keep-alive connection from a load balancer carries many users.
class SessionDataHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    std::string conn = std::to_string(req.connection_id());
    if (std::optional<Profile> p = by_conn_.Get(conn)) {
    // CHECK: :[[@LINE-1]]:36: warning: cache 'by_conn_' is keyed by 'conn', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-3]]:17: note: key 'conn' is built here
    // CHECK: :[[@LINE-5]]:23: note: user identity 'ResolveSession(req)' is available here
    // CHECK: :[[@LINE+4]]:24: note: per-user data 'db_.LoadProfile(session.user_id())' is stored in 'by_conn_' here
      resp.body = RenderProfile(*p);
      return;
    }
    by_conn_.Put(conn, db_.LoadProfile(session.user_id()));
    // CHECK: :[[@LINE-1]]:5: warning: cache 'by_conn_' is keyed by 'conn', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-11]]:17: note: key 'conn' is built here
    // CHECK: :[[@LINE-13]]:23: note: user identity 'ResolveSession(req)' is available here
    // CHECK: :[[@LINE-4]]:24: note: per-user data 'db_.LoadProfile(session.user_id())' is stored in 'by_conn_' here
  }

private:
  Database db_;
  LruCache<std::string, Profile> by_conn_;
};

// The connection id as the map key itself.
class ConnectionRegistry {
public:
  void Bind(std::uint64_t connection_id, const Session &session) {
    owners_[connection_id] = session.user();
    // Silent by default: this finding rests on words only (MinimumEvidence: name reports it).
  }
  User Current(const http::Request &req, const std::string &tenant) {
    return owners_.at(req.connection_id());
    // Silent by default: this finding rests on words only (MinimumEvidence: name reports it).
  }

private:
  std::map<std::uint64_t, User> owners_;
};

// A request counter: numbers restart with the process and collide between
// replicas sharing the remote cache.
class ExportServer {
public:
  std::string Start(const Session &session) {
    int n = next_request_++;
    std::string csv = db_.Query("SELECT * FROM payments WHERE uid = ?",
                                session.user_id());
    results_.Put(std::to_string(n), csv);
    // CHECK: :[[@LINE-1]]:5: warning: cache 'results_' is keyed by 'std::to_string(n)', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-6]]:36: note: user identity 'session' is available here
    // CHECK: :[[@LINE-3]]:37: note: per-user data 'csv' is stored in 'results_' here
    return std::to_string(n);
  }
  std::string Poll(const http::Request &req, const std::string &account) {
    std::string n = req.param("job");
    std::optional<std::string> r = results_.Get(n);
    // CHECK: :[[@LINE-1]]:36: warning: cache 'results_' is keyed by 'n', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-3]]:17: note: key 'n' is built here
    // CHECK: :[[@LINE-5]]:65: note: user identity 'account' is available here
    // CHECK: :[[@LINE-12]]:37: note: per-user data 'csv' is stored in 'results_' here
    return r ? *r : "pending";
  }

private:
  Database db_;
  int next_request_ = 0;
  LruCache<std::string, std::string> results_;
};

// A global atomic counter and a worker slot.
std::atomic<long> g_counter;
std::unordered_map<long, std::string> g_pending;

void Enqueue(const UserId &uid, Database &db) {
  long ticket = g_counter.fetch_add(1);
  g_pending.emplace(ticket, db.LoadProfile(uid.value).address);
  // CHECK: :[[@LINE-1]]:3: warning: cache 'g_pending' is keyed by 'ticket', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-3]]:8: note: key 'ticket' is built here
  // CHECK: :[[@LINE-5]]:28: note: user identity 'uid' is available here
  // CHECK: :[[@LINE-4]]:29: note: per-user data 'db.LoadProfile(uid.value).address' is stored in 'g_pending' here
}

struct Worker {
  int slot;
};
thread_local LruCache<int, Profile> t_worker_profiles;

Profile ForWorker(const Worker &w, const Session &session) {
  return *t_worker_profiles.Get(w.slot);
  // CHECK: :[[@LINE-1]]:11: warning: cache 't_worker_profiles' is keyed by 'w.slot', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-3]]:51: note: user identity 'session' is available here
  // CHECK: :[[@LINE-6]]:37: note: 't_worker_profiles' holds values of per-user type 'Profile'
}

// Query result caches: the statement text is the key, the user id is bound.
class OrderRepository {
public:
  std::string Orders(const std::string &user_id) {
    std::string sql = "SELECT * FROM orders WHERE user_id = ?";
    if (std::optional<std::string> hit = results_.Get(sql))
    // CHECK: :[[@LINE-1]]:42: warning: cache 'results_' is keyed by 'sql', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-3]]:17: note: key 'sql' is built here
    // CHECK: :[[@LINE-5]]:41: note: user identity 'user_id' is available here
    // CHECK: :[[@LINE+3]]:23: note: per-user data 'rows' is stored in 'results_' here
      return *hit;
    std::string rows = db_.Query(sql, user_id);
    results_.Put(sql, rows);
    // CHECK: :[[@LINE-1]]:5: warning: cache 'results_' is keyed by 'sql', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-10]]:17: note: key 'sql' is built here
    // CHECK: :[[@LINE-12]]:41: note: user identity 'user_id' is available here
    // CHECK: :[[@LINE-4]]:23: note: per-user data 'rows' is stored in 'results_' here
    return rows;
  }

  std::string Invoices(const Session &session, int year) {
    std::string sql = Format("SELECT * FROM invoices WHERE year = %d AND uid = ?", year);
    auto it = query_cache_.find(sql);
    // Silent by default: this finding rests on words only (MinimumEvidence: name reports it).
    if (it != query_cache_.end())
      return it->second;
    query_cache_[sql] = db_.Query(sql, session.user_id());
    // Silent by default: this finding rests on words only (MinimumEvidence: name reports it).
    return query_cache_[sql];
    // Silent by default: this finding rests on words only (MinimumEvidence: name reports it).
  }

  std::string Addresses(const User &user) {
    return *results_.Get("SELECT street FROM addresses WHERE uid = ?");
    // CHECK: :[[@LINE-1]]:13: warning: cache 'results_' is keyed by '"SELECT street FROM addresses WHERE uid = ?"', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-3]]:37: note: user identity 'user' is available here
    // CHECK: :[[@LINE-24]]:23: note: per-user data 'rows' is stored in 'results_' here
  }

private:
  Database db_;
  LruCache<std::string, std::string> results_;
  std::unordered_map<std::string, std::string> query_cache_;
};

// The statement is built by a helper that appends the filters but leaves
// the user to the bind step.
std::string PaymentsSql(const std::string &status) {
  std::string sql = "SELECT * FROM payments WHERE status = '";
  sql.append(status);
  sql += "' AND customer = ?";
  return sql;
}

std::map<std::string, std::string> g_sql_cache;

std::string Payments(const std::string &customer_id, const std::string &status,
                     Database &db) {
  std::string sql = PaymentsSql(status);
  if (g_sql_cache.count(sql))
  // CHECK: :[[@LINE-1]]:7: warning: cache 'g_sql_cache' is keyed by 'sql', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-3]]:15: note: key 'sql' is built here
  // CHECK: :[[@LINE-11]]:10: note: key is built here, in 'PaymentsSql'
  // CHECK: :[[@LINE-7]]:41: note: user identity 'customer_id' is available here
  // CHECK: :[[@LINE+7]]:38: note: per-user data 'db.Query(sql, customer_id)' is stored in 'g_sql_cache' here
    return g_sql_cache[sql];
    // CHECK: :[[@LINE-1]]:12: warning: cache 'g_sql_cache' is keyed by 'sql', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-9]]:15: note: key 'sql' is built here
    // CHECK: :[[@LINE-17]]:10: note: key is built here, in 'PaymentsSql'
    // CHECK: :[[@LINE-13]]:41: note: user identity 'customer_id' is available here
    // CHECK: :[[@LINE+1]]:38: note: per-user data 'db.Query(sql, customer_id)' is stored in 'g_sql_cache' here
  g_sql_cache[PaymentsSql(status)] = db.Query(sql, customer_id);
  // CHECK: :[[@LINE-1]]:3: warning: cache 'g_sql_cache' is keyed by 'PaymentsSql(status)', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-22]]:10: note: key is built here, in 'PaymentsSql'
  // CHECK: :[[@LINE-18]]:41: note: user identity 'customer_id' is available here
  // CHECK: :[[@LINE-4]]:38: note: per-user data 'db.Query(sql, customer_id)' is stored in 'g_sql_cache' here
  return g_sql_cache[sql];
  // CHECK: :[[@LINE-1]]:10: warning: cache 'g_sql_cache' is keyed by 'sql', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-20]]:15: note: key 'sql' is built here
  // CHECK: :[[@LINE-28]]:10: note: key is built here, in 'PaymentsSql'
  // CHECK: :[[@LINE-24]]:41: note: user identity 'customer_id' is available here
  // CHECK: :[[@LINE-10]]:38: note: per-user data 'db.Query(sql, customer_id)' is stored in 'g_sql_cache' here
}
