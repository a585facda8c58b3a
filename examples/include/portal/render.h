#pragma once

#include <string>
#include <vector>

#include "portal/models.h"

namespace portal {

std::string HtmlEscape(const std::string& text);
std::string JsonEscape(const std::string& text);
std::string FormatCents(long cents);  // 1999 -> "19.99"

// "/catalog/p-100" with prefix "/catalog/" -> "p-100"; "" if no match.
std::string PathTail(const std::string& path, const std::string& prefix);

std::string RenderProductPage(const Product& product);
std::string RenderOrderLine(const Order& order);

}  // namespace portal
