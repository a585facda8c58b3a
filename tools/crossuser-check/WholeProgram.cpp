#include "WholeProgram.h"
#include "Output.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <atomic>
#include <set>
#include <thread>

namespace crossuser {

static void parallelFor(size_t N, unsigned Threads,
                        const std::function<void(size_t)> &Fn) {
  std::atomic<size_t> Next{0};
  auto Worker = [&] {
    for (size_t I; (I = Next++) < N;)
      Fn(I);
  };
  std::vector<std::thread> Pool;
  for (unsigned T = 1; T < std::min<size_t>(Threads, N); ++T)
    Pool.emplace_back(Worker);
  Worker();
  for (std::thread &T : Pool)
    T.join();
}

static std::shared_ptr<SummaryIndex>
indexOf(const std::vector<std::optional<TUSummary>> &States) {
  auto Index = std::make_shared<SummaryIndex>();
  for (const std::optional<TUSummary> &S : States)
    if (S)
      Index->add(*S);
  Index->finalize();
  return Index;
}

/// The summary was computed with callee facts other than the index's.
static bool dependenciesChanged(const TUSummary &S, const SummaryIndex &Index) {
  for (const auto &[Usr, Hash] : S.Dependencies) {
    const FunctionFacts *Now = Index.lookup(Usr);
    if ((Now ? factsHash(*Now) : std::string()) != Hash)
      return true;
  }
  return false;
}

/// The least facts a function can have: nothing reaches its result, it is
/// no cache wrapper. Iteration from here only adds facts, so it settles
/// (on recursion across translation units too) on the least fixpoint.
static void clearFacts(TUSummary &S) {
  for (FunctionFacts &F : S.Functions) {
    F.ResultParams.clear();
    F.ResultIdentifies.clear();
    F.ResultPerUser.clear();
    F.OutParams.clear();
    F.Stores.clear();
    F.CacheUses.clear();
  }
}

std::shared_ptr<const SummaryIndex> buildSummaries(
    std::vector<TUJob> Jobs, llvm::StringRef Dir, unsigned Threads,
    SummaryStats &Stats, const std::function<void(const llvm::Twine &)> &Note,
    const std::function<void(const llvm::Twine &)> &Error,
    std::vector<std::pair<size_t, std::string>> &Failed,
    const std::vector<bool> &Analyse,
    std::vector<std::optional<TUResult>> &Findings) {
  if (std::error_code EC = llvm::sys::fs::create_directories(Dir)) {
    Error("cannot create summary directory '" + Dir + "': " + EC.message());
    return nullptr;
  }
  const size_t N = Jobs.size();
  Stats.Units = N;
  std::vector<std::string> Paths(N), OnDisk(N);
  std::vector<std::optional<TUSummary>> States(N);
  std::vector<bool> Broken(N);
  Findings.assign(N, std::nullopt);
  std::vector<std::vector<std::pair<std::string, std::string>>> FindingDeps(N);
  ContentHashes Hashes;
  for (size_t I = 0; I < N; ++I) {
    llvm::SmallString<256> P(Dir);
    llvm::sys::path::append(P, summaryFileName(Jobs[I].File));
    Paths[I] = std::string(P);
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buf =
        llvm::MemoryBuffer::getFile(P);
    if (!Buf)
      continue;
    OnDisk[I] = (*Buf)->getBuffer().str();
    llvm::Expected<TUSummary> S = parseSummary(OnDisk[I]);
    if (!S) {
      // The tool owns the directory: it rebuilds what it cannot read.
      Note("rebuilding summary '" + Paths[I] + "': " + llvm::toString(S.takeError()));
      continue;
    }
    if (S->TU != Jobs[I].File || S->CommandKey != commandKey(Jobs[I]) ||
        staleInput(*S, Hashes))
      continue;
    States[I] = std::move(*S);
  }

  std::set<size_t> Touched;
  std::shared_ptr<SummaryIndex> Index = indexOf(States);
  std::vector<size_t> Fresh;
  for (unsigned Round = 1;; ++Round) {
    // Jacobi rounds: every translation unit of a round sees the same
    // index, so neither the order nor -j changes any summary.
    if (Round == 2) {
      // Round 1 treated callees defined in other new translation units as
      // opaque (every argument reaches the result), which is not a fixpoint
      // start: recursion across units would oscillate. Their summaries
      // restart from the least facts instead.
      for (size_t I : Fresh)
        if (States[I] && dependenciesChanged(*States[I], *Index))
          clearFacts(*States[I]);
      Index = indexOf(States);
    }
    std::vector<size_t> Work;
    for (size_t I = 0; I < N; ++I)
      if (!Broken[I] && (!States[I] || (Round > 1 && dependenciesChanged(
                                                         *States[I], *Index))))
        Work.push_back(I);
    if (Work.empty())
      break;
    if (Round > MaxSummaryRounds) {
      Stats.Settled = false;
      break;
    }
    Stats.Rounds = Round;
    std::vector<SummaryResult> Results(Work.size());
    parallelFor(Work.size(), Threads, [&](size_t K) {
      TUJob Job = Jobs[Work[K]];
      Job.Summaries = Index;
      Results[K] = summariseTU(Job, Analyse[Work[K]],
                               Job.Config ? Job.Config->HeaderFilter : "");
    });
    for (size_t K = 0; K < Work.size(); ++K) {
      size_t I = Work[K];
      Touched.insert(I);
      if (Results[K].Failed) {
        Broken[I] = true;
        States[I].reset();
        Failed.push_back({I, std::move(Results[K].Diagnostics)});
        continue;
      }
      States[I] = std::move(Results[K].Summary);
      Findings[I] = std::move(Results[K].Analysis);
      FindingDeps[I] = std::move(Results[K].AnalysisDeps);
      if (Round == 1)
        Fresh.push_back(I);
    }
    Index = indexOf(States);
  }
  Stats.Summarised = Touched.size();
  // Findings from a round whose summaries were not the final ones are
  // dropped: phase 2 analyses that translation unit again.
  for (size_t I = 0; I < N; ++I)
    if (Findings[I])
      for (const auto &[Usr, Hash] : FindingDeps[I]) {
        const FunctionFacts *Now = Index->lookup(Usr);
        if ((Now ? fullFactsHash(*Now) : std::string()) != Hash) {
          Findings[I].reset();
          break;
        }
      }
  for (size_t I = 0; I < N; ++I) {
    if (!States[I])
      continue;
    std::string Text = toJSONText(*States[I]);
    if (Text == OnDisk[I])
      continue;
    if (llvm::Error E = writeFileAtomically(Paths[I], Text)) {
      Error(llvm::toString(std::move(E)));
      return nullptr;
    }
    ++Stats.Written;
  }
  return Index;
}

} // namespace crossuser
