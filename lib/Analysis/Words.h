/// Splits identifiers into lower-case words and matches them against word lists.
#ifndef CROSSUSER_ANALYSIS_WORDS_H
#define CROSSUSER_ANALYSIS_WORDS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringSet.h"
#include <string>
#include <vector>

namespace crossuser {

/// Splits \p Name on `_`, `-`, `:`, digits/letters and camelCase humps, and
/// lower-cases each word: `getUserID` -> get, user, id; `HTTPServer` -> http,
/// server. Matching whole words is what keeps `subscription` from meaning
/// `sub` and `resume` from meaning `user`.
std::vector<std::string> splitWords(llvm::StringRef Name);

/// True if one of \p Name's words is \p Word or its plural
/// (`getCookies`, `cookie_value` for "cookie").
bool hasWordOrPlural(llvm::StringRef Name, llvm::StringRef Word);

/// A set of lower-case words, built from a `;`-separated option value.
class WordSet {
public:
  WordSet() = default;
  explicit WordSet(llvm::StringRef List);
  /// True if any word of \p Name is in the set.
  bool matchesAnyWord(llvm::StringRef Name) const;
  /// True if the whole \p Text (case-insensitively) is in the set.
  bool containsExact(llvm::StringRef Text) const;
  bool empty() const { return Words.empty(); }
  /// True if \p Pred holds for one of the words (as stored: lower case).
  bool any(llvm::function_ref<bool(llvm::StringRef)> Pred) const {
    for (const auto &E : Words)
      if (Pred(E.getKey()))
        return true;
    return false;
  }

private:
  llvm::StringSet<> Words;
};

/// Splits a `;`-separated option value, trimming blanks, dropping empties.
std::vector<std::string> splitList(llvm::StringRef List);

} // namespace crossuser

#endif
