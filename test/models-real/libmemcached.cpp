// REQUIRES: libmemcached, httplib
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// A settings service that caches in memcached through libmemcached,
// compiled against the real <libmemcached/memcached.h> (and <httplib.h>).
// Leaks: the caller's settings page read and stored under the requested
// section while the caller's API key is at hand, also with the API key as
// memcached_set_by_key's group key (which only picks the server). Silent: the same page
// stored under the API key with memcached_add and _set_by_key, and the public help page
// stored under its topic.
#include <httplib.h>
#include <libmemcached/memcached.h>

#include <cstdlib>
#include <string>

std::string RenderSettings(const std::string &api_key, const std::string &section);
std::string RenderHelp(const std::string &topic);

class SettingsServer {
public:
  explicit SettingsServer(memcached_st *memc) : memc_(memc) {}

  void InstallSettings(httplib::Server &svr) {
    svr.Get("/settings", [this](const httplib::Request &req, httplib::Response &res) {
      const std::string api_key = req.get_header_value("X-Api-Key");
      const std::string section = req.get_param_value("section");
      size_t len = 0;
      uint32_t flags = 0;
      memcached_return_t rc;
      char *hit = memcached_get(memc_, section.data(), section.size(), &len, &flags, &rc);
      // CHECK: libmemcached.cpp:[[@LINE-1]]:19: warning: cache 'memc_' is keyed by 'section.data()', which does not identify the user [crossuser-cache-key]
      // CHECK: libmemcached.cpp:[[@LINE-6]]:25: note: key 'section' is built here
      // CHECK: libmemcached.cpp:[[@LINE-8]]:35: note: user identity 'req.get_header_value("X-Api-Key")' is available here (model cpp-httplib, cpp-httplib.yaml:6)
      // CHECK: libmemcached.cpp:[[@LINE+4]]:60: note: per-user data 'html.data()' is stored in 'memc_' here (model libmemcached, libmemcached.yaml:9)
      // CHECK: libmemcached.cpp:[[@LINE-5]]:19: note: this call is a lookup in 'memc_' (model libmemcached, libmemcached.yaml:6)
      std::string html = hit ? std::string(hit, len) : RenderSettings(api_key, section);
      std::free(hit);
      memcached_set(memc_, section.data(), section.size(), html.data(), html.size(), 600, 0);
      // CHECK: libmemcached.cpp:[[@LINE-1]]:7: warning: cache 'memc_' is keyed by 'section.data()', which does not identify the user [crossuser-cache-key]
      // CHECK: libmemcached.cpp:[[@LINE-14]]:25: note: key 'section' is built here
      // CHECK: libmemcached.cpp:[[@LINE-16]]:35: note: user identity 'req.get_header_value("X-Api-Key")' is available here (model cpp-httplib, cpp-httplib.yaml:6)
      // CHECK: libmemcached.cpp:[[@LINE-4]]:60: note: per-user data 'html.data()' is stored in 'memc_' here (model libmemcached, libmemcached.yaml:9)
      // The group key picks the server; the key is the section alone.
      memcached_set_by_key(memc_, api_key.data(), api_key.size(), section.data(),
      // CHECK: libmemcached.cpp:[[@LINE-1]]:7: warning: cache 'memc_' is keyed by 'section.data()', which does not identify the user [crossuser-cache-key]
      // CHECK: libmemcached.cpp:[[@LINE-20]]:25: note: key 'section' is built here
      // CHECK: libmemcached.cpp:[[@LINE-22]]:35: note: user identity 'req.get_header_value("X-Api-Key")' is available here (model cpp-httplib, cpp-httplib.yaml:6)
      // CHECK: libmemcached.cpp:[[@LINE+1]]:44: note: per-user data 'html.data()' is stored in 'memc_' here (model libmemcached, libmemcached.yaml:18)
                           section.size(), html.data(), html.size(), 600, 0);
      res.set_content(html, "text/html");
    });

    // Silent: stored under the caller's key.
    svr.Get("/me/settings", [this](const httplib::Request &req, httplib::Response &res) {
      const std::string api_key = req.get_header_value("X-Api-Key");
      const std::string key = "settings:" + api_key;
      std::string html = RenderSettings(api_key, "all");
      memcached_add(memc_, key.data(), key.size(), html.data(), html.size(), 600, 0);
      memcached_set_by_key(memc_, "settings", 8, key.data(), key.size(), html.data(),
                           html.size(), 600, 0);
      res.set_content(html, "text/html");
    });
  }

  // Silent: help pages are the same for everyone.
  void InstallHelp(httplib::Server &svr) {
    svr.Get("/help", [this](const httplib::Request &req, httplib::Response &res) {
      const std::string topic = "help:" + req.get_param_value("topic");
      std::string html = RenderHelp(topic);
      memcached_set(memc_, topic.data(), topic.size(), html.data(), html.size(), 3600, 0);
      res.set_content(html, "text/html");
    });
  }

private:
  memcached_st *memc_;
};

int main() {
  memcached_st *memc = memcached("--SERVER=127.0.0.1", 18);
  httplib::Server svr;
  SettingsServer settings(memc);
  settings.InstallSettings(svr);
  settings.InstallHelp(svr);
  svr.listen("0.0.0.0", 8080);
}
