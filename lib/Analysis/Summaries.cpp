#include "Analysis/Summaries.h"
#include "Analysis/Config.h"
#include "clang/AST/Decl.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"
#include <algorithm>

namespace json = llvm::json;

namespace crossuser {

#ifndef CROSSUSER_VERSION
#define CROSSUSER_VERSION "unknown"
#endif
const char *crossuserVersion() { return CROSSUSER_VERSION; }

bool FunctionFacts::operator==(const FunctionFacts &O) const {
  return Usr == O.Usr && Name == O.Name && Where == O.Where &&
         ParamNames == O.ParamNames && ResultParams == O.ResultParams &&
         ResultIdentifies == O.ResultIdentifies &&
         ResultPerUser == O.ResultPerUser && OutParams == O.OutParams &&
         Stores == O.Stores && CacheUses == O.CacheUses;
}

static std::string hex64(uint64_t V) {
  char Buf[17];
  snprintf(Buf, sizeof Buf, "%016llx", static_cast<unsigned long long>(V));
  return Buf;
}

static json::Array indices(const std::vector<unsigned> &V) {
  json::Array A;
  for (unsigned I : V)
    A.push_back(static_cast<int64_t>(I));
  return A;
}

static json::Value factsToJSON(const FunctionFacts &F) {
  json::Array Outs, Stores, Uses, Names;
  for (const std::string &N : F.ParamNames)
    Names.push_back(N);
  for (const OutParamFact &O : F.OutParams)
    Outs.push_back(json::Object{{"param", static_cast<int64_t>(O.Param)},
                                {"from", indices(O.From)}});
  for (const StoreFact &S : F.Stores)
    Stores.push_back(json::Object{{"param", static_cast<int64_t>(S.Param)},
                                  {"target", S.Target},
                                  {"kind", S.Kind},
                                  {"where", S.Where}});
  for (const CacheUseFact &U : F.CacheUses)
    Uses.push_back(json::Object{{"cache", U.Cache},
                                {"insert", U.Insert},
                                {"keyParams", indices(U.KeyParams)},
                                {"valueParams", indices(U.ValueParams)},
                                {"perUser", U.PerUser},
                                {"where", U.Where}});
  return json::Object{{"usr", F.Usr},
                      {"name", F.Name},
                      {"where", F.Where},
                      {"params", std::move(Names)},
                      {"resultParams", indices(F.ResultParams)},
                      {"resultIdentifies", F.ResultIdentifies},
                      {"resultPerUser", F.ResultPerUser},
                      {"outParams", std::move(Outs)},
                      {"stores", std::move(Stores)},
                      {"cacheUses", std::move(Uses)}};
}

std::string fullFactsHash(const FunctionFacts &Facts) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << factsToJSON(Facts);
  OS.flush();
  return hex64(llvm::xxHash64(Text));
}

std::string factsHash(const FunctionFacts &Facts) {
  // What callers' summaries depend on: not the evidence's wording or the
  // places named in notes (phase 2 reads those from the index itself), so
  // that a change of wording does not ripple through every caller.
  FunctionFacts Semantic = Facts;
  Semantic.Name.clear();
  Semantic.Where.clear();
  Semantic.ParamNames.clear();
  if (!Semantic.ResultIdentifies.empty())
    Semantic.ResultIdentifies = "yes";
  if (!Semantic.ResultPerUser.empty())
    Semantic.ResultPerUser = "yes";
  for (StoreFact &S : Semantic.Stores)
    S.Where.clear();
  for (CacheUseFact &U : Semantic.CacheUses) {
    U.Where.clear();
    if (!U.PerUser.empty())
      U.PerUser = "yes";
  }
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << factsToJSON(Semantic);
  OS.flush();
  return hex64(llvm::xxHash64(Text));
}

std::string toJSONText(const TUSummary &S) {
  json::Array Inputs, Deps, Functions;
  for (const InputFile &I : S.Inputs)
    Inputs.push_back(json::Object{{"path", I.Path},
                                  {"size", static_cast<int64_t>(I.Size)},
                                  {"hash", I.Hash}});
  for (const auto &[Usr, Hash] : S.Dependencies)
    Deps.push_back(json::Object{{"usr", Usr}, {"facts", Hash}});
  for (const FunctionFacts &F : S.Functions)
    Functions.push_back(factsToJSON(F));
  json::Object Root{{"format", "crossuser-summary"},
                    {"version", static_cast<int64_t>(S.Version)},
                    {"producer", S.Producer},
                    {"tu", S.TU},
                    {"commandKey", S.CommandKey},
                    {"inputs", std::move(Inputs)},
                    {"dependencies", std::move(Deps)},
                    {"functions", std::move(Functions)}};
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << llvm::formatv("{0:2}", json::Value(std::move(Root))) << "\n";
  OS.flush();
  return Text;
}

namespace {
/// Reads fields with one error for the first thing that is wrong.
struct Reader {
  std::string Error;
  bool fail(const llvm::Twine &Msg) {
    if (Error.empty())
      Error = Msg.str();
    return false;
  }
  bool str(const json::Object &O, llvm::StringRef K, std::string &Out) {
    std::optional<llvm::StringRef> V = O.getString(K);
    if (!V)
      return fail("missing string '" + K + "'");
    Out = V->str();
    return true;
  }
  bool list(const json::Object &O, llvm::StringRef K,
            std::vector<unsigned> &Out) {
    const json::Array *A = O.getArray(K);
    if (!A)
      return fail("missing array '" + K + "'");
    for (const json::Value &V : *A) {
      std::optional<int64_t> I = V.getAsInteger();
      if (!I || *I < 0)
        return fail("'" + K + "' holds something other than an index");
      Out.push_back(static_cast<unsigned>(*I));
    }
    return true;
  }
  const json::Array *array(const json::Object &O, llvm::StringRef K) {
    const json::Array *A = O.getArray(K);
    if (!A)
      fail("missing array '" + K + "'");
    return A;
  }
  bool facts(const json::Value &V, FunctionFacts &F) {
    const json::Object *O = V.getAsObject();
    if (!O)
      return fail("a function is not an object");
    if (!str(*O, "usr", F.Usr) || !str(*O, "name", F.Name) ||
        !str(*O, "where", F.Where) || !list(*O, "resultParams", F.ResultParams) ||
        !str(*O, "resultIdentifies", F.ResultIdentifies) ||
        !str(*O, "resultPerUser", F.ResultPerUser))
      return false;
    const json::Array *Names = array(*O, "params");
    const json::Array *Outs = array(*O, "outParams");
    const json::Array *Stores = array(*O, "stores");
    const json::Array *Uses = array(*O, "cacheUses");
    if (!Names || !Outs || !Stores || !Uses)
      return false;
    for (const json::Value &N : *Names) {
      std::optional<llvm::StringRef> S = N.getAsString();
      if (!S)
        return fail("'params' holds something other than a name");
      F.ParamNames.push_back(S->str());
    }
    for (const json::Value &E : *Outs) {
      const json::Object *OO = E.getAsObject();
      std::optional<int64_t> P = OO ? OO->getInteger("param") : std::nullopt;
      OutParamFact Fact;
      if (!P || !list(*OO, "from", Fact.From))
        return fail("malformed 'outParams'");
      Fact.Param = static_cast<unsigned>(*P);
      F.OutParams.push_back(std::move(Fact));
    }
    for (const json::Value &E : *Stores) {
      const json::Object *SO = E.getAsObject();
      std::optional<int64_t> P = SO ? SO->getInteger("param") : std::nullopt;
      StoreFact Fact;
      if (!P || !str(*SO, "target", Fact.Target) || !str(*SO, "kind", Fact.Kind) ||
          !str(*SO, "where", Fact.Where))
        return fail("malformed 'stores'");
      Fact.Param = static_cast<unsigned>(*P);
      F.Stores.push_back(std::move(Fact));
    }
    for (const json::Value &E : *Uses) {
      const json::Object *UO = E.getAsObject();
      CacheUseFact Fact;
      std::optional<bool> Insert = UO ? UO->getBoolean("insert") : std::nullopt;
      if (!Insert || !str(*UO, "cache", Fact.Cache) ||
          !list(*UO, "keyParams", Fact.KeyParams) ||
          !list(*UO, "valueParams", Fact.ValueParams) ||
          !str(*UO, "perUser", Fact.PerUser) || !str(*UO, "where", Fact.Where))
        return fail("malformed 'cacheUses'");
      Fact.Insert = *Insert;
      F.CacheUses.push_back(std::move(Fact));
    }
    return true;
  }
};
} // namespace

llvm::Expected<TUSummary> parseSummary(llvm::StringRef Text) {
  auto Err = [](const llvm::Twine &Msg) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), Msg);
  };
  llvm::Expected<json::Value> Parsed = json::parse(Text);
  if (!Parsed)
    return Err("not valid JSON (" + llvm::toString(Parsed.takeError()) + ")");
  const json::Object *Root = Parsed->getAsObject();
  if (!Root || Root->getString("format") != llvm::StringRef("crossuser-summary"))
    return Err("not a crossuser summary");
  std::optional<int64_t> Version = Root->getInteger("version");
  if (!Version)
    return Err("no format version");
  if (*Version != SummaryFormatVersion) {
    std::string By;
    if (std::optional<llvm::StringRef> P = Root->getString("producer"))
      By = " by crossuser " + P->str();
    return Err("written" + By + " in summary format version " +
               llvm::Twine(*Version) + "; this crossuser reads version " +
               llvm::Twine(SummaryFormatVersion));
  }
  TUSummary S;
  S.Version = static_cast<unsigned>(*Version);
  Reader R;
  const json::Array *Inputs = R.array(*Root, "inputs");
  const json::Array *Deps = R.array(*Root, "dependencies");
  const json::Array *Functions = R.array(*Root, "functions");
  if (R.str(*Root, "producer", S.Producer) && R.str(*Root, "tu", S.TU) &&
      R.str(*Root, "commandKey", S.CommandKey) && Inputs && Deps && Functions) {
    for (const json::Value &V : *Inputs) {
      const json::Object *O = V.getAsObject();
      InputFile F;
      std::optional<int64_t> Size = O ? O->getInteger("size") : std::nullopt;
      if (!Size || !R.str(*O, "path", F.Path) || !R.str(*O, "hash", F.Hash)) {
        R.fail("malformed 'inputs'");
        break;
      }
      F.Size = static_cast<uint64_t>(*Size);
      S.Inputs.push_back(std::move(F));
    }
    for (const json::Value &V : *Deps) {
      const json::Object *O = V.getAsObject();
      std::string Usr, Hash;
      if (!O || !R.str(*O, "usr", Usr) || !R.str(*O, "facts", Hash)) {
        R.fail("malformed 'dependencies'");
        break;
      }
      S.Dependencies.emplace_back(std::move(Usr), std::move(Hash));
    }
    for (const json::Value &V : *Functions) {
      FunctionFacts F;
      if (!R.facts(V, F))
        break;
      S.Functions.push_back(std::move(F));
    }
  }
  if (!R.Error.empty())
    return Err("malformed summary: " + R.Error);
  return S;
}

std::string summaryFileName(llvm::StringRef TU) {
  return llvm::sys::path::filename(TU).str() + "." +
         hex64(llvm::xxHash64(TU)).substr(0, 12) + ".json";
}

std::string ContentHashes::hashText(llvm::StringRef Text) {
  return hex64(llvm::xxHash64(Text));
}

const std::string &ContentHashes::of(llvm::StringRef Path, uint64_t *Size) {
  auto It = Memo.find(Path);
  if (It == Memo.end()) {
    std::pair<uint64_t, std::string> V;
    if (llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buf =
            llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                        /*RequiresNullTerminator=*/false))
      V = {(*Buf)->getBufferSize(), hashText((*Buf)->getBuffer())};
    It = Memo.try_emplace(Path, std::move(V)).first;
  }
  if (Size)
    *Size = It->second.first;
  return It->second.second;
}

std::optional<std::string> staleInput(const TUSummary &S, ContentHashes &H) {
  for (const InputFile &I : S.Inputs) {
    uint64_t Size = 0;
    const std::string &Hash = H.of(I.Path, &Size);
    if (Hash.empty() || Size != I.Size || Hash != I.Hash)
      return I.Path;
  }
  return std::nullopt;
}

void SummaryIndex::finalize() {
  std::stable_sort(TUs.begin(), TUs.end(),
                   [](const TUSummary &A, const TUSummary &B) {
                     return A.TU < B.TU;
                   });
  ByUsr.clear();
  // An inline function defined in a header is summarised by every
  // translation unit that includes it; the first in path order wins.
  for (const TUSummary &S : TUs)
    for (const FunctionFacts &F : S.Functions)
      ByUsr.try_emplace(F.Usr, &F);
}

const FunctionFacts *SummaryIndex::lookup(llvm::StringRef Usr) const {
  auto It = ByUsr.find(Usr);
  return It == ByUsr.end() ? nullptr : It->second;
}

llvm::Expected<std::shared_ptr<SummaryIndex>>
SummaryIndex::loadDirectory(llvm::StringRef Dir, bool CheckStale) {
  auto Err = [](const llvm::Twine &Msg) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), Msg);
  };
  if (!llvm::sys::fs::is_directory(Dir))
    return Err("summary directory '" + Dir + "' does not exist");
  std::vector<std::string> Files;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC))
    if (llvm::StringRef(It->path()).endswith(".json"))
      Files.push_back(It->path());
  if (EC)
    return Err("cannot read summary directory '" + Dir + "': " + EC.message());
  std::sort(Files.begin(), Files.end());
  auto Index = std::make_shared<SummaryIndex>();
  ContentHashes Hashes;
  for (const std::string &Path : Files) {
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buf =
        llvm::MemoryBuffer::getFile(Path);
    if (!Buf)
      return Err("cannot read summary '" + Path + "': " +
                 Buf.getError().message());
    llvm::Expected<TUSummary> S = parseSummary((*Buf)->getBuffer());
    if (!S)
      return Err("summary '" + Path + "': " + llvm::toString(S.takeError()));
    if (CheckStale)
      if (std::optional<std::string> Changed = staleInput(*S, Hashes))
        return Err("summary '" + Path + "' is stale: '" + *Changed +
                   "' changed since it was written; rerun crossuser-check "
                   "--summaries " + Dir);
    Index->add(std::move(*S));
  }
  Index->finalize();
  return Index;
}

std::string functionUsr(const clang::FunctionDecl *FD) {
  llvm::SmallString<128> Buf;
  if (!FD || clang::index::generateUSRForDecl(FD->getCanonicalDecl(), Buf))
    return "";
  return std::string(Buf);
}

std::string configHash(const Config &Cfg) {
  return hex64(llvm::xxHash64(Cfg.OptionsText));
}

} // namespace crossuser
