/// Reads crossuser's options from a `.clang-tidy` file, so every front end shares one configuration.
#ifndef CROSSUSER_OPTIONS_CONFIGFILE_H
#define CROSSUSER_OPTIONS_CONFIGFILE_H

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <string>

namespace crossuser {

/// The parts of a `.clang-tidy` file crossuser uses.
struct ConfigFile {
  std::string Path;
  /// `Checks:` as written, or empty.
  std::string Checks;
  /// `CheckOptions:`, both the list form (`- key: ... value: ...`) and the
  /// map form (`key: value`).
  llvm::StringMap<std::string> Options;
};

/// Parses \p Path. Malformed YAML, a `crossuser-` key without a check
/// prefix or a value of the wrong kind is an error naming the file and the
/// problem; unknown option names are left to unknownOptionMessage.
llvm::Expected<ConfigFile> readConfigFile(llvm::StringRef Path);

/// Parses the text of a .clang-tidy file; \p Path only names it in errors.
/// The configuration is untrusted input (test/fuzz/ConfigFileFuzzer.cpp).
llvm::Expected<ConfigFile> parseConfigFile(llvm::StringRef Text,
                                           llvm::StringRef Path);

/// The nearest `.clang-tidy` in \p Dir or its parents, as clang-tidy looks
/// it up; empty when there is none.
std::string findConfigFile(llvm::StringRef Dir);

} // namespace crossuser

#endif
