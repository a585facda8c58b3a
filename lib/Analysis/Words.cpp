#include "Analysis/Words.h"
#include "llvm/ADT/StringExtras.h"

namespace crossuser {

static bool isUpper(char C) { return C >= 'A' && C <= 'Z'; }
static bool isLower(char C) { return C >= 'a' && C <= 'z'; }

std::vector<std::string> splitWords(llvm::StringRef Name) {
  std::vector<std::string> Out;
  std::string Cur;
  auto Flush = [&] {
    if (!Cur.empty())
      Out.push_back(llvm::StringRef(Cur).lower());
    Cur.clear();
  };
  const size_t N = Name.size();
  for (size_t I = 0; I < N; ++I) {
    char C = Name[I];
    if (!llvm::isAlnum(C)) {
      Flush();
      continue;
    }
    if (!Cur.empty()) {
      char P = Cur.back();
      bool Boundary = false;
      if (llvm::isDigit(C) != llvm::isDigit(P))
        Boundary = true;
      else if (isUpper(C) && isLower(P))
        Boundary = true;
      // "HTTPServer": the 'S' starts a new word because a lower-case letter
      // follows it.
      else if (isUpper(C) && isUpper(P) && I + 1 < N &&
               isLower(Name[I + 1]))
        Boundary = true;
      if (Boundary)
        Flush();
    }
    Cur.push_back(C);
  }
  Flush();
  return Out;
}

std::vector<std::string> splitList(llvm::StringRef List) {
  llvm::SmallVector<llvm::StringRef, 16> Parts;
  List.split(Parts, ';', -1, /*KeepEmpty=*/false);
  std::vector<std::string> Out;
  for (llvm::StringRef P : Parts) {
    P = P.trim();
    if (!P.empty())
      Out.push_back(P.str());
  }
  return Out;
}

WordSet::WordSet(llvm::StringRef List) {
  for (const std::string &W : splitList(List))
    Words.insert(llvm::StringRef(W).lower());
}

bool WordSet::matchesAnyWord(llvm::StringRef Name) const {
  if (Words.empty() || Name.empty())
    return false;
  for (const std::string &W : splitWords(Name))
    if (Words.contains(W))
      return true;
  return false;
}

bool WordSet::containsExact(llvm::StringRef Text) const {
  return Words.contains(Text.lower());
}

bool hasWordOrPlural(llvm::StringRef Name, llvm::StringRef Word) {
  for (const std::string &W : splitWords(Name))
    if (W == Word || (W.size() == Word.size() + 1 &&
                      llvm::StringRef(W).startswith(Word) && W.back() == 's'))
      return true;
  return false;
}

} // namespace crossuser
