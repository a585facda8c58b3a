// REQUIRES: httplib
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
//
// A cpp-httplib handler is a lambda that captures `this`; the server keeps
// it, and so the object, for its whole life (lifetime rows with `arg:` for
// httplib::Server::Get and the other route methods). The class's name says
// nothing, so the registration alone decides that 'last_token_' is shared.
#include <httplib.h>

#include <map>
#include <string>

std::string LoadNotesFor(const std::string &token);

class Notebook {
public:
  void Install(httplib::Server &svr) {
    svr.Get("/notes", [this](const httplib::Request &req, httplib::Response &res) {
      std::string token = req.get_header_value("Authorization");
      std::string html = LoadNotesFor(token);
      last_token_ = token;
      // CHECK: cpp-httplib-captured-this.cpp:[[@LINE-1]]:7: warning: per-user data 'token' is written to 'last_token_', which is shared between requests [crossuser-shared-state]
      // CHECK: cpp-httplib-captured-this.cpp:[[@LINE-4]]:27: note: per-user data comes from 'req.get_header_value("Authorization")' (model cpp-httplib, cpp-httplib.yaml:6)
      // CHECK: cpp-httplib-captured-this.cpp:[[@LINE+6]]:15: note: 'last_token_' is shared between requests: {{.*}}
      res.set_content(html, "text/html");
    });
  }

private:
  std::string last_token_;
};

int main() {
  httplib::Server svr;
  Notebook notebook;
  notebook.Install(svr);
  svr.listen("0.0.0.0", 8080);
}
