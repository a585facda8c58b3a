// REQUIRES: microhttpd
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// The daemon's dh_cls is one object for the whole server only because the
// model says so (libmicrohttpd.yaml:6: MHD_start_daemon, arg 5): no name
// here says "handler" or "register". Both notes that rest on the row name
// it (docs/models.md), as for CivetServer::addHandler and
// grpc::ServerBuilder::RegisterService.
#include <microhttpd.h>

#include <string>

struct Ledger {
  std::string last_payer;
};

static enum MHD_Result Answer(void *cls, struct MHD_Connection *conn, const char *,
                              const char *, const char *, const char *, size_t *,
                              void **) {
  char *password = nullptr;
  char *payer = MHD_basic_auth_get_username_password(conn, &password);
  if (payer)
    static_cast<Ledger *>(cls)->last_payer = payer;
  // CHECK: libmicrohttpd-registration-note.cpp:[[@LINE-1]]:5: warning: per-user data 'payer' is written to {{.*}}last_payer', which is shared between requests [crossuser-shared-state]
  // CHECK: libmicrohttpd-registration-note.cpp:[[@LINE-4]]:17: note: per-user data comes from 'MHD_basic_auth_get_username_password(conn, &password)' (model libmicrohttpd, libmicrohttpd.yaml:11)
  // CHECK: libmicrohttpd-registration-note.cpp:[[@LINE-12]]:15: note: 'last_payer' is shared between requests: {{.*}}(model libmicrohttpd, libmicrohttpd.yaml:6)
  // CHECK: libmicrohttpd-registration-note.cpp:[[@LINE+6]]:{{[0-9]+}}: note: 'Ledger' is registered here; one instance serves every request (model libmicrohttpd, libmicrohttpd.yaml:6)
  return MHD_NO;
}

int main() {
  Ledger ledger;
  struct MHD_Daemon *d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD, 8080, nullptr,
                                          nullptr, &Answer, &ledger, MHD_OPTION_END);
  MHD_stop_daemon(d);
}
