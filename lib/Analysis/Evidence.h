/// The kinds of evidence a finding can rest on, from an annotation down to identifier words, and the MinimumEvidence option's values.
#ifndef CROSSUSER_ANALYSIS_EVIDENCE_H
#define CROSSUSER_ANALYSIS_EVIDENCE_H

#include "llvm/ADT/StringRef.h"
#include <optional>

namespace crossuser {

/// What kind of evidence decided a fact, strongest first: an annotation in
/// the code, the program's structure (storage duration, ownership,
/// registration, data flow), a library model row, or identifier words. An
/// identity judged by its words (`user_id`) is the one use of words the
/// default MinimumEvidence accepts.
enum class EvidenceKind : unsigned char {
  Annotation,
  Structure,
  Model,
  IdentityName,
  Name,
};

/// The weaker of \p A and \p B.
inline EvidenceKind weakest(EvidenceKind A, EvidenceKind B) {
  return A < B ? B : A;
}

/// "annotation", "structure", "model", "name" (both kinds of words): the
/// value of the `evidence` property in reports.
inline const char *evidenceName(EvidenceKind K) {
  switch (K) {
  case EvidenceKind::Annotation:
    return "annotation";
  case EvidenceKind::Structure:
    return "structure";
  case EvidenceKind::Model:
    return "model";
  case EvidenceKind::IdentityName:
  case EvidenceKind::Name:
    return "name";
  }
  return "name";
}

/// The MinimumEvidence value \p V names: annotation, structure, model,
/// identity-name (words only for identity) or name; nothing otherwise.
inline std::optional<EvidenceKind> parseMinimumEvidence(llvm::StringRef V) {
  V = V.trim();
  if (V == "annotation")
    return EvidenceKind::Annotation;
  if (V == "structure")
    return EvidenceKind::Structure;
  if (V == "model")
    return EvidenceKind::Model;
  if (V == "identity-name")
    return EvidenceKind::IdentityName;
  if (V == "name")
    return EvidenceKind::Name;
  return std::nullopt;
}

} // namespace crossuser

#endif
