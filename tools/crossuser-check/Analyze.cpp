#include "Analyze.h"
#include "Analysis/Suppression.h"
#include "EnclosingFunction.h"
#include "Fingerprint.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <optional>

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

  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (Ctx.getDiagnostics().hasErrorOccurred()) {
      Out.Failed = true;
      return;
    }
    const SourceManager &SM = Ctx.getSourceManager();
    std::optional<FunctionIndex> Functions;
    for (const auto &[Check, CheckCfg] : Cfg.Enabled)
      for (const Finding &F : Check->Run(Ctx, CheckCfg)) {
        if (!reported(SM, F.Loc))
          continue;
        if (isSuppressedByNolint(SM, F.Loc, F.Check))
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
  }

private:
  /// As clang-tidy: the main file, and headers that match the header
  /// filter unless they are system headers.
  bool reported(const SourceManager &SM, SourceLocation Loc) const {
    SourceLocation FileLoc = SM.getFileLoc(Loc);
    if (SM.isInMainFile(FileLoc))
      return true;
    if (!HeaderFilter || SM.isInSystemHeader(FileLoc))
      return false;
    PresumedLoc P = SM.getPresumedLoc(FileLoc, /*UseLineDirectives=*/false);
    return P.isValid() && HeaderFilter->match(P.getFilename());
  }

  const FileConfig &Cfg;
  const llvm::Regex *HeaderFilter;
  TUResult &Out;
};

class AnalysisAction : public ASTFrontendAction {
public:
  AnalysisAction(const FileConfig &Cfg, const llvm::Regex *HeaderFilter,
                 TUResult &Out)
      : Cfg(Cfg), HeaderFilter(HeaderFilter), Out(Out) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &,
                                                 StringRef) override {
    return std::make_unique<AnalysisConsumer>(Cfg, HeaderFilter, Out);
  }

private:
  const FileConfig &Cfg;
  const llvm::Regex *HeaderFilter;
  TUResult &Out;
};

class ActionFactory : public FrontendActionFactory {
public:
  ActionFactory(const FileConfig &Cfg, const llvm::Regex *HeaderFilter,
                TUResult &Out)
      : Cfg(Cfg), HeaderFilter(HeaderFilter), Out(Out) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<AnalysisAction>(Cfg, HeaderFilter, Out);
  }

private:
  const FileConfig &Cfg;
  const llvm::Regex *HeaderFilter;
  TUResult &Out;
};

} // namespace

TUResult analyzeTU(const TUJob &Job, llvm::StringRef HeaderFilter) {
  TUResult Result;
  // One Regex per thread: matching mutates no shared state then.
  std::optional<llvm::Regex> Filter;
  if (!HeaderFilter.empty())
    Filter.emplace(HeaderFilter);
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
  llvm::raw_string_ostream DiagOS(Result.Diagnostics);
  IntrusiveRefCntPtr<DiagnosticOptions> DiagOpts = new DiagnosticOptions();
  TextDiagnosticPrinter Printer(DiagOS, DiagOpts.get());
  Tool.setDiagnosticConsumer(&Printer);
  ActionFactory Factory(*Job.Config, Filter ? &*Filter : nullptr, Result);
  int RC = Tool.run(&Factory);
  DiagOS.flush();
  if (RC != 0)
    Result.Failed = true;
  if (Result.Failed)
    Result.Findings.clear();
  return Result;
}

} // namespace crossuser
