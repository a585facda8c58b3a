// REQUIRES: civetweb
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// With CivetWeb's C API a service writes its responses in one helper that
// takes the Cache-Control value. The helper's header is judged at each call,
// with the value the call passes: the caller's public response of a
// personalised page is reported there, with a note on the helper's header.
#include <CivetServer.h>
#include <civetweb.h>

#include <string>

std::string RenderAlbum(const std::string &credentials);

static void SendHtml(struct mg_connection *conn, const char *cache_control,
                     const std::string &html) {
  mg_response_header_start(conn, 200);
  mg_response_header_add(conn, "Cache-Control", cache_control, -1);
  mg_response_header_send(conn);
  mg_write(conn, html.data(), html.size());
}

class AlbumHandler : public CivetHandler {
public:
  bool handleGet(CivetServer *, struct mg_connection *conn) override {
    const char *auth = CivetServer::getHeader(conn, "Authorization");
    std::string html = RenderAlbum(auth ? auth : "");
    SendHtml(conn, "public, max-age=300", html);
    // CHECK: civetweb-reply-helper.cpp:[[@LINE-1]]:5: warning: response is made storable by shared caches ('Cache-Control: public, max-age=300') but carries per-user data [crossuser-cacheable-response]
    // CHECK: civetweb-reply-helper.cpp:[[@LINE-12]]:3: note: 'Cache-Control: public, max-age=300' is set here, in 'SendHtml'
    // CHECK: civetweb-reply-helper.cpp:[[@LINE-3]]:43: note: per-user data 'html' enters the response here
    // CHECK: civetweb-reply-helper.cpp:[[@LINE-6]]:24: note: user identity 'CivetServer::getHeader(conn, "Authorization")' is available here (model civetweb, civetweb.yaml:14)
    // CHECK: civetweb-reply-helper.cpp:[[@LINE-15]]:3: note: 'mg_response_header_add' sets the response's 'Cache-Control' header (model civetweb, civetweb.yaml:26)
    return true;
  }
};

// Negative: the same helper, told to keep the page out of shared caches.
class PrivateAlbumHandler : public CivetHandler {
public:
  bool handleGet(CivetServer *, struct mg_connection *conn) override {
    const char *auth = CivetServer::getHeader(conn, "Authorization");
    std::string html = RenderAlbum(auth ? auth : "");
    SendHtml(conn, "private, max-age=300", html);
    return true;
  }
};
