#include "Analyze.h"
#include "Analysis/Suppression.h"
#include "Analysis/TUContext.h"
#include "EnclosingFunction.h"
#include "Fingerprint.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <optional>
#include <set>

using namespace clang;
using namespace clang::tooling;

namespace crossuser {
namespace {

/// The compile commands of one file, fetched on the main thread.
class PrefetchedDatabase : public CompilationDatabase {
public:
  explicit PrefetchedDatabase(std::vector<CompileCommand> Commands)
      : Commands(std::move(Commands)) {}
  std::vector<CompileCommand> getCompileCommands(StringRef) const override {
    return Commands;
  }

private:
  std::vector<CompileCommand> Commands;
};

class AnalysisConsumer : public ASTConsumer {
public:
  AnalysisConsumer(const FileConfig &Cfg, const llvm::Regex *HeaderFilter,
                   TUResult &Out)
      : Cfg(Cfg), HeaderFilter(HeaderFilter), Out(Out) {}

  /// Whole-program summaries to attach to every check's configuration.
  std::shared_ptr<const SummaryIndex> Summaries;

  void HandleTranslationUnit(ASTContext &Ctx) override {
    auto Release = llvm::make_scope_exit([&] { TUContext::release(Ctx); });
    if (Ctx.getDiagnostics().hasErrorOccurred()) {
      Out.Failed = true;
      return;
    }
    const SourceManager &SM = Ctx.getSourceManager();
    std::optional<FunctionIndex> Functions;
    for (const auto &[Check, CheckCfg] : Cfg.Enabled)
      for (const Finding &F : Check->Run(Ctx, withSummaries(CheckCfg))) {
        if (!reported(SM, F.Loc))
          continue;
        if (Nolint.suppresses(SM, F.Loc, F.Check))
          continue;
        ReportFinding R = toReportFinding(SM, F);
        // Indexed only when there is something to name.
        if (!Functions)
          Functions.emplace(Ctx);
        R.Function = Functions->nameAt(F.Loc);
        R.BaseFingerprint = fingerprintBase(R.Check, R.Function, R.Message,
                                            R.Loc.SourceLine);
        Out.Findings.push_back(std::move(R));
      }
    for (const NolintFilter::Error &E : Nolint.errors()) {
      PresumedLoc P = SM.getPresumedLoc(E.Loc);
      std::string Line = (llvm::Twine(P.getFilename()) + ":" +
                          llvm::Twine(P.getLine()) + ":" +
                          llvm::Twine(P.getColumn()) + ": error: " + E.Message +
                          " [clang-tidy-nolint]")
                             .str();
      // Several compile commands of one file find the same ones.
      if (!llvm::is_contained(Out.NolintErrors, Line))
        Out.NolintErrors.push_back(std::move(Line));
    }
  }

private:
  /// \p C, or a copy with the summaries attached.
  const Config &withSummaries(const Config &C) {
    if (!Summaries)
      return C;
    Copies.push_back(std::make_unique<Config>(C));
    Copies.back()->Summaries = Summaries;
    return *Copies.back();
  }

  bool reported(const SourceManager &SM, SourceLocation Loc) const {
    return reportedAt(SM, Loc, HeaderFilter);
  }

  const FileConfig &Cfg;
  const llvm::Regex *HeaderFilter;
  TUResult &Out;
  std::vector<std::unique_ptr<Config>> Copies;
  NolintFilter Nolint;
};

class AnalysisAction : public ASTFrontendAction {
public:
  AnalysisAction(const FileConfig &Cfg, const llvm::Regex *HeaderFilter,
                 TUResult &Out, std::shared_ptr<const SummaryIndex> Summaries)
      : Cfg(Cfg), HeaderFilter(HeaderFilter), Out(Out),
        Summaries(std::move(Summaries)) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &,
                                                 StringRef) override {
    auto C = std::make_unique<AnalysisConsumer>(Cfg, HeaderFilter, Out);
    C->Summaries = Summaries;
    return C;
  }

private:
  const FileConfig &Cfg;
  const llvm::Regex *HeaderFilter;
  TUResult &Out;
  std::shared_ptr<const SummaryIndex> Summaries;
};

class ActionFactory : public FrontendActionFactory {
public:
  ActionFactory(const FileConfig &Cfg, const llvm::Regex *HeaderFilter,
                TUResult &Out, std::shared_ptr<const SummaryIndex> Summaries)
      : Cfg(Cfg), HeaderFilter(HeaderFilter), Out(Out),
        Summaries(std::move(Summaries)) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<AnalysisAction>(Cfg, HeaderFilter, Out, Summaries);
  }

private:
  const FileConfig &Cfg;
  const llvm::Regex *HeaderFilter;
  TUResult &Out;
  std::shared_ptr<const SummaryIndex> Summaries;
};

/// Phase 1: writes the translation unit's summary and, when asked, its
/// findings with the same summaries.
class SummaryConsumer : public ASTConsumer {
public:
  SummaryConsumer(const Config &Cfg, SummaryResult &Out,
                  std::unique_ptr<AnalysisConsumer> Analysis)
      : Cfg(Cfg), Out(Out), Analysis(std::move(Analysis)) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    auto Release = llvm::make_scope_exit([&] { TUContext::release(Ctx); });
    if (Ctx.getDiagnostics().hasErrorOccurred()) {
      Out.Failed = true;
      return;
    }
    Out.Summary.Inputs = inputFiles(Ctx);
    crossuser::summariseTU(Ctx, Cfg, Out.Summary);
    if (!Analysis)
      return;
    Analysis->HandleTranslationUnit(Ctx);
    std::set<std::string> Usrs;
    for (const FunctionDecl *FD : externalCallees(Ctx))
      Usrs.insert(functionUsr(FD));
    for (const std::string &Usr : Usrs) {
      const FunctionFacts *F = Cfg.Summaries ? Cfg.Summaries->lookup(Usr) : nullptr;
      Out.AnalysisDeps.emplace_back(Usr, F ? fullFactsHash(*F) : "");
    }
  }

private:
  const Config &Cfg;
  SummaryResult &Out;
  std::unique_ptr<AnalysisConsumer> Analysis;
};

class SummaryFactory : public FrontendActionFactory {
public:
  SummaryFactory(const Config &Cfg, SummaryResult &Out, const TUJob &Job,
                 const llvm::Regex *HeaderFilter, bool AlsoAnalyse)
      : Cfg(Cfg), Out(Out), Job(Job), HeaderFilter(HeaderFilter),
        AlsoAnalyse(AlsoAnalyse) {}
  std::unique_ptr<FrontendAction> create() override {
    struct Action : ASTFrontendAction {
      Action(SummaryFactory &F) : F(F) {}
      std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &,
                                                     StringRef) override {
        std::unique_ptr<AnalysisConsumer> A;
        if (F.AlsoAnalyse) {
          // Several compile commands for one file add up, as in analyzeTU.
          if (!F.Out.Analysis)
            F.Out.Analysis.emplace();
          A = std::make_unique<AnalysisConsumer>(*F.Job.Config, F.HeaderFilter,
                                                 *F.Out.Analysis);
          A->Summaries = F.Job.Summaries;
        }
        return std::make_unique<SummaryConsumer>(F.Cfg, F.Out, std::move(A));
      }
      SummaryFactory &F;
    };
    return std::make_unique<Action>(*this);
  }

private:
  const Config &Cfg;
  SummaryResult &Out;
  const TUJob &Job;
  const llvm::Regex *HeaderFilter;
  bool AlsoAnalyse;
};

/// Runs \p Factory's action over \p Job's file with crossuser's compiler
/// settings; false when the tool failed.
bool runTool(const TUJob &Job, FrontendActionFactory &Factory,
             std::string &Diagnostics) {
  PrefetchedDatabase DB(Job.Commands);
  // A physical file system of its own: the shared real one would change the
  // process's working directory for every compile command's directory.
  ClangTool Tool(DB, {Job.File}, std::make_shared<PCHContainerOperations>(),
                 llvm::vfs::createPhysicalFileSystem());
  // Compiler warnings are the build's business; only errors matter here.
  // Without carets in the invocation's options, clang does not print
  // "N errors generated." straight to stderr (the printer below keeps its
  // own carets); the driver reports the failure in file order instead of
  // ClangTool's "Error while processing".
  Tool.appendArgumentsAdjuster(getInsertArgumentAdjuster(
      {"-w", "-fno-caret-diagnostics",
       "-resource-dir=" CROSSUSER_CLANG_RESOURCE_DIR},
      ArgumentInsertPosition::END));
  Tool.setPrintErrorMessage(false);
  llvm::raw_string_ostream DiagOS(Diagnostics);
  IntrusiveRefCntPtr<DiagnosticOptions> DiagOpts = new DiagnosticOptions();
  TextDiagnosticPrinter Printer(DiagOS, DiagOpts.get());
  Tool.setDiagnosticConsumer(&Printer);
  int RC = Tool.run(&Factory);
  DiagOS.flush();
  return RC == 0;
}

/// Records every file the preprocessor enters, and nothing else: no AST.
class IncludesAction : public PreprocessOnlyAction {
public:
  explicit IncludesAction(std::vector<std::string> &Out) : Out(Out) {}

protected:
  void EndSourceFileAction() override {
    SourceManager &SM = getCompilerInstance().getSourceManager();
    for (auto It = SM.fileinfo_begin(), End = SM.fileinfo_end(); It != End; ++It)
      Out.push_back(It->first->getName().str());
    PreprocessOnlyAction::EndSourceFileAction();
  }

private:
  std::vector<std::string> &Out;
};

class IncludesFactory : public FrontendActionFactory {
public:
  explicit IncludesFactory(std::vector<std::string> &Out) : Out(Out) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<IncludesAction>(Out);
  }

private:
  std::vector<std::string> &Out;
};

/// The dependency file \p C writes, or empty: `-MF FILE`, else with -MD or
/// -MMD the `-o` object with `.d` for its extension (as GCC and clang name
/// it).
std::string dependencyFilePath(const CompileCommand &C) {
  bool WritesDeps = false;
  std::string MF, Object;
  const std::vector<std::string> &A = C.CommandLine;
  for (size_t I = 0; I < A.size(); ++I) {
    StringRef Arg = A[I];
    if (Arg == "-MD" || Arg == "-MMD")
      WritesDeps = true;
    else if (Arg == "-MF" && I + 1 < A.size())
      MF = A[++I];
    else if (Arg.startswith("-MF"))
      MF = Arg.drop_front(3).str();
    else if (Arg == "-o" && I + 1 < A.size())
      Object = A[++I];
    else if (Arg.startswith("-o") && Arg.size() > 2)
      Object = Arg.drop_front(2).str();
  }
  std::string Path = MF;
  if (Path.empty() && WritesDeps && !Object.empty()) {
    llvm::SmallString<256> D(Object);
    llvm::sys::path::replace_extension(D, "d");
    Path = std::string(D);
  }
  if (Path.empty() || !WritesDeps)
    return "";
  llvm::SmallString<256> Abs(Path);
  if (!llvm::sys::path::is_absolute(Abs)) {
    Abs = C.Directory;
    llvm::sys::path::append(Abs, Path);
  }
  return std::string(Abs);
}

std::string normalised(StringRef Path, StringRef Dir) {
  llvm::SmallString<256> Abs(Path);
  if (!llvm::sys::path::is_absolute(Abs)) {
    Abs = Dir;
    llvm::sys::path::append(Abs, Path);
  }
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

} // namespace

std::vector<std::string> parseDependencyFile(StringRef Text, StringRef Dir) {
  std::vector<std::string> Out;
  // Make syntax: `target...: prerequisite...`, lines continued by a
  // backslash, spaces in names escaped (`\ `), `$$` for `$`; -MP adds a
  // `header.h:` rule per header, which names nothing new.
  std::string Word;
  bool AfterColon = false;
  auto Flush = [&] {
    if (!Word.empty() && AfterColon)
      Out.push_back(normalised(Word, Dir));
    Word.clear();
  };
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (C == '\\' && I + 1 < Text.size() &&
        (Text[I + 1] == '\n' || Text[I + 1] == '\r')) {
      Flush();
      I += Text.substr(I + 1).startswith("\r\n") ? 2 : 1;
      continue;
    }
    if (C == '\\' && I + 1 < Text.size() && (Text[I + 1] == ' ' || Text[I + 1] == '#')) {
      Word += Text[++I];
      continue;
    }
    if (C == '$' && I + 1 < Text.size() && Text[I + 1] == '$') {
      Word += '$';
      ++I;
      continue;
    }
    if (C == '\n') {
      Flush();
      AfterColon = false;
      continue;
    }
    // The separator is a colon followed by a blank or the end of the line
    // (not the drive colon of `C:\\`).
    if (C == ':' && !AfterColon &&
        (I + 1 == Text.size() || Text[I + 1] == ' ' || Text[I + 1] == '\t' ||
         Text[I + 1] == '\n' || Text[I + 1] == '\r' || Text[I + 1] == '\\')) {
      Word.clear();
      AfterColon = true;
      continue;
    }
    if (C == ' ' || C == '\t' || C == '\r') {
      Flush();
      continue;
    }
    Word += C;
  }
  Flush();
  return Out;
}

std::vector<std::string> dependenciesOf(const TUJob &Job, bool &FromDepFile) {
  std::vector<std::string> Out;
  FromDepFile = true;
  for (const CompileCommand &C : Job.Commands) {
    std::string Path = dependencyFilePath(C);
    if (Path.empty()) {
      FromDepFile = false;
      break;
    }
    auto Buf = llvm::MemoryBuffer::getFile(Path);
    if (!Buf) {
      FromDepFile = false;
      break;
    }
    std::vector<std::string> Deps =
        parseDependencyFile((*Buf)->getBuffer(), C.Directory);
    if (Deps.empty()) {
      FromDepFile = false;
      break;
    }
    Out.insert(Out.end(), Deps.begin(), Deps.end());
  }
  if (FromDepFile)
    return Out;
  Out.clear();
  std::vector<std::string> Raw;
  IncludesFactory Factory(Raw);
  std::string Diagnostics;
  if (!runTool(Job, Factory, Diagnostics))
    return {};
  for (const std::string &F : Raw)
    Out.push_back(normalised(F, Job.Commands.empty() ? "" : Job.Commands.front().Directory));
  return Out;
}

TUResult analyzeTU(const TUJob &Job, llvm::StringRef HeaderFilter) {
  TUResult Result;
  // One Regex per thread: matching mutates no shared state then.
  std::optional<llvm::Regex> Filter;
  if (!HeaderFilter.empty())
    Filter.emplace(HeaderFilter);
  ActionFactory Factory(*Job.Config, Filter ? &*Filter : nullptr, Result,
                        Job.Summaries);
  if (!runTool(Job, Factory, Result.Diagnostics))
    Result.Failed = true;
  if (Result.Failed)
    Result.Findings.clear();
  return Result;
}

const Config &summaryConfig(const TUJob &Job) {
  static const Config Defaults = Config::defaults();
  if (Job.Config && !Job.Config->Enabled.empty())
    return Job.Config->Enabled.front().second;
  return Defaults;
}

std::string commandKey(const TUJob &Job) {
  std::string Text = std::string(crossuserVersion()) + "\n" +
                     std::to_string(SummaryFormatVersion) + "\n" +
                     configHash(summaryConfig(Job)) + "\n";
  for (const CompileCommand &C : Job.Commands) {
    Text += C.Directory + "\n" + C.Filename + "\n";
    for (const std::string &A : C.CommandLine)
      Text += A + '\0';
    Text += "\n";
  }
  return ContentHashes::hashText(Text);
}

SummaryResult summariseTU(const TUJob &Job, bool AlsoAnalyse,
                          llvm::StringRef HeaderFilter) {
  SummaryResult Result;
  Config Cfg = summaryConfig(Job);
  Cfg.Summaries = Job.Summaries;
  std::optional<llvm::Regex> Filter;
  if (!HeaderFilter.empty())
    Filter.emplace(HeaderFilter);
  SummaryFactory Factory(Cfg, Result, Job, Filter ? &*Filter : nullptr,
                         AlsoAnalyse && Job.Config);
  if (!runTool(Job, Factory, Result.Diagnostics))
    Result.Failed = true;
  if (Result.Failed)
    Result.Analysis.reset();
  else if (Result.Analysis)
    Result.Analysis->Diagnostics = Result.Diagnostics;
  Result.Summary.Producer = crossuserVersion();
  Result.Summary.TU = Job.File;
  Result.Summary.CommandKey = commandKey(Job);
  return Result;
}

} // namespace crossuser
