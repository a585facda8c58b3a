#include "FileSelection.h"
#include "CompileArgs.h"
#include "Options/CheckSelection.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <atomic>
#include <thread>

using namespace clang::tooling;

namespace crossuser {
namespace {

/// LibTooling explains a bad database once per database plugin, on several
/// lines; the JSON plugin's line is the one about compile_commands.json.
std::string databaseError(llvm::StringRef Err) {
  llvm::SmallVector<llvm::StringRef, 4> Lines;
  Err.split(Lines, '\n', -1, false);
  for (llvm::StringRef L : Lines)
    if (L.consume_front("json-compilation-database: "))
      return L.trim().str();
  std::string Out;
  for (llvm::StringRef L : Lines)
    Out += (Out.empty() ? "" : "; ") + L.trim().str();
  return Out;
}

/// The files of \p Changed, absolute (relative ones against \p Root) and
/// also with symlinks resolved.
llvm::StringSet<> touchedFiles(const ChangedLines &Changed,
                               const std::string &Root) {
  llvm::StringSet<> Touched;
  for (const auto &F : Changed.Files) {
    llvm::SmallString<256> Abs(F.getKey());
    if (!llvm::sys::path::is_absolute(Abs)) {
      Abs = Root;
      llvm::sys::path::append(Abs, F.getKey());
    }
    llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
    Touched.insert(Abs);
    llvm::SmallString<256> Real;
    if (!llvm::sys::fs::real_path(Abs, Real))
      Touched.insert(Real);
  }
  return Touched;
}

} // namespace

FileSelection::FileSelection(const DriverOptions &Opts, std::string Root,
                             ErrorSink &Errors,
                             std::vector<FailedFile> &NotAnalysed)
    : Opts(Opts), Root(std::move(Root)), Errors(Errors),
      NotAnalysed(NotAnalysed), Configs(Opts, Errors) {}

bool FileSelection::load(std::unique_ptr<CompilationDatabase> Fixed) {
  FromCommandLine = Fixed != nullptr;
  if (Fixed) {
    DB = std::move(Fixed);
    DBName = "the command line after '--'";
  } else if (!Opts.BuildPath.empty()) {
    if (!loadFromBuildPath())
      return false;
  } else if (!Opts.SourcePaths.empty()) {
    std::string Err;
    DB = CompilationDatabase::autoDetectFromSource(Opts.SourcePaths.front(),
                                                   Err);
    if (!DB) {
      Errors.report("no compilation database found for '" +
                    Opts.SourcePaths.front() +
                    "': pass -p BUILD_DIR, or compiler flags after '--'");
      return false;
    }
    DBName = "the detected compile_commands.json";
  } else {
    Errors.report("no input: pass -p BUILD_DIR, source files, or both");
    return false;
  }
  return listFiles();
}

bool FileSelection::loadFromBuildPath() {
  std::string Err;
  llvm::SmallString<256> JSON(Opts.BuildPath);
  llvm::sys::path::append(JSON, "compile_commands.json");
  DBName = std::string(JSON);
  // LibTooling's parser echoes the offending line to stderr; for a
  // binary file that is a line of raw bytes.
  if (auto Buf = llvm::MemoryBuffer::getFile(JSON))
    if (llvm::StringRef Text = (*Buf)->getBuffer();
        Text.contains('\0') || !llvm::json::isUTF8(Text)) {
      Errors.report("'" + JSON + "' is not a JSON text file (it contains "
                    "binary data)");
      return false;
    }
  DB = CompilationDatabase::loadFromDirectory(Opts.BuildPath, Err);
  if (DB)
    return true;
  if (!llvm::sys::fs::exists(JSON))
    Errors.report("no compilation database: '" + JSON +
                  "' does not exist (configure with "
                  "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON)");
  else if (uint64_t Size = 0;
           !llvm::sys::fs::file_size(JSON, Size) && Size == 0)
    Errors.report("'" + JSON + "' is empty; expected a JSON array of "
                  "compile commands");
  else
    Errors.report("'" + JSON + "': " + databaseError(Err));
  return false;
}

bool FileSelection::listFiles() {
  // A JSON database answers for any file by interpolating a neighbour's
  // flags; a file the user names must really be in it.
  if (!FromCommandLine)
    for (const std::string &F : DB->getAllFiles()) {
      llvm::SmallString<256> A(F);
      llvm::sys::path::remove_dots(A, /*remove_dot_dot=*/true);
      Listed.insert(A);
      DBFiles.push_back(std::string(A));
    }
  std::sort(DBFiles.begin(), DBFiles.end());

  if (Opts.SourcePaths.empty()) {
    for (const std::string &F : DBFiles)
      Files.push_back({F, F});
    if (Files.empty()) {
      Errors.report("'" + DBName + "' lists no files");
      return false;
    }
  }
  addGivenPaths();
  std::sort(Files.begin(), Files.end());
  Files.erase(std::unique(Files.begin(), Files.end(),
                          [](const auto &A, const auto &B) {
                            return A.first == B.first;
                          }),
              Files.end());
  // Before sharding, so that the shards of a run exclude the same files.
  auto Excluded = [&](const std::pair<std::string, std::string> &F) {
    return llvm::any_of(Opts.Excludes,
                        [&](const llvm::Regex &R) { return R.match(F.first); });
  };
  Files.erase(std::remove_if(Files.begin(), Files.end(), Excluded),
              Files.end());
  return true;
}

void FileSelection::addGivenPaths() {
  for (const std::string &Given : Opts.SourcePaths) {
    llvm::SmallString<256> Abs(Given);
    llvm::sys::fs::make_absolute(Abs);
    llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
    if (!FromCommandLine && llvm::sys::fs::is_directory(Abs)) {
      // A directory stands for the database's files under it.
      llvm::SmallString<256> Prefix(Abs);
      llvm::sys::path::append(Prefix, "");
      size_t Before = Files.size();
      for (const std::string &F : DBFiles)
        if (llvm::StringRef(F).startswith(Prefix))
          Files.push_back({F, F});
      if (Files.size() == Before)
        Errors.report("'" + Given + "': no file of " + DBName + " is under it");
      continue;
    }
    Files.push_back({std::string(Abs), Given});
  }
}

std::optional<TUJob> FileSelection::makeJob(const std::string &Abs,
                                            const std::string &Given,
                                            ErrorSink &Sink) {
  if (!llvm::sys::fs::exists(Abs)) {
    if (Opts.SkipMissing) {
      if (!Sink.Silent)
        llvm::errs() << "crossuser-check: note: '" << Given
                     << "' does not exist; skipped (--skip-missing)\n";
      return std::nullopt;
    }
    Sink.report("'" + Given + "': no such file");
    if (!Sink.Silent)
      NotAnalysed.push_back({relativeToRoot(Abs, Root), "no such file"});
    return std::nullopt;
  }
  TUJob Job;
  Job.File = Abs;
  Job.DisplayName = Given;
  if ((!Listed.empty() && !Listed.contains(Abs)) ||
      (Job.Commands = DB->getCompileCommands(Abs)).empty()) {
    Sink.report("'" + Given + "' is not in " + DBName);
    if (!Sink.Silent)
      NotAnalysed.push_back(
          {relativeToRoot(Abs, Root), "not in the compilation database"});
    return std::nullopt;
  }
  // A g++ database: flags clang rejects would fail every file.
  for (CompileCommand &C : Job.Commands) {
    for (std::string &A : dropUnknownArguments(C.CommandLine))
      if (DroppedSet.insert(A).second)
        Dropped.push_back(std::move(A));
  }
  Job.Config = Configs.forFile(Abs);
  if (!Job.Config)
    return std::nullopt;
  for (CompileCommand &C : Job.Commands)
    addExtraArguments(C.CommandLine, Job.Config->ExtraArgsBefore,
                      Job.Config->ExtraArgs);
  return Job;
}

void FileSelection::noteDropped() {
  if (Opts.Quiet || Dropped.size() == DroppedNoted)
    return;
  std::string List;
  for (size_t I = DroppedNoted; I < Dropped.size(); ++I)
    List += (List.empty() ? "'" : ", '") + Dropped[I] + "'";
  llvm::errs() << "crossuser-check: note: dropped "
               << plural(Dropped.size() - DroppedNoted, "argument", "arguments")
               << " that clang " << LLVM_VERSION_MAJOR
               << " does not know (GCC-only flags?) from the compile "
                  "commands: "
               << List << "\n";
  DroppedNoted = Dropped.size();
}

bool FileSelection::shardJobs(std::vector<TUJob> &Jobs) {
  for (size_t I = 0; I < Files.size(); ++I) {
    if (I % Opts.ShardCount != Opts.ShardIndex)
      continue;
    if (std::optional<TUJob> Job = makeJob(Files[I].first, Files[I].second, Errors))
      Jobs.push_back(std::move(*Job));
  }
  noteDropped();
  // Configuration errors concern every file; stop before the long part.
  // Files that cannot be analysed still get a report (an incomplete one).
  if (Errors.Count > NotAnalysed.size() && Jobs.empty())
    return false;
  // A .clang-tidy may disable crossuser for part of the tree, but a run
  // in which no file has a check enabled would pass without looking.
  if (!Jobs.empty() && std::all_of(Jobs.begin(), Jobs.end(), [](const TUJob &J) {
        return J.Config->Enabled.empty();
      })) {
    llvm::StringSet<> Reported;
    for (const TUJob &J : Jobs)
      if (Reported.insert(J.Config->Origin).second)
        Errors.report(noChecksMessage(J.Config->Origin));
    return false;
  }
  return true;
}

std::vector<TUJob> FileSelection::wholeProgramJobs() {
  std::vector<TUJob> All;
  ErrorSink Ignored; // files outside the run are the database's business
  Ignored.Silent = true;
  if (Opts.SourcePaths.empty() || FromCommandLine) {
    // This shard's files were reported above.
    for (size_t I = 0; I < Files.size(); ++I)
      if (std::optional<TUJob> Job = makeJob(
              Files[I].first, Files[I].second,
              I % Opts.ShardCount == Opts.ShardIndex ? Ignored : Errors))
        All.push_back(std::move(*Job));
  } else {
    for (const std::string &F : DBFiles)
      if (std::optional<TUJob> Job = makeJob(F, F, Ignored))
        All.push_back(std::move(*Job));
  }
  noteDropped();
  return All;
}

void skipUnaffected(std::vector<TUJob> &Jobs, const ChangedLines &Changed,
                    const std::string &Root, unsigned Threads, bool Quiet) {
  llvm::StringSet<> Touched = touchedFiles(Changed, Root);
  auto IsTouched = [&](llvm::StringRef Path) {
    if (Touched.contains(Path))
      return true;
    llvm::SmallString<256> Real;
    return !llvm::sys::fs::real_path(Path, Real) && Touched.contains(Real);
  };
  // The preprocessor passes run in parallel; each job's answer has a slot.
  std::vector<char> Keep(Jobs.size(), 0), Direct(Jobs.size(), 0),
      FromDeps(Jobs.size(), 0);
  std::atomic<size_t> Next{0};
  auto Worker = [&] {
    for (size_t I; (I = Next++) < Jobs.size();) {
      if (IsTouched(Jobs[I].File)) {
        Keep[I] = Direct[I] = 1;
        continue;
      }
      bool FromDepFile = false;
      std::vector<std::string> Deps = dependenciesOf(Jobs[I], FromDepFile);
      FromDeps[I] = FromDepFile;
      // No dependencies known (the pass failed): analyse, to be safe.
      Keep[I] = Deps.empty() || llvm::any_of(Deps, IsTouched);
    }
  };
  std::vector<std::thread> Pool;
  for (unsigned T = 1; T < std::min<size_t>(Threads, Jobs.size()); ++T)
    Pool.emplace_back(Worker);
  Worker();
  for (std::thread &T : Pool)
    T.join();
  size_t Total = Jobs.size(), Edited = 0, DepFiles = 0;
  for (size_t I = 0; I < Total; ++I) {
    Edited += Direct[I];
    DepFiles += FromDeps[I];
  }
  std::vector<TUJob> Kept;
  for (size_t I = 0; I < Total; ++I)
    if (Keep[I])
      Kept.push_back(std::move(Jobs[I]));
  Jobs = std::move(Kept);
  if (!Quiet)
    llvm::errs() << "crossuser-check: diff: analysing " << Jobs.size() << " of "
                 << plural(Total, "translation unit", "translation units")
                 << ", " << Total - Jobs.size()
                 << " skipped (" << Edited << " changed; the includes of "
                 << Total - Edited << " from " << DepFiles
                 << " -MD dependency files and "
                 << Total - Edited - DepFiles << " preprocessor passes)\n";
}

} // namespace crossuser
