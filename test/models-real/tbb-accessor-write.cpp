// REQUIRES: tbb, httplib
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// oneTBB's idiomatic insert: insert(accessor, key) locks the element and
// the value is written through the accessor afterwards
// ('slot->second = ...'): that write is what the insert stores under the
// key.
#include <httplib.h>
#include <oneapi/tbb/concurrent_hash_map.h>

#include <string>

using WidgetCache = tbb::concurrent_hash_map<std::string, std::string>;
WidgetCache g_widgets;

std::string RenderWidget(const std::string &session, const std::string &widget);

void Widget(const httplib::Request &req, httplib::Response &res) {
  const std::string session = req.get_header_value("X-Session-Id");
  const std::string widget = req.get_param_value("name");
  WidgetCache::accessor slot;
  if (g_widgets.insert(slot, widget))
    // CHECK: tbb-accessor-write.cpp:[[@LINE-1]]:7: warning: cache 'g_widgets' is keyed by 'widget', which does not identify the user [crossuser-cache-key]
    // CHECK: tbb-accessor-write.cpp:[[@LINE-4]]:21: note: key 'widget' is built here
    // CHECK: tbb-accessor-write.cpp:[[@LINE-6]]:31: note: user identity 'req.get_header_value("X-Session-Id")' is available here (model cpp-httplib, cpp-httplib.yaml:6)
    // CHECK: tbb-accessor-write.cpp:[[@LINE+1]]:20: note: per-user data 'RenderWidget(session, widget)' is stored in 'g_widgets' here
    slot->second = RenderWidget(session, widget);
  res.set_content(slot->second, "text/html");
}
