// REQUIRES: tbb, httplib
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// A dashboard service that caches rendered widgets in a oneTBB
// concurrent_hash_map, compiled against the real <oneapi/tbb/*.h> (and
// <httplib.h>). Its lookups and inserts take an accessor first and the key
// second. Leaks: widgets found and inserted under the widget's name while
// the caller's session is at hand. Silent: widgets keyed by the session,
// and the public status widget cached under its region.
#include <httplib.h>
#include <oneapi/tbb/concurrent_hash_map.h>

#include <string>

using WidgetCache = tbb::concurrent_hash_map<std::string, std::string>;

std::string RenderWidget(const std::string &session, const std::string &widget);
std::string RenderStatus(const std::string &region);

class DashboardServer {
public:
  void InstallWidgets(httplib::Server &svr) {
    svr.Get("/widget", [this](const httplib::Request &req, httplib::Response &res) {
      const std::string session = req.get_header_value("X-Session-Id");
      const std::string widget = req.get_param_value("name");
      {
        WidgetCache::const_accessor hit;
        if (widgets_.find(hit, widget)) {
        // CHECK: tbb.cpp:[[@LINE-1]]:13: warning: cache 'widgets_' is keyed by 'widget', which does not identify the user [crossuser-cache-key]
        // CHECK: tbb.cpp:[[@LINE-5]]:25: note: key 'widget' is built here
        // CHECK: tbb.cpp:[[@LINE-7]]:35: note: user identity 'req.get_header_value("X-Session-Id")' is available here (model cpp-httplib, cpp-httplib.yaml:6)
        // CHECK: tbb.cpp:[[@LINE+6]]:32: note: per-user data 'html' is stored in 'widgets_' here
          res.set_content(hit->second, "text/html");
          return;
        }
      }
      std::string html = RenderWidget(session, widget);
      widgets_.insert({widget, html});
      // CHECK: tbb.cpp:[[@LINE-1]]:7: warning: cache 'widgets_' is keyed by 'widget', which does not identify the user [crossuser-cache-key]
      // CHECK: tbb.cpp:[[@LINE-15]]:25: note: key 'widget' is built here
      // CHECK: tbb.cpp:[[@LINE-17]]:35: note: user identity 'req.get_header_value("X-Session-Id")' is available here (model cpp-httplib, cpp-httplib.yaml:6)
      // CHECK: tbb.cpp:[[@LINE-4]]:32: note: per-user data 'html' is stored in 'widgets_' here
      res.set_content(html, "text/html");
    });

    // Silent: keyed by the session.
    svr.Get("/me/widget", [this](const httplib::Request &req, httplib::Response &res) {
      const std::string session = req.get_header_value("X-Session-Id");
      const std::string key = session + "/" + req.get_param_value("name");
      WidgetCache::accessor slot;
      if (by_session_.insert(slot, key))
        slot->second = RenderWidget(session, req.get_param_value("name"));
      res.set_content(slot->second, "text/html");
    });
  }

  // Silent: the status widget is the same for everyone in a region.
  void InstallStatus(httplib::Server &svr) {
    svr.Get("/status", [this](const httplib::Request &req, httplib::Response &res) {
      const std::string region = req.get_param_value("region");
      WidgetCache::accessor slot;
      if (status_.insert(slot, region))
        slot->second = RenderStatus(region);
      res.set_content(slot->second, "text/html");
    });
  }

private:
  WidgetCache widgets_;
  WidgetCache by_session_;
  WidgetCache status_;
};

int main() {
  httplib::Server svr;
  DashboardServer dashboard;
  dashboard.InstallWidgets(svr);
  dashboard.InstallStatus(svr);
  svr.listen("0.0.0.0", 8080);
}
