#include "SummaryPhase.h"
#include "WholeProgram.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <memory>

namespace crossuser {
namespace {

/// --summaries, else a new temporary directory (also in \p Temp); false
/// after reporting that it cannot be created.
bool summaryDirectory(const DriverOptions &Opts, ErrorSink &Errors,
                      std::string &Dir, std::string &Temp) {
  Dir = Opts.Summaries;
  if (!Dir.empty())
    return true;
  llvm::SmallString<128> Tmp;
  if (std::error_code EC =
          llvm::sys::fs::createUniqueDirectory("crossuser-summaries", Tmp)) {
    Errors.report("cannot create a temporary directory: " + EC.message());
    return false;
  }
  Dir = Temp = std::string(Tmp);
  return true;
}

/// The warning that the rounds did not settle, and the statistics line.
void printStats(const DriverOptions &Opts, const SummaryStats &Stats,
                const std::string &Dir, bool InTemp) {
  if (!Stats.Settled)
    llvm::errs() << "crossuser-check: warning: summaries still changed "
                    "after "
                 << MaxSummaryRounds
                 << " rounds; callers further down the chain use the "
                    "last round's\n";
  if (!Opts.Quiet)
    llvm::errs() << "crossuser-check: summaries: " << Stats.Summarised
                 << " of " << plural(Stats.Units, "translation unit",
                                     "translation units")
                 << " summarised in "
                 << plural(Stats.Rounds, "round", "rounds") << ", "
                 << Stats.Written << " written"
                 << (!InTemp ? " to " + Dir : std::string())
                 << "\n";
}

/// Phase 1 of whole-program mode; false after reporting an error.
bool summariseAll(const DriverOptions &Opts, FileSelection &Selection,
                  std::vector<TUJob> &Jobs, const std::string &Root,
                  ErrorSink &Errors, std::vector<FailedFile> &NotAnalysed,
                  SummaryPhase &Out) {
  std::string Dir;
  if (!summaryDirectory(Opts, Errors, Dir, Out.TempDirectory))
    return false;
  std::vector<TUJob> All = Selection.wholeProgramJobs();
  llvm::StringMap<size_t> Analysed;
  for (size_t I = 0; I < Jobs.size(); ++I)
    Analysed[Jobs[I].File] = I;
  std::vector<bool> AlsoAnalyse;
  for (const TUJob &J : All)
    AlsoAnalyse.push_back(Analysed.count(J.File));
  SummaryStats Stats;
  std::vector<std::pair<size_t, std::string>> Failed;
  std::vector<std::optional<TUResult>> Early;
  std::shared_ptr<const SummaryIndex> Index = buildSummaries(
      All, Dir, Opts.Threads, Stats,
      [&](const llvm::Twine &Msg) {
        if (!Opts.Quiet)
          llvm::errs() << "crossuser-check: note: " << Msg << "\n";
      },
      [&](const llvm::Twine &Msg) { Errors.report(Msg); }, Failed,
      AlsoAnalyse, Early);
  if (!Index)
    return false;
  for (size_t I = 0; I < All.size(); ++I)
    if (Early[I])
      Out.Precomputed[Analysed[All[I].File]] = std::move(Early[I]);
  // Phase 2 reports the translation units it analyses; the others are
  // reported here.
  for (const auto &[I, Diags] : Failed)
    if (!Analysed.count(All[I].File)) {
      llvm::errs() << Diags;
      Errors.report("'" + All[I].DisplayName +
                    "' does not compile; it was not summarised");
      NotAnalysed.push_back({relativeToRoot(All[I].File, Root),
                        "does not compile; it was not summarised"});
    }
  printStats(Opts, Stats, Dir, !Out.TempDirectory.empty());
  for (TUJob &J : Jobs)
    J.Summaries = Index;
  return true;
}

/// SummaryDirectory in the configuration: read-only, as clang-tidy. False
/// after reporting a directory that cannot be read.
bool readSummaryDirectories(std::vector<TUJob> &Jobs, ErrorSink &Errors) {
  std::map<std::string, std::shared_ptr<const SummaryIndex>> Loaded;
  for (TUJob &J : Jobs) {
    if (J.Config->Enabled.empty())
      continue;
    const std::string &Dir = J.Config->Enabled.front().second.SummaryDirectory;
    if (Dir.empty())
      continue;
    auto It = Loaded.find(Dir);
    if (It == Loaded.end()) {
      auto Index = SummaryIndex::loadDirectory(Dir, /*CheckStale=*/true);
      if (!Index) {
        Errors.report(llvm::toString(Index.takeError()));
        return false;
      }
      It = Loaded.emplace(Dir, std::move(*Index)).first;
    }
    J.Summaries = It->second;
  }
  return true;
}

} // namespace

bool prepareSummaries(const DriverOptions &Opts, FileSelection &Selection,
                      std::vector<TUJob> &Jobs, const std::string &Root,
                      ErrorSink &Errors, std::vector<FailedFile> &NotAnalysed,
                      SummaryPhase &Out) {
  Out.Precomputed.resize(Jobs.size());
  if (Opts.wholeProgram())
    return summariseAll(Opts, Selection, Jobs, Root, Errors, NotAnalysed, Out);
  return readSummaryDirectories(Jobs, Errors);
}

} // namespace crossuser
