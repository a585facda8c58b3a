// RUN: %clang_tidy -checks='-*,crossuser-cache-key' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

// A hand-written bounded map whose name says nothing: its read-through
// method finds and fills a map member with its parameter as the key. The
// method is read in the instantiation callers use (in the template the
// map's calls are unresolved), and each call is judged where the caller
// has the user, never inside the template.

#include "service.h"
#include <functional>

template <class Key, class Value> class BoundedMap {
public:
  Value get_or_load(const Key &key, const std::function<Value()> &load) {
    auto it = map_.find(key);
    if (it != map_.end())
      return it->second;
    return map_.emplace(key, load()).first->second;
  }

private:
  std::map<Key, Value> map_;
};

class InboxHandler : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    std::string page = req.param("page");
    resp.body = pages_.get_or_load(page, [&] { return Database().Query("inbox", session.user_id()); });
    // CHECK: :[[@LINE-1]]:17: warning: cache 'pages_' is keyed by 'page', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-3]]:17: note: key 'page' is built here
    // CHECK: :[[@LINE-3]]:17: note: 'BoundedMap::get_or_load' stores into 'pages_' (crossuser-cache-key-template-wrapper.cpp:18) with a key made from its parameter 'key'
    // CHECK: :[[@LINE-6]]:23: note: user identity 'ResolveSession(req)' is available here
    // CHECK: :[[@LINE-5]]:42: note: per-user data '[&] { return Database().Query("inbox", session.user_id()); }' is stored in 'pages_' here
  }

private:
  BoundedMap<std::string, std::string> pages_;
};

// Negative: the same wrapper keyed by the user.
class InboxByUser : public http::Handler {
public:
  void Handle(const http::Request &req, http::Response &resp) override {
    Session session = ResolveSession(req);
    resp.body = pages_.get_or_load(session.user_id() + req.param("page"), [&] {
      return Database().Query("inbox", session.user_id()); });
  }

private:
  BoundedMap<std::string, std::string> pages_;
};
