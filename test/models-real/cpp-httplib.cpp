// REQUIRES: httplib
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// A notes service on cpp-httplib, compiled against the real <httplib.h>.
// Leaks: a page cache keyed by a query parameter while the credentials are
// at hand, the caller's token kept in a member, and a public response made
// of the caller's notes. Silent: the same cache keyed by the token, a
// private response, and public data cached under its URL's version.
#include <httplib.h>

#include <map>
#include <mutex>
#include <string>
#include <unordered_map>

namespace notes {

struct Note {
  std::string owner;
  std::string text;
};

std::string LoadNotesFor(const std::string &token);
std::string LoadChangelog(const std::string &version);

class NotesServer {
public:
  void Install(httplib::Server &svr) {
    svr.Get("/notes", [this](const httplib::Request &req, httplib::Response &res) {
      std::string token = req.get_header_value("Authorization");
      std::string page = req.get_param_value("page");
      std::lock_guard<std::mutex> lock(mu_);
      auto hit = rendered_.find(page);
      // CHECK: cpp-httplib.cpp:[[@LINE-1]]:18: warning: cache 'rendered_' is keyed by 'page', which does not identify the user [crossuser-cache-key]
      // CHECK: cpp-httplib.cpp:[[@LINE-4]]:19: note: key 'page' is built here
      // CHECK: cpp-httplib.cpp:[[@LINE-6]]:27: note: user identity 'req.get_header_value("Authorization")' is available here (model cpp-httplib, cpp-httplib.yaml:6)
      // CHECK: cpp-httplib.cpp:[[@LINE+6]]:25: note: per-user data 'html' is stored in 'rendered_' here
      if (hit != rendered_.end()) {
        res.set_content(hit->second, "text/html");
        return;
      }
      std::string html = LoadNotesFor(token);
      rendered_[page] = html;
      // CHECK: cpp-httplib.cpp:[[@LINE-1]]:7: warning: cache 'rendered_' is keyed by 'page', which does not identify the user [crossuser-cache-key]
      // CHECK: cpp-httplib.cpp:[[@LINE-14]]:19: note: key 'page' is built here
      // CHECK: cpp-httplib.cpp:[[@LINE-16]]:27: note: user identity 'req.get_header_value("Authorization")' is available here (model cpp-httplib, cpp-httplib.yaml:6)
      // CHECK: cpp-httplib.cpp:[[@LINE-4]]:25: note: per-user data 'html' is stored in 'rendered_' here
      last_token_ = token;
      // CHECK: cpp-httplib.cpp:[[@LINE-1]]:7: warning: per-user data 'token' is written to 'last_token_', which is shared between requests [crossuser-shared-state]
      // CHECK: cpp-httplib.cpp:[[@LINE-20]]:27: note: per-user data comes from 'req.get_header_value("Authorization")' (model cpp-httplib, cpp-httplib.yaml:6)
      // CHECK: cpp-httplib.cpp:[[@LINE+41]]:15: note: 'last_token_' is shared between requests: a member of 'NotesServer', registered to serve requests (model cpp-httplib, cpp-httplib.yaml:17)
      // CHECK: cpp-httplib.cpp:[[@LINE-23]]:5: note: 'NotesServer' is registered here; one instance serves every request (model cpp-httplib, cpp-httplib.yaml:17)
      res.set_header("Cache-Control", "public, max-age=120");
      // CHECK: cpp-httplib.cpp:[[@LINE-1]]:7: warning: response is made storable by shared caches ('Cache-Control: public, max-age=120') but carries per-user data [crossuser-cacheable-response]
      // CHECK: cpp-httplib.cpp:[[@LINE+3]]:23: note: per-user data 'html' enters the response here
      // CHECK: cpp-httplib.cpp:[[@LINE-26]]:27: note: user identity 'req.get_header_value("Authorization")' is available here (model cpp-httplib, cpp-httplib.yaml:6)
      // CHECK: cpp-httplib.cpp:[[@LINE-4]]:7: note: 'set_header' sets the response's 'Cache-Control' header (model cpp-httplib, cpp-httplib.yaml:11)
      res.set_content(html, "text/html");
    });

    // Silent: the cache is keyed by the caller's token and the response is
    // private.
    svr.Get("/me/notes", [this](const httplib::Request &req, httplib::Response &res) {
      std::string token = req.get_header_value("Authorization");
      std::lock_guard<std::mutex> lock(mu_);
      auto hit = per_user_.find(token);
      std::string html = hit != per_user_.end() ? hit->second : LoadNotesFor(token);
      per_user_[token] = html;
      res.set_header("Cache-Control", "private, max-age=120");
      res.set_content(html, "text/html");
    });

    // Silent: public data, cached under the version its URL names; a
    // header that is not a credential is no identity.
    svr.Get("/changelog", [this](const httplib::Request &req, httplib::Response &res) {
      std::string version = req.get_param_value("v");
      std::string agent = req.get_header_value("User-Agent");
      std::lock_guard<std::mutex> lock(mu_);
      auto hit = changelog_.find(version);
      std::string text = hit != changelog_.end() ? hit->second : LoadChangelog(version);
      changelog_[version] = text;
      res.set_header("Cache-Control", "public, max-age=3600");
      res.set_content(text, "text/plain");
    });
  }

private:
  std::mutex mu_;
  std::unordered_map<std::string, std::string> rendered_;
  std::unordered_map<std::string, std::string> per_user_;
  std::map<std::string, std::string> changelog_;
  std::string last_token_;
};

} // namespace notes

int main() {
  httplib::Server svr;
  notes::NotesServer notes_server;
  notes_server.Install(svr);
  svr.listen("0.0.0.0", 8080);
}
