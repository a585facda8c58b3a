#pragma once

#include <string>
#include <utility>
#include <vector>

namespace minihttp {

// The response a Handler fills in. Copyable, so it can be stored and replayed.
struct Response {
  int status = 200;
  std::string body;

  // Sets a header, replacing an earlier value with the same name.
  void set_header(const std::string& name, const std::string& value);
  // Header value, "" when not set.
  std::string header(const std::string& name) const;
  const std::vector<std::pair<std::string, std::string>>& headers() const {
    return headers_;
  }

 private:
  std::vector<std::pair<std::string, std::string>> headers_;
};

}  // namespace minihttp
