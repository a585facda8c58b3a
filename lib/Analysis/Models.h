/// Library models as data: rows that say which declarations of a framework, cache or client library have which role (identity source, lifetime, cache, remote cache, response header), read from YAML files.
#ifndef CROSSUSER_ANALYSIS_MODELS_H
#define CROSSUSER_ANALYSIS_MODELS_H

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/GlobPattern.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace crossuser {

/// The format version this build reads (`version:` in a model file).
inline constexpr unsigned ModelFormatVersion = 1;

enum class ModelRole {
  Identity,       ///< a call, field or header whose value names the requester
  PerUserSource,  ///< a call whose result is per-user when an argument is
  Lifetime,       ///< how long instances of a class (or a registered object) live
  Cache,          ///< a cache type: lookup/insert/erase methods, key/value positions
  RemoteCache,    ///< a remote-cache client function or method
  ResponseHeader, ///< a setter of a response header: name and value positions
  ResponseBody,   ///< a call that writes the response body
  Middleware,     ///< registers a hook that runs around every route of a server
  OwnershipCheck, ///< decides whether the requester may see a value
  EntryPoint,     ///< a function the framework calls with each request
};

enum class Lifetime { PerServer, PerWorker, PerConnection, PerRequest };

/// One row of a model file.
struct ModelRow {
  ModelRole Role = ModelRole::Identity;
  /// The declaration's qualified name as written (`Poco::LRUCache`,
  /// `httplib::Response::set_header`, `jwt_get_grant`); `*` matches any
  /// run of characters.
  std::string Name;
  /// Where the row comes from, for notes and --list-models:
  /// "models/poco.yaml:12".
  std::string Where;
  /// The library the file describes (`library:`).
  std::string Library;
  /// How notes cite the row: " (model LIB, file.yaml:N)".
  std::string citation() const;

  /// identity: only when argument Arg is a string literal in Equals
  /// (case-insensitive); -1: always.
  int Arg = -1;
  std::vector<std::string> Equals;
  /// identity: the call writes the requester's credential into argument
  /// Out (`request.getCredentials(scheme, token)`); -1: its result.
  int Out = -1;
  /// lifetime: of instances of the class Name (and of classes derived
  /// from it), or, for a function, of the object passed as argument Arg.
  Lifetime Life = Lifetime::PerServer;
  /// cache: method names, compared after normalisation (case and `_`
  /// ignored), and argument positions of the key and value.
  std::vector<std::string> Lookup, Insert, Erase;
  int Key = 0;
  int Value = 1;
  /// remote-cache: the argument holding a command format string
  /// (`"SETEX %s %d %s"`), or -1 when the key is argument Key and the
  /// operation is Op.
  int Format = -1;
  bool OpIsInsert = false;
  /// response-header: argument positions of the header name and value;
  /// HeaderName -1 when the header is named by the template argument
  /// (`headers().add<Http::Header::CacheControl>(...)`).
  int HeaderName = 0;
  int HeaderValue = 1;
  /// response-header: the argument that is a header object constructed
  /// from its name and value (`addRaw(Http::Header::Raw("Vary", "Host"))`);
  /// HeaderName and HeaderValue then index that construction's arguments.
  int HeaderObject = -1;
  /// response-header: the argument that is raw HTTP text, a literal or a
  /// format (`mg_printf(conn, "HTTP/1.1 200 OK\r\nCache-Control: ...")`);
  /// each `Name: value` line in it sets that header.
  int HeaderText = -1;
  /// middleware: the hook (argument Arg) runs after the routes registered
  /// on the same object and sees their response (`runs: after`), or before
  /// them and may answer instead of them (`runs: before`).
  bool RunsAfter = false;

  /// `signature: (std::string &, std::string &)`: the parameter types a
  /// function or method must have, each a glob compared with the type as
  /// written and as canonical, blanks ignored; a last `...` accepts any
  /// further parameters. Unset: every overload.
  bool HasSignature = false;
  bool SignatureOpen = false;
  std::shared_ptr<const std::vector<std::string>> SignatureText;
  std::shared_ptr<const std::vector<llvm::GlobPattern>> Signature;

  /// The row's name, compiled, and the text the compiled pattern points
  /// into.
  std::shared_ptr<llvm::GlobPattern> Pattern;
  std::shared_ptr<const std::string> PatternText;
};

/// Method names compare equal when they differ only in case and
/// underscores: `PSetEx`, `psetex` and `p_set_ex`.
std::string normaliseMethod(llvm::StringRef Name);

/// The rows of every loaded model file, with lookups by declaration.
class Models {
public:
  /// Parses one model file's text; \p Path names it in errors, which read
  /// "FILE:LINE: reason".
  llvm::Error parse(llvm::StringRef Text, llvm::StringRef Path);
  /// Reads and parses a file.
  llvm::Error load(llvm::StringRef Path);

  /// The files that were loaded, in order.
  const std::vector<std::string> &files() const { return Files; }
  const std::vector<ModelRow> &rows() const { return Rows; }

  /// The row of \p Role naming \p D: a function or method by its
  /// qualified name (a method also by its class's template name,
  /// `Poco::LRUCache::add`), a record by its name or a base's.
  const ModelRow *find(ModelRole Role, const clang::NamedDecl *D) const;
  /// The lifetime row for \p RD or one of its bases.
  const ModelRow *lifetimeOf(const clang::CXXRecordDecl *RD) const;

  /// The models shipped with crossuser (the install's share/crossuser/
  /// models, else the source tree's models/), loaded once per process.
  static const Models &shipped();
  /// Where the shipped models are read from: `CROSSUSER_MODELS_DIR` (one
  /// directory, or several separated as in PATH), else the install's.
  static std::string shippedDirectory();
  /// The `.yaml` files of those directories, each directory's sorted.
  static std::vector<std::string> shippedFiles();

private:
  const ModelRow *lifetimeOfImpl(const clang::CXXRecordDecl *RD,
                                 unsigned Depth) const;
  std::vector<ModelRow> Rows;
  std::vector<std::string> Files;
};

/// The qualified name rows are matched against: template arguments and
/// inline namespaces left out (`std::map`, `Poco::LRUCache::add`).
std::string modelName(const clang::NamedDecl *D);

/// The text of a lifetime, as model files spell it.
llvm::StringRef lifetimeName(Lifetime L);

} // namespace crossuser

#endif
