/// A finding of one check: the primary location, the message and the evidence notes.
#ifndef CROSSUSER_ANALYSIS_FINDING_H
#define CROSSUSER_ANALYSIS_FINDING_H

#include "clang/Basic/SourceLocation.h"
#include <string>
#include <vector>

namespace crossuser {

struct FindingNote {
  clang::SourceLocation Loc;
  std::string Message;
};

struct Finding {
  /// The check's public name, e.g. "crossuser-cache-key".
  std::string Check;
  clang::SourceLocation Loc;
  std::string Message;
  /// The evidence a reviewer needs: where the key was built, where the
  /// identity was available, where per-user data entered the cache.
  std::vector<FindingNote> Notes;
};

} // namespace crossuser

#endif
