#include "Options/ConfigFile.h"
#include "Analysis/Config.h"
#include "Options/ListValue.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"

namespace crossuser {

static llvm::Error fail(llvm::StringRef Path, const llvm::Twine &Msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "'" + Path + "': " + Msg);
}

static std::optional<std::string> scalar(llvm::yaml::Node *N) {
  llvm::SmallString<64> Storage;
  if (auto *S = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(N))
    return S->getValue(Storage).str();
  if (auto *B = llvm::dyn_cast_or_null<llvm::yaml::BlockScalarNode>(N))
    return B->getValue().str();
  return std::nullopt;
}

/// A global `IdentityNames` or a rule option of one check
/// (`crossuser-cacheable-response.HeaderSetters`): an option the engine
/// knows must have a value it accepts, and a model option is global. An unknown name
/// is no error here: the front ends warn about it with a suggestion
/// (unknownOptionMessage), as `clang-tidy --verify-config` does.
static llvm::Error checkOption(llvm::StringRef Path, llvm::StringRef Key,
                               llvm::StringRef Value) {
  llvm::StringRef Name = Key;
  if (Key.startswith("crossuser-")) {
    size_t Dot = Key.find('.');
    if (Dot == llvm::StringRef::npos)
      return fail(Path, "option '" + Key + "' has no check prefix");
    Name = Key.drop_front(Dot + 1);
    if (std::optional<std::string> Msg = localModelOptionMessage(Key))
      return fail(Path, *Msg);
  } else if (Key.contains('.')) {
    return llvm::Error::success(); // another tool's check
  }
  for (const OptionSpec &S : optionSpecs())
    if (Name == S.Name) {
      if (std::optional<std::string> Bad =
              validateOption(Name, expandListValue(Name, Value)))
        return fail(Path, "option '" + Key + "': " + *Bad);
      return llvm::Error::success();
    }
  return llvm::Error::success();
}

llvm::Expected<ConfigFile> parseConfigFile(llvm::StringRef Text,
                                           llvm::StringRef Path) {
  ConfigFile CF;
  CF.Path = Path.str();
  llvm::SourceMgr SM;
  std::string Diag;
  SM.setDiagHandler(
      [](const llvm::SMDiagnostic &D, void *Ctx) {
        auto *Out = static_cast<std::string *>(Ctx);
        if (Out->empty())
          *Out = ("line " + llvm::Twine(D.getLineNo()) + ": " + D.getMessage())
                     .str();
      },
      &Diag);
  {
    // A first pass over the whole document, so that a syntax error is
    // reported as such and not as whatever shape the parser recovered to.
    llvm::yaml::Stream Check(Text, SM);
    for (llvm::yaml::Document &D : Check)
      if (llvm::yaml::Node *N = D.getRoot())
        N->skip();
    if (!Diag.empty() || Check.failed())
      return fail(Path, "malformed YAML: " + (Diag.empty() ? "syntax error" : Diag));
  }
  llvm::yaml::Stream Stream(Text, SM);
  auto DocIt = Stream.begin();
  if (DocIt == Stream.end())
    return CF;
  llvm::yaml::Node *Root = DocIt->getRoot();
  if (!Diag.empty())
    return fail(Path, "malformed YAML: " + Diag);
  if (!Root || llvm::isa<llvm::yaml::NullNode>(Root))
    return CF;
  auto *Top = llvm::dyn_cast<llvm::yaml::MappingNode>(Root);
  if (!Top)
    return fail(Path, "expected a mapping of configuration keys");
  for (llvm::yaml::KeyValueNode &KV : *Top) {
    std::optional<std::string> Key = scalar(KV.getKey());
    if (!Diag.empty())
      return fail(Path, "malformed YAML: " + Diag);
    if (!Key)
      return fail(Path, "expected a plain key");
    llvm::yaml::Node *Value = KV.getValue();
    if (*Key == "Checks") {
      std::optional<std::string> V = scalar(Value);
      if (!V)
        return fail(Path, "'Checks' must be a string");
      CF.Checks = *V;
    } else if (*Key == "CheckOptions") {
      auto Add = [&](llvm::yaml::Node *K, llvm::yaml::Node *V) -> llvm::Error {
        std::optional<std::string> KS = scalar(K), VS = scalar(V);
        if (!KS || !VS)
          return fail(Path, "each CheckOptions entry needs a string key and value");
        *VS = resolveConfigPaths(Path, *KS, *VS);
        if (llvm::Error E = checkOption(Path, *KS, *VS))
          return E;
        CF.Options[*KS] = *VS;
        return llvm::Error::success();
      };
      if (auto *Map = llvm::dyn_cast_or_null<llvm::yaml::MappingNode>(Value)) {
        for (llvm::yaml::KeyValueNode &Opt : *Map)
          if (llvm::Error E = Add(Opt.getKey(), Opt.getValue()))
            return E;
      } else if (auto *Seq =
                     llvm::dyn_cast_or_null<llvm::yaml::SequenceNode>(Value)) {
        for (llvm::yaml::Node &Item : *Seq) {
          auto *Entry = llvm::dyn_cast<llvm::yaml::MappingNode>(&Item);
          if (!Entry)
            return fail(Path, "each CheckOptions entry must be a mapping");
          llvm::yaml::Node *K = nullptr, *V = nullptr;
          for (llvm::yaml::KeyValueNode &F : *Entry) {
            std::optional<std::string> FK = scalar(F.getKey());
            if (FK && *FK == "key")
              K = F.getValue();
            else if (FK && *FK == "value")
              V = F.getValue();
          }
          if (llvm::Error E = Add(K, V))
            return E;
        }
      } else if (!llvm::isa_and_nonnull<llvm::yaml::NullNode>(Value)) {
        return fail(Path, "'CheckOptions' must be a mapping or a list");
      }
    } else if (!Value) {
      // After some syntax errors that the first pass let through, e.g. a
      // stray directive ("h:\n%"); found by test/fuzz/ConfigFileFuzzer.cpp.
      return fail(Path, "malformed YAML: " +
                            (Diag.empty() ? std::string("syntax error") : Diag));
    } else {
      Value->skip();
    }
    if (!Diag.empty())
      return fail(Path, "malformed YAML: " + Diag);
  }
  if (!Diag.empty())
    return fail(Path, "malformed YAML: " + Diag);
  return CF;
}

} // namespace crossuser
