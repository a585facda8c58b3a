/// Analyses one translation unit with crossuser's checks, independently of every other, so that translation units can run on many threads.
#ifndef CROSSUSER_TOOL_ANALYZE_H
#define CROSSUSER_TOOL_ANALYZE_H

#include "Analysis/Checks.h"
#include "Report.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <string>
#include <vector>

namespace crossuser {

/// What a file is analysed with: the enabled checks, each with its
/// configuration (options may differ per check, as in clang-tidy).
struct FileConfig {
  std::string Checks;
  std::vector<std::pair<const CheckInfo *, Config>> Enabled;
};

/// One translation unit to analyse: everything is resolved beforehand on
/// the main thread, so a worker touches no shared state.
struct TUJob {
  /// Absolute, normalised.
  std::string File;
  /// As the user or the compilation database named it, for messages.
  std::string DisplayName;
  std::vector<clang::tooling::CompileCommand> Commands;
  const FileConfig *Config = nullptr;
};

/// The result of analysing one translation unit.
struct TUResult {
  /// Findings with paths still absolute, `Function` and `BaseFingerprint`
  /// set.
  std::vector<ReportFinding> Findings;
  bool Failed = false;
  /// The compiler's diagnostics, printed after the run in file order.
  std::string Diagnostics;
};

/// Runs the checks of \p Job.Config over \p Job.File. Findings in headers
/// are kept when the header's name matches \p HeaderFilter (clang-tidy's
/// --header-filter; empty: main file only) and it is not a system header.
TUResult analyzeTU(const TUJob &Job, llvm::StringRef HeaderFilter);

} // namespace crossuser

#endif
