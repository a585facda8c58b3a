// REQUIRES: microhttpd
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// A timesheet service on GNU libmicrohttpd, compiled against the real
// <microhttpd.h>. The application object is the daemon's dh_cls: one for
// the whole server. Leaks: timesheets cached by week while the caller's
// basic-auth name is at hand, the caller kept in the application object,
// and a public response made of the caller's timesheet. Silent: the cache
// keyed by the caller, a private response, and public holidays cached
// under their year.
#include <microhttpd.h>

#include <cstring>
#include <map>
#include <mutex>
#include <string>

std::string RenderTimesheet(const std::string &user, const std::string &week);
std::string RenderHolidays(const std::string &year);

struct Timesheets {
  std::mutex mu;
  std::map<std::string, std::string> sheets;
  std::map<std::string, std::string> sheets_by_user;
  std::map<std::string, std::string> holidays;
  std::string last_login;
};

static enum MHD_Result Answer(void *cls, struct MHD_Connection *conn, const char *url,
                              const char *method, const char *version,
                              const char *upload_data, size_t *upload_data_size,
                              void **req_cls) {
  auto *app = static_cast<Timesheets *>(cls);
  char *password = nullptr;
  char *raw = MHD_basic_auth_get_username_password(conn, &password);
  if (!raw)
    return MHD_NO;
  const std::string basic_name = raw;
  MHD_free(raw);
  MHD_free(password);
  const char *week_arg = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "week");
  const std::string week = week_arg ? week_arg : "";
  std::lock_guard<std::mutex> lock(app->mu);

  std::string body;
  if (std::strcmp(url, "/timesheet") == 0) {
    auto hit = app->sheets.find(week);
    // CHECK: libmicrohttpd.cpp:[[@LINE-1]]:16: warning: cache 'sheets' is keyed by 'week', which does not identify the user [crossuser-cache-key]
    // CHECK: libmicrohttpd.cpp:[[@LINE-7]]:21: note: key 'week' is built here
    // CHECK: libmicrohttpd.cpp:[[@LINE-15]]:15: note: user identity 'MHD_basic_auth_get_username_password(conn, &password)' is available here (model libmicrohttpd, libmicrohttpd.yaml:11)
    // CHECK: libmicrohttpd.cpp:[[@LINE+2]]:25: note: per-user data 'body' is stored in 'sheets' here
    body = hit != app->sheets.end() ? hit->second : RenderTimesheet(basic_name, week);
    app->sheets[week] = body;
    // CHECK: libmicrohttpd.cpp:[[@LINE-1]]:5: warning: cache 'sheets' is keyed by 'week', which does not identify the user [crossuser-cache-key]
    // CHECK: libmicrohttpd.cpp:[[@LINE-13]]:21: note: key 'week' is built here
    // CHECK: libmicrohttpd.cpp:[[@LINE-21]]:15: note: user identity 'MHD_basic_auth_get_username_password(conn, &password)' is available here (model libmicrohttpd, libmicrohttpd.yaml:11)
    // CHECK: libmicrohttpd.cpp:[[@LINE-4]]:25: note: per-user data 'body' is stored in 'sheets' here
    app->last_login = basic_name;
    // CHECK: libmicrohttpd.cpp:[[@LINE-1]]:5: warning: per-user data 'basic_name' is written to 'app->last_login', which is shared between requests [crossuser-shared-state]
    // CHECK: libmicrohttpd.cpp:[[@LINE-25]]:15: note: per-user data comes from 'MHD_basic_auth_get_username_password(conn, &password)' (model libmicrohttpd, libmicrohttpd.yaml:11)
    // CHECK: libmicrohttpd.cpp:[[@LINE-35]]:15: note: 'last_login' is shared between requests: a member of 'Timesheets', registered to serve requests (model libmicrohttpd, libmicrohttpd.yaml:6)
    // CHECK: libmicrohttpd.cpp:[[@LINE+43]]:31: note: 'Timesheets' is registered here; one instance serves every request (model libmicrohttpd, libmicrohttpd.yaml:6)
    struct MHD_Response *resp = MHD_create_response_from_buffer(
        body.size(), const_cast<char *>(body.data()), MHD_RESPMEM_MUST_COPY);
    MHD_add_response_header(resp, "Cache-Control", "public, max-age=600");
    // CHECK: libmicrohttpd.cpp:[[@LINE-1]]:5: warning: response is made storable by shared caches ('Cache-Control: public, max-age=600') but carries per-user data [crossuser-cacheable-response]
    // CHECK: libmicrohttpd.cpp:[[@LINE-4]]:33: note: per-user data 'MHD_create_response_from_buffer( body.size(), const_cast<...' enters the response here
    // CHECK: libmicrohttpd.cpp:[[@LINE-33]]:15: note: user identity 'MHD_basic_auth_get_username_password(conn, &password)' is available here (model libmicrohttpd, libmicrohttpd.yaml:11)
    // CHECK: libmicrohttpd.cpp:[[@LINE-4]]:5: note: 'MHD_add_response_header' sets the response's 'Cache-Control' header (model libmicrohttpd, libmicrohttpd.yaml:15)
    enum MHD_Result ret = MHD_queue_response(conn, MHD_HTTP_OK, resp);
    MHD_destroy_response(resp);
    return ret;
  }

  // Silent: cached under the caller's login, sent privately.
  if (std::strcmp(url, "/me/timesheet") == 0) {
    const std::string key = basic_name + "@" + week;
    auto hit = app->sheets_by_user.find(key);
    body = hit != app->sheets_by_user.end() ? hit->second : RenderTimesheet(basic_name, week);
    app->sheets_by_user[key] = body;
    struct MHD_Response *resp = MHD_create_response_from_buffer(
        body.size(), const_cast<char *>(body.data()), MHD_RESPMEM_MUST_COPY);
    MHD_add_response_header(resp, "Cache-Control", "private, max-age=600");
    enum MHD_Result ret = MHD_queue_response(conn, MHD_HTTP_OK, resp);
    MHD_destroy_response(resp);
    return ret;
  }

  // Silent: holidays are the same for everyone.
  const char *year_arg = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "year");
  const std::string year = year_arg ? year_arg : "";
  auto hit = app->holidays.find(year);
  body = hit != app->holidays.end() ? hit->second : RenderHolidays(year);
  app->holidays[year] = body;
  struct MHD_Response *resp = MHD_create_response_from_buffer(
      body.size(), const_cast<char *>(body.data()), MHD_RESPMEM_MUST_COPY);
  MHD_add_response_header(resp, "Cache-Control", "public, max-age=86400");
  enum MHD_Result ret = MHD_queue_response(conn, MHD_HTTP_OK, resp);
  MHD_destroy_response(resp);
  return ret;
}

int main() {
  Timesheets app;
  struct MHD_Daemon *daemon = MHD_start_daemon(
      MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION, 8080, nullptr,
      nullptr, &Answer, &app, MHD_OPTION_END);
  if (!daemon)
    return 1;
  MHD_stop_daemon(daemon);
}
