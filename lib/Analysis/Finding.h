/// A finding of one check: the primary location, the message and the evidence notes.
#ifndef CROSSUSER_ANALYSIS_FINDING_H
#define CROSSUSER_ANALYSIS_FINDING_H

#include "Analysis/Evidence.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceLocation.h"
#include "clang/Basic/SourceManager.h"
#include <algorithm>
#include <string>
#include <vector>

namespace crossuser {

struct FindingNote {
  clang::SourceLocation Loc;
  std::string Message;
  /// The kind of evidence this note shows; the finding rests on the
  /// weakest of its notes.
  EvidenceKind Kind = EvidenceKind::Structure;
};

struct Finding {
  /// The check's public name, e.g. "crossuser-cache-key".
  std::string Check;
  clang::SourceLocation Loc;
  /// The expression or statement the finding is about (the call, the
  /// write): the extent reports highlight. May be invalid.
  clang::SourceRange Range;
  std::string Message;
  /// The evidence a reviewer needs: where the key was built, where the
  /// identity was available, where per-user data entered the cache.
  std::vector<FindingNote> Notes;
  /// Mechanical, safe replacements that remove the finding (never at a
  /// macro location); front ends attach them to the warning.
  std::vector<clang::FixItHint> Fixes;
  /// The weakest evidence the finding rests on (set from its notes when
  /// the check runs: CheckInfo::Run).
  EvidenceKind Evidence = EvidenceKind::Structure;
};

/// Puts a check's findings in source order (stable for equal locations).
inline void sortBySource(std::vector<Finding> &Findings,
                         const clang::SourceManager &SM) {
  std::stable_sort(Findings.begin(), Findings.end(),
                   [&](const Finding &A, const Finding &B) {
                     return SM.isBeforeInTranslationUnit(A.Loc, B.Loc);
                   });
}

} // namespace crossuser

#endif
