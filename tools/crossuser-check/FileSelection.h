/// The translation units a run analyses: the compilation database's files, or those the command line names in it, less the excluded ones and the other shards', each made into a job.
#ifndef CROSSUSER_TOOL_FILESELECTION_H
#define CROSSUSER_TOOL_FILESELECTION_H

#include "Analyze.h"
#include "ConfigResolver.h"
#include "DiffFilter.h"
#include "DriverOptions.h"
#include "ErrorSink.h"
#include "Output.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace crossuser {

/// Finds the files and resolves everything a worker needs, on one thread.
/// The files that cannot be analysed (missing, not in the database) are
/// reported and added to the caller's list of files not analysed.
class FileSelection {
public:
  FileSelection(const DriverOptions &Opts, std::string Root,
                ErrorSink &Errors, std::vector<FailedFile> &NotAnalysed);

  /// Loads the database (\p Fixed, the command line's after '--', else -p,
  /// else the one found above the first source file) and lists the files
  /// to analyse; false after reporting an error that stops the run.
  bool load(std::unique_ptr<clang::tooling::CompilationDatabase> Fixed);

  /// This shard's jobs. False when the run must stop: a configuration
  /// error and no job, or no job with a check enabled.
  bool shardJobs(std::vector<TUJob> &Jobs);

  /// Phase 1 of whole-program mode: the jobs of every translation unit of
  /// the database (the listed files when the command line gives the
  /// flags), the other shards' included. Only the files of the run that
  /// were not reported by shardJobs are reported.
  std::vector<TUJob> wholeProgramJobs();

private:
  bool loadFromBuildPath();
  bool listFiles();
  void addGivenPaths();
  std::optional<TUJob> makeJob(const std::string &Abs, const std::string &Given,
                               ErrorSink &Sink);
  void noteDropped();

  const DriverOptions &Opts;
  const std::string Root;
  ErrorSink &Errors;
  std::vector<FailedFile> &NotAnalysed;
  ConfigResolver Configs;
  std::unique_ptr<clang::tooling::CompilationDatabase> DB;
  /// The database, for messages.
  std::string DBName;
  bool FromCommandLine = false;
  /// The database's files, normalised and sorted.
  std::vector<std::string> DBFiles;
  llvm::StringSet<> Listed;
  /// (absolute path, name for messages), sorted by path.
  std::vector<std::pair<std::string, std::string>> Files;
  /// Arguments of the database that clang does not know, noted once.
  std::vector<std::string> Dropped;
  llvm::StringSet<> DroppedSet;
  size_t DroppedNoted = 0;
};

/// Review mode: drops the jobs whose source and recorded dependencies are
/// all outside \p Changed, and says how many were kept and skipped (unless
/// \p Quiet).
void skipUnaffected(std::vector<TUJob> &Jobs, const ChangedLines &Changed,
                    const std::string &Root, unsigned Threads, bool Quiet);

} // namespace crossuser

#endif
