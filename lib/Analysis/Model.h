/// Recognises identities, per-user types, caches and shared storage in Clang's AST.
#ifndef CROSSUSER_ANALYSIS_MODEL_H
#define CROSSUSER_ANALYSIS_MODEL_H

#include "Analysis/Config.h"
#include "Analysis/Finding.h"
#include "Analysis/Models.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <optional>
#include <string>

namespace crossuser {

struct FunctionFacts;

/// Annotation on a declaration or type that names a user identity.
inline constexpr llvm::StringLiteral IdentityAnnotation = "crossuser::identity";
/// Annotation on a cache or variable that is public by design.
inline constexpr llvm::StringLiteral SharedOkAnnotation = "crossuser::shared_ok";

/// Where a piece of storage lives, as far as sharing between users goes.
enum class Sharing {
  PerRequest, ///< a local, a by-value parameter, a member of a per-request object
  Shared,     ///< outlives the request and is visible to other users' requests
  Unknown,    ///< reached through a reference, pointer or call we cannot see
};

struct StorageInfo {
  Sharing Kind = Sharing::Unknown;
  /// The variable or field that holds the storage, when one is known.
  const clang::ValueDecl *Decl = nullptr;
  /// The declaration that makes it shared (`g_ctx` for `g_ctx.user.name`),
  /// and why, for notes: "declared at namespace scope", ...
  const clang::ValueDecl *Holder = nullptr;
  std::string Why;
  /// Further evidence for long-lived objects: where the class is
  /// registered, or the static instance a singleton accessor returns.
  clang::SourceLocation WhereLoc;
  std::string WhereNote;
  /// A `thread_local` holds it (shared only while ThreadLocalIsShared).
  const clang::VarDecl *ThreadLocal = nullptr;
  /// What decided that it is shared: storage duration, ownership and
  /// registration are structure; a framework's lifetime is a model; a
  /// class name is words.
  EvidenceKind Evidence = EvidenceKind::Structure;
};

/// Why instances of a class live as long as the server.
struct LongLived {
  /// "a member of 'ProfileHandler', which derives from 'http::Handler'"
  std::string Why;
  clang::SourceLocation WhereLoc;
  std::string WhereNote;
  /// Structure (an instance in shared storage, a registration), a library
  /// model's lifetime row, or a class name alone (HandlerBases).
  EvidenceKind Kind = EvidenceKind::Structure;
  bool byName() const { return Kind == EvidenceKind::Name; }
};

class Model {
public:
  Model(clang::ASTContext &Ctx, const Config &Cfg) : Ctx(Ctx), Cfg(Cfg) {}

  const Config &config() const { return Cfg; }
  clang::ASTContext &context() const { return Ctx; }

  /// The record a value of type \p T denotes once references, pointers,
  /// cv-qualifiers, smart pointers and optionals are looked through.
  const clang::CXXRecordDecl *recordOf(clang::QualType T) const;
  /// \p T with references, pointers, smart pointers and optionals removed.
  clang::QualType stripWrappers(clang::QualType T) const;

  /// A type that names a user: `UserId`, `Session`, `JwtClaims`, a typedef
  /// such as `using UserId = std::string`, or a type annotated as identity.
  bool isIdentityType(clang::QualType T);
  /// An identity type that wraps one value (`struct UserId { std::string
  /// value; }`), or whose name says it is an id, key or token.
  bool isStrongIdType(clang::QualType T);
  /// Per-user data: an identity type, a type named like per-user data
  /// (`Profile`, `Cart`), a record with an identity field, or a container
  /// of those.
  bool isPerUserType(clang::QualType T) {
    return perUserTypeEvidence(T).has_value();
  }
  /// Why \p T is per-user: an identity type or a record that carries an
  /// identity (identity evidence: annotation or words), or a name in
  /// PerUserTypes alone (words); nothing when it is not.
  std::optional<EvidenceKind> perUserTypeEvidence(clang::QualType T) {
    return perUserTypeImpl(T, 0);
  }
  /// A variable, field, parameter or function that names a user identity.
  bool isIdentityDecl(const clang::ValueDecl *D);
  /// \p Name has an IdentityNames word that names a user (not a quantity
  /// such as `session_timeout`, not a phrase such as `user agent`): the
  /// word evidence a declaration's name gives.
  bool namesIdentity(llvm::StringRef Name) const;
  /// \p Name is one of the IdentityHeaders, compared as normaliseHeader
  /// folds them (`authorization`, `proxy_authorization` and `cookie` name
  /// `Authorization`, `Proxy-Authorization` and `Cookie`).
  bool isIdentityHeaderName(llvm::StringRef Name) const;
  /// What makes identity declaration \p D one: an annotation on it or its
  /// type, or else words (its name or its type's).
  EvidenceKind identityKind(const clang::ValueDecl *D) const;

  /// The identity row of a library model that names \p D: a field, or a
  /// function whose row's argument condition \p Call meets.
  const ModelRow *identityRow(const clang::ValueDecl *D,
                              const clang::CallExpr *Call) const;
  /// The library models in use.
  const Models &library() const;
  /// library().find(Role, D), memoised for this translation unit (a
  /// lookup builds D's qualified name and matches it against every row).
  const ModelRow *row(ModelRole Role, const clang::NamedDecl *D) const;

  /// An HTTP response, by its class's name or by an alias it is spelled
  /// with (Beast's `http::response<Body>` is an alias of `http::message`).
  bool isResponseType(clang::QualType T) const;

  /// The cache row of a library model for \p T's class.
  const ModelRow *cacheRow(clang::QualType T) const;
  bool isCacheType(clang::QualType T) const;
  bool isAssociativeContainer(clang::QualType T) const;
  /// A cache by structure: a model's cache type, or a class with an
  /// associative container or a modelled cache among its members (not a
  /// class that is merely named like a cache).
  bool holdsEntries(clang::QualType T) const;
  bool isRemoteCacheType(clang::QualType T) const;
  /// The key and mapped types of a cache or container specialisation.
  clang::QualType templateArg(clang::QualType T, unsigned I) const;

  /// Handler, controller, service, singleton: a class whose instances live
  /// as long as the server and serve every user.
  bool isLongLivedClass(const clang::CXXRecordDecl *RD) const {
    return longLived(RD).has_value();
  }
  /// Why \p RD is long-lived: its name or a base's (HandlerBases), a
  /// singleton accessor returning a static instance, an instance held in
  /// shared storage (directly or through a smart pointer), an instance
  /// passed to a registration function, or an instance held by a member of
  /// another long-lived class.
  std::optional<LongLived> longLived(const clang::CXXRecordDecl *RD) const;
  bool isPerRequestClass(const clang::CXXRecordDecl *RD) const;
  /// \p F overrides a virtual method of a class that a lifetime row names
  /// (`createRequestHandler`, `HandleRequestThrow`), or an entry-point row
  /// names it or a method it overrides (by name or signature): the
  /// framework calls it with what it received for a request or a
  /// connection.
  bool isFrameworkCallback(const clang::FunctionDecl *F) const;
  /// The row that makes \p F a framework callback, or null.
  const ModelRow *frameworkCallbackRow(const clang::FunctionDecl *F) const;
  /// A library model says the framework makes instances of \p RD per
  /// request or per connection.
  bool shortLivedByModel(const clang::CXXRecordDecl *RD) const;

  /// Where the object denoted by \p E lives.
  StorageInfo classifyStorage(const clang::Expr *E) const;

  /// The calls of \p F written in the translation unit (outside system
  /// headers and template instantiations).
  llvm::ArrayRef<const clang::CallExpr *> callsTo(const clang::FunctionDecl *F) const;

  /// A local a cookie getter filled through its out-parameter
  /// (`request.getCookies(cookies)`): reading a value from it reads a
  /// cookie.
  bool isCookieJar(const clang::Expr *E) const;

  /// True for the `crossuser::shared_ok` annotation on \p D or its type.
  bool isSharedOk(const clang::ValueDecl *D) const;
  static bool hasAnnotation(const clang::Decl *D, llvm::StringRef Text);

  /// The whole-program summary of \p FD when it has no body in this
  /// translation unit and summaries are attached; null in per-TU mode.
  const FunctionFacts *factsFor(const clang::FunctionDecl *FD) const;

  /// The source text of \p E, with runs of blanks folded, cut at \p Max.
  std::string text(const clang::Expr *E, size_t Max = 60) const;
  std::string text(clang::SourceRange R, size_t Max = 60) const;

  /// Where class instances live in the translation unit; built on first
  /// use by one pass over it (Model.cpp).
  struct InstanceIndex;

private:
  const InstanceIndex &instances() const;
  std::optional<LongLived> storedLongLived(const clang::CXXRecordDecl *RD,
                                           const ModelRow *Row,
                                           const std::string &Name,
                                           unsigned Depth) const;
  void addRegistration(const clang::CXXRecordDecl *RD, const std::string &Name,
                       std::optional<LongLived> &Out) const;
  std::optional<LongLived> longLivedImpl(const clang::CXXRecordDecl *RD,
                                         unsigned Depth) const;
  StorageInfo classifyStorageImpl(const clang::Expr *E, unsigned Depth) const;
  StorageInfo classifyVar(const clang::DeclRefExpr *DRE, unsigned Depth) const;
  StorageInfo classifyMember(const clang::MemberExpr *ME, unsigned Depth) const;
  /// A local of a set-up function captured by reference by a callback that
  /// outlives it, as seen from inside the callback.
  std::optional<StorageInfo> capturedShared(const clang::DeclRefExpr *DRE,
                                            const clang::VarDecl *VD) const;
  /// Where a reference or pointer member of a short-lived object points:
  /// to what the constructions seen in the translation unit bind it to.
  std::optional<StorageInfo> boundStorage(const clang::FieldDecl *FD,
                                          unsigned Depth) const;
  bool isValueLikeType(clang::QualType T) const;
  bool isIdentityTypeUncached(clang::QualType T);
  /// A member container of \p RD maps keys to identities (a directory of
  /// sessions or users).
  bool holdsIdentities(const clang::CXXRecordDecl *RD);
  std::optional<EvidenceKind> perUserTypeImpl(clang::QualType T,
                                              unsigned Depth);

  clang::ASTContext &Ctx;
  const Config &Cfg;
  llvm::DenseMap<const clang::Type *, bool> IdentityTypeMemo;
  llvm::DenseMap<const clang::Type *, std::optional<EvidenceKind>>
      PerUserTypeMemo;
  llvm::DenseMap<const clang::ValueDecl *, bool> IdentityDeclMemo;
  mutable std::shared_ptr<InstanceIndex> Instances;
  mutable llvm::DenseMap<std::pair<unsigned, const clang::NamedDecl *>,
                         const ModelRow *>
      RowMemo;
  mutable llvm::DenseMap<const clang::FunctionDecl *, const FunctionFacts *>
      FactsMemo;
  mutable llvm::DenseMap<const clang::CXXRecordDecl *, std::optional<LongLived>>
      LongLivedMemo;
  /// isCacheType by type as written; isRemoteCacheType by record.
  mutable llvm::DenseMap<const void *, bool> CacheTypeMemo;
  mutable llvm::DenseMap<const clang::CXXRecordDecl *, bool>
      RemoteCacheTypeMemo;
  /// IdentityHeaders, normalised once.
  mutable std::optional<llvm::StringSet<>> IdentityHeaderNames;
};

/// Strips parentheses, implicit and explicit casts, temporaries and
/// copy/move constructions: what is left is the expression that made the
/// value.
const clang::Expr *ignoreWrappers(const clang::Expr *E);

/// Argument \p Pos of \p Call to \p Callee as a model row counts it: by the
/// method's own parameters, so an operator call (`req[field]`,
/// `rule(handler)`), which passes the object first, is shifted by one.
/// Null when the call has no such argument.
const clang::Expr *modelArgument(const clang::CallExpr *Call,
                                 const clang::Decl *Callee, int Pos);

/// The arguments a construction writes, default arguments left out (they
/// come last): `std::vector<T>{...}` writes one, `SHA1Engine sha;` none.
inline unsigned writtenArgs(const clang::CXXConstructExpr *CC) {
  unsigned N = 0;
  for (const clang::Expr *A : CC->arguments())
    if (!llvm::isa<clang::CXXDefaultArgExpr>(A))
      ++N;
  return N;
}

/// The two elements of `{a, b}`, `Pair(a, b)` or `std::make_pair(a, b)`.
std::optional<std::pair<const clang::Expr *, const clang::Expr *>>
pairElements(const clang::Expr *E);

/// The operands of `a OP b`, built-in (\p BO) or overloaded (\p OO).
std::optional<std::pair<const clang::Expr *, const clang::Expr *>>
binaryOperands(const clang::Stmt *S, clang::BinaryOperatorKind BO,
               clang::OverloadedOperatorKind OO);

/// `Cache-Control`, `cache_control` (Beast's field enum), `CacheControl`
/// and `header_names::cache_control` all become `cachecontrol`.
std::string normaliseHeader(llvm::StringRef Name);
/// The header name \p D stands for: the string literal a constant is
/// initialised with (`const char *const kAuth = "Authorization"`), else
/// its name without a constant prefix `k` (an enumerator, a constant of a
/// type the engine cannot read: `kCacheControl`, as userver and
/// Google-style code name them), to compare as normaliseHeader does.
std::string headerNameOf(const clang::NamedDecl *D);

/// The object a member call is made on, as declared: not converted to the
/// base class that declares the method (`LRUCache::add` is
/// `AbstractCache::add`, `flat_hash_map::emplace` is `raw_hash_set`'s).
inline const clang::Expr *objectOf(const clang::CXXMemberCallExpr *MC) {
  const clang::Expr *Obj = MC->getImplicitObjectArgument();
  return Obj ? Obj->IgnoreParenImpCasts() : nullptr;
}

/// The same for an operator that is a member (`m[k]`): its object,
/// argument 0, as declared (`absl::node_hash_map` is a `raw_hash_map` to
/// its `operator[]`).
inline const clang::Expr *objectOf(const clang::CXXOperatorCallExpr *OC) {
  return OC->getNumArgs() ? OC->getArg(0)->IgnoreParenImpCasts() : nullptr;
}

/// The function a callable argument runs: a lambda's call operator, a
/// function named or addressed, also inside a `std::function(...)`; null
/// when it has no body here.
const clang::FunctionDecl *handlerOf(const clang::Expr *E);

/// The variable at the root of `v`, `v.f`, `v[i]`, `*v`, `&v`, `v->f`.
const clang::VarDecl *rootVar(const clang::Expr *E);

} // namespace crossuser

#endif
