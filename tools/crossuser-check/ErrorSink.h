/// How crossuser-check reports its own errors: one line each on stderr, and each makes the exit status 2.
#ifndef CROSSUSER_TOOL_ERRORSINK_H
#define CROSSUSER_TOOL_ERRORSINK_H

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/raw_ostream.h"
#include <string>

namespace crossuser {

/// Tool errors go to stderr, one line each, and make the exit code 2.
struct ErrorSink {
  unsigned Count = 0;
  /// Counts without printing (files outside the run).
  bool Silent = false;
  void report(const llvm::Twine &Msg) {
    ++Count;
    if (!Silent)
      llvm::errs() << "crossuser-check: error: " << Msg << "\n";
  }
  /// An error that is a diagnostic of its own (`file:line:col: error: ...`).
  void reportDiagnostic(llvm::StringRef Line) {
    ++Count;
    llvm::errs() << Line << "\n";
  }
};

/// `1 file`, `2 files`: the counts of the driver's messages.
inline std::string plural(size_t N, llvm::StringRef One, llvm::StringRef Many) {
  return std::to_string(N) + " " + (N == 1 ? One : Many).str();
}

} // namespace crossuser

#endif
