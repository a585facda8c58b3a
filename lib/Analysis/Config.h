/// The engine's configuration: every word and name list it uses, with defaults.
#ifndef CROSSUSER_ANALYSIS_CONFIG_H
#define CROSSUSER_ANALYSIS_CONFIG_H

#include "Analysis/Evidence.h"
#include "Analysis/Words.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Error.h"
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace crossuser {

class SummaryIndex;
class Models;

/// The shipped models plus the files of a `ModelFiles` value (`;`
/// separated), loaded once per process per value; or the first file's
/// error ("FILE:LINE: reason").
llvm::Expected<std::shared_ptr<const Models>>
loadModels(llvm::StringRef FileList);

/// One configurable option: its CheckOptions name, default and meaning.
struct OptionSpec {
  const char *Name;
  const char *Default;
  const char *Help;
  /// Null for a model option: it decides what every check shares (who
  /// the user is, what is per-user, what is a cache, what lives long),
  /// so it is set once, globally (`IdentityNames`), never per check.
  /// Else a rule option, read by the rule of the check named here ("*":
  /// of every check), which each check may set for itself
  /// (`crossuser-cacheable-response.HeaderSetters`).
  const char *Rule = nullptr;
  bool appliesTo(llvm::StringRef Check) const {
    return Rule && (llvm::StringRef(Rule) == "*" || Check == Rule);
  }
};

/// Every option the engine reads, in documentation order.
llvm::ArrayRef<OptionSpec> optionSpecs();

/// The option called \p Name, or null.
const OptionSpec *findOption(llvm::StringRef Name);

/// \p Name is a model option (see OptionSpec::Rule).
inline bool isModelOption(llvm::StringRef Name) {
  const OptionSpec *S = findOption(Name);
  return S && !S->Rule;
}

/// The message for a model option given under a check's name (\p Key is
/// `crossuser-cache-key.IdentityNames`), or nothing for any other key.
std::optional<std::string> localModelOptionMessage(llvm::StringRef Key);

/// `true`/`false` (also 1/0, yes/no, on/off), or nothing.
std::optional<bool> parseBool(llvm::StringRef Value);

/// Why \p Value is not a valid value of option \p Name, or nothing. List
/// options take any text; boolean options must be true or false.
/// \p Value of option \p Key as the .clang-tidy at \p ConfigPath means
/// it: each relative `ModelFiles` entry and a relative `SummaryDirectory`
/// made absolute against that file's directory; other options unchanged.
/// \p Key may carry a check prefix (`crossuser-cache-key.ModelFiles`).
std::string resolveConfigPaths(llvm::StringRef ConfigPath, llvm::StringRef Key,
                               llvm::StringRef Value);

std::optional<std::string> validateOption(llvm::StringRef Name,
                                          llvm::StringRef Value);

/// The engine's lists, parsed once from option values.
struct Config {
  WordSet IdentityNames;
  WordSet IdentityTypes;
  WordSet NonIdentityTypes;
  WordSet IdentifyingMembers;
  WordSet IdentityHeaders; // exact, case-insensitive
  WordSet PerUserTypes;
  WordSet CacheTypes;
  WordSet AssociativeContainers; // exact class names
  WordSet RemoteCacheTypes;
  WordSet HandlerBases;
  WordSet PerRequestTypes;
  llvm::StringSet<> LookupMethods;
  llvm::StringSet<> InsertMethods;
  llvm::StringSet<> RedisCommandFunctions;
  llvm::StringSet<> MemcachedFunctions;
  /// Upper case.
  llvm::StringSet<> RedisLookupCommands;
  llvm::StringSet<> RedisInsertCommands;
  bool ThreadLocalIsShared = true;
  llvm::StringSet<> WriteMethods;
  WordSet SetupMethods;
  WordSet NonUserStorageNames;
  WordSet RegistrationFunctions;
  llvm::StringSet<> HeaderSetters;
  llvm::StringSet<> CacheHelpers;
  /// The weakest evidence a reported finding may rest on.
  EvidenceKind MinimumEvidence = EvidenceKind::IdentityName;
  /// The year a literal `Expires` date is compared with
  /// (`SOURCE_DATE_EPOCH`, else the configuration's creation).
  int ReferenceYear = 0;
  /// The library models: shipped rows and those of ModelFiles.
  std::shared_ptr<const Models> Library;
  /// Whole-program summaries to read (the clang-tidy module loads them).
  std::string SummaryDirectory;
  /// Every model option's value but SummaryDirectory, "Name=Value" lines:
  /// what the shared analysis (TUContext) and summaries depend on.
  std::string OptionsText;
  /// Summaries of functions defined in other translation units; null in
  /// per-TU mode. Set by the front end.
  std::shared_ptr<const SummaryIndex> Summaries;

  /// Builds a configuration; \p Get returns the configured value of an
  /// option, or nothing to take its default.
  static Config
  fromOptions(const std::function<std::optional<std::string>(llvm::StringRef)>
                  &Get);
  /// The configuration with every option at its default.
  static Config defaults();
};

} // namespace crossuser

#endif
