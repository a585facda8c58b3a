/// The configuration crossuser-check analyses each file with: --config-file, or the nearest .clang-tidy files, or the defaults, with the command line's checks, header filter and extra arguments on top.
#ifndef CROSSUSER_TOOL_CONFIGRESOLVER_H
#define CROSSUSER_TOOL_CONFIGRESOLVER_H

#include "Analyze.h"
#include "DriverOptions.h"
#include "ErrorSink.h"
#include "Options/TidyConfig.h"
#include "llvm/ADT/StringMap.h"
#include <map>
#include <memory>
#include <set>
#include <string>

namespace crossuser {

/// The configuration for one file: --config-file, or the nearest
/// .clang-tidy files (merged along InheritParentConfig), or the defaults,
/// found and merged by clang-tidy's own code (TidyConfig.h). Each
/// directory is resolved once.
class ConfigResolver {
public:
  ConfigResolver(const DriverOptions &Opts, ErrorSink &Errors);

  /// Returns null after reporting an error.
  const FileConfig *forFile(llvm::StringRef File);

  /// The configured (or default) text of option \p Name of \p Check for
  /// \p File, which forFile has resolved.
  std::string rawValue(llvm::StringRef File, llvm::StringRef Check,
                       llvm::StringRef Name);

private:
  /// A broken file is named once, however many directories it covers.
  void report(const std::string &Msg);

  const DriverOptions &Opts;
  ErrorSink &Errors;
  ConfigLookup Lookup;
  std::map<std::string, std::unique_ptr<FileConfig>> Cache;
  std::map<std::string, llvm::StringMap<std::string>> Raw;
  std::set<std::string> Warned, Reported;
};

} // namespace crossuser

#endif
