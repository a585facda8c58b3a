/// Whole-program summaries: what callers in other translation units need to know about a function, stored as one versioned JSON file per translation unit.
#ifndef CROSSUSER_ANALYSIS_SUMMARIES_H
#define CROSSUSER_ANALYSIS_SUMMARIES_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace crossuser {

struct Config;

/// The summary file format. Bump it whenever a field changes meaning; a
/// reader refuses every other version (docs/whole-program.md).
inline constexpr unsigned SummaryFormatVersion = 1;

/// The crossuser version that writes summaries.
const char *crossuserVersion();

/// "Parameter i is written into storage X": a store into a cache by an
/// insert wrapper, or into shared storage.
struct StoreFact {
  unsigned Param = 0;
  /// The qualified name of the cache or variable written.
  std::string Target;
  /// "cache" or "shared".
  std::string Kind;
  /// Where the write is, "file:line".
  std::string Where;
  bool operator==(const StoreFact &O) const {
    return Param == O.Param && Target == O.Target && Kind == O.Kind &&
           Where == O.Where;
  }
};

/// An out-parameter and the parameters whose values are written into it.
struct OutParamFact {
  unsigned Param = 0;
  std::vector<unsigned> From;
  bool operator==(const OutParamFact &O) const {
    return Param == O.Param && From == O.From;
  }
};

/// The function looks up or fills a cache with a key made from its own
/// parameters: for callers it is a cache operation itself.
struct CacheUseFact {
  /// The qualified name of the underlying cache.
  std::string Cache;
  bool Insert = false;
  /// The parameters the key is built from.
  std::vector<unsigned> KeyParams;
  /// The parameters stored as values (inserts only).
  std::vector<unsigned> ValueParams;
  /// Why the cache holds per-user data, as seen in the wrapper's own
  /// translation unit; empty when nothing there says so.
  std::string PerUser;
  /// Where the operation is, "file:line".
  std::string Where;
  bool operator==(const CacheUseFact &O) const {
    return Cache == O.Cache && Insert == O.Insert && KeyParams == O.KeyParams &&
           ValueParams == O.ValueParams && PerUser == O.PerUser &&
           Where == O.Where;
  }
};

/// What one function with a body does with its parameters.
struct FunctionFacts {
  /// Stable identity across translation units: the Clang USR.
  std::string Usr;
  /// Qualified name and "file:line" of the definition, for notes.
  std::string Name;
  std::string Where;
  std::vector<std::string> ParamNames;
  /// Parameters that flow into the return value.
  std::vector<unsigned> ResultParams;
  /// The result identifies a user / is per-user data: the evidence's text,
  /// empty when it does not.
  std::string ResultIdentifies;
  std::string ResultPerUser;
  std::vector<OutParamFact> OutParams;
  std::vector<StoreFact> Stores;
  std::vector<CacheUseFact> CacheUses;
  bool operator==(const FunctionFacts &O) const;
  bool operator!=(const FunctionFacts &O) const { return !(*this == O); }
};

/// One input file of a translation unit, as it was when summarised.
struct InputFile {
  std::string Path;
  uint64_t Size = 0;
  /// A hash of the contents: a file rewritten with the same size within
  /// the same second is still seen to change.
  std::string Hash;
};

/// The summary of one translation unit.
struct TUSummary {
  unsigned Version = SummaryFormatVersion;
  std::string Producer;
  /// The main file, absolute.
  std::string TU;
  /// Hash of the compile command, crossuser version and configuration.
  std::string CommandKey;
  /// Every file the translation unit read, sorted by path.
  std::vector<InputFile> Inputs;
  /// Functions of other translation units this one's facts depend on, with
  /// the hash of the facts that were used (empty: none were known).
  std::vector<std::pair<std::string, std::string>> Dependencies;
  /// Sorted by USR.
  std::vector<FunctionFacts> Functions;
};

std::string toJSONText(const TUSummary &S);
/// Parses a summary file. Fails on malformed JSON, missing fields and any
/// version other than SummaryFormatVersion, saying which.
llvm::Expected<TUSummary> parseSummary(llvm::StringRef Text);

/// A short stable hash of what callers' summaries use of \p Facts, for
/// dependency tracking.
std::string factsHash(const FunctionFacts &Facts);
/// A hash of all of \p Facts, wording of notes included: what a caller's
/// findings depend on.
std::string fullFactsHash(const FunctionFacts &Facts);

/// The name of the summary file of translation unit \p TU in a directory.
std::string summaryFileName(llvm::StringRef TU);

/// Hashes of files' contents, read once each.
class ContentHashes {
public:
  /// The hash of the file at \p Path, or "" when it cannot be read.
  const std::string &of(llvm::StringRef Path, uint64_t *Size = nullptr);
  static std::string hashText(llvm::StringRef Text);

private:
  llvm::StringMap<std::pair<uint64_t, std::string>> Memo;
};

/// The first input file of \p S whose contents changed, or nothing.
std::optional<std::string> staleInput(const TUSummary &S, ContentHashes &H);

/// The files a translation unit read, with their contents' hashes.
std::vector<InputFile> inputFiles(clang::ASTContext &Ctx);

/// Every loaded summary, merged deterministically: translation units in
/// path order, the first definition of a function wins.
class SummaryIndex {
public:
  /// Adds the summaries; call finalize() once after the last.
  void add(TUSummary S) { TUs.push_back(std::move(S)); }
  void finalize();
  const FunctionFacts *lookup(llvm::StringRef Usr) const;
  size_t size() const { return ByUsr.size(); }
  const std::vector<TUSummary> &units() const { return TUs; }

  /// Reads every `*.json` in \p Dir. With \p CheckStale, a summary whose
  /// inputs changed since it was written is an error.
  static llvm::Expected<std::shared_ptr<SummaryIndex>>
  loadDirectory(llvm::StringRef Dir, bool CheckStale);

private:
  std::vector<TUSummary> TUs;
  llvm::StringMap<const FunctionFacts *> ByUsr;
};

/// The stable identity of \p FD across translation units, or "".
std::string functionUsr(const clang::FunctionDecl *FD);

/// Summarises every function with a body in the translation unit, using
/// the summaries attached to \p Cfg for callees defined elsewhere.
/// Fills Functions and Dependencies of \p Out.
void summariseTU(clang::ASTContext &Ctx, const Config &Cfg, TUSummary &Out);

/// Functions called in the translation unit, without a body in it, that
/// summaries may describe; canonical declarations, possibly repeated.
std::vector<const clang::FunctionDecl *> externalCallees(clang::ASTContext &Ctx);

/// A stable hash of the configuration's option values.
std::string configHash(const Config &Cfg);

} // namespace crossuser

#endif
