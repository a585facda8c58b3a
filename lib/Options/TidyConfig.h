/// Resolves the configuration of a source file through clang-tidy's own FileOptionsProvider, so that crossuser-check and the compiler plugin read `.clang-tidy` files exactly as clang-tidy does.
#ifndef CROSSUSER_OPTIONS_TIDYCONFIG_H
#define CROSSUSER_OPTIONS_TIDYCONFIG_H

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace crossuser {

/// The keys of the merged configuration that crossuser's front ends use.
struct ResolvedConfig {
  /// The configuration file nearest to the source (the last one read), or
  /// empty when none applies; messages name it.
  std::string Path;
  /// `Checks`, merged along `InheritParentConfig` (parent's first), or
  /// empty.
  std::string Checks;
  /// `CheckOptions`: a child's value overrides its parent's; relative
  /// `ModelFiles` and `SummaryDirectory` are resolved against the
  /// directory of the file that sets them.
  llvm::StringMap<std::string> Options;
  /// `HeaderFilterRegex`, when some file sets it.
  std::optional<std::string> HeaderFilterRegex;
  /// `WarningsAsErrors` globs, merged like Checks.
  std::string WarningsAsErrors;
  /// `ExtraArgs` and `ExtraArgsBefore`, parent's first.
  std::vector<std::string> ExtraArgs;
  std::vector<std::string> ExtraArgsBefore;
  /// One warning per unknown option name in the files read,
  /// "'FILE': unknown option 'K'; did you mean 'S'?".
  std::vector<std::string> Warnings;
};

/// Finds and merges configuration files as clang-tidy does, with crossuser's
/// checks of each file in front of clang-tidy's parser. Every file is read
/// once per lookup object.
class ConfigLookup {
public:
  /// \p ExplicitFile (`--config-file`, `-fplugin-arg-crossuser-config=`)
  /// replaces the search, as clang-tidy's `--config-file`; with
  /// `InheritParentConfig: true` it still merges with the files found.
  explicit ConfigLookup(std::string ExplicitFile = "");
  ~ConfigLookup();

  /// The configuration of source file \p File. An error names the file
  /// and the problem: malformed YAML, a key clang-tidy does not know, a
  /// value crossuser rejects.
  llvm::Expected<ResolvedConfig> forFile(llvm::StringRef File);

private:
  struct Impl;
  std::unique_ptr<Impl> P;
};

} // namespace crossuser

#endif
