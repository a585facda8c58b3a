#include "Options/CheckSelection.h"
#include "Options/ListValue.h"
#include "Analysis/Suppression.h"
#include "llvm/ADT/SmallVector.h"

namespace crossuser {

bool checkEnabled(llvm::StringRef Globs, llvm::StringRef Check) {
  bool On = false;
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Globs.split(Parts, ',', -1, false);
  for (llvm::StringRef G : Parts) {
    G = G.trim();
    bool Neg = G.consume_front("-");
    if (globMatches(G, Check))
      On = !Neg;
  }
  return On;
}

std::optional<std::string> unknownCheck(llvm::StringRef Globs) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Globs.split(Parts, ',', -1, false);
  for (llvm::StringRef G : Parts) {
    G = G.trim();
    G.consume_front("-");
    if (!G.startswith("crossuser-") || G.contains('*'))
      continue;
    if (!findCheck(G))
      return G.str();
  }
  return std::nullopt;
}

std::string knownCheckList() {
  std::string Out;
  for (const CheckInfo &C : allChecks())
    Out += (Out.empty() ? "" : ", ") + C.Name.str();
  return Out;
}

bool enablesNoCheck(llvm::StringRef Globs) {
  for (const CheckInfo &C : allChecks())
    if (checkEnabled(Globs, C.Name))
      return false;
  return true;
}

bool listsOtherChecks(llvm::StringRef Globs) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Globs.split(Parts, ',', -1, false);
  for (llvm::StringRef G : Parts) {
    G = G.trim();
    // `crossuser` or `crossuser-cache-kee*` are meant for crossuser.
    if (!G.empty() && !G.startswith("-") && !G.startswith("crossuser"))
      return true;
  }
  return false;
}

std::string noChecksMessage(llvm::StringRef Origin) {
  return ("no checks enabled: " + Origin + " enables none of crossuser's checks (" +
          knownCheckList() + ")")
      .str();
}

std::string otherChecksOnlyMessage(llvm::StringRef Path, llvm::StringRef Globs) {
  return ("'" + Path + "' disables every crossuser check: its Checks '" + Globs +
          "' enable only other tools' checks")
      .str();
}

/// The name in \p Known closest to \p Key, with its distance: fewer than
/// \p Limit edits, ignoring case.
static std::pair<std::string, unsigned>
closestName(llvm::StringRef Key, const std::vector<std::string> &Known,
            unsigned Limit) {
  std::pair<std::string, unsigned> Best{"", Limit};
  for (const std::string &K : Known) {
    unsigned D = Key.edit_distance_insensitive(K, /*AllowReplacements=*/true,
                                               Best.second);
    if (D < Best.second)
      Best = {K, D};
  }
  return Best;
}

std::optional<std::string> unknownOptionMessage(llvm::StringRef Key) {
  // Each known key, and the key to suggest for it: a model option's
  // global key (`crossuser-cache-key.IdentityNamez`: `IdentityNames`).
  std::vector<std::string> Known, Suggest;
  bool Local = Key.startswith("crossuser-");
  if (Local) {
    auto [Check, Name] = Key.split('.');
    // Known. (A model option under a check's name is an error of its
    // own: localModelOptionMessage.)
    const OptionSpec *Spec = findOption(Name);
    if (findCheck(Check) && Spec && (!Spec->Rule || Spec->appliesTo(Check)))
      return std::nullopt;
    // Another check's rule option: that check's key.
    if (Spec && Spec->Rule && llvm::StringRef(Spec->Rule) != "*")
      return "unknown option '" + Key.str() + "'; did you mean '" +
             Spec->Rule + "." + Name.str() + "'?";
    for (const CheckInfo &C : allChecks())
      for (const OptionSpec &S : optionSpecs()) {
        if (S.Rule && !S.appliesTo(C.Name))
          continue;
        Known.push_back((C.Name + "." + S.Name).str());
        Suggest.push_back(S.Rule ? Known.back() : std::string(S.Name));
      }
  } else {
    if (Key.contains('.'))
      return std::nullopt; // another tool's check
    for (const OptionSpec &S : optionSpecs()) {
      if (Key == S.Name)
        return std::nullopt;
      Known.push_back(S.Name);
      Suggest.push_back(S.Name);
    }
  }
  // As clang-tidy --verify-config: fewer than 5 edits.
  auto [Closest, Distance] = closestName(Key, Known, 5);
  // A global key far from every crossuser option is some other check's.
  if (!Local && (Closest.empty() || Distance > 2))
    return std::nullopt;
  std::string Msg = "unknown option '" + Key.str() + "'";
  if (!Closest.empty())
    Msg += "; did you mean '" +
           Suggest[llvm::find(Known, Closest) - Known.begin()] + "'?";
  return Msg;
}

std::optional<std::string>
configuredValue(const llvm::StringMap<std::string> &Options,
                llvm::StringRef Check, llvm::StringRef Name) {
  // A model option is global: the configuration files reject it under a
  // check's name (localModelOptionMessage).
  auto Local = isModelOption(Name) ? Options.end()
                                   : Options.find((Check + "." + Name).str());
  if (Local != Options.end())
    return Local->second;
  auto Global = Options.find(Name);
  if (Global != Options.end())
    return Global->second;
  return std::nullopt;
}

std::vector<std::pair<const CheckInfo *, Config>>
enabledChecks(llvm::StringRef Globs,
              const llvm::StringMap<std::string> &Options) {
  std::vector<std::pair<const CheckInfo *, Config>> Out;
  for (const CheckInfo &C : allChecks())
    if (checkEnabled(Globs, C.Name))
      Out.emplace_back(&C, Config::fromOptions(
                               [&](llvm::StringRef Name) -> std::optional<std::string> {
                                 std::optional<std::string> V =
                                     configuredValue(Options, C.Name, Name);
                                 if (V)
                                   return expandListValue(Name, *V);
                                 return V;
                               }));
  return Out;
}

} // namespace crossuser
