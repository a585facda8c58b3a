// RUN: %clang_tidy -checks='-*,crossuser-shared-state' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-shared-state' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
//
// Minimised from false alarms on real services (docs/evaluation.md): data
// whose name or type has an identity word but that identifies no user.
#include "service.h"
#include <functional>
#include <memory>

// 1. A TLS session (OpenSSL's SSL_SESSION) is the transport's, not a
//    user's: a client-side TLS session-resumption store (trantor).
extern "C" {
struct ssl_session_st;
typedef struct ssl_session_st SSL_SESSION;
}
class TlsSessionManager {
public:
  void store(const std::string &host, SSL_SESSION *session) {
    sessions_.push_back(session);
    last_ = session;
  }

private:
  std::vector<SSL_SESSION *> sessions_;
  SSL_SESSION *last_ = nullptr;
};
TlsSessionManager g_tls_sessions;
void Resume(SSL_SESSION *session) { g_tls_sessions.store("h", session); }

// 2. A timeout named for sessions is configuration, and a callback named
//    for sessions is code (drogon's HttpAppFrameworkImpl).
using SessionStartCallback = std::function<void(const std::string &)>;
class SessionManager2 {
public:
  SessionManager2(double timeout, std::vector<SessionStartCallback> advices);
};
class App {
public:
  static App &instance();
  void enableSession(double sessionTimeout) {
    sessionTimeout_ = sessionTimeout;
    manager_ = std::make_unique<SessionManager2>(sessionTimeout_, advices_);
  }
  void registerSessionStartAdvice(const SessionStartCallback &advice) {
    advices_.push_back(advice);
    onSessionStart_ = advice;
  }

private:
  double sessionTimeout_ = 0;
  std::unique_ptr<SessionManager2> manager_;
  std::vector<SessionStartCallback> advices_;
  SessionStartCallback onSessionStart_;
};

// 3. Quantities and settings named for sessions or users identify no one,
//    whatever their type (trantor's TLS session cache, a session timer).
struct TimerLoop {
  long runAfter(int delay);
};
class TimedEntries {
public:
  void store(TimerLoop *loop, const std::string &key) {
    entries_.push_back(Entry{key, loop->runAfter(sessionTimeout_)});
    timer_ = loop->runAfter(maxUsers_ + userCount_);
  }

private:
  struct Entry {
    std::string key;
    long timer;
  };
  int sessionTimeout_ = 3600;
  int maxUsers_ = 10, userCount_ = 0;
  long timer_ = 0;
  std::vector<Entry> entries_;
};
TimedEntries g_timed;

// 4. The User-Agent names client software, not a user (drogon's
//    HttpClientImpl).
class HttpClientImpl {
public:
  void setUserAgent(const std::string &userAgent) { userAgent_ = userAgent; }

private:
  std::string userAgent_;
};
HttpClientImpl &SharedClient() {
  static HttpClientImpl client;
  return client;
}

// A control: a user's id written to the same kind of storage is reported.
std::string g_last_user;
void OnLogin(const std::string &userId) { g_last_user = userId; }
// CHECK: :[[@LINE-1]]:43: warning: per-user data 'userId' is written to 'g_last_user', which is shared between requests [crossuser-shared-state]
