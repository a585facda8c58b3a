// REQUIRES: httplib
// XFAIL: *
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
//
// A cpp-httplib handler is a lambda that captures `this`; the server keeps
// it, and so the object, for its whole life. cpp-httplib.cpp is reported
// only because its class is called 'NotesServer' (a long-lived name). Here
// the class's name says nothing, and the engine, which follows registered
// objects (`addHandler(uri, &h)`, lifetime rows with `arg:`) but not the
// `this` a registered lambda captures, calls 'last_token_' of unknown
// lifetime and reports neither the member write nor the cache.
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
      // CHECK: xfail-cpp-httplib-captured-this.cpp:[[@LINE-1]]:7: warning: per-user data 'token' is written to 'last_token_', which is shared between requests [crossuser-shared-state]
      // CHECK: xfail-cpp-httplib-captured-this.cpp:[[@LINE-4]]:27: note: per-user data comes from 'req.get_header_value("Authorization")' (model cpp-httplib, cpp-httplib.yaml:6)
      // CHECK: xfail-cpp-httplib-captured-this.cpp:[[@LINE+6]]:15: note: 'last_token_' is shared between requests: {{.*}}
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
