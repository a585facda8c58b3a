// REQUIRES: openssl
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// Without openssl.yaml only the word in X509_get_subject_name is left:
// RUN: rm -rf %t && mkdir -p %t && cp %crossuser_src/models/*.yaml %t/ && rm %t/openssl.yaml
// RUN: not env CROSSUSER_MODELS_DIR=%t %crossuser_check --root=%S %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefix=NOMODEL
// NOMODEL: crossuser-check: 1 finding in 1 file
//
// A dashboard served over mutual TLS, compiled against the real OpenSSL
// headers. The requester is the client whose certificate the handshake
// verified: SSL_get1_peer_certificate (OpenSSL 3; SSL_get_peer_certificate
// is a macro for it). The application's names say nothing of a user
// (`who`, `label`, `entry`), so the model row decides. Leaks: pages cached
// under the path alone, and the last client's name kept in a global.
// Silent: the cache keyed by the client's name, a handshake counter, and a
// handler that reads no peer certificate.
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <map>
#include <string>

std::string RenderDashboard(const std::string &label);
std::string RenderStatus(const std::string &path);

namespace {
std::map<std::string, std::string> g_pages;
std::map<std::string, std::string> g_pages_by_label;
std::map<std::string, std::string> g_status;
std::string g_last_label;
long g_handshakes = 0;
} // namespace

static std::string NameOf(X509 *cert) {
  char cn[256] = {0};
  X509_NAME_get_text_by_NID(X509_get_subject_name(cert), NID_commonName, cn,
                            sizeof cn);
  return cn;
}

std::string ServeDashboard(SSL *ssl, const std::string &path) {
  X509 *who = SSL_get1_peer_certificate(ssl);
  if (!who)
    return "";
  const std::string label = NameOf(who);
  X509_free(who);
  ++g_handshakes;
  g_last_label = label;
  // CHECK: openssl.cpp:[[@LINE-1]]:3: warning: per-user data 'label' is written to 'g_last_label', which is shared between requests [crossuser-shared-state]
  // CHECK: openssl.cpp:[[@LINE-14]]:29: note: per-user data comes from 'X509_get_subject_name(cert)'
  // CHECK: openssl.cpp:[[@LINE-21]]:13: note: 'g_last_label' is shared between requests: declared at namespace scope
  auto entry = g_pages.find(path);
  // CHECK: openssl.cpp:[[@LINE-1]]:16: warning: cache 'g_pages' is keyed by 'path', which does not identify the user [crossuser-cache-key]
  // CHECK: openssl.cpp:[[@LINE-12]]:15: note: user identity 'SSL_get1_peer_certificate(ssl)' is available here (model openssl, openssl.yaml:7)
  // CHECK: openssl.cpp:[[@LINE+4]]:19: note: per-user data 'page' is stored in 'g_pages' here
  if (entry != g_pages.end())
    return entry->second;
  std::string page = RenderDashboard(label);
  g_pages[path] = page;
  // CHECK: openssl.cpp:[[@LINE-1]]:3: warning: cache 'g_pages' is keyed by 'path', which does not identify the user [crossuser-cache-key]
  // CHECK: openssl.cpp:[[@LINE-19]]:15: note: user identity 'SSL_get1_peer_certificate(ssl)' is available here (model openssl, openssl.yaml:7)
  // CHECK: openssl.cpp:[[@LINE-3]]:19: note: per-user data 'page' is stored in 'g_pages' here
  g_pages_by_label[label + path] = page;
  return page;
}

std::string ServeStatus(SSL *ssl, const std::string &path) {
  (void)ssl;
  auto entry = g_status.find(path);
  if (entry != g_status.end())
    return entry->second;
  return g_status[path] = RenderStatus(path);
}
