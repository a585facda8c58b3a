// RUN: %clang_tidy -checks='-*,crossuser-cache-key' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'

// Multi-tenant services: the tenant is known where the cache is used, but
// the key names only the resource, so tenant A's data is served to tenant B.
// The tenant arrives as a strong id, a header, a session accessor or a
// plainly named parameter; keys are strings, pairs, tuples and structs.

#include "service.h"

struct Invoice {
  std::string number;
  double amount;
};

class ReportService {
public:
  Invoice GetInvoice(const TenantId &tenant, const std::string &number) {
    if (std::optional<Invoice> i = invoices_.Get("invoice:" + number))
    // Silent by default: this finding rests on words only (MinimumEvidence: name reports it).
      return *i;
    return Invoice{};
  }

  std::string Dashboard(const http::Request &req) {
    std::string tenant = req.header("X-Tenant-Id");
    std::string key = "dash:" + req.param("name");
    if (std::optional<std::string> d = dashboards_.Get(key))
    // CHECK: :[[@LINE-1]]:40: warning: cache 'dashboards_' is keyed by 'key', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-3]]:17: note: key 'key' is built here
    // CHECK: :[[@LINE-5]]:26: note: user identity 'req.header("X-Tenant-Id")' is available here
    // CHECK: :[[@LINE+3]]:26: note: per-user data 'html' is stored in 'dashboards_' here
      return *d;
    std::string html = db_.Query("SELECT * FROM widgets WHERE tenant = ?", tenant);
    dashboards_.Put(key, html);
    // CHECK: :[[@LINE-1]]:5: warning: cache 'dashboards_' is keyed by 'key', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-10]]:17: note: key 'key' is built here
    // CHECK: :[[@LINE-12]]:26: note: user identity 'req.header("X-Tenant-Id")' is available here
    // CHECK: :[[@LINE-4]]:26: note: per-user data 'html' is stored in 'dashboards_' here
    return html;
  }

  Profile OrgProfile(const Session &session, const std::string &slug) {
    std::string tenant_id = session.tenant_id();
    std::optional<Profile> p = org_profiles_.Get(std::make_pair(slug, session.locale()));
    // CHECK: :[[@LINE-1]]:32: warning: cache 'org_profiles_' is keyed by 'std::make_pair(slug, session.locale())', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-4]]:37: note: user identity 'session' is available here
    // CHECK: :[[@LINE+25]]:58: note: 'org_profiles_' holds values of per-user type 'Profile'
    return p ? *p : Profile{};
  }

  std::string Export(const std::string &tenant_id, const http::Request &req) {
    auto key = std::make_tuple(req.path(), req.query());
    return exports_.Get(key) ? "hit" : "miss";
    // CHECK: :[[@LINE-1]]:12: warning: cache 'exports_' is keyed by 'key', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-3]]:10: note: key 'key' is built here
    // CHECK: :[[@LINE-5]]:41: note: user identity 'tenant_id' is available here
    // CHECK: :[[@LINE+5]]:60: note: per-user data 'csv + tenant_id' is stored in 'exports_' here
  }

  void SaveExport(const std::string &tenant_id, const http::Request &req,
                  const std::string &csv) {
    exports_.Put(std::make_tuple(req.path(), req.query()), csv + tenant_id);
    // CHECK: :[[@LINE-1]]:5: warning: cache 'exports_' is keyed by 'std::make_tuple(req.path(), req.query())', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-4]]:38: note: user identity 'tenant_id' is available here
    // CHECK: :[[@LINE-3]]:60: note: per-user data 'csv + tenant_id' is stored in 'exports_' here
  }

private:
  Database db_;
  LruCache<std::string, Invoice> invoices_;
  LruCache<std::string, std::string> dashboards_;
  LruCache<std::pair<std::string, std::string>, Profile> org_profiles_;
  LruCache<std::tuple<std::string, std::string>, std::string> exports_;
};

// A struct key is followed field by field; none of these names the tenant.
struct ReportKey {
  std::string report;
  int year;
};

class ReportController {
public:
  std::optional<Invoice> Find(const TenantId &tenant, const std::string &report) {
    return cache_.Get(ReportKey{report, 2024});
    // Silent by default: this finding rests on words only (MinimumEvidence: name reports it).
  }

private:
  LruCache<ReportKey, Invoice> cache_;
};

// The per-user evidence is the value type: a record that carries its tenant.
struct Document {
  std::string tenant;
  std::string body;
};

class DocumentProvider {
public:
  void Save(const Session &session, const std::string &doc_id,
            const std::string &body) {
    docs_.Put(doc_id, Document{session.tenant_id(), body});
    // CHECK: :[[@LINE-1]]:5: warning: cache 'docs_' is keyed by 'doc_id', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-4]]:28: note: user identity 'session' is available here
    // CHECK: :[[@LINE-3]]:23: note: per-user data 'Document{session.tenant_id(), body}' is stored in 'docs_' here
  }
  std::optional<Document> Open(const Session &session, const std::string &doc_id) {
    std::string tenant = session.tenant_id();
    return docs_.Get("doc/" + doc_id);
    // CHECK: :[[@LINE-1]]:12: warning: cache 'docs_' is keyed by '"doc/" + doc_id', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-4]]:47: note: user identity 'session' is available here
    // CHECK: :[[@LINE-10]]:23: note: per-user data 'Document{session.tenant_id(), body}' is stored in 'docs_' here
  }

private:
  LruCache<std::string, Document> docs_;
};

// An org id parameter; billing data in a shared map of a provider.
struct Payment {
  double amount;
};

class BillingProvider {
public:
  std::vector<Payment> Payments(const std::string &org_id, int month) {
    auto it = payments_.find(month);
    // Silent by default: this finding rests on words only (MinimumEvidence: name reports it).
    return it != payments_.end() ? it->second : std::vector<Payment>{};
  }
  void Record(const std::string &org_id, int month, const Payment &p) {
    payments_[month].push_back(p);
    // Silent by default: this finding rests on words only (MinimumEvidence: name reports it).
  }

private:
  std::map<int, std::vector<Payment>> payments_;
};

// The tenant header is read, the feature settings are keyed by flag name.
struct Settings {
  bool enabled;
};
LruCache<std::string, Settings> g_tenant_settings;

void FeatureGate(const http::Request &req, http::Response &resp) {
  std::string tenant = req.header("X-Tenant-Id");
  std::string flag = req.param("flag");
  std::optional<Settings> s = g_tenant_settings.Get(flag);
  // Silent by default: this finding rests on words only (MinimumEvidence: name reports it).
  resp.body = s && s->enabled ? "on" : "off";
}
