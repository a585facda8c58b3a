#include "minihttp/request.h"

#include <cctype>
#include <utility>

namespace minihttp {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Trim(const std::string& s) {
  const auto begin = s.find_first_not_of(' ');
  if (begin == std::string::npos) return "";
  return s.substr(begin, s.find_last_not_of(' ') - begin + 1);
}

// Finds `name` in a "k1=v1<sep>k2=v2" list.
std::string FindPair(const std::string& list, const std::string& name, char sep) {
  std::size_t pos = 0;
  while (pos <= list.size()) {
    std::size_t end = list.find(sep, pos);
    if (end == std::string::npos) end = list.size();
    const std::string item = Trim(list.substr(pos, end - pos));
    const std::size_t eq = item.find('=');
    if (eq != std::string::npos && item.compare(0, eq, name) == 0 && eq == name.size())
      return item.substr(eq + 1);
    pos = end + 1;
  }
  return "";
}

}  // namespace

Request::Request(std::string method, std::string target,
                 std::map<std::string, std::string> headers, std::string body,
                 std::uint64_t connection_id)
    : method_(std::move(method)), body_(std::move(body)), connection_id_(connection_id) {
  const std::size_t q = target.find('?');
  path_ = target.substr(0, q);
  if (q != std::string::npos) query_ = target.substr(q + 1);
  for (auto& [name, value] : headers) headers_[Lower(name)] = value;
}

std::string Request::query_param(const std::string& name) const {
  return FindPair(query_, name, '&');
}

std::string Request::header(const std::string& name) const {
  auto it = headers_.find(Lower(name));
  return it == headers_.end() ? "" : it->second;
}

std::string Request::cookie(const std::string& name) const {
  return FindPair(header("Cookie"), name, ';');
}

}  // namespace minihttp
