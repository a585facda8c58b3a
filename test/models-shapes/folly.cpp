// REQUIRES: httplib
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 -I %S/Inputs 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 -I %S/Inputs 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// Control: without the folly model, EvictingCacheMap is still a cache by
// its name, and getWithoutPromotion (a key and a result) a lookup by its
// signature: the same three findings, their notes citing no folly row.
// RUN: rm -rf %t && mkdir -p %t && cp %crossuser_src/models/*.yaml %t/ && rm %t/folly.yaml
// RUN: not env CROSSUSER_MODELS_DIR=%t %crossuser_check --root=%S %s -- -std=c++17 -I %S/Inputs 2>&1 \
// RUN:   | FileCheck %s --check-prefix=NOMODEL
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 -I %S/Inputs 2>&1 \
// RUN:   | FileCheck %s --check-prefix=MODEL
// NOMODEL-NOT: (model folly
// NOMODEL: crossuser-check: 3 findings in 1 file
// MODEL: crossuser-check: 3 findings in 1 file
//
// folly's EvictingCacheMap (a minimal shape of its API, Inputs/folly) in
// a cpp-httplib service (real <httplib.h>): the map's name says nothing,
// the model says it is a cache. Leak: account summaries cached under the
// report name while the caller's API key is known. Silent: summaries keyed
// by the API key, and exchange rates keyed by currency.
#include <httplib.h>
#include <folly/container/EvictingCacheMap.h>

#include <mutex>
#include <string>

std::string SummaryFor(const std::string &api_key, const std::string &report);
std::string RatesFor(const std::string &currency);

std::mutex mu;
folly::EvictingCacheMap<std::string, std::string> summaries(1000);
folly::EvictingCacheMap<std::string, std::string> by_key(1000);
folly::EvictingCacheMap<std::string, std::string> rates(100);

void Summary(const httplib::Request &req, httplib::Response &res) {
  const std::string key = req.get_header_value("X-Api-Key");
  const std::string report = req.get_param_value("report");
  std::lock_guard<std::mutex> lock(mu);
  if (summaries.exists(report)) {
  // CHECK: folly.cpp:[[@LINE-1]]:7: warning: cache 'summaries' is keyed by 'report', which does not identify the user [crossuser-cache-key]
  // CHECK: folly.cpp:[[@LINE-4]]:21: note: key 'report' is built here
  // CHECK: folly.cpp:[[@LINE-6]]:27: note: user identity 'req.get_header_value("X-Api-Key")' is available here (model cpp-httplib, cpp-httplib.yaml:6)
  // CHECK: folly.cpp:[[@LINE+9]]:25: note: per-user data 'body' is stored in 'summaries' here
    res.set_content(summaries.getWithoutPromotion(report), "application/json");
    // CHECK: folly.cpp:[[@LINE-1]]:21: warning: cache 'summaries' is keyed by 'report', which does not identify the user [crossuser-cache-key]
    // CHECK: folly.cpp:[[@LINE-9]]:21: note: key 'report' is built here
    // CHECK: folly.cpp:[[@LINE-11]]:27: note: user identity 'req.get_header_value("X-Api-Key")' is available here (model cpp-httplib, cpp-httplib.yaml:6)
    // CHECK: folly.cpp:[[@LINE+4]]:25: note: per-user data 'body' is stored in 'summaries' here
    return;
  }
  std::string body = SummaryFor(key, report);
  summaries.set(report, body);
  // CHECK: folly.cpp:[[@LINE-1]]:3: warning: cache 'summaries' is keyed by 'report', which does not identify the user [crossuser-cache-key]
  // CHECK: folly.cpp:[[@LINE-17]]:21: note: key 'report' is built here
  // CHECK: folly.cpp:[[@LINE-19]]:27: note: user identity 'req.get_header_value("X-Api-Key")' is available here (model cpp-httplib, cpp-httplib.yaml:6)
  // CHECK: folly.cpp:[[@LINE-4]]:25: note: per-user data 'body' is stored in 'summaries' here
  res.set_content(body, "application/json");
}

// Silent: keyed by the caller's API key and the report.
void MySummary(const httplib::Request &req, httplib::Response &res) {
  const std::string key = req.get_header_value("X-Api-Key");
  const std::string report = req.get_param_value("report");
  const std::string slot = key + "/" + report;
  std::lock_guard<std::mutex> lock(mu);
  if (by_key.exists(slot)) {
    res.set_content(by_key.get(slot), "application/json");
    return;
  }
  std::string body = SummaryFor(key, report);
  by_key.set(slot, body);
  res.set_content(body, "application/json");
}

// Silent: rates are the same for everyone.
void Rates(const httplib::Request &req, httplib::Response &res) {
  const std::string currency = req.get_param_value("currency");
  std::lock_guard<std::mutex> lock(mu);
  auto it = rates.find(currency);
  if (it != rates.end()) {
    res.set_content(it->second, "application/json");
    return;
  }
  std::string body = RatesFor(currency);
  rates.insert(currency, body);
  res.set_content(body, "application/json");
}
