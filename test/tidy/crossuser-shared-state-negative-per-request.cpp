// RUN: %clang_tidy -checks='-*,crossuser-shared-state' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-shared-state' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
//
// Storage that is per-request after all: thread_local scratch reset by every
// request, setup code, and storage marked as shared on purpose.
#include "service.h"

template <class F> class ScopeGuard {
public:
  explicit ScopeGuard(F f) : f_(f) {}
  ~ScopeGuard() { f_(); }

private:
  F f_;
};
template <class F> ScopeGuard<F> MakeScopeExit(F f) { return ScopeGuard<F>(f); }

struct Scratch {
  std::string user;
  std::vector<std::string> lines;
};

// 1. A thread_local assigned a fresh value before any read.
thread_local std::string tls_user;
void Begin(const Session &session) {
  tls_user = session.user_id();
  tls_user += ":" + session.tenant_id();
}

// 2. Cleared at the start of the request.
thread_local std::vector<std::string> tls_lines;
void Collect(const Session &session) {
  tls_lines.clear();
  tls_lines.push_back(session.user_id());
}

// 3. Reset to an empty object, then filled.
thread_local Scratch tls_scratch;
void Prepare(const Session &session) {
  tls_scratch = Scratch{};
  tls_scratch.user = session.user_id();
  tls_scratch.lines.push_back(session.token());
}

// 4. A scope guard resets it when the request ends.
thread_local Scratch tls_guarded;
void Guarded(const Session &session) {
  auto reset = MakeScopeExit([] { tls_guarded = Scratch{}; });
  tls_guarded.user = session.user_id();
}

// 5. A function-local thread_local cleared first.
void Render(const Session &session) {
  thread_local std::string buffer;
  buffer.clear();
  buffer.append(session.user().name);
}

// 6. A handler's fields set in its constructor.
class AdminHandler : public http::Handler {
public:
  explicit AdminHandler(const Session &operator_session) {
    operator_id_ = operator_session.user_id();
  }
  ~AdminHandler() override { operator_id_ = std::string(); }
  void Handle(const http::Request &req, http::Response &resp) override;

private:
  std::string operator_id_;
};

// 7. ... and in init-style setup methods.
class ReportService {
public:
  void Init(const Session &service_account) {
    owner_ = service_account.user_id();
  }
  void Configure(const User &admin) { admin_email_ = admin.email; }
  void SetUp(const User &admin) { admin_name_ = admin.name; }

private:
  std::string owner_;
  std::string admin_email_;
  std::string admin_name_;
};

// 8. Globals written in main() before the server starts.
std::string g_service_user;
int main() {
  Session boot = ResolveSession(http::Request());
  g_service_user = boot.user_id();
  return 0;
}

// 9. A global annotated as shared on purpose (a demo account, public).
[[clang::annotate("crossuser::shared_ok")]] std::string g_demo_user;
void Demo(const Session &session) { g_demo_user = session.user_id(); }

// 10. A handler class annotated as shared on purpose.
class [[clang::annotate("crossuser::shared_ok")]] KioskHandler
    : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    kiosk_user_ = ResolveSession(req).user_id();
  }

private:
  std::string kiosk_user_;
};

// 11. A per-request class name wins over a long-lived-looking base name.
struct ServiceContext {
  std::string user;
};
struct RequestScope : ServiceContext {
  void Bind(const Session &session) { user = session.user_id(); }
};

// Control: without an exclusion, the same write warns.
std::string g_control;
void Control(const Session &session) { g_control = session.user_id(); }
// CHECK: :[[@LINE-1]]:40: warning: per-user data 'session.user_id()' is written to 'g_control', which is shared between requests [crossuser-shared-state]
// CHECK: :[[@LINE-2]]:52: note: per-user data comes from 'session.user_id()'
// CHECK: :[[@LINE-4]]:13: note: 'g_control' is shared between requests: declared at namespace scope
