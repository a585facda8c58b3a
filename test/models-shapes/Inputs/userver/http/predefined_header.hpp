// A minimal shape of userver's predefined header names (see
// userver/server/handlers/http_handler_base.hpp in this tree). Not
// userver's code.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace userver {
namespace http::headers {

/// A header name known at compile time (`http::headers::kCacheControl`).
class PredefinedHeader final {
public:
  explicit constexpr PredefinedHeader(std::string_view name) : name{name} {}
  constexpr operator std::string_view() const { return name; }
  explicit operator std::string() const { return std::string{name}; }

private:
  const std::string_view name;
};

} // namespace http::headers
} // namespace userver
