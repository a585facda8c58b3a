#include "Analysis/Models.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"
#include <mutex>

using namespace clang;

namespace crossuser {

std::string normaliseMethod(llvm::StringRef Name) {
  std::string Out;
  for (char C : Name)
    if (C != '_')
      Out.push_back(llvm::toLower(C));
  return Out;
}

llvm::StringRef lifetimeName(Lifetime L) {
  switch (L) {
  case Lifetime::PerServer:
    return "per-server";
  case Lifetime::PerWorker:
    return "per-worker";
  case Lifetime::PerConnection:
    return "per-connection";
  case Lifetime::PerRequest:
    return "per-request";
  }
  return "per-server";
}

namespace {

/// Reads one file's YAML nodes into rows; the first error wins.
class Reader {
public:
  Reader(llvm::StringRef Text, llvm::StringRef Path)
      : Path(Path.str()), Text(Text), Stream(Text, SM, /*ShowColors=*/false) {
    SM.setDiagHandler([](const llvm::SMDiagnostic &, void *) {}, nullptr);
  }

  llvm::Error read(std::vector<ModelRow> &Out) {
    llvm::yaml::document_iterator Doc = Stream.begin();
    if (Doc == Stream.end() || !Doc->getRoot())
      return fail(nullptr, "empty model file");
    auto *Top = llvm::dyn_cast<llvm::yaml::MappingNode>(Doc->getRoot());
    if (!Top)
      return fail(Doc->getRoot(), "a model file is a mapping with 'version' and 'rows'");
    bool SawVersion = false;
    std::string Library;
    llvm::yaml::SequenceNode *Rows = nullptr;
    for (llvm::yaml::KeyValueNode &KV : *Top) {
      std::string K = key(KV);
      if (Failed)
        return take();
      if (K == "version") {
        int V = integer(KV.getValue());
        if (Failed)
          return take();
        if (V != int(ModelFormatVersion))
          return fail(KV.getValue(), "model format version " + std::to_string(V) +
                                         " is not supported; this crossuser reads version " +
                                         std::to_string(ModelFormatVersion));
        SawVersion = true;
      } else if (K == "library") {
        Library = scalar(KV.getValue());
      } else if (K == "source" || K == "description") {
        scalar(KV.getValue());
      } else if (K == "rows") {
        // The parser streams: a node is read where it stands, or never.
        Rows = llvm::dyn_cast_or_null<llvm::yaml::SequenceNode>(KV.getValue());
        if (!Rows)
          return fail(KV.getValue(), "'rows' must be a list");
        for (llvm::yaml::Node &N : *Rows) {
          ModelRow R;
          if (!row(N, R))
            return take();
          Out.push_back(std::move(R));
        }
      } else {
        return fail(KV.getKey(), "unknown key '" + K +
                                     "'; expected version, library, source, "
                                     "description or rows");
      }
      if (Failed)
        return take();
    }
    if (!SawVersion)
      return fail(Top, "missing 'version: " + std::to_string(ModelFormatVersion) + "'");
    if (!Rows)
      return fail(Top, "missing 'rows'");
    for (ModelRow &R : Out)
      R.Library = Library;
    if (Stream.failed())
      return fail(nullptr, "not valid YAML");
    return llvm::Error::success();
  }

private:
  llvm::Error fail(llvm::yaml::Node *N, const std::string &Why) {
    if (!Failed) {
      Failed = true;
      unsigned Line = N ? lineOf(N) : 1;
      Message = Path + ":" + std::to_string(Line) + ": " + Why;
    }
    return take();
  }
  llvm::Error take() {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
  }
  void error(llvm::yaml::Node *N, const std::string &Why) {
    llvm::consumeError(fail(N, Why));
  }

  std::string scalar(llvm::yaml::Node *N) {
    auto *S = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(N);
    if (!S) {
      error(N, "expected a single value");
      return "";
    }
    llvm::SmallString<64> Buf;
    return S->getValue(Buf).str();
  }
  std::string key(llvm::yaml::KeyValueNode &KV) { return scalar(KV.getKey()); }
  int integer(llvm::yaml::Node *N) {
    std::string S = scalar(N);
    int V = 0;
    if (!Failed && llvm::StringRef(S).getAsInteger(10, V))
      error(N, "expected a number, got '" + S + "'");
    return V;
  }
  std::vector<std::string> list(llvm::yaml::Node *N) {
    std::vector<std::string> Out;
    auto *Seq = llvm::dyn_cast_or_null<llvm::yaml::SequenceNode>(N);
    if (!Seq) {
      Out.push_back(scalar(N));
      return Out;
    }
    for (llvm::yaml::Node &E : *Seq)
      Out.push_back(scalar(&E));
    return Out;
  }

  bool row(llvm::yaml::Node &N, ModelRow &R) {
    auto *Map = llvm::dyn_cast<llvm::yaml::MappingNode>(&N);
    if (!Map) {
      error(&N, "a row is a mapping with 'role' and 'name'");
      return false;
    }
    unsigned Line = lineOf(&N);
    R.Where = Path + ":" + std::to_string(Line);
    RowWords W;
    return readKeys(*Map, R, W) && finish(N, R, W);
  }

  /// The words of a row that are not fields of ModelRow.
  struct RowWords {
    std::string Role, Life, Op, Runs;
    std::optional<std::string> Signature;
    bool HeaderTemplate = false;
  };

  /// Reads the row's keys into \p R and \p W; false after an error.
  bool readKeys(llvm::yaml::MappingNode &Map, ModelRow &R, RowWords &W) {
    for (llvm::yaml::KeyValueNode &KV : Map) {
      std::string K = key(KV);
      llvm::yaml::Node *V = KV.getValue();
      if (K == "role")
        W.Role = scalar(V);
      else if (K == "name")
        R.Name = scalar(V);
      else if (K == "arg")
        R.Arg = integer(V);
      else if (K == "equals")
        R.Equals = list(V);
      else if (K == "out")
        R.Out = integer(V);
      else if (K == "lifetime")
        W.Life = scalar(V);
      else if (K == "lookup")
        R.Lookup = list(V);
      else if (K == "insert")
        R.Insert = list(V);
      else if (K == "erase")
        R.Erase = list(V);
      else if (K == "key")
        R.Key = integer(V);
      else if (K == "value")
        R.Value = integer(V);
      else if (K == "format")
        R.Format = integer(V);
      else if (K == "op")
        W.Op = scalar(V);
      else if (K == "header-name") {
        std::string S = scalar(V);
        if (S == "template")
          W.HeaderTemplate = true;
        else if (!Failed && llvm::StringRef(S).getAsInteger(10, R.HeaderName))
          error(V, "expected a number or 'template', got '" + S + "'");
      } else if (K == "header-value")
        R.HeaderValue = integer(V);
      else if (K == "header-object")
        R.HeaderObject = integer(V);
      else if (K == "header-text")
        R.HeaderText = integer(V);
      else if (K == "signature")
        W.Signature = scalar(V);
      else if (K == "runs")
        W.Runs = scalar(V);
      else if (K == "why")
        scalar(V);
      else
        error(KV.getKey(), "unknown key '" + K + "' in a row");
      if (Failed)
        return false;
    }
    return true;
  }

  /// Checks the row's role and what the role needs, and compiles its name.
  bool finish(llvm::yaml::Node &N, ModelRow &R, const RowWords &W) {
    static const std::pair<const char *, ModelRole> Roles[] = {
        {"identity", ModelRole::Identity},
        {"per-user-source", ModelRole::PerUserSource},
        {"lifetime", ModelRole::Lifetime},
        {"cache", ModelRole::Cache},
        {"remote-cache", ModelRole::RemoteCache},
        {"response-header", ModelRole::ResponseHeader},
        {"response-body", ModelRole::ResponseBody},
        {"middleware", ModelRole::Middleware},
        {"ownership-check", ModelRole::OwnershipCheck},
        {"entry-point", ModelRole::EntryPoint}};
    auto It = llvm::find_if(Roles, [&](const auto &P) { return W.Role == P.first; });
    if (It == std::end(Roles)) {
      error(&N, W.Role.empty() ? "row without 'role'"
                             : "unknown role '" + W.Role +
                                   "'; expected identity, per-user-source, "
                                   "lifetime, cache, remote-cache, "
                                   "response-header, response-body, "
                                   "middleware, ownership-check or "
                                   "entry-point");
      return false;
    }
    R.Role = It->second;
    if (R.Name.empty()) {
      error(&N, "row without 'name'");
      return false;
    }
    if (R.Role == ModelRole::Lifetime) {
      static const std::pair<const char *, Lifetime> Lives[] = {
          {"per-server", Lifetime::PerServer},
          {"per-worker", Lifetime::PerWorker},
          {"per-connection", Lifetime::PerConnection},
          {"per-request", Lifetime::PerRequest}};
      auto L = llvm::find_if(Lives, [&](const auto &P) { return W.Life == P.first; });
      if (L == std::end(Lives)) {
        error(&N, "a lifetime row needs 'lifetime: per-server', per-worker, "
                  "per-connection or per-request");
        return false;
      }
      R.Life = L->second;
    }
    if (R.Role == ModelRole::Middleware) {
      if ((W.Runs != "before" && W.Runs != "after") || R.Arg < 0) {
        error(&N, "a middleware row needs 'arg: N' (the hook) and 'runs: "
                  "before' or 'runs: after'");
        return false;
      }
      R.RunsAfter = W.Runs == "after";
    }
    if (R.Role == ModelRole::RemoteCache && R.Format < 0) {
      if (W.Op != "lookup" && W.Op != "insert") {
        error(&N, "a remote-cache row needs 'format: N' or 'op: lookup' / 'op: insert'");
        return false;
      }
      R.OpIsInsert = W.Op == "insert";
    }
    if (R.Role == ModelRole::Cache && R.Lookup.empty() && R.Insert.empty()) {
      error(&N, "a cache row needs 'lookup' or 'insert' methods");
      return false;
    }
    if (W.Signature && !signature(N, *W.Signature, R))
      return false;
    if (W.HeaderTemplate)
      R.HeaderName = -1;
    for (std::vector<std::string> *L : {&R.Lookup, &R.Insert, &R.Erase})
      for (std::string &M : *L)
        M = normaliseMethod(M);
    // GlobPattern keeps pointers into its text: give it text that stays
    // where it is when the row is moved.
    R.PatternText = std::make_shared<const std::string>(R.Name);
    auto P = llvm::GlobPattern::create(*R.PatternText);
    if (!P) {
      error(&N, "bad name pattern '" + R.Name + "': " + llvm::toString(P.takeError()));
      return false;
    }
    R.Pattern = std::make_shared<llvm::GlobPattern>(std::move(*P));
    return true;
  }

  /// `(T1, T2, ...)`: the parameter type patterns, split at the commas
  /// outside `<>` and `()`, blanks removed.
  bool signature(llvm::yaml::Node &N, llvm::StringRef Text, ModelRow &R) {
    Text = Text.trim();
    if (!Text.consume_front("(") || !Text.consume_back(")")) {
      error(&N, "a signature is '(type, type, ...)', got '" + Text.str() + "'");
      return false;
    }
    auto Types = std::make_shared<std::vector<std::string>>();
    std::string Cur;
    int Depth = 0;
    auto Flush = [&] {
      if (!Cur.empty() || !Types->empty() || Depth)
        Types->push_back(Cur);
      Cur.clear();
    };
    for (char C : Text) {
      if (C == '<' || C == '(')
        ++Depth;
      else if (C == '>' || C == ')')
        --Depth;
      if (C == ',' && Depth == 0)
        Flush();
      else if (!llvm::isSpace(C))
        Cur.push_back(C);
    }
    if (!Cur.empty() || !Types->empty())
      Flush();
    if (!Types->empty() && Types->back() == "...") {
      Types->pop_back();
      R.SignatureOpen = true;
    }
    auto Patterns = std::make_shared<std::vector<llvm::GlobPattern>>();
    for (const std::string &T : *Types) {
      auto P = llvm::GlobPattern::create(T);
      if (T.empty() || !P) {
        if (!P)
          llvm::consumeError(P.takeError());
        error(&N, "bad parameter type '" + T + "' in the signature");
        return false;
      }
      Patterns->push_back(std::move(*P));
    }
    R.HasSignature = true;
    R.SignatureText = Types;
    R.Signature = Patterns;
    return true;
  }

  /// The line of \p N; 1 for a node the parser made up after an error,
  /// whose location is in no buffer.
  unsigned lineOf(llvm::yaml::Node *N) const {
    const char *P = N->getSourceRange().Start.getPointer();
    if (!P || P < Text.begin() || P > Text.end())
      return 1;
    return 1 + llvm::StringRef(Text.begin(), P - Text.begin()).count('\n');
  }

  std::string Path;
  llvm::StringRef Text;
  llvm::SourceMgr SM;
  llvm::yaml::Stream Stream;
  bool Failed = false;
  std::string Message;
};

} // namespace

llvm::Error Models::parse(llvm::StringRef Text, llvm::StringRef Path) {
  std::vector<ModelRow> New;
  if (llvm::Error E = Reader(Text, Path).read(New))
    return E;
  Rows.insert(Rows.end(), std::make_move_iterator(New.begin()),
              std::make_move_iterator(New.end()));
  Files.push_back(Path.str());
  return llvm::Error::success();
}

llvm::Error Models::load(llvm::StringRef Path) {
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "%s: cannot read model file: %s",
                                   Path.str().c_str(),
                                   Buf.getError().message().c_str());
  return parse((*Buf)->getBuffer(), Path);
}

std::string Models::shippedDirectory() {
  if (std::optional<std::string> Env =
          llvm::sys::Process::GetEnv("CROSSUSER_MODELS_DIR"))
    return *Env;
#ifdef CROSSUSER_INSTALLED_MODELS_DIR
  if (llvm::sys::fs::is_directory(CROSSUSER_INSTALLED_MODELS_DIR))
    return CROSSUSER_INSTALLED_MODELS_DIR;
#endif
#ifdef CROSSUSER_SOURCE_MODELS_DIR
  return CROSSUSER_SOURCE_MODELS_DIR;
#else
  return "";
#endif
}

std::string ModelRow::citation() const {
  return " (model " + Library + ", " + llvm::sys::path::filename(Where).str() +
         ")";
}

std::vector<std::string> Models::shippedFiles() {
  llvm::SmallVector<llvm::StringRef, 2> Dirs;
  std::string List = shippedDirectory();
  llvm::StringRef(List).split(Dirs, llvm::sys::EnvPathSeparator, -1, false);
  std::vector<std::string> Out;
  for (llvm::StringRef Dir : Dirs) {
    std::error_code EC;
    std::vector<std::string> Paths;
    for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
         It.increment(EC))
      if (llvm::StringRef(It->path()).endswith(".yaml"))
        Paths.push_back(It->path());
    llvm::sort(Paths);
    Out.insert(Out.end(), Paths.begin(), Paths.end());
  }
  return Out;
}

const Models &Models::shipped() {
  static std::once_flag Once;
  static Models M;
  std::call_once(Once, [] {
    for (const std::string &P : shippedFiles())
      // The shipped files are tested; a broken one is a packaging error
      // worth a loud message, not a silent half-loaded model.
      if (llvm::Error E = M.load(P))
        llvm::report_fatal_error(llvm::Twine("crossuser: ") +
                                 llvm::toString(std::move(E)));
  });
  return M;
}

} // namespace crossuser
