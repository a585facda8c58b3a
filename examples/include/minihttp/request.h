#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace minihttp {

// One HTTP request as seen by a Handler. Header names are case-insensitive.
class Request {
 public:
  Request(std::string method, std::string target,
          std::map<std::string, std::string> headers = {},
          std::string body = {}, std::uint64_t connection_id = 0);

  const std::string& method() const { return method_; }
  const std::string& path() const { return path_; }
  // Raw query string without the leading '?', e.g. "status=shipped&page=2".
  const std::string& query() const { return query_; }
  // Value of one query parameter, "" when absent. No percent-decoding.
  std::string query_param(const std::string& name) const;
  // Header value, "" when absent.
  std::string header(const std::string& name) const;
  // Value of one cookie from the Cookie header, "" when absent.
  std::string cookie(const std::string& name) const;
  const std::string& body() const { return body_; }
  // The client connection the request arrived on (stable across keep-alive).
  std::uint64_t connection_id() const { return connection_id_; }

 private:
  std::string method_;
  std::string path_;
  std::string query_;
  std::string body_;
  std::map<std::string, std::string> headers_;  // lower-cased names
  std::uint64_t connection_id_;
};

}  // namespace minihttp
