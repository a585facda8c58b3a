/// crossuser-check: runs crossuser's checks over a compilation database, for CI.
#include "Analysis/Config.h"
#include "Analysis/Models.h"
#include "ConfigResolver.h"
#include "DriverOptions.h"
#include "ErrorSink.h"
#include "FileSelection.h"
#include "Inputs.h"
#include "Merge.h"
#include "Options/ListValue.h"
#include "Output.h"
#include "ReportPipeline.h"
#include "Runner.h"
#include "SummaryPhase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace crossuser {
namespace {

llvm::StringRef roleName(ModelRole R) {
  switch (R) {
  case ModelRole::Identity:
    return "identity";
  case ModelRole::PerUserSource:
    return "per-user-source";
  case ModelRole::Lifetime:
    return "lifetime";
  case ModelRole::Cache:
    return "cache";
  case ModelRole::RemoteCache:
    return "remote-cache";
  case ModelRole::ResponseHeader:
    return "response-header";
  case ModelRole::ResponseBody:
    return "response-body";
  case ModelRole::Middleware:
    return "middleware";
  case ModelRole::OwnershipCheck:
    return "ownership-check";
  case ModelRole::EntryPoint:
    return "entry-point";
  }
  return "";
}

/// The file whose configuration --list-models and --dump-config show: the
/// first one given, else a file name in the current directory (its
/// .clang-tidy applies); absolute.
llvm::SmallString<256> configSubject(const DriverOptions &Opts) {
  llvm::SmallString<256> Where;
  if (!Opts.SourcePaths.empty()) {
    Where = Opts.SourcePaths.front();
  } else {
    llvm::sys::fs::current_path(Where);
    llvm::sys::path::append(Where, "-");
  }
  llvm::sys::fs::make_absolute(Where);
  return Where;
}

/// `--list-models [FILE]`: the shipped model files and those of the
/// effective `ModelFiles`, each with its rows.
int listModels(const DriverOptions &Opts, ErrorSink &Errors) {
  // Each shipped file is parsed here first: a broken one is a one-line
  // error, not the fatal error Models::shipped() reserves for analyses.
  std::vector<std::string> Shipped = Models::shippedFiles();
  for (const std::string &P : Shipped) {
    Models Probe;
    if (llvm::Error E = Probe.load(P)) {
      Errors.report(llvm::toString(std::move(E)));
      return 2;
    }
  }
  llvm::SmallString<256> Where = configSubject(Opts);
  ConfigResolver Configs(Opts, Errors);
  const auto *Cfg = Configs.forFile(Where);
  if (!Cfg)
    return 2;
  // One list per distinct value: the checks may be configured apart.
  std::vector<std::string> Lists;
  for (const auto &Enabled : Cfg->Enabled) {
    std::string V = Configs.rawValue(Where, Enabled.first->Name, "ModelFiles");
    if (!llvm::is_contained(Lists, V))
      Lists.push_back(V);
  }
  const Models &Base = Models::shipped();
  std::vector<std::string> Printed;
  auto Print = [&](const Models &M, llvm::StringRef Heading) {
    bool Any = false;
    for (const std::string &File : M.files()) {
      if (llvm::is_contained(Printed, File))
        continue;
      if (!Any)
        llvm::outs() << Heading << ":\n";
      Any = true;
      Printed.push_back(File);
      size_t N = 0;
      for (const ModelRow &R : M.rows())
        if (llvm::StringRef(R.Where).startswith(File + ":"))
          ++N;
      llvm::outs() << File << ": " << plural(N, "row", "rows") << "\n";
      for (const ModelRow &R : M.rows())
        if (llvm::StringRef(R.Where).startswith(File + ":"))
          llvm::outs() << "  " << llvm::left_justify(roleName(R.Role), 16)
                       << llvm::left_justify(R.Name, 48) << " " << R.Where
                       << "\n";
    }
  };
  Print(Base, "shipped models (" + Models::shippedDirectory() + ")");
  for (const std::string &List : Lists) {
    llvm::Expected<std::shared_ptr<const Models>> M =
        loadModels(expandListValue("ModelFiles", List));
    if (!M) {
      Errors.report(llvm::toString(M.takeError()));
      return 2;
    }
    Print(**M, "ModelFiles '" + List + "'");
  }
  return 0;
}

/// `--dump-config [FILE]`: the effective configuration as a .clang-tidy
/// file.
int dumpConfig(const DriverOptions &Opts, ErrorSink &Errors) {
  ConfigResolver Configs(Opts, Errors);
  llvm::SmallString<256> Where = configSubject(Opts);
  const auto *Cfg = Configs.forFile(Where);
  if (!Cfg)
    return 2;
  // The other keys only when set, so that the defaults print as before.
  auto Quoted = [](llvm::StringRef V) {
    std::string Out = "'";
    for (char C : V)
      Out += C == '\'' ? std::string("''") : std::string(1, C);
    return Out + "'";
  };
  llvm::outs() << "Checks: '" << Cfg->Checks << "'\n";
  if (!Cfg->WarningsAsErrors.empty())
    llvm::outs() << "WarningsAsErrors: " << Quoted(Cfg->WarningsAsErrors) << "\n";
  if (!Cfg->HeaderFilter.empty())
    llvm::outs() << "HeaderFilterRegex: " << Quoted(Cfg->HeaderFilter) << "\n";
  llvm::outs() << "CheckOptions:\n";
  // The model options once, by their global keys; then each enabled
  // check's rule options.
  if (!Cfg->Enabled.empty())
    for (const OptionSpec &S : optionSpecs())
      if (!S.Rule)
        llvm::outs() << "  " << S.Name << ": '"
                     << Configs.rawValue(Where, Cfg->Enabled.front().first->Name,
                                         S.Name)
                     << "'\n";
  for (const auto &Enabled : Cfg->Enabled)
    for (const OptionSpec &S : optionSpecs())
      if (S.appliesTo(Enabled.first->Name))
        llvm::outs() << "  " << Enabled.first->Name << "." << S.Name << ": '"
                     << Configs.rawValue(Where, Enabled.first->Name, S.Name)
                     << "'\n";
  for (const auto &[Key, Args] :
       {std::pair<const char *, const std::vector<std::string> *>{
            "ExtraArgs", &Cfg->ExtraArgs},
        {"ExtraArgsBefore", &Cfg->ExtraArgsBefore}}) {
    if (Args->empty())
      continue;
    llvm::outs() << Key << ":\n";
    for (const std::string &A : *Args)
      llvm::outs() << "  - " << Quoted(A) << "\n";
  }
  return 0;
}

/// `crossuser-check merge A.sarif B.sarif -o ALL.sarif`.
int runMerge(const DriverOptions &Opts, ErrorSink &Errors) {
  if (Opts.SourcePaths.empty()) {
    Errors.report("merge: no input reports");
    return 2;
  }
  std::vector<LoadedReport> Reports;
  for (const std::string &Path : Opts.SourcePaths) {
    llvm::Expected<std::string> Text = readInput(Path);
    if (!Text) {
      Errors.report(llvm::toString(Text.takeError()));
      continue;
    }
    llvm::Expected<LoadedReport> R = parseReport(*Text);
    if (!R) {
      Errors.report("'" + Path + "': " + llvm::toString(R.takeError()));
      continue;
    }
    if (!Reports.empty() && R->Format != Reports.front().Format) {
      Errors.report("'" + Path + "': a " +
                    (R->Format == OutputFormat::Sarif ? "SARIF" : "JSON") +
                    " report cannot be merged with '" +
                    Opts.SourcePaths.front() + "', which is not");
      continue;
    }
    Reports.push_back(std::move(*R));
  }
  if (Errors.Count)
    return 2;
  OutputFormat Format = Reports.front().Format;
  if (Opts.FormatGiven)
    Format = Opts.Format;
  std::string Root = Opts.RootGiven || Reports.front().Root.empty()
                         ? reportRoot(Opts)
                         : Reports.front().Root;
  Filters Filter;
  if (!loadFilters(Opts, Errors, Root, Filter))
    return 2;
  std::string Scope =
      " in " + plural(Reports.size(), "merged report", "merged reports");
  // A shard that could not analyse some files makes the merged run
  // incomplete too.
  std::vector<FailedFile> Failed;
  for (const LoadedReport &R : Reports)
    Failed.insert(Failed.end(), R.Failed.begin(), R.Failed.end());
  return finishReport(Opts, Errors, mergeFindings(Reports), Root, Filter,
                      Format, Scope, std::move(Failed));
}

int run(int argc, const char **argv) {
  ErrorSink Errors;
  std::optional<DriverOptions> Parsed = parseDriverOptions(argc, argv, Errors);
  if (!Parsed)
    return 2;
  DriverOptions &Opts = *Parsed;
  switch (Opts.Mode) {
  case DriverMode::Merge:
    return runMerge(Opts, Errors);
  case DriverMode::ListModels:
    return listModels(Opts, Errors);
  case DriverMode::DumpConfig:
    return dumpConfig(Opts, Errors);
  case DriverMode::Analyse:
    break;
  }

  const std::string Root = reportRoot(Opts);
  Filters Filter;
  if (!loadFilters(Opts, Errors, Root, Filter))
    return 2;

  // The files that were not analysed, for the report.
  std::vector<FailedFile> NotAnalysed;
  FileSelection Selection(Opts, Root, Errors, NotAnalysed);
  if (!Selection.load(std::move(Opts.FixedDatabase)))
    return 2;
  std::vector<TUJob> Jobs;
  if (!Selection.shardJobs(Jobs))
    return 2;
  // Review mode: a translation unit none of whose files the diff touches
  // cannot get a finding on a changed line, so it is not analysed. Not in
  // whole-program mode, where a changed callee elsewhere changes findings.
  if (Filter.Changed && !Opts.wholeProgram())
    skipUnaffected(Jobs, *Filter.Changed, Root, Opts.Threads, Opts.Quiet);

  SummaryPhase Summaries;
  if (!prepareSummaries(Opts, Selection, Jobs, Root, Errors, NotAnalysed,
                        Summaries))
    return 2;
  std::vector<TUResult> Results =
      runJobs(Jobs, Summaries.Precomputed, Root, Opts);
  CollectedFindings Found =
      collectFindings(Jobs, Results, Root, Errors, NotAnalysed);

  if (!Summaries.TempDirectory.empty())
    llvm::sys::fs::remove_directories(Summaries.TempDirectory);
  return finishReport(Opts, Errors, std::move(Found.Findings), Root, Filter,
                      Opts.Format, analysisScope(Opts, Found.Analysed),
                      std::move(NotAnalysed));
}

} // namespace
} // namespace crossuser

int main(int argc, const char **argv) { return crossuser::run(argc, argv); }
