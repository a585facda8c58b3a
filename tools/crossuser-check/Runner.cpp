#include "Runner.h"
#include "Output.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace crossuser {
namespace {

using Clock = std::chrono::steady_clock;

/// The progress of a run, shared by the workers and the ticker.
class Progress {
public:
  Progress(size_t Total, const std::string &Root, const DriverOptions &Opts)
      : Terminal(!Opts.Quiet && llvm::errs().is_displayed()),
        Log(!Opts.Quiet && !Terminal), Total(Total), Root(Root),
        Interval(std::chrono::duration_cast<Clock::duration>(
            std::chrono::duration<double>(Opts.ProgressInterval))) {}

  /// Called by a worker when \p Job is done.
  void fileDone(const TUJob &Job) {
    std::lock_guard<std::mutex> Lock(Mutex);
    ++Done;
    if (Terminal) {
      llvm::errs() << "\r\033[K[" << Done << "/" << Total << "] "
                   << relativeToRoot(Job.File, Root);
      llvm::errs().flush();
    } else if (Log && Clock::now() - LastLine >= Interval) {
      logLine();
    }
  }

  /// Also while one long translation unit is being analysed.
  void startTicker() {
    if (!Log || Interval.count() <= 0)
      return;
    Ticker = std::thread([this] {
      std::unique_lock<std::mutex> Lock(Mutex);
      while (!Finished) {
        Tick.wait_until(Lock, LastLine + Interval);
        if (!Finished && Clock::now() - LastLine >= Interval)
          logLine();
      }
    });
  }

  /// Stops the ticker and clears the terminal's line.
  void finish() {
    if (Ticker.joinable()) {
      {
        std::lock_guard<std::mutex> Lock(Mutex);
        Finished = true;
      }
      Tick.notify_all();
      Ticker.join();
    }
    if (Terminal)
      llvm::errs() << "\r\033[K";
  }

private:
  void logLine() { // with Mutex held
    LastLine = Clock::now();
    auto Elapsed =
        std::chrono::duration_cast<std::chrono::seconds>(LastLine - Start).count();
    llvm::errs() << "crossuser-check: progress: " << Done << "/" << Total
                 << " files, " << Elapsed << "s elapsed\n";
  }

  /// On a terminal, one line rewritten after each file.
  const bool Terminal;
  /// A CI log is not a terminal: a line at least every --progress-interval
  /// seconds, so that a long run does not look hung (and is not killed by
  /// a CI system's no-output timeout).
  const bool Log;
  const size_t Total;
  const std::string &Root;
  std::mutex Mutex;
  size_t Done = 0;
  const Clock::time_point Start = Clock::now();
  const Clock::duration Interval;
  Clock::time_point LastLine = Start;
  bool Finished = false;
  std::condition_variable Tick;
  std::thread Ticker;
};

} // namespace

std::vector<TUResult>
runJobs(const std::vector<TUJob> &Jobs,
        std::vector<std::optional<TUResult>> &Precomputed,
        const std::string &Root, const DriverOptions &Opts) {
  unsigned Threads =
      std::max(1u, std::min<unsigned>(Opts.Threads, Jobs.size()));
  std::vector<TUResult> Results(Jobs.size());
  std::atomic<size_t> Next{0};
  Progress Status(Jobs.size(), Root, Opts);
  auto Worker = [&] {
    for (size_t I; (I = Next++) < Jobs.size();) {
      Results[I] = Precomputed[I] ? std::move(*Precomputed[I])
                                  : analyzeTU(Jobs[I], Jobs[I].Config->HeaderFilter);
      Status.fileDone(Jobs[I]);
    }
  };
  Status.startTicker();
  std::vector<std::thread> Pool;
  for (unsigned T = 1; T < Threads; ++T)
    Pool.emplace_back(Worker);
  Worker();
  for (std::thread &T : Pool)
    T.join();
  Status.finish();
  return Results;
}

} // namespace crossuser
