/// crossuser-check: runs crossuser's checks over a compilation database, for CI.
#include "Analysis/Checks.h"
#include "Analysis/Config.h"
#include "Analysis/Suppression.h"
#include "Options/CheckSelection.h"
#include "Options/ConfigFile.h"
#include "Report.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace clang::tooling;
namespace cl = llvm::cl;

namespace crossuser {
namespace {

cl::OptionCategory Category("crossuser-check options");

cl::opt<std::string> BuildPath(
    "p", cl::desc("Build directory containing compile_commands.json"),
    cl::value_desc("build-dir"), cl::cat(Category));
cl::list<std::string> SourcePaths(cl::Positional,
                                  cl::desc("[<source file> ...]"),
                                  cl::cat(Category));
cl::opt<std::string> ChecksOpt(
    "checks",
    cl::desc("Comma-separated globs of checks to run, as in clang-tidy "
             "(default: crossuser-*, or the Checks of the .clang-tidy file)"),
    cl::cat(Category));
cl::opt<std::string> ConfigFileOpt(
    "config-file",
    cl::desc("A .clang-tidy-format file with CheckOptions (default: the "
             "nearest .clang-tidy above each source file)"),
    cl::value_desc("file"), cl::cat(Category));

cl::opt<bool> DumpConfig(
    "dump-config",
    cl::desc("Print the effective configuration for the given file (or the "
             "current directory) as a .clang-tidy file and exit"),
    cl::cat(Category));

/// Tool errors go to stderr, one line each, and make the exit code 2.
struct ErrorSink {
  unsigned Count = 0;
  void report(const llvm::Twine &Msg) {
    ++Count;
    llvm::errs() << "crossuser-check: error: " << Msg << "\n";
  }
};

/// The result of analysing one translation unit.
struct TUResult {
  std::vector<ReportFinding> Findings;
  bool CompileError = false;
};

/// What a file is analysed with: the enabled checks, each with its
/// configuration (options may differ per check, as in clang-tidy).
struct FileConfig {
  std::string Checks;
  std::vector<std::pair<const CheckInfo *, Config>> Enabled;
};

class AnalysisConsumer : public ASTConsumer {
public:
  AnalysisConsumer(const FileConfig &Cfg, TUResult &Out) : Cfg(Cfg), Out(Out) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (Ctx.getDiagnostics().hasErrorOccurred()) {
      Out.CompileError = true;
      return;
    }
    const SourceManager &SM = Ctx.getSourceManager();
    for (const auto &[Check, CheckCfg] : Cfg.Enabled)
      for (const Finding &F : Check->Run(Ctx, CheckCfg)) {
        // As clang-tidy without a header filter: the main file only.
        if (!SM.isInMainFile(SM.getFileLoc(F.Loc)))
          continue;
        if (isSuppressedByNolint(SM, F.Loc, F.Check))
          continue;
        Out.Findings.push_back(toReportFinding(SM, F));
      }
  }

private:
  const FileConfig &Cfg;
  TUResult &Out;
};

class AnalysisAction : public ASTFrontendAction {
public:
  AnalysisAction(const FileConfig &Cfg, TUResult &Out) : Cfg(Cfg), Out(Out) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &,
                                                 StringRef) override {
    return std::make_unique<AnalysisConsumer>(Cfg, Out);
  }

private:
  const FileConfig &Cfg;
  TUResult &Out;
};

class ActionFactory : public FrontendActionFactory {
public:
  ActionFactory(const FileConfig &Cfg, TUResult &Out) : Cfg(Cfg), Out(Out) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<AnalysisAction>(Cfg, Out);
  }

private:
  const FileConfig &Cfg;
  TUResult &Out;
};

/// The configuration for one file: --config-file, or the nearest
/// .clang-tidy, or the defaults. Files are read once.
class ConfigResolver {
public:
  ConfigResolver(ErrorSink &Errors) : Errors(Errors) {}

  /// Returns null after reporting an error.
  const FileConfig *forFile(llvm::StringRef File) {
    std::string Path = pathFor(File);
    auto It = Cache.find(Path);
    if (It != Cache.end())
      return It->second.get();
    ConfigFile CF;
    if (!Path.empty()) {
      llvm::Expected<ConfigFile> Read = readConfigFile(Path);
      if (!Read) {
        Errors.report(llvm::toString(Read.takeError()));
        Cache[Path] = nullptr;
        return nullptr;
      }
      CF = std::move(*Read);
    }
    std::string Checks = !ChecksOpt.empty()      ? ChecksOpt.getValue()
                         : !CF.Checks.empty()    ? CF.Checks
                                                 : std::string("crossuser-*");
    if (std::optional<std::string> Bad = unknownCheck(Checks)) {
      Errors.report("unknown check '" + *Bad + "'" +
                    (ChecksOpt.empty() ? " in '" + Path + "'" : std::string()) +
                    "; known checks: " + knownCheckList());
      Cache[Path] = nullptr;
      return nullptr;
    }
    Raw[Path] = CF.Options;
    auto Entry = std::make_unique<FileConfig>();
    Entry->Checks = Checks;
    Entry->Enabled = enabledChecks(Checks, CF.Options);
    auto *Result = Entry.get();
    Cache[Path] = std::move(Entry);
    return Result;
  }

  /// The configured (or default) text of option \p Name of \p Check for
  /// \p File.
  std::string rawValue(llvm::StringRef File, llvm::StringRef Check,
                       llvm::StringRef Name) {
    if (std::optional<std::string> V =
            configuredValue(Raw[pathFor(File)], Check, Name))
      return *V;
    for (const OptionSpec &S : optionSpecs())
      if (Name == S.Name)
        return S.Default;
    return "";
  }

private:
  static std::string pathFor(llvm::StringRef File) {
    return ConfigFileOpt.empty()
               ? findConfigFile(llvm::sys::path::parent_path(File))
               : ConfigFileOpt.getValue();
  }

  ErrorSink &Errors;
  std::map<std::string, std::unique_ptr<FileConfig>> Cache;
  std::map<std::string, llvm::StringMap<std::string>> Raw;
};

int run(int argc, const char **argv) {
  ErrorSink Errors;
  std::string FixedError;
  std::unique_ptr<CompilationDatabase> Fixed =
      FixedCompilationDatabase::loadFromCommandLine(argc, argv, FixedError);
  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "crossuser-check " << CROSSUSER_VERSION << " (LLVM " << LLVM_VERSION_STRING
       << ")\n";
  });
  if (!cl::ParseCommandLineOptions(
          argc, argv,
          "Finds code that serves one user's data to another.\n\n"
          "  crossuser-check -p build/ [files...]\n"
          "  crossuser-check file.cpp -- -std=c++17 -Iinclude\n\n"
          "Exit status: 0 no findings, 1 findings, 2 tool or input error.\n",
          &llvm::errs()))
    return 2;
  if (DumpConfig) {
    ConfigResolver Configs(Errors);
    llvm::SmallString<256> Where;
    if (!SourcePaths.empty()) {
      Where = SourcePaths.front();
    } else {
      // A file name in the current directory: its .clang-tidy applies.
      llvm::sys::fs::current_path(Where);
      llvm::sys::path::append(Where, "-");
    }
    llvm::sys::fs::make_absolute(Where);
    const auto *Cfg = Configs.forFile(Where);
    if (!Cfg)
      return 2;
    llvm::outs() << "Checks: '" << Cfg->Checks << "'\nCheckOptions:\n";
    for (const auto &Enabled : Cfg->Enabled)
      for (const OptionSpec &S : optionSpecs())
        llvm::outs() << "  " << Enabled.first->Name << "." << S.Name << ": '"
                     << Configs.rawValue(Where, Enabled.first->Name, S.Name)
                     << "'\n";
    return 0;
  }
  if (!Fixed && !FixedError.empty()) {
    Errors.report(FixedError);
    return 2;
  }

  std::unique_ptr<CompilationDatabase> DB;
  std::string DBName;
  const bool FromCommandLine = Fixed != nullptr;
  if (Fixed) {
    DB = std::move(Fixed);
    DBName = "the command line after '--'";
  } else if (!BuildPath.empty()) {
    std::string Err;
    DB = CompilationDatabase::loadFromDirectory(BuildPath, Err);
    llvm::SmallString<256> JSON(BuildPath.getValue());
    llvm::sys::path::append(JSON, "compile_commands.json");
    DBName = std::string(JSON);
    if (!DB) {
      if (!llvm::sys::fs::exists(JSON))
        Errors.report("no compilation database: '" + JSON +
                      "' does not exist (configure with "
                      "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON)");
      else
        Errors.report("'" + JSON + "': " + Err);
      return 2;
    }
  } else if (!SourcePaths.empty()) {
    std::string Err;
    DB = CompilationDatabase::autoDetectFromSource(SourcePaths.front(), Err);
    if (!DB) {
      Errors.report("no compilation database found for '" +
                    SourcePaths.front() +
                    "': pass -p BUILD_DIR, or compiler flags after '--'");
      return 2;
    }
    DBName = "the detected compile_commands.json";
  } else {
    Errors.report("no input: pass -p BUILD_DIR, source files, or both");
    return 2;
  }

  std::vector<std::string> Files(SourcePaths.begin(), SourcePaths.end());
  if (Files.empty()) {
    Files = DB->getAllFiles();
    std::sort(Files.begin(), Files.end());
    if (Files.empty()) {
      Errors.report("'" + DBName + "' lists no files");
      return 2;
    }
  }

  // A JSON database answers for any file by interpolating a neighbour's
  // flags; a file the user names must really be in it.
  llvm::StringSet<> Listed;
  if (!FromCommandLine)
    for (const std::string &F : DB->getAllFiles()) {
      llvm::SmallString<256> A(F);
      llvm::sys::path::remove_dots(A, /*remove_dot_dot=*/true);
      Listed.insert(A);
    }

  ConfigResolver Configs(Errors);
  std::vector<ReportFinding> All;
  unsigned Analysed = 0;
  for (const std::string &File : Files) {
    llvm::SmallString<256> Abs(File);
    llvm::sys::fs::make_absolute(Abs);
    llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
    if (!llvm::sys::fs::exists(Abs)) {
      Errors.report("'" + File + "': no such file");
      continue;
    }
    if ((!Listed.empty() && !Listed.contains(Abs)) ||
        DB->getCompileCommands(Abs).empty()) {
      Errors.report("'" + File + "' is not in " + DBName);
      continue;
    }
    const auto *Cfg = Configs.forFile(Abs);
    if (!Cfg)
      continue;
    TUResult Result;
    ClangTool Tool(*DB, {std::string(Abs)});
    // Compiler warnings are the build's business; only errors matter here.
    Tool.appendArgumentsAdjuster(getInsertArgumentAdjuster(
        {"-w", "-resource-dir=" CROSSUSER_CLANG_RESOURCE_DIR},
        ArgumentInsertPosition::END));
    ActionFactory Factory(*Cfg, Result);
    int RC = Tool.run(&Factory);
    if (RC != 0 || Result.CompileError) {
      Errors.report("'" + File + "' does not compile; it was not analysed");
      continue;
    }
    ++Analysed;
    for (ReportFinding &F : Result.Findings)
      All.push_back(std::move(F));
  }

  sortFindings(All);
  printText(llvm::outs(), All);
  llvm::outs().flush();
  llvm::errs() << "crossuser-check: " << All.size()
               << (All.size() == 1 ? " finding" : " findings") << " in "
               << Analysed << (Analysed == 1 ? " file" : " files");
  if (Errors.Count)
    llvm::errs() << ", " << Errors.Count
                 << (Errors.Count == 1 ? " error" : " errors");
  llvm::errs() << "\n";
  if (Errors.Count)
    return 2;
  return All.empty() ? 0 : 1;
}

} // namespace
} // namespace crossuser

int main(int argc, const char **argv) { return crossuser::run(argc, argv); }
