/// List option values that extend the default (`+word;word`) instead of replacing it, expanded alike for every front end before the engine reads them.
#ifndef CROSSUSER_OPTIONS_LISTVALUE_H
#define CROSSUSER_OPTIONS_LISTVALUE_H

#include "Analysis/Config.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace crossuser {

/// \p Value of list option \p Name with a leading `+` replaced by the
/// option's default list: `+Visit;Member` for IdentityTypes is the default
/// types plus Visit and Member. Other values, and options that are not
/// lists (ThreadLocalIsShared, SummaryDirectory), are returned as they are.
/// Header-only: the clang-tidy module links no crossuser library but the
/// engine.
inline std::string expandListValue(llvm::StringRef Name, llvm::StringRef Value) {
  llvm::StringRef V = Value.ltrim();
  if (!V.startswith("+") || Name == "ThreadLocalIsShared" ||
      Name == "SummaryDirectory")
    return Value.str();
  for (const OptionSpec &S : optionSpecs()) {
    if (Name != S.Name)
      continue;
    llvm::StringRef Default(S.Default), Added = V.drop_front().trim();
    if (Default.empty() || Default == "none")
      return Added.str();
    if (Added.empty())
      return Default.str();
    return (Default + ";" + Added).str();
  }
  return Value.str();
}

} // namespace crossuser

#endif
