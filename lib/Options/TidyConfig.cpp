#include "Options/TidyConfig.h"
#include "Options/CheckSelection.h"
#include "Options/ConfigFile.h"
#include "ClangTidyModuleRegistry.h"
#include "ClangTidyOptions.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <map>

// ClangTidyOptions::getDefaults() walks the registry of clang-tidy modules,
// which clang-tidy's ClangTidy.cpp defines; the tool and the plugin link
// only the options library and register no module, but the linker still
// needs the (empty) registry.
LLVM_INSTANTIATE_REGISTRY(clang::tidy::ClangTidyModuleRegistry)

namespace crossuser {

using clang::tidy::ClangTidyOptions;
using clang::tidy::ClangTidyOptionsProvider;

namespace {

/// clang-tidy's lookup of `.clang-tidy` files up the directory tree, with
/// crossuser's reader as the parser. clang-tidy 16's constructor that takes
/// parsers leaves the file system unset, and a lookup without one finds no
/// directory; the real one is set here.
class TidyFileProvider : public clang::tidy::FileOptionsProvider {
public:
  using Parser = std::function<ClangTidyOptions(llvm::MemoryBufferRef)>;
  explicit TidyFileProvider(Parser Parse)
      : FileOptionsProvider({}, {}, {}, handlers(std::move(Parse))) {
    FS = llvm::vfs::getRealFileSystem();
  }

private:
  static ConfigFileHandlers handlers(Parser Parse) {
    ConfigFileHandlers H;
    H.emplace_back(".clang-tidy",
                   [Parse = std::move(Parse)](llvm::MemoryBufferRef Buf)
                       -> llvm::ErrorOr<ClangTidyOptions> { return Parse(Buf); });
    return H;
  }
};

} // namespace

struct ConfigLookup::Impl {
  std::string Explicit;
  /// Errors and warnings of each file read, by path.
  std::map<std::string, std::string> Errors;
  std::map<std::string, std::vector<std::string>> Warnings;
  std::optional<ClangTidyOptions> ExplicitOptions;
  TidyFileProvider Files{[this](llvm::MemoryBufferRef B) { return parse(B); }};

  /// One file: crossuser's reader first (its messages for malformed YAML
  /// and values), then clang-tidy's parser (unknown keys, wrong types). A
  /// file with an error yields no options, which also ends the search for
  /// parents; the error is recorded and reported by forFile.
  ClangTidyOptions parse(llvm::MemoryBufferRef Buf) {
    std::string Path = Buf.getBufferIdentifier().str();
    llvm::Expected<ConfigFile> CF = parseConfigFile(Buf.getBuffer(), Path);
    if (!CF) {
      Errors[Path] = llvm::toString(CF.takeError());
      return {};
    }
    std::string First;
    llvm::ErrorOr<ClangTidyOptions> Parsed =
        clang::tidy::parseConfigurationWithDiags(
            Buf, [&](const llvm::SMDiagnostic &D) {
              if (First.empty() && D.getKind() == llvm::SourceMgr::DK_Error)
                First = ("line " + llvm::Twine(D.getLineNo()) + ": " +
                         D.getMessage())
                            .str();
            });
    if (!Parsed) {
      Errors[Path] = "'" + Path + "': " +
                     (First.empty() ? Parsed.getError().message() : First);
      return {};
    }
    ClangTidyOptions O = std::move(*Parsed);
    // The same values, but with relative paths resolved against this
    // file's directory (ConfigFile.cpp), which clang-tidy does not know.
    for (auto &Opt : O.CheckOptions) {
      auto It = CF->Options.find(Opt.getKey());
      if (It != CF->Options.end())
        Opt.getValue().Value = It->getValue();
      if (std::optional<std::string> W = unknownOptionMessage(Opt.getKey()))
        Warnings[Path].push_back("'" + Path + "': " + *W);
    }
    return O;
  }
};

ConfigLookup::ConfigLookup(std::string ExplicitFile)
    : P(std::make_unique<Impl>()) {
  P->Explicit = std::move(ExplicitFile);
}

ConfigLookup::~ConfigLookup() = default;

llvm::Expected<ResolvedConfig> ConfigLookup::forFile(llvm::StringRef File) {
  std::vector<ClangTidyOptionsProvider::OptionsSource> Sources;
  bool Inherit = true;
  if (!P->Explicit.empty()) {
    if (!P->ExplicitOptions) {
      auto Buf = llvm::MemoryBuffer::getFile(P->Explicit);
      if (!Buf)
        return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                       "'" + P->Explicit + "': cannot read: " +
                                           Buf.getError().message());
      P->ExplicitOptions = P->parse(**Buf);
    }
    // As clang-tidy's ConfigOptionsProvider.
    Inherit = P->ExplicitOptions->InheritParentConfig.value_or(false) &&
              !P->Errors.count(P->Explicit);
  }
  if (Inherit)
    Sources = P->Files.getRawOptions(File);
  if (!P->Explicit.empty())
    Sources.emplace_back(*P->ExplicitOptions, P->Explicit);

  ResolvedConfig R;
  ClangTidyOptions Merged;
  unsigned Order = 0;
  for (const auto &[Options, Source] : Sources) {
    if (Source == ClangTidyOptionsProvider::OptionsSourceTypeDefaultBinary ||
        Source == ClangTidyOptionsProvider::OptionsSourceTypeCheckCommandLineOption ||
        Source == ClangTidyOptionsProvider::OptionsSourceTypeConfigCommandLineOption)
      continue;
    auto Err = P->Errors.find(Source);
    if (Err != P->Errors.end())
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     Err->second);
    auto W = P->Warnings.find(Source);
    if (W != P->Warnings.end())
      R.Warnings.insert(R.Warnings.end(), W->second.begin(), W->second.end());
    Merged.mergeWith(Options, ++Order);
    R.Path = Source;
  }
  R.Checks = Merged.Checks.value_or("");
  for (const auto &Opt : Merged.CheckOptions)
    R.Options[Opt.getKey()] = Opt.getValue().Value;
  R.HeaderFilterRegex = Merged.HeaderFilterRegex;
  R.WarningsAsErrors = Merged.WarningsAsErrors.value_or("");
  if (Merged.ExtraArgs)
    R.ExtraArgs = *Merged.ExtraArgs;
  if (Merged.ExtraArgsBefore)
    R.ExtraArgsBefore = *Merged.ExtraArgsBefore;
  return R;
}

} // namespace crossuser
