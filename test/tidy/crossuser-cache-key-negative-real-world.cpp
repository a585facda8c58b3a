// RUN: %clang_tidy -checks='-*,crossuser-cache-key' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
//
// Minimised from false alarms on real services (docs/evaluation.md).
#include "service.h"
#include <functional>
#include <memory>

// 1. A session store: the key is the stored session's own id (given to the
//    session by `setSessionId`), so the cache is where sessions are looked
//    up by id, not one user's data under a key every user shares (drogon's
//    SessionManager::changeSessionId).
class WebSession {
public:
  std::string sessionId() const;
  void setSessionId(const std::string &id);
};
using WebSessionPtr = std::shared_ptr<WebSession>;
class SessionStore {
public:
  void changeSessionId(const WebSessionPtr &sessionPtr) {
    auto newId = idGenerator_();
    sessionPtr->setSessionId(newId);
    sessions_.Put(newId, sessionPtr);
  }

  // A control: a session stored under a key that is not its id.
  void rememberLast(const WebSessionPtr &sessionPtr, const http::Request &req) {
    sessions_.Put(req.path(), sessionPtr);
    // CHECK: :[[@LINE-1]]:5: warning: cache 'sessions_' is keyed by 'req.path()', which does not identify the user [crossuser-cache-key]
  }

private:
  std::function<std::string()> idGenerator_;
  LruCache<std::string, WebSessionPtr> sessions_;
};
