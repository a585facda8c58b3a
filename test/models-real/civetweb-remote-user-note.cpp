// REQUIRES: civetweb
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// A member access named by a model row (mg_request_info::remote_user,
// civetweb.yaml:20) is judged by the row, which ranks above the identifier
// words ('user' in 'remote_user'), and the note cites the row.
#include <CivetServer.h>
#include <civetweb.h>

#include <string>

class WhoAmIHandler : public CivetHandler {
public:
  bool handleGet(CivetServer *, struct mg_connection *conn) override {
    const struct mg_request_info *info = mg_get_request_info(conn);
    std::string who = info->remote_user;
    last_ = who;
    // CHECK: civetweb-remote-user-note.cpp:[[@LINE-1]]:5: warning: per-user data 'who' is written to 'last_', which is shared between requests [crossuser-shared-state]
    // CHECK: civetweb-remote-user-note.cpp:[[@LINE-3]]:23: note: per-user data comes from 'info->remote_user' (model civetweb, civetweb.yaml:20)
    // CHECK: civetweb-remote-user-note.cpp:[[@LINE+5]]:15: note: 'last_' is shared between requests: a member of 'WhoAmIHandler', which derives from 'CivetHandler': the framework makes one for the whole server (model civetweb, civetweb.yaml:6)
    mg_printf(conn, "HTTP/1.1 204 No Content\r\n\r\n");
    return true;
  }

  std::string last_;
};
