#include "minihttp/response.h"

namespace minihttp {

void Response::set_header(const std::string& name, const std::string& value) {
  for (auto& [existing, old_value] : headers_) {
    if (existing == name) {
      old_value = value;
      return;
    }
  }
  headers_.emplace_back(name, value);
}

std::string Response::header(const std::string& name) const {
  for (const auto& [existing, value] : headers_)
    if (existing == name) return value;
  return "";
}

}  // namespace minihttp
