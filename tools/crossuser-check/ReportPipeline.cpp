#include "ReportPipeline.h"
#include "Baseline.h"
#include "Fingerprint.h"
#include "Inputs.h"
#include "Options/CheckSelection.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>

namespace crossuser {
namespace {

/// Paths of findings relative to the root; symlinks resolved once each.
class PathMapper {
public:
  explicit PathMapper(std::string Root) : Root(std::move(Root)) {}
  void map(ReportLocation &L) {
    auto It = Cache.find(L.Path);
    if (It == Cache.end()) {
      llvm::SmallString<256> Real;
      if (llvm::sys::fs::real_path(L.Path, Real))
        Real = L.Path;
      It = Cache.try_emplace(L.Path, relativeToRoot(Real, Root)).first;
    }
    L.Path = It->second;
  }

private:
  std::string Root;
  llvm::StringMap<std::string> Cache;
};

/// --baseline; false after reporting an error.
bool readBaseline(const DriverOptions &Opts, ErrorSink &Errors, Filters &Out) {
  llvm::Expected<std::string> Text = readInput(Opts.Baseline);
  if (!Text) {
    Errors.report(llvm::toString(Text.takeError()));
    return false;
  }
  llvm::Expected<std::vector<BaselineEntry>> Parsed = parseBaseline(*Text);
  if (!Parsed) {
    Errors.report("'" + Opts.Baseline +
                  "': " + llvm::toString(Parsed.takeError()));
    return false;
  }
  Out.Baseline = std::move(*Parsed);
  return true;
}

/// --diff or --diff-base; false after reporting an error.
bool readDiff(const DriverOptions &Opts, ErrorSink &Errors,
              const std::string &Root, Filters &Out) {
  std::string Name = Opts.Diff == "-" ? "<stdin>" : Opts.Diff;
  // What the branch changed since it left REV (as GitHub and GitLab show
  // a merge request), not what REV changed since: diff against the merge
  // base.
  std::string Base;
  if (!Opts.DiffBase.empty()) {
    llvm::Expected<std::string> MergeBase =
        runCommand({"git", "merge-base", Opts.DiffBase, "HEAD"}, Root);
    if (!MergeBase) {
      Errors.report(llvm::toString(MergeBase.takeError()));
      return false;
    }
    Base = llvm::StringRef(*MergeBase).trim().str();
  }
  llvm::Expected<std::string> Text =
      !Opts.Diff.empty()
          ? readInput(Opts.Diff)
          : runCommand({"git", "diff", "-U0", "--no-color", "--no-ext-diff",
                        "--relative", Base, "--"},
                       Root);
  if (!Text) {
    Errors.report(llvm::toString(Text.takeError()));
    return false;
  }
  if (!Opts.DiffBase.empty())
    Name = "git diff " + Opts.DiffBase;
  llvm::Expected<ChangedLines> Parsed = parseUnifiedDiff(*Text);
  if (!Parsed) {
    Errors.report("'" + Name + "': " + llvm::toString(Parsed.takeError()));
    return false;
  }
  Out.Changed = std::move(*Parsed);
  return true;
}

/// Writes a report to -o or to stdout. Errors in the options and inputs
/// stop the run before it gets here; once files were analysed, the report
/// of what was analysed is always written, marked incomplete when some
/// files were not.
bool emitReport(const DriverOptions &Opts, ErrorSink &Errors,
                OutputFormat Format, const std::vector<ReportFinding> &Findings,
                const ReportContext &Ctx) {
  std::string Text = formatReport(Format, Findings, Ctx);
  // Code Quality and text have no place for it; CI logs do.
  if (!Ctx.Failed.empty())
    llvm::errs() << "crossuser-check: the report"
                 << (Opts.reportToStdout() ? std::string()
                                           : " '" + Opts.Output + "'")
                 << " is incomplete: "
                 << plural(Ctx.Failed.size(), "file was", "files were")
                 << " not analysed\n";
  if (Opts.reportToStdout()) {
    llvm::outs() << Text;
    llvm::outs().flush();
    return true;
  }
  if (llvm::Error E = writeOutputFile(Opts.Output, Text)) {
    Errors.report(llvm::toString(std::move(E)));
    return false;
  }
  return true;
}

/// Writing a baseline accepts today's findings: it is not a check run,
/// so it prints one line instead of the report and exits 0 (-o, when
/// given, still gets the report). True when --write-baseline was written.
bool writeBaseline(const DriverOptions &Opts, ErrorSink &Errors,
                   const std::vector<ReportFinding> &All, bool AnyFailed) {
  bool BaselineWritten = false;
  if (!Opts.WriteBaseline.empty()) {
    if (Errors.Count || AnyFailed)
      llvm::errs() << "crossuser-check: '" << Opts.WriteBaseline
                   << "' was not written because of the errors above\n";
    else if (llvm::Error E =
                 writeOutputFile(Opts.WriteBaseline, formatBaseline(All)))
      Errors.report(llvm::toString(std::move(E)));
    else
      BaselineWritten = true;
  }
  if (BaselineWritten && !Opts.Quiet)
    llvm::errs() << "crossuser-check: wrote "
                 << plural(All.size(), "finding", "findings") << " to "
                 << Opts.WriteBaseline << "\n";
  return BaselineWritten;
}

/// How many findings each filter removed, for the summary line.
struct FilterCounts {
  size_t InBaseline = 0;
  size_t OutsideDiff = 0;
};

/// Removes the findings of the baseline (keeping the fixed ones for
/// --show-fixed in \p Ctx) and those outside the diff.
FilterCounts applyFilters(const DriverOptions &Opts, const Filters &Filter,
                          std::vector<ReportFinding> &All, ReportContext &Ctx) {
  FilterCounts Counts;
  size_t Total = All.size();
  if (Filter.Baseline) {
    Ctx.WithBaseline = true;
    std::vector<BaselineEntry> Fixed = applyBaseline(All, *Filter.Baseline);
    Counts.InBaseline = Total - All.size();
    if (Opts.ShowFixed)
      Ctx.Fixed = std::move(Fixed);
  }
  if (Filter.Changed) {
    size_t Before = All.size();
    All.erase(std::remove_if(All.begin(), All.end(),
                             [&](const ReportFinding &F) {
                               return !Filter.Changed->contains(F.Loc.Path,
                                                                F.Loc.Line);
                             }),
              All.end());
    Counts.OutsideDiff = Before - All.size();
  }
  return Counts;
}

/// `crossuser-check: N findings<Scope>, ...` on stderr.
void printSummary(const DriverOptions &Opts, const ErrorSink &Errors,
                  const std::vector<ReportFinding> &All,
                  const std::string &Scope, const Filters &Filter,
                  const FilterCounts &Counts, size_t Fixed) {
  llvm::errs() << "crossuser-check: " << plural(All.size(), "finding", "findings")
               << Scope;
  if (size_t AsErrors = llvm::count_if(
          All, [](const ReportFinding &F) { return F.AsError; }))
    llvm::errs() << ", " << AsErrors << " treated as errors (WarningsAsErrors)";
  if (Filter.Baseline)
    llvm::errs() << ", " << Counts.InBaseline << " in the baseline";
  if (Opts.ShowFixed)
    llvm::errs() << ", " << Fixed << " fixed";
  if (Filter.Changed)
    llvm::errs() << ", " << Counts.OutsideDiff << " outside the diff";
  if (Errors.Count)
    llvm::errs() << ", " << plural(Errors.Count, "error", "errors");
  llvm::errs() << "\n";
}

} // namespace

std::string reportRoot(const DriverOptions &Opts) {
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  std::string Root = Opts.Root;
  if (Root.empty()) {
    llvm::Expected<std::string> Top =
        runCommand({"git", "rev-parse", "--show-toplevel"}, Cwd);
    if (Top)
      Root = llvm::StringRef(*Top).trim().str();
    else
      llvm::consumeError(Top.takeError());
  }
  if (Root.empty())
    Root = std::string(Cwd);
  llvm::SmallString<256> Real;
  if (llvm::sys::fs::real_path(Root, Real))
    Real = Root;
  llvm::sys::fs::make_absolute(Real);
  llvm::sys::path::remove_dots(Real, /*remove_dot_dot=*/true);
  while (Real.size() > 1 && llvm::sys::path::is_separator(Real.back()))
    Real.pop_back();
  return std::string(Real);
}

bool loadFilters(const DriverOptions &Opts, ErrorSink &Errors,
                 const std::string &Root, Filters &Out) {
  if (!Opts.Diff.empty() && !Opts.DiffBase.empty()) {
    Errors.report("--diff and --diff-base cannot be used together");
    return false;
  }
  if (Opts.ShowFixed && Opts.Baseline.empty()) {
    Errors.report("--show-fixed needs --baseline");
    return false;
  }
  if (!Opts.Baseline.empty() && !readBaseline(Opts, Errors, Out))
    return false;
  if ((!Opts.Diff.empty() || !Opts.DiffBase.empty()) &&
      !readDiff(Opts, Errors, Root, Out))
    return false;
  for (const std::string &Path : {Opts.Output, Opts.WriteBaseline})
    if (!Path.empty() && Path != "-")
      if (llvm::Error E = checkWritable(Path)) {
        Errors.report(llvm::toString(std::move(E)));
        return false;
      }
  return true;
}

CollectedFindings collectFindings(const std::vector<TUJob> &Jobs,
                                  std::vector<TUResult> &Results,
                                  const std::string &Root, ErrorSink &Errors,
                                  std::vector<FailedFile> &NotAnalysed) {
  PathMapper Paths(Root);
  CollectedFindings Out;
  // A header's unmatched NOLINTBEGIN is found by every file including it.
  llvm::StringSet<> NolintErrors;
  for (size_t I = 0; I < Jobs.size(); ++I) {
    llvm::errs() << Results[I].Diagnostics;
    for (const std::string &E : Results[I].NolintErrors)
      if (NolintErrors.insert(E).second)
        Errors.reportDiagnostic(E);
    if (Results[I].Failed) {
      Errors.report("'" + Jobs[I].DisplayName +
                    "' does not compile; it was not analysed");
      NotAnalysed.push_back({relativeToRoot(Jobs[I].File, Root), "does not compile"});
      continue;
    }
    ++Out.Analysed;
    for (ReportFinding &F : Results[I].Findings) {
      F.AsError = checkEnabled(Jobs[I].Config->WarningsAsErrors, F.Check);
      Paths.map(F.Loc);
      for (ReportNote &N : F.Notes)
        Paths.map(N.Loc);
      for (ReportFix &X : F.Fixes) {
        Paths.map(X.Begin);
        Paths.map(X.End);
      }
      Out.Findings.push_back(std::move(F));
    }
  }
  sortAndDeduplicate(Out.Findings);
  assignOccurrences(Out.Findings);
  return Out;
}

std::string analysisScope(const DriverOptions &Opts, unsigned Analysed) {
  std::string Scope = " in " + plural(Analysed, "file", "files");
  if (Opts.ShardCount > 1)
    Scope += " (shard " + std::to_string(Opts.ShardIndex + 1) + "/" +
             std::to_string(Opts.ShardCount) + ")";
  return Scope;
}

int finishReport(const DriverOptions &Opts, ErrorSink &Errors,
                 std::vector<ReportFinding> All, const std::string &Root,
                 const Filters &Filter, OutputFormat Format,
                 const std::string &Scope, std::vector<FailedFile> Failed) {
  bool BaselineWritten = writeBaseline(Opts, Errors, All, !Failed.empty());

  ReportContext Ctx;
  Ctx.Root = Root;
  Ctx.HelpUriBase = Opts.HelpUriBase;
  std::sort(Failed.begin(), Failed.end());
  Failed.erase(std::unique(Failed.begin(), Failed.end()), Failed.end());
  Ctx.Failed = std::move(Failed);
  FilterCounts Counts = applyFilters(Opts, Filter, All, Ctx);
  if (BaselineWritten) {
    if (!Opts.reportToStdout())
      emitReport(Opts, Errors, Format, All, Ctx);
    return Errors.Count ? 2 : 0;
  }
  emitReport(Opts, Errors, Format, All, Ctx);

  if (!Opts.Quiet)
    printSummary(Opts, Errors, All, Scope, Filter, Counts, Ctx.Fixed.size());
  if (Errors.Count || !Ctx.Failed.empty())
    return 2;
  // WarningsAsErrors findings fail the run even with --exit-zero, as they
  // fail clang-tidy.
  bool AnyError = llvm::any_of(All, [](const ReportFinding &F) { return F.AsError; });
  return All.empty() || (Opts.ExitZero && !AnyError) ? 0 : 1;
}

} // namespace crossuser
