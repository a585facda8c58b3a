// REQUIRES: civetweb
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// A photo-album service on CivetWeb, compiled against the real
// <CivetServer.h> and <civetweb.h>. One CivetHandler serves every worker
// thread. Leaks: album pages cached by album name while the caller's
// credentials are at hand, the caller's credentials kept in the handler, and
// a public response made of the caller's album. Silent: the cache keyed by
// the user, a private response, and the public gallery cached under its
// page number. (The header set in a helper that takes the Cache-Control
// value is civetweb-reply-helper.cpp.)
#include <CivetServer.h>
#include <civetweb.h>

#include <chrono>
#include <cstring>
#include <map>
#include <mutex>
#include <string>
#include <thread>

std::string RenderAlbum(const std::string &user, const std::string &album);
std::string RenderGallery(const std::string &page);

class AlbumHandler : public CivetHandler {
public:
  bool handleGet(CivetServer *server, struct mg_connection *conn) override {
    const struct mg_request_info *info = mg_get_request_info(conn);
    const char *auth = CivetServer::getHeader(conn, "Authorization");
    std::string presented = auth ? auth : "";
    std::string album;
    CivetServer::getParam(conn, "album", album);
    std::lock_guard<std::mutex> lock(mu_);

    if (std::strcmp(info->local_uri, "/album") == 0) {
      auto hit = pages_.find(album);
      // CHECK: civetweb.cpp:[[@LINE-1]]:18: warning: cache 'pages_' is keyed by 'album', which does not identify the user [crossuser-cache-key]
      // CHECK: civetweb.cpp:[[@LINE-7]]:17: note: key 'album' is built here
      // CHECK: civetweb.cpp:[[@LINE-10]]:24: note: user identity 'CivetServer::getHeader(conn, "Authorization")' is available here (model civetweb, civetweb.yaml:14)
      // CHECK: civetweb.cpp:[[@LINE+2]]:23: note: per-user data 'html' is stored in 'pages_' here
      std::string html = hit != pages_.end() ? hit->second : RenderAlbum(presented, album);
      pages_[album] = html;
      // CHECK: civetweb.cpp:[[@LINE-1]]:7: warning: cache 'pages_' is keyed by 'album', which does not identify the user [crossuser-cache-key]
      // CHECK: civetweb.cpp:[[@LINE-13]]:17: note: key 'album' is built here
      // CHECK: civetweb.cpp:[[@LINE-16]]:24: note: user identity 'CivetServer::getHeader(conn, "Authorization")' is available here (model civetweb, civetweb.yaml:14)
      // CHECK: civetweb.cpp:[[@LINE-4]]:23: note: per-user data 'html' is stored in 'pages_' here
      viewer_ = presented;
      // CHECK: civetweb.cpp:[[@LINE-1]]:7: warning: per-user data 'presented' is written to 'viewer_', which is shared between requests [crossuser-shared-state]
      // CHECK: civetweb.cpp:[[@LINE-20]]:24: note: per-user data comes from 'CivetServer::getHeader(conn, "Authorization")' (model civetweb, civetweb.yaml:14)
      // CHECK: civetweb.cpp:[[@LINE+44]]:15: note: 'viewer_' is shared between requests: a member of 'AlbumHandler', which derives from 'CivetHandler': the framework makes one for the whole server (model civetweb, civetweb.yaml:6)
      // CHECK: civetweb.cpp:[[@LINE+50]]:3: note: 'AlbumHandler' is registered here; one instance serves every request (model civetweb, civetweb.yaml:10)
      mg_response_header_start(conn, 200);
      mg_response_header_add(conn, "Cache-Control", "public, max-age=300", -1);
      // CHECK: civetweb.cpp:[[@LINE-1]]:7: warning: response is made storable by shared caches ('Cache-Control: public, max-age=300') but carries per-user data [crossuser-cacheable-response]
      // CHECK: civetweb.cpp:[[@LINE+4]]:22: note: per-user data 'html.data()' enters the response here
      // CHECK: civetweb.cpp:[[@LINE-27]]:24: note: user identity 'CivetServer::getHeader(conn, "Authorization")' is available here (model civetweb, civetweb.yaml:14)
      // CHECK: civetweb.cpp:[[@LINE-4]]:7: note: 'mg_response_header_add' sets the response's 'Cache-Control' header (model civetweb, civetweb.yaml:26)
      mg_response_header_send(conn);
      mg_write(conn, html.data(), html.size());
      return true;
    }

    // Silent: cached under the user, sent privately.
    if (std::strcmp(info->local_uri, "/me/album") == 0) {
      std::string key = presented + "#" + album;
      auto hit = by_user_.find(key);
      std::string html = hit != by_user_.end() ? hit->second : RenderAlbum(presented, album);
      by_user_[key] = html;
      mg_response_header_start(conn, 200);
      mg_response_header_add(conn, "Cache-Control", "private, max-age=300", -1);
      mg_response_header_send(conn);
      mg_write(conn, html.data(), html.size());
      return true;
    }

    // Silent: the gallery is the same for everyone.
    std::string page;
    CivetServer::getParam(conn, "page", page);
    auto hit = gallery_.find(page);
    std::string html = hit != gallery_.end() ? hit->second : RenderGallery(page);
    gallery_[page] = html;
    mg_response_header_start(conn, 200);
    mg_response_header_add(conn, "Cache-Control", "public, max-age=3600", -1);
    mg_response_header_send(conn);
    mg_write(conn, html.data(), html.size());
    return true;
  }

private:
  std::mutex mu_;
  std::map<std::string, std::string> pages_;
  std::map<std::string, std::string> by_user_;
  std::map<std::string, std::string> gallery_;
  std::string viewer_;
};

int main() {
  const char *options[] = {"listening_ports", "8080", nullptr};
  CivetServer server(options);
  AlbumHandler albums;
  server.addHandler("/", albums);
  std::this_thread::sleep_for(std::chrono::hours(24));
}
