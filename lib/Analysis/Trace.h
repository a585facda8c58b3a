/// Why the engine dropped a candidate, printed when CROSSUSER_TRACE is set: for developers tuning the engine and for users asking why a case is silent.
#ifndef CROSSUSER_ANALYSIS_TRACE_H
#define CROSSUSER_ANALYSIS_TRACE_H

#include "clang/Basic/SourceManager.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

namespace crossuser {

inline bool tracing() {
  static const bool On = llvm::sys::Process::GetEnv("CROSSUSER_TRACE").has_value();
  return On;
}

/// "file:line: crossuser trace: <check>: <why>" on stderr.
inline void trace(const clang::SourceManager &SM, clang::SourceLocation Loc,
                  llvm::StringRef Check, const llvm::Twine &Why) {
  if (!tracing())
    return;
  clang::PresumedLoc PL = SM.getPresumedLoc(SM.getFileLoc(Loc));
  llvm::errs() << (PL.isValid() ? PL.getFilename() : "?") << ":"
               << (PL.isValid() ? PL.getLine() : 0) << ": crossuser trace: "
               << Check << ": " << Why << "\n";
}

} // namespace crossuser

#endif
