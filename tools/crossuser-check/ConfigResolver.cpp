#include "ConfigResolver.h"
#include "Analysis/Config.h"
#include "Options/CheckSelection.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/raw_ostream.h"

namespace crossuser {

ConfigResolver::ConfigResolver(const DriverOptions &Opts, ErrorSink &Errors)
    : Opts(Opts), Errors(Errors), Lookup(Opts.ConfigFile) {}

const FileConfig *ConfigResolver::forFile(llvm::StringRef File) {
  std::string Dir = llvm::sys::path::parent_path(File).str();
  auto It = Cache.find(Dir);
  if (It != Cache.end())
    return It->second.get();
  std::unique_ptr<FileConfig> &Entry = Cache[Dir];
  llvm::Expected<ResolvedConfig> Read = Lookup.forFile(File);
  if (!Read) {
    report(llvm::toString(Read.takeError()));
    return nullptr;
  }
  ResolvedConfig &CF = *Read;
  for (const std::string &W : CF.Warnings)
    if (Warned.insert(W).second)
      llvm::errs() << "crossuser-check: warning: " << W << "\n";
  const std::string &Path = CF.Path;
  std::string Checks = !Opts.Checks.empty()   ? Opts.Checks
                       : !CF.Checks.empty()   ? CF.Checks
                                              : std::string("crossuser-*");
  if (std::optional<std::string> Bad = unknownCheck(Checks)) {
    report("unknown check '" + *Bad + "'" +
           (Opts.Checks.empty() ? " in '" + Path + "'" : std::string()) +
           "; known checks: " + knownCheckList());
    return nullptr;
  }
  auto Result = std::make_unique<FileConfig>();
  // As clang-tidy: --header-filter, even empty, overrides the file; an
  // empty regular expression matches no header.
  if (Opts.HeaderFilter) {
    Result->HeaderFilter = *Opts.HeaderFilter;
  } else if (CF.HeaderFilterRegex && !CF.HeaderFilterRegex->empty()) {
    std::string RegexError;
    if (!llvm::Regex(*CF.HeaderFilterRegex).isValid(RegexError)) {
      report("'" + Path + "': malformed HeaderFilterRegex '" +
             *CF.HeaderFilterRegex + "': " + RegexError);
      return nullptr;
    }
    Result->HeaderFilter = *CF.HeaderFilterRegex;
  }
  Result->WarningsAsErrors = CF.WarningsAsErrors;
  Result->ExtraArgsBefore = CF.ExtraArgsBefore;
  Result->ExtraArgsBefore.insert(Result->ExtraArgsBefore.end(),
                                 Opts.ExtraArgsBefore.begin(),
                                 Opts.ExtraArgsBefore.end());
  Result->ExtraArgs = CF.ExtraArgs;
  Result->ExtraArgs.insert(Result->ExtraArgs.end(), Opts.ExtraArgs.begin(),
                           Opts.ExtraArgs.end());
  Result->Checks = Checks;
  Result->Origin = !Opts.Checks.empty() ? "--checks='" + Checks + "'"
                   : !CF.Checks.empty()
                       ? "Checks '" + Checks + "' in '" + Path + "'"
                       : "the default checks 'crossuser-*'";
  if (Opts.Checks.empty() && enablesNoCheck(Checks) && listsOtherChecks(Checks))
    llvm::errs() << "crossuser-check: warning: "
                 << otherChecksOnlyMessage(Path, Checks) << "\n";
  Result->Enabled = enabledChecks(Checks, CF.Options);
  Raw[Dir] = std::move(CF.Options);
  Entry = std::move(Result);
  return Entry.get();
}

std::string ConfigResolver::rawValue(llvm::StringRef File,
                                     llvm::StringRef Check,
                                     llvm::StringRef Name) {
  if (std::optional<std::string> V = configuredValue(
          Raw[llvm::sys::path::parent_path(File).str()], Check, Name))
    return *V;
  for (const OptionSpec &S : optionSpecs())
    if (Name == S.Name)
      return S.Default;
  return "";
}

void ConfigResolver::report(const std::string &Msg) {
  if (Reported.insert(Msg).second)
    Errors.report(Msg);
  else
    ++Errors.Count;
}

} // namespace crossuser
