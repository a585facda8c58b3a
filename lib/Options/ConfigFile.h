/// Checks crossuser's options in the text of one `.clang-tidy` file, before clang-tidy's parser reads the rest (TidyConfig.h).
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

/// Parses the text of a .clang-tidy file at \p Path, which names it in
/// errors and whose directory relative paths are resolved against.
/// Malformed YAML, a `crossuser-` key without a check prefix or a value of
/// the wrong kind is an error naming the file and the problem; unknown
/// option names are left to unknownOptionMessage. The configuration is
/// untrusted input (test/fuzz/ConfigFileFuzzer.cpp).
llvm::Expected<ConfigFile> parseConfigFile(llvm::StringRef Text,
                                           llvm::StringRef Path);

} // namespace crossuser

#endif
