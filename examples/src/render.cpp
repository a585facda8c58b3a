#include "portal/render.h"

#include <cstdio>

namespace portal {

std::string HtmlEscape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string JsonEscape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) continue;
    out += c;
  }
  return out;
}

std::string FormatCents(long cents) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%ld.%02ld", cents / 100, cents % 100);
  return buf;
}

std::string PathTail(const std::string& path, const std::string& prefix) {
  if (path.size() <= prefix.size() || path.compare(0, prefix.size(), prefix) != 0) return "";
  return path.substr(prefix.size());
}

std::string RenderProductPage(const Product& product) {
  return "<html><body><h1>" + HtmlEscape(product.name) + "</h1><p class=\"price\">" +
         FormatCents(product.price_cents) + "</p><p>" + HtmlEscape(product.description) +
         "</p></body></html>";
}

std::string RenderOrderLine(const Order& order) {
  return "<tr><td>" + HtmlEscape(order.order_id) + "</td><td>" + HtmlEscape(order.status) +
         "</td><td>" + FormatCents(order.total_cents) + "</td></tr>";
}

}  // namespace portal
