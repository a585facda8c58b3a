#include "Analysis/Model.h"
#include "Analysis/Provenance.h"
#include "Analysis/Summaries.h"
#include "Analysis/Words.h"
#include "llvm/ADT/DenseSet.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace crossuser {

static bool isWrapperName(StringRef N) {
  return N == "unique_ptr" || N == "shared_ptr" || N == "weak_ptr" ||
         N == "optional" || N == "reference_wrapper" || N == "StatusOr" ||
         N == "expected" || N == "Expected" || N == "Optional" ||
         N == "atomic" || N == "scoped_refptr" || N == "intrusive_ptr";
}

static bool isSequenceName(StringRef N) {
  return N == "vector" || N == "list" || N == "deque" || N == "array" ||
         N == "span" || N == "SmallVector" || N == "forward_list";
}

static const ClassTemplateSpecializationDecl *asSpec(const CXXRecordDecl *RD) {
  return dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
}

/// The class a `std::shared_ptr<T>` shares an instance of.
static const CXXRecordDecl *sharedPointee(QualType T) {
  const auto *S = asSpec(T.getNonReferenceType()->getAsCXXRecordDecl());
  if (!S || !S->isInStdNamespace() || !S->getIdentifier() ||
      S->getName() != "shared_ptr" || S->getTemplateArgs().size() < 1 ||
      S->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return nullptr;
  return S->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
}

static QualType firstTypeArg(const CXXRecordDecl *RD) {
  if (const auto *S = asSpec(RD)) {
    const TemplateArgumentList &Args = S->getTemplateArgs();
    if (Args.size() > 0 && Args[0].getKind() == TemplateArgument::Type)
      return Args[0].getAsType();
  }
  return QualType();
}

QualType Model::stripWrappers(QualType T) const {
  for (int Guard = 0; Guard < 8 && !T.isNull(); ++Guard) {
    T = T.getNonReferenceType();
    if (const auto *PT = T->getAs<PointerType>()) {
      T = PT->getPointeeType();
      continue;
    }
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    if (RD && RD->getIdentifier() && isWrapperName(RD->getName())) {
      QualType Inner = firstTypeArg(RD);
      if (Inner.isNull())
        break;
      T = Inner;
      continue;
    }
    break;
  }
  return T.isNull() ? T : T.getUnqualifiedType();
}

const CXXRecordDecl *Model::recordOf(QualType T) const {
  T = stripWrappers(T);
  return T.isNull() ? nullptr : T->getAsCXXRecordDecl();
}

bool Model::hasAnnotation(const Decl *D, StringRef Text) {
  if (!D)
    return false;
  for (const auto *A : D->specific_attrs<AnnotateAttr>())
    if (A->getAnnotation() == Text)
      return true;
  return false;
}

/// Names along the sugar chain: `using UserId = std::string` keeps the
/// word "User" that the canonical type lost.
template <typename Fn> static bool anySugarName(QualType T, Fn Pred) {
  for (int Guard = 0; Guard < 16 && !T.isNull(); ++Guard) {
    if (const auto *TT = T->getAs<TypedefType>()) {
      if (Pred(TT->getDecl()->getName()))
        return true;
      QualType Next = TT->getDecl()->getUnderlyingType();
      if (Next == T)
        break;
      T = Next;
      continue;
    }
    break;
  }
  return false;
}

bool Model::isIdentityType(QualType T) {
  if (T.isNull())
    return false;
  T = T.getNonReferenceType();
  if (const auto *PT = T->getAs<PointerType>())
    T = PT->getPointeeType();
  const Type *Key = T.getTypePtr();
  auto It = IdentityTypeMemo.find(Key);
  if (It != IdentityTypeMemo.end())
    return It->second;
  IdentityTypeMemo[Key] = false; // recursion guard
  bool R = isIdentityTypeUncached(T);
  IdentityTypeMemo[Key] = R;
  return R;
}

/// Code, not data: function pointers, lambdas, `std::function` and other
/// function objects. A callback named for sessions
/// (`AdviceStartSessionCallback`) does not hold a user.
static bool isCallableType(QualType T) {
  if (T.isNull())
    return false;
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isFunctionPointerType() || T->isMemberFunctionPointerType() ||
      T->isFunctionType() || T->isBlockPointerType())
    return true;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return false;
  RD = RD->getDefinition();
  if (RD->isLambda())
    return true;
  for (const CXXMethodDecl *MD : RD->methods())
    if (MD->getOverloadedOperator() == OO_Call)
      return true;
  return false;
}

/// Two-word names in which an identity word does not name a user: the
/// HTTP User-Agent is client software, user space is the OS's.
static bool isNonIdentityPhrase(llvm::ArrayRef<std::string> Words, size_t I) {
  if (Words[I] == "useragent")
    return true;
  if (Words[I] != "user" || I + 1 >= Words.size())
    return false;
  const std::string &Next = Words[I + 1];
  return Next == "agent" || Next == "space" || Next == "land" ||
         Next == "mode";
}

/// Words that make a name a quantity or a setting about users or sessions
/// (`session_timeout_`, `max_users`, `user_count`), which identifies no one.
/// Not "number": an `account_number` identifies an account.
static bool isQuantityWord(StringRef W) {
  return W == "timeout" || W == "ttl" || W == "interval" || W == "period" ||
         W == "duration" || W == "delay" || W == "lifetime" ||
         W == "expiry" || W == "expiration" || W == "count" || W == "size" ||
         W == "limit" || W == "max" || W == "min" || W == "capacity" ||
         W == "length" || W == "len";
}

static bool nameHasIdentityWord(const WordSet &Names, StringRef Name) {
  std::vector<std::string> Words = splitWords(Name);
  if (llvm::any_of(Words, [](const std::string &W) { return isQuantityWord(W); }))
    return false;
  for (size_t I = 0; I < Words.size(); ++I)
    if (Names.containsExact(Words[I]) && !isNonIdentityPhrase(Words, I))
      return true;
  return false;
}

bool Model::namesIdentity(StringRef Name) const {
  return nameHasIdentityWord(Cfg.IdentityNames, Name);
}

bool Model::isIdentityHeaderName(StringRef Name) const {
  if (!IdentityHeaderNames) {
    IdentityHeaderNames.emplace();
    Cfg.IdentityHeaders.any([&](StringRef H) {
      IdentityHeaderNames->insert(normaliseHeader(H));
      return false;
    });
  }
  return IdentityHeaderNames->contains(normaliseHeader(Name));
}

/// Neither copied nor moved: its copy and move constructors are deleted,
/// as written or because a member (a mutex) cannot be.
static bool isImmovable(const CXXRecordDecl *RD) {
  bool CopyDeleted = false, MoveDeleted = false, Copy = false, Move = false;
  for (const CXXConstructorDecl *C : RD->ctors()) {
    if (C->isCopyConstructor()) {
      Copy = true;
      CopyDeleted |= C->isDeleted();
    } else if (C->isMoveConstructor()) {
      Move = true;
      MoveDeleted |= C->isDeleted();
    }
  }
  if (!Copy)
    CopyDeleted = RD->defaultedCopyConstructorIsDeleted();
  // A class that declares its copy constructor gets no implicit move.
  if (!Move)
    MoveDeleted = Copy || RD->defaultedMoveConstructorIsDeleted();
  return CopyDeleted && MoveDeleted;
}

bool Model::isIdentityTypeUncached(QualType T) {
  if (isCallableType(T))
    return false;
  auto NameIsIdentity = [&](StringRef N) {
    return Cfg.IdentityTypes.matchesAnyWord(N) &&
           !Cfg.NonIdentityTypes.matchesAnyWord(N);
  };
  if (anySugarName(T, NameIsIdentity))
    return true;
  const CXXRecordDecl *RD = recordOf(T);
  if (!RD)
    return false;
  if (hasAnnotation(RD, IdentityAnnotation))
    return true;
  if (!RD->getIdentifier())
    return false;
  // An object that is never copied and keeps a table of entries is a
  // registry of many users (`UserConnections` guarding a map with a
  // mutex), whatever its name says; identities are values.
  if (RD->hasDefinition() && isImmovable(RD->getDefinition()) &&
      holdsEntries(T))
    return false;
  // So is one that keeps a table of identities (`SessionDirectory` with a
  // `std::map<std::string, Session>`): it finds many users' sessions.
  if (RD->hasDefinition() && holdsIdentities(RD->getDefinition()))
    return false;
  StringRef Name = RD->getName();
  if (Cfg.NonIdentityTypes.matchesAnyWord(Name) ||
      Cfg.AssociativeContainers.containsExact(Name) || isSequenceName(Name))
    return false;
  if (Cfg.IdentityTypes.matchesAnyWord(Name))
    return true;
  // Strong ids: StrongId<UserTag>, Id<struct Tenant>.
  if (const auto *S = asSpec(RD))
    for (const TemplateArgument &A : S->getTemplateArgs().asArray())
      if (A.getKind() == TemplateArgument::Type) {
        const CXXRecordDecl *ArgRD = A.getAsType()->getAsCXXRecordDecl();
        if (ArgRD && ArgRD->getIdentifier() &&
            NameIsIdentity(ArgRD->getName()))
          return true;
      }
  return false;
}

bool Model::isStrongIdType(QualType T) {
  if (!isIdentityType(T))
    return false;
  const CXXRecordDecl *RD = recordOf(T);
  if (!RD || !RD->hasDefinition())
    return false;
  RD = RD->getDefinition();
  if (RD->getIdentifier() && Cfg.IdentifyingMembers.matchesAnyWord(RD->getName()))
    return true;
  return std::distance(RD->field_begin(), RD->field_end()) == 1;
}

std::optional<EvidenceKind> Model::perUserTypeImpl(QualType T, unsigned Depth) {
  if (T.isNull() || Depth > 2)
    return std::nullopt;
  T = stripWrappers(T);
  if (T.isNull())
    return std::nullopt;
  const Type *Key = T.getTypePtr();
  auto It = PerUserTypeMemo.find(Key);
  if (It != PerUserTypeMemo.end())
    return It->second;
  PerUserTypeMemo[Key] = std::nullopt;
  std::optional<EvidenceKind> R;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  StringRef Name = RD && RD->getIdentifier() ? RD->getName() : "";
  if (isIdentityType(T)) {
    R = RD && hasAnnotation(RD, IdentityAnnotation) ? EvidenceKind::Annotation
                                                    : EvidenceKind::IdentityName;
  } else if (RD && (isSequenceName(Name) ||
                    Cfg.AssociativeContainers.containsExact(Name))) {
    // A container of per-user values is per-user; its key is not looked at.
    if (const auto *S = asSpec(RD)) {
      const auto &Args = S->getTemplateArgs();
      unsigned ValueIdx =
          Cfg.AssociativeContainers.containsExact(Name) && Args.size() > 1 ? 1
                                                                           : 0;
      if (Args.size() > ValueIdx &&
          Args[ValueIdx].getKind() == TemplateArgument::Type)
        R = perUserTypeImpl(Args[ValueIdx].getAsType(), Depth + 1);
    }
  } else {
    // A record that carries its owner (`struct Entry { UserId owner; ...}`)
    // holds one user's data: identity evidence.
    if (RD && RD->hasDefinition())
      for (const FieldDecl *F : RD->getDefinition()->fields())
        if (isIdentityDecl(F)) {
          R = identityKind(F);
          break;
        }
    // `Profile`, `Cart`: words alone.
    if (!R && (Cfg.PerUserTypes.matchesAnyWord(Name) ||
               anySugarName(T, [&](StringRef N) {
                 return Cfg.PerUserTypes.matchesAnyWord(N);
               })))
      R = EvidenceKind::Name;
  }
  PerUserTypeMemo[Key] = R;
  return R;
}

bool Model::isValueLikeType(QualType T) const {
  if (T.isNull())
    return false;
  T = stripWrappers(T);
  // A flag, a timeout, a ratio (`session_timeout_`) or a policy
  // (`sessionSameSite_`, an enumeration) cannot identify anyone; neither
  // can a callback (`on_session_start`).
  if (T.isNull() || T->isVoidType() || T->isBooleanType() ||
      T->isEnumeralType() ||
      T->isFunctionType() || T->isRealFloatingType() || isCallableType(T))
    return false;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->getIdentifier())
    return true;
  StringRef Name = RD->getName();
  // A `user_cache_` or `users_by_id_` is storage, not a user.
  return !Cfg.NonIdentityTypes.matchesAnyWord(Name) &&
         !Cfg.CacheTypes.matchesAnyWord(Name) &&
         !Cfg.AssociativeContainers.containsExact(Name) &&
         !isSequenceName(Name) && !Cfg.RemoteCacheTypes.matchesAnyWord(Name);
}

bool Model::isIdentityDecl(const ValueDecl *D) {
  if (!D)
    return false;
  auto It = IdentityDeclMemo.find(D);
  if (It != IdentityDeclMemo.end())
    return It->second;
  IdentityDeclMemo[D] = false;
  bool R = false;
  QualType T = D->getType();
  if (const auto *FD = dyn_cast<FunctionDecl>(D))
    T = FD->getReturnType();
  if (hasAnnotation(D, IdentityAnnotation))
    R = true;
  else if (isIdentityType(T))
    R = true;
  else if (D->getIdentifier() && nameHasIdentityWord(Cfg.IdentityNames, D->getName()))
    R = isValueLikeType(T);
  IdentityDeclMemo[D] = R;
  return R;
}

EvidenceKind Model::identityKind(const ValueDecl *D) const {
  QualType T = D->getType();
  if (const auto *FD = dyn_cast<FunctionDecl>(D))
    T = FD->getReturnType();
  const CXXRecordDecl *RD = recordOf(T);
  if (hasAnnotation(D, IdentityAnnotation) ||
      (RD && hasAnnotation(RD, IdentityAnnotation)))
    return EvidenceKind::Annotation;
  return EvidenceKind::IdentityName;
}

static bool nameMatches(const CXXRecordDecl *RD, const WordSet &W) {
  if (!RD)
    return false;
  if (RD->getIdentifier() && W.matchesAnyWord(RD->getName()))
    return true;
  return false;
}

const Models &Model::library() const {
  static const Models Empty;
  return Cfg.Library ? *Cfg.Library : Empty;
}

const ModelRow *Model::row(ModelRole Role, const NamedDecl *D) const {
  if (!D)
    return nullptr;
  auto [It, Fresh] = RowMemo.try_emplace({unsigned(Role), D}, nullptr);
  if (Fresh)
    It->second = library().find(Role, D);
  return It->second;
}

const ModelRow *Model::identityRow(const ValueDecl *D,
                                   const CallExpr *Call) const {
  const ModelRow *R = row(ModelRole::Identity, D);
  if (!R || R->Arg < 0)
    return R;
  const Expr *Arg = modelArgument(Call, D, R->Arg);
  if (!Arg)
    return nullptr;
  Arg = ignoreWrappers(Arg);
  // A header named by an enumerator (`req[http::field::authorization]`)
  // is the header whose name it spells.
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Arg)) {
    const auto *EC = dyn_cast<EnumConstantDecl>(DRE->getDecl());
    if (!EC || !EC->getIdentifier())
      return nullptr;
    std::string Name = normaliseHeader(headerNameOf(EC));
    for (const std::string &V : R->Equals)
      if (normaliseHeader(V) == Name)
        return R;
    return nullptr;
  }
  const auto *SL = dyn_cast<StringLiteral>(Arg);
  if (!SL || SL->getCharByteWidth() != 1)
    return nullptr;
  for (const std::string &V : R->Equals)
    if (SL->getString().equals_insensitive(V))
      return R;
  return nullptr;
}

static bool isResponseWord(StringRef Name) {
  for (const std::string &W : splitWords(Name))
    if (W == "response" || W == "reply" || W == "resp")
      return true;
  return false;
}

/// A response by its class's name or by an alias it is spelled with
/// (Beast's `http::response<Body>` is an alias of `http::message`).
bool Model::isResponseType(QualType T) const {
  const CXXRecordDecl *RD = recordOf(T);
  if (!RD || !RD->getIdentifier())
    return false;
  if (isResponseWord(RD->getName()))
    return true;
  QualType Cur = T.getNonReferenceType();
  for (unsigned Guard = 0; Guard < 8; ++Guard) {
    const Type *Ty = Cur.getTypePtr();
    if (const auto *TD = dyn_cast<TypedefType>(Ty))
      if (isResponseWord(TD->getDecl()->getName()))
        return true;
    if (const auto *TS = dyn_cast<TemplateSpecializationType>(Ty))
      if (const TemplateDecl *TD = TS->getTemplateName().getAsTemplateDecl())
        if (TD->getIdentifier() && isResponseWord(TD->getName()))
          return true;
    QualType Next = Cur.getSingleStepDesugaredType(Ctx);
    if (Next == Cur)
      break;
    Cur = Next;
  }
  return false;
}

const ModelRow *Model::cacheRow(QualType T) const {
  if (T.isNull())
    return nullptr;
  return row(ModelRole::Cache, recordOf(T));
}

bool Model::isCacheType(QualType T) const {
  if (T.isNull())
    return false;
  // By the type as written: an alias's name counts.
  auto [It, Fresh] = CacheTypeMemo.try_emplace(T.getAsOpaquePtr(), false);
  if (!Fresh)
    return It->second;
  bool Is = cacheRow(T) ||
            anySugarName(T, [&](StringRef N) {
              return Cfg.CacheTypes.matchesAnyWord(N);
            }) ||
            nameMatches(recordOf(T), Cfg.CacheTypes);
  CacheTypeMemo[T.getAsOpaquePtr()] = Is;
  return Is;
}

bool Model::isAssociativeContainer(QualType T) const {
  const CXXRecordDecl *RD = recordOf(T);
  return RD && RD->getIdentifier() &&
         Cfg.AssociativeContainers.containsExact(RD->getName());
}

bool Model::holdsIdentities(const CXXRecordDecl *RD) {
  return llvm::any_of(RD->fields(), [&](const FieldDecl *F) {
    QualType T = F->getType();
    if (!isAssociativeContainer(T) && !cacheRow(T))
      return false;
    QualType Mapped = templateArg(T, 1);
    return !Mapped.isNull() && isIdentityType(Mapped);
  });
}

bool Model::holdsEntries(QualType T) const {
  if (cacheRow(T))
    return true;
  const CXXRecordDecl *RD = recordOf(T);
  if (!RD || !RD->hasDefinition())
    return false;
  return llvm::any_of(RD->getDefinition()->fields(), [&](const FieldDecl *F) {
    return isAssociativeContainer(F->getType()) || cacheRow(F->getType());
  });
}

bool Model::isRemoteCacheType(QualType T) const {
  const CXXRecordDecl *RD = recordOf(T);
  if (!RD)
    return false;
  auto [It, Fresh] = RemoteCacheTypeMemo.try_emplace(RD, false);
  if (!Fresh)
    return It->second;
  // `redis::Client`: the namespace carries the word.
  bool Is = Cfg.RemoteCacheTypes.matchesAnyWord(RD->getQualifiedNameAsString());
  RemoteCacheTypeMemo[RD] = Is;
  return Is;
}

QualType Model::templateArg(QualType T, unsigned I) const {
  // The arguments as written keep their typedef names
  // (`LruCache<AccountId, Wallet>`), which the specialisation has lost.
  if (!T.isNull()) {
    QualType W = T.getNonReferenceType();
    if (const auto *PT = W->getAs<PointerType>())
      W = PT->getPointeeType();
    if (const auto *TST = W->getAs<TemplateSpecializationType>()) {
      auto Args = TST->template_arguments();
      if (I < Args.size() && Args[I].getKind() == TemplateArgument::Type)
        return Args[I].getAsType();
    }
  }
  const auto *S = asSpec(recordOf(T));
  if (!S)
    return QualType();
  const TemplateArgumentList &Args = S->getTemplateArgs();
  if (I < Args.size() && Args[I].getKind() == TemplateArgument::Type)
    return Args[I].getAsType();
  return QualType();
}

/// The classes whose instances a declaration of type \p T holds: the
/// record itself (through pointers, smart pointers and optionals) and the
/// elements of a container of them.
static void heldRecords(const Model &M, QualType T,
                        llvm::SmallVectorImpl<const CXXRecordDecl *> &Out) {
  const CXXRecordDecl *RD = M.recordOf(T);
  if (!RD)
    return;
  Out.push_back(RD);
  // The template too: its methods are analysed once, on the primary
  // template, where `this` is the pattern and not the specialization.
  if (const auto *Spec = asSpec(RD))
    if (const ClassTemplateDecl *CT = Spec->getSpecializedTemplate())
      Out.push_back(CT->getTemplatedDecl());
  const auto *S = asSpec(RD);
  if (!S || !RD->getIdentifier() ||
      !(isSequenceName(RD->getName()) || M.isAssociativeContainer(T)))
    return;
  for (const TemplateArgument &A : S->getTemplateArgs().asArray())
    if (A.getKind() == TemplateArgument::Type)
      if (const CXXRecordDecl *E = M.recordOf(A.getAsType()))
        Out.push_back(E);
}

static const CXXRecordDecl *key(const CXXRecordDecl *RD) {
  return RD ? RD->getCanonicalDecl() : nullptr;
}

struct Model::InstanceIndex {
  /// The first variable in shared storage that holds an instance.
  llvm::DenseMap<const CXXRecordDecl *, const VarDecl *> Stored;
  /// Singleton accessors: the function and the static it returns.
  llvm::DenseMap<const CXXRecordDecl *,
                 std::pair<const FunctionDecl *, const VarDecl *>>
      Singletons;
  /// The first call that registers an instance to serve requests.
  llvm::DenseMap<const CXXRecordDecl *, const CallExpr *> Registered;
  /// Fields that hold an instance.
  llvm::DenseMap<const CXXRecordDecl *, llvm::SmallVector<const FieldDecl *, 2>>
      HeldBy;
  /// Locals captured by reference by a callable that outlives the function
  /// (converted to a type-erased callable such as std::function, or stored
  /// in a member or global): the first such lambda.
  llvm::DenseMap<const VarDecl *, const LambdaExpr *> CapturedByEscaping;
  /// Classes whose instance a set-up function's callback captures by
  /// reference (a reference parameter, or a local by reference): the first
  /// such capture.
  llvm::DenseMap<const CXXRecordDecl *,
                 std::pair<const LambdaExpr *, const VarDecl *>>
      CapturedInstance;
  /// What a reference or pointer member is bound to when an instance is
  /// constructed: the argument given for the constructor parameter that
  /// initialises it (or the initialiser itself), and the construction.
  struct Binding {
    const Expr *To;
    const Expr *At;
  };
  llvm::DenseMap<const FieldDecl *, llvm::SmallVector<Binding, 2>> BoundTo;
  /// Locals filled by a cookie getter's out-parameter
  /// (`request.getCookies(cookies)`).
  llvm::DenseSet<const VarDecl *> CookieJars;
  /// Classes whose instance is handed to a thread started in a loop
  /// (`std::thread(session, std::move(socket), state)` with a shared_ptr,
  /// a pointer, a `std::ref`, or a lambda capturing one): the thread's
  /// construction and the variable handed on, first of each.
  llvm::DenseMap<const CXXRecordDecl *,
                 std::pair<const Expr *, const VarDecl *>>
      HandedToThreads;
  /// The calls of each function written in the translation unit.
  llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<const CallExpr *, 2>>
      CallsTo;
};

/// \p VD belongs to a function that sets up callbacks rather than one
/// that serves a request: not a lambda, not an override of a framework's
/// virtual method.
static bool setUpFunction(const VarDecl *VD) {
  const auto *Owner =
      dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod());
  if (!Owner || isLambdaCallOperator(Owner))
    return false;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(Owner))
    if (MD->size_overridden_methods() > 0)
      return false;
  return true;
}

namespace {
/// One pass over the translation unit (system headers and template
/// instantiations left out) that finds where class instances live.
class InstanceFinder : public RecursiveASTVisitor<InstanceFinder> {
public:
  InstanceFinder(const Model &M, const Config &Cfg, const SourceManager &SM)
      : M(M), Cfg(Cfg), SM(SM) {}

  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return true;
    return D ? onPath(*D, [&] { return RecursiveASTVisitor::TraverseDecl(D); })
             : true;
  }

  /// Keeps Path: overriding it makes the base call this for every child,
  /// so the path is the exact chain of ancestors of the node visited.
  bool TraverseStmt(Stmt *S) {
    return S ? onPath(*S, [&] { return RecursiveASTVisitor::TraverseStmt(S); })
             : true;
  }

  /// Runs \p Traverse with \p Node last on Path.
  template <typename NodeT, typename Fn>
  bool onPath(const NodeT &Node, Fn Traverse) {
    Path.push_back(DynTypedNode::create(Node));
    bool Go = Traverse();
    Path.pop_back();
    return Go;
  }

  bool VisitVarDecl(VarDecl *VD) {
    if (isa<ParmVarDecl>(VD) || !VD->hasGlobalStorage())
      return true;
    llvm::SmallVector<const CXXRecordDecl *, 4> Held;
    heldRecords(M, VD->getType(), Held);
    // A const instance (`static const Cookie defaultCookie;`) is never
    // written: it makes no instance of its class shared.
    // (A const pointer or smart pointer still reaches a mutable one.)
    const CXXRecordDecl *Own = VD->getType()->getAsCXXRecordDecl();
    if (VD->getType().isConstQualified() && !VD->getType()->isPointerType() &&
        !(Own && Own->getIdentifier() && isWrapperName(Own->getName()) &&
          Own->getName() != "optional" && Own->getName() != "atomic"))
      Held.clear();
    for (const CXXRecordDecl *RD : Held)
      Index.Stored.try_emplace(key(RD), VD);
    // `static Registry &instance() { static Registry r; return r; }`
    if (VD->isStaticLocal() && !Held.empty())
      if (const auto *FD = dyn_cast<FunctionDecl>(VD->getDeclContext())) {
        QualType R = FD->getReturnType();
        if ((R->isReferenceType() || R->isPointerType()) &&
            key(M.recordOf(R)) == key(Held.front()))
          Index.Singletons.try_emplace(key(Held.front()), FD, VD);
      }
    return true;
  }

  bool VisitFieldDecl(FieldDecl *FD) {
    llvm::SmallVector<const CXXRecordDecl *, 4> Held;
    heldRecords(M, FD->getType(), Held);
    for (const CXXRecordDecl *RD : Held)
      if (key(RD) != key(dyn_cast<CXXRecordDecl>(FD->getParent())))
        Index.HeldBy[key(RD)].push_back(FD);
    return true;
  }

  bool VisitLambdaExpr(LambdaExpr *LE) {
    if (!escapes(LE))
      return true;
    for (const LambdaCapture &C : LE->captures()) {
      if (!C.capturesVariable())
        continue;
      const auto *VD = dyn_cast<VarDecl>(C.getCapturedVar());
      if (!VD || VD->hasGlobalStorage())
        continue;
      if (C.getCaptureKind() == LCK_ByRef)
        Index.CapturedByEscaping.try_emplace(VD, LE);
      // The object a callback kept for later reaches by reference outlives
      // the call that set it up: every later call uses that one instance.
      bool Refers = VD->getType()->isReferenceType() ||
                    (C.getCaptureKind() == LCK_ByRef &&
                     !VD->getType()->isPointerType());
      if (Refers && setUpFunction(VD))
        if (const CXXRecordDecl *RD = M.recordOf(VD->getType()))
          if (!M.isCacheType(VD->getType()) &&
              !M.isAssociativeContainer(VD->getType()))
            Index.CapturedInstance.try_emplace(key(RD), LE, VD);
    }
    return true;
  }

  /// `std::thread(session, std::move(socket), state)` in an accept loop.
  void threadStart(const CXXConstructExpr *CC) {
    const CXXRecordDecl *RD = CC->getType()->getAsCXXRecordDecl();
    if (!RD || !RD->isInStdNamespace() || !RD->getIdentifier() ||
        (RD->getName() != "thread" && RD->getName() != "jthread"))
      return;
    const Stmt *Loop = loopOfVisited();
    if (!Loop)
      return;
    for (const Expr *Arg : CC->arguments()) {
      if (const auto *LE = dyn_cast<LambdaExpr>(ignoreWrappers(Arg))) {
        for (const LambdaCapture &C : LE->captures())
          if (C.capturesVariable())
            if (const auto *VD = dyn_cast<VarDecl>(C.getCapturedVar()))
              handToThread(CC, Loop, VD, C.getCaptureKind() == LCK_ByRef);
        continue;
      }
      const Expr *E = ignoreWrappers(Arg);
      if (const auto *Copy = dyn_cast<CXXConstructExpr>(E))
        if (Copy->getNumArgs() == 1)
          E = ignoreWrappers(Copy->getArg(0));
      bool ByRef = false;
      if (const auto *Call = dyn_cast<CallExpr>(E))
        if (const FunctionDecl *F = Call->getDirectCallee())
          if (F->isInStdNamespace() && F->getIdentifier() &&
              Call->getNumArgs() == 1) {
            ByRef = F->getName() == "ref" || F->getName() == "cref";
            if (ByRef || F->getName() == "move")
              E = ignoreWrappers(Call->getArg(0));
          }
      if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
        if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
          handToThread(CC, Loop, VD, ByRef);
    }
  }

  bool VisitCallExpr(CallExpr *CE) {
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (Callee)
      Index.CallsTo[Callee->getCanonicalDecl()].push_back(CE);
    if (Callee && Callee->getIdentifier() &&
        hasWordOrPlural(Callee->getName(), "cookie"))
      for (unsigned I = 0; I < CE->getNumArgs() && I < Callee->getNumParams();
           ++I) {
        QualType PT = Callee->getParamDecl(I)->getType();
        if (!PT->isReferenceType() || PT->getPointeeType().isConstQualified())
          continue;
        if (const auto *DRE =
                dyn_cast<DeclRefExpr>(CE->getArg(I)->IgnoreParenImpCasts()))
          if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
            Index.CookieJars.insert(VD);
      }
    if (Callee && Callee->getIdentifier() &&
        (Callee->getName() == "make_unique" ||
         Callee->getName() == "make_shared"))
      if (const CXXRecordDecl *RD = M.recordOf(CE->getType()))
        recordBindings(constructorFor(RD, CE->getNumArgs()), CE,
                       CE->arguments());
    // A library model says which argument the framework keeps for the
    // server's lifetime (`CivetServer::addHandler(uri, handler)`,
    // `MHD_start_daemon(..., dh, dh_cls, ...)`).
    if (const ModelRow *R = M.row(ModelRole::Lifetime, Callee))
      if (const Expr *Kept = modelArgument(CE, Callee, R->Arg);
          Kept &&
          (R->Life == Lifetime::PerServer || R->Life == Lifetime::PerWorker)) {
        if (const CXXRecordDecl *RD = objectPassed(Kept))
          Index.Registered.try_emplace(key(RD), CE);
        return true;
      }
    if (!Callee || !Callee->getIdentifier() ||
        !Cfg.RegistrationFunctions.matchesAnyWord(Callee->getName()))
      return true;
    for (const Expr *Arg : CE->arguments())
      if (const CXXRecordDecl *RD = instanceMadeBy(Arg, 0))
        Index.Registered.try_emplace(key(RD), CE);
    return true;
  }

  /// `new Handler(factory_.pages_)` with `Handler(Pages &p) : pages_(p)`:
  /// the member `pages_` of that instance refers to the argument.
  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    recordBindings(CE->getConstructor(), CE, CE->arguments());
    threadStart(CE);
    return true;
  }

  Model::InstanceIndex Index;

private:
  /// The one user-written constructor of \p RD that takes \p N
  /// arguments (`std::make_unique<X>(a, b)` constructs inside the
  /// library, where this pass does not look).
  static const CXXConstructorDecl *constructorFor(const CXXRecordDecl *RD,
                                                  unsigned N) {
    const CXXConstructorDecl *Found = nullptr;
    if (!RD->hasDefinition())
      return nullptr;
    for (const CXXConstructorDecl *C : RD->getDefinition()->ctors()) {
      if (C->isCopyOrMoveConstructor() || C->getNumParams() != N)
        continue;
      if (Found)
        return nullptr;
      Found = C;
    }
    return Found;
  }

  template <typename Args>
  void recordBindings(const CXXConstructorDecl *Ctor, const Expr *At,
                      Args Arguments) {
    const FunctionDecl *Def = nullptr;
    if (!Ctor || !Ctor->hasBody(Def) || !isa<CXXConstructorDecl>(Def))
      return;
    llvm::SmallVector<const Expr *, 4> ArgList(Arguments.begin(),
                                               Arguments.end());
    for (const CXXCtorInitializer *I :
         cast<CXXConstructorDecl>(Def)->inits()) {
      const FieldDecl *F = I->getMember();
      if (!F || !I->isWritten() ||
          !(F->getType()->isReferenceType() || F->getType()->isPointerType()))
        continue;
      const Expr *Init = ignoreWrappers(I->getInit());
      const Expr *To = Init;
      if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(Init))
        if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl())) {
          unsigned Idx = P->getFunctionScopeIndex();
          To = Idx < ArgList.size() ? ArgList[Idx] : nullptr;
        }
      if (To)
        Index.BoundTo[F->getCanonicalDecl()].push_back({To, At});
    }
  }

  /// The class of the object an argument hands over: one it creates, or
  /// an existing one passed by address, reference or `this`.
  const CXXRecordDecl *objectPassed(const Expr *E) {
    if (const CXXRecordDecl *RD = instanceMadeBy(E, 0))
      return RD;
    E = ignoreWrappers(E);
    // A callable converted to the framework's handler type
    // (`std::function<...>(lambda)`).
    if (const auto *CC = dyn_cast<CXXConstructExpr>(E))
      if (CC->getNumArgs() == 1)
        E = ignoreWrappers(CC->getArg(0));
    // `std::bind(&Api::handleGet, this, _1)`: the object the method is
    // bound to.
    if (const auto *Bind = dyn_cast<CallExpr>(E))
      if (const FunctionDecl *F = Bind->getDirectCallee())
        if (F->isInStdNamespace() && F->getIdentifier() &&
            (F->getName() == "bind" || F->getName() == "bind_front") &&
            Bind->getNumArgs() >= 2) {
          const auto *UO = dyn_cast<UnaryOperator>(ignoreWrappers(Bind->getArg(0)));
          const auto *Ref = UO ? dyn_cast<DeclRefExpr>(UO->getSubExpr()) : nullptr;
          if (Ref && isa<CXXMethodDecl>(Ref->getDecl()))
            E = ignoreWrappers(Bind->getArg(1));
        }
    // `svr.Get("/n", [this](...) {...})`: the callback kept for the
    // server's lifetime calls back into the object it captured.
    if (const auto *LE = dyn_cast<LambdaExpr>(E)) {
      for (const LambdaCapture &C : LE->captures())
        if (C.capturesThis())
          if (const auto *MD = dyn_cast<CXXMethodDecl>(
                  LE->getLambdaClass()->getDeclContext()))
            return MD->getParent();
      return nullptr;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E))
      if (UO->getOpcode() == UO_AddrOf)
        E = ignoreWrappers(UO->getSubExpr());
    if (isa<CXXThisExpr>(E) || isa<DeclRefExpr>(E) || isa<MemberExpr>(E))
      return M.recordOf(E->getType());
    return nullptr;
  }

  /// The class of the object `new X`, `std::make_shared<X>()`, `X{}` or a
  /// local initialised by one of those creates.
  const CXXRecordDecl *instanceMadeBy(const Expr *E, unsigned Depth) {
    if (!E || Depth > 3)
      return nullptr;
    E = ignoreWrappers(E);
    if (const auto *NE = dyn_cast<CXXNewExpr>(E))
      return M.recordOf(NE->getAllocatedType());
    if (isa<CXXConstructExpr>(E))
      return M.recordOf(E->getType());
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *F = Call->getDirectCallee();
      if (F && F->getIdentifier() &&
          (F->getName() == "make_shared" || F->getName() == "make_unique"))
        return M.recordOf(Call->getType());
      if (F && F->getIdentifier() && F->getName() == "move" &&
          Call->getNumArgs() == 1)
        return instanceMadeBy(Call->getArg(0), Depth + 1);
      return nullptr;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        if (VD->isLocalVarDecl() && VD->getInit())
          return instanceMadeBy(VD->getInit(), Depth + 1);
    return nullptr;
  }

  /// The callable \p LE makes outlives the full-expression it is written
  /// in: it is converted into another callable type (`std::function`, a
  /// framework's handler type) or stored in a member or a global. Passing
  /// it to a template that takes the closure type itself (`std::sort`) is
  /// not escaping.
  /// (Called while \p LE is being visited: its ancestors are Path. The
  /// walk uses that path, not ASTContext::getParents, whose first use
  /// indexes every node of the translation unit, system headers included.)
  bool escapes(const LambdaExpr *LE) {
    assert(!Path.empty() && Path.back().get<LambdaExpr>() == LE);
    for (size_t I = Path.size() - 1, Steps = 0; I-- > 0 && Steps++ < 16;) {
      const DynTypedNode &Parent = Path[I];
      if (const auto *CC = Parent.get<CXXConstructExpr>()) {
        const CXXRecordDecl *RD = CC->getType()->getAsCXXRecordDecl();
        return RD && RD != LE->getLambdaClass();
      }
      if (Parent.get<FieldDecl>())
        return true;
      if (const auto *VD = Parent.get<VarDecl>())
        return VD->hasGlobalStorage() ||
               (VD->getType()->getAsCXXRecordDecl() == LE->getLambdaClass() &&
                handedOn(VD));
      const Stmt *Up = Parent.get<Stmt>();
      if (!Up)
        return false;
      if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Up))
        if (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2)
          return isa<MemberExpr>(OC->getArg(0)->IgnoreParenImpCasts());
      if (!isa<MaterializeTemporaryExpr>(Up) && !isa<ImplicitCastExpr>(Up) &&
          !isa<CXXBindTemporaryExpr>(Up) && !isa<ExprWithCleanups>(Up) &&
          !isa<ParenExpr>(Up) && !isa<CXXFunctionalCastExpr>(Up))
        return false;
    }
    return false;
  }

  /// The innermost loop of its function that runs the node being visited
  /// (the last of Path) once per iteration.
  const Stmt *loopOfVisited() {
    for (size_t I = Path.size() - 1; I-- > 0;) {
      const DynTypedNode &Parent = Path[I];
      if (Parent.get<FunctionDecl>() || Parent.get<LambdaExpr>())
        return nullptr;
      if (Parent.get<ForStmt>() || Parent.get<WhileStmt>() ||
          Parent.get<DoStmt>() || Parent.get<CXXForRangeStmt>())
        return Parent.get<Stmt>();
    }
    return nullptr;
  }

  /// \p VD handed to a thread started in \p Loop: the object it points to (a shared_ptr or a
  /// pointer copied, or a reference or `std::ref`) is the threads' one
  /// instance; a plain object copied or moved is each thread's own.
  void handToThread(const Expr *At, const Stmt *Loop, const VarDecl *VD,
                    bool ByRef) {
    // One made in the loop is each thread's own.
    SourceRange In = Loop->getSourceRange();
    SourceLocation L = VD->getLocation();
    if (VD->hasGlobalStorage() ||
        (!SM.isBeforeInTranslationUnit(L, In.getBegin()) &&
         SM.isBeforeInTranslationUnit(L, In.getEnd())))
      return;
    QualType T = VD->getType().getNonReferenceType();
    const CXXRecordDecl *RD = nullptr;
    if (T->isPointerType())
      RD = T->getPointeeCXXRecordDecl();
    else if (const CXXRecordDecl *Pointee = sharedPointee(T))
      RD = Pointee;
    else if (ByRef || VD->getType()->isReferenceType())
      RD = T->getAsCXXRecordDecl();
    if (RD && !RD->isInStdNamespace() && !RD->isLambda())
      Index.HandedToThreads.try_emplace(key(RD), At, VD);
  }

  /// A closure kept in a local (`auto handler = [&](...) {...};`) is handed
  /// on when the local is converted into another callable type, or passed
  /// to a library outside the standard algorithms that takes the callable
  /// (`settings.request_handler(handler)`, `std::thread(handler)`).
  bool handedOn(const VarDecl *Closure) {
    const auto *Owner =
        dyn_cast_or_null<FunctionDecl>(Closure->getParentFunctionOrMethod());
    if (!Owner || !Owner->getBody())
      return false;
    bool Handed = false;
    forEachStmt(Owner->getBody(), [&](const Stmt *S) {
      const auto *CE = dyn_cast<CallExpr>(S);
      if (Handed || !CE || isa<CXXOperatorCallExpr>(CE))
        return;
      const FunctionDecl *Callee = CE->getDirectCallee();
      if (!Callee || !SM.isInSystemHeader(SM.getExpansionLoc(Callee->getLocation())) ||
          Callee->isInStdNamespace())
        return;
      for (const Expr *Arg : CE->arguments())
        if (const auto *DRE = dyn_cast<DeclRefExpr>(Arg->IgnoreParenImpCasts()))
          Handed |= DRE->getDecl() == Closure;
    });
    if (Handed)
      return true;
    forEachStmt(Owner->getBody(), [&](const Stmt *S) {
      const auto *CC = dyn_cast<CXXConstructExpr>(S);
      if (Handed || !CC || CC->getNumArgs() == 0)
        return;
      const CXXRecordDecl *RD = CC->getType()->getAsCXXRecordDecl();
      const auto *DRE =
          dyn_cast<DeclRefExpr>(CC->getArg(0)->IgnoreParenImpCasts());
      Handed = RD && RD != Closure->getType()->getAsCXXRecordDecl() && DRE &&
               DRE->getDecl() == Closure;
    });
    return Handed;
  }

  const Model &M;
  const Config &Cfg;
  const SourceManager &SM;
  /// The nodes being traversed, outermost first: the ancestors of the
  /// node a Visit method is looking at, then that node.
  llvm::SmallVector<DynTypedNode, 32> Path;
};
} // namespace

const Model::InstanceIndex &Model::instances() const {
  if (!Instances) {
    InstanceFinder F(*this, Cfg, Ctx.getSourceManager());
    F.TraverseDecl(Ctx.getTranslationUnitDecl());
    Instances = std::make_shared<InstanceIndex>(std::move(F.Index));
  }
  return *Instances;
}

/// The base, or else the class itself, whose name says it is long-lived.
static const CXXRecordDecl *namedLongLived(const CXXRecordDecl *RD,
                                           const Config &Cfg, unsigned Depth) {
  if (!RD || Depth > 8)
    return nullptr;
  // A framework base (`http::Handler`) is better evidence than a name, and
  // beats a per-request name (`RequestHandler`); a per-request base
  // (`ServiceContext`) is not evidence.
  if (RD->hasDefinition())
    for (const CXXBaseSpecifier &B : RD->getDefinition()->bases()) {
      const CXXRecordDecl *Base = B.getType()->getAsCXXRecordDecl();
      if (nameMatches(Base, Cfg.PerRequestTypes))
        continue;
      if (const CXXRecordDecl *Hit = namedLongLived(Base, Cfg, Depth + 1))
        return Hit;
    }
  return nameMatches(RD, Cfg.HandlerBases) &&
                 !nameMatches(RD, Cfg.PerRequestTypes)
             ? RD
             : nullptr;
}

static std::string storageWords(const VarDecl *VD) {
  if (VD->getTLSKind() != VarDecl::TLS_None)
    return "is thread_local";
  if (VD->isStaticDataMember())
    return "is a static data member";
  if (VD->isStaticLocal())
    return "is a function-local static";
  return "is declared at namespace scope";
}

std::optional<LongLived> Model::longLived(const CXXRecordDecl *RD) const {
  // Asked for every write through a member of the class: once per class.
  auto It = LongLivedMemo.find(RD);
  if (It != LongLivedMemo.end())
    return It->second;
  std::optional<LongLived> Out = longLivedImpl(RD, 0);
  LongLivedMemo.try_emplace(RD, Out);
  return Out;
}

/// What the instances of \p RD say of its lifetime: a model row (\p Row,
/// unless it says short), a singleton, an instance in shared storage, or
/// a field of a long-lived class that holds one.
std::optional<LongLived> Model::storedLongLived(const CXXRecordDecl *RD,
                                                const ModelRow *Row,
                                                const std::string &Name,
                                                unsigned Depth) const {
  const InstanceIndex &I = instances();
  std::optional<LongLived> Out;
  if (Row) {
    std::string Base = Row->Name;
    Out = LongLived{"a member of " + Name +
                        (modelName(RD) == Base ? "" : ", which derives from '" + Base + "'") +
                        (Row->Life == Lifetime::PerWorker
                             ? ": the framework makes one per worker thread and "
                               "reuses it for every request that thread serves"
                             : ": the framework makes one for the whole server") +
                        Row->citation(),
                    SourceLocation(), "", EvidenceKind::Model};
  } else if (auto It = I.Singletons.find(key(RD)); It != I.Singletons.end()) {
    Out = LongLived{"a member of singleton " + Name,
                    It->second.second->getLocation(),
                    "the one instance of " + Name + ", returned by '" +
                        It->second.first->getNameAsString() + "()'"};
  } else if (auto It = I.Stored.find(key(RD)); It != I.Stored.end()) {
    const VarDecl *VD = It->second;
    Out = LongLived{"a member of " + Name + ", whose instance '" +
                        VD->getNameAsString() + "' " + storageWords(VD),
                    VD->getLocation(),
                    "an instance of " + Name + " lives here, in shared storage"};
  } else if (auto It = I.HeldBy.find(key(RD)); It != I.HeldBy.end()) {
    for (const FieldDecl *F : It->second) {
      const auto *Owner = dyn_cast<CXXRecordDecl>(F->getParent());
      if (std::optional<LongLived> O = longLivedImpl(Owner, Depth + 1)) {
        Out = LongLived{"a member of " + Name + ", held by '" +
                            Owner->getNameAsString() + "::" +
                            F->getNameAsString() + "' (" + O->Why + ")",
                        F->getLocation(),
                        "'" + F->getNameAsString() + "' holds an instance of " +
                            Name,
                        O->Kind};
        break;
      }
    }
  }
  return Out;
}

/// A registration of \p RD's instances to serve requests is structure
/// (or the registering function's model row), whatever the name said.
void Model::addRegistration(const CXXRecordDecl *RD, const std::string &Name,
                            std::optional<LongLived> &Out) const {
  const InstanceIndex &I = instances();
  if (auto It = I.Registered.find(key(RD)); It != I.Registered.end()) {
    const FunctionDecl *Callee = It->second->getDirectCallee();
    const ModelRow *By = row(ModelRole::Lifetime, Callee);
    std::string Via = By ? By->citation() : "";
    EvidenceKind Kind = By ? EvidenceKind::Model : EvidenceKind::Structure;
    if (!Out || Out->byName())
      Out = LongLived{"a member of " + Name + ", registered to serve requests" +
                          Via,
                      SourceLocation(), "", Kind};
    else if (Kind < Out->Kind)
      Out->Kind = Kind;
    if (Out->WhereLoc.isInvalid()) {
      Out->WhereLoc = It->second->getBeginLoc();
      Out->WhereNote =
          Name + " is registered here; one instance serves every request" +
          Via;
    }
  }
}

std::optional<LongLived> Model::longLivedImpl(const CXXRecordDecl *RD,
                                              unsigned Depth) const {
  if (!RD || Depth > 4)
    return std::nullopt;
  const CXXRecordDecl *Named = namedLongLived(RD, Cfg, 0);
  const ModelRow *Row = library().lifetimeOf(RD);
  // A framework's documented lifetime beats a name either way: a Poco
  // HTTPRequestHandler is made per request whatever it is called.
  bool ModelShort = Row && (Row->Life == Lifetime::PerRequest ||
                            Row->Life == Lifetime::PerConnection);
  if (ModelShort)
    Named = nullptr;
  // A per-request name outweighs everything but a long-lived base.
  if (isPerRequestClass(RD) && key(Named) == key(RD))
    Named = nullptr;
  if (isPerRequestClass(RD) && !Named && !Row)
    return std::nullopt;
  const InstanceIndex &I = instances();
  const std::string Name = "'" + RD->getNameAsString() + "'";
  std::optional<LongLived> Out =
      storedLongLived(RD, ModelShort ? nullptr : Row, Name, Depth);
  // An instance that every later call reaches: the instance's variable,
  // what makes it reached, and the note at the place that does.
  auto Reached = [&](const auto &Index, const char *Why, const char *Note) {
    auto It = Index.find(key(RD));
    if (Out || It == Index.end())
      return;
    std::string Var = "'" + It->second.second->getNameAsString() + "'";
    Out = LongLived{"a member of " + Name + ", whose instance " + Var + Why,
                    It->second.first->getBeginLoc(), Var + Note};
  };
  Reached(I.CapturedInstance,
          " a callback that outlives its set-up captures by reference, so "
          "every call of the callback uses it",
          " is captured by reference here, by a callback stored beyond the "
          "call that creates it");
  Reached(I.HandedToThreads,
          " is handed to every thread started in a loop, so the requests "
          "those threads serve share it",
          " is handed to a new thread here, on every iteration");
  // Words last: a name never outranks an instance held in shared storage.
  if (!Out)
    if (const CXXRecordDecl *Hit = Named)
      Out = LongLived{key(Hit) == key(RD)
                          ? "a member of " + Name +
                                ", a long-lived class by its name"
                          : "a member of " + Name + ", which derives from '" +
                                Hit->getQualifiedNameAsString() + "'",
                      SourceLocation(), "", EvidenceKind::Name};
  addRegistration(RD, Name, Out);
  return Out;
}

std::optional<StorageInfo> Model::capturedShared(const DeclRefExpr *DRE,
                                                const VarDecl *VD) const {
  if (!DRE->refersToEnclosingVariableOrCapture())
    return std::nullopt;
  const auto &Captures = instances().CapturedByEscaping;
  auto It = Captures.find(VD);
  if (It == Captures.end())
    return std::nullopt;
  // The locals of a function that serves a request are that request's,
  // even when a callback it starts captures them: only a function that
  // is not itself a handler (a lambda, or an override of a framework's
  // virtual method) sets up state for every later call.
  if (!setUpFunction(VD))
    return std::nullopt;
  const auto *Owner = cast<FunctionDecl>(VD->getParentFunctionOrMethod());
  StorageInfo Info;
  Info.Kind = Sharing::Shared;
  Info.Decl = Info.Holder = VD;
  Info.Why = "a local of '" + Owner->getNameAsString() +
             "' captured by reference by a callback that outlives it, so "
             "every call of the callback shares it";
  Info.WhereLoc = It->second->getBeginLoc();
  Info.WhereNote = "'" + VD->getNameAsString() +
                   "' is captured by reference here, by a callback stored "
                   "beyond the call that creates it";
  return Info;
}

bool Model::shortLivedByModel(const CXXRecordDecl *RD) const {
  const ModelRow *Row = library().lifetimeOf(RD);
  return Row && (Row->Life == Lifetime::PerRequest ||
                 Row->Life == Lifetime::PerConnection);
}

bool Model::isPerRequestClass(const CXXRecordDecl *RD) const {
  return nameMatches(RD, Cfg.PerRequestTypes);
}

bool Model::isFrameworkCallback(const FunctionDecl *F) const {
  return frameworkCallbackRow(F) != nullptr;
}

const ModelRow *Model::frameworkCallbackRow(const FunctionDecl *F) const {
  // An entry-point row names the function, by name or by signature (a
  // handler of the shape `void(const Request &, Response &)`), or a
  // virtual method it overrides.
  if (const ModelRow *R = F ? row(ModelRole::EntryPoint, F) : nullptr)
    return R;
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(F);
  llvm::SmallVector<const CXXMethodDecl *, 4> Work;
  if (MD)
    Work.push_back(MD);
  for (unsigned Guard = 0; !Work.empty() && Guard < 16; ++Guard) {
    const CXXMethodDecl *Cur = Work.pop_back_val();
    for (const CXXMethodDecl *O : Cur->overridden_methods()) {
      if (const ModelRow *R = row(ModelRole::EntryPoint, O))
        return R;
      if (const ModelRow *R = row(ModelRole::Lifetime, O->getParent()))
        return R;
      Work.push_back(O);
    }
  }
  return nullptr;
}

StorageInfo Model::classifyStorage(const Expr *E) const {
  return classifyStorageImpl(E, 0);
}

/// \p Info is shared because \p LL's object is, through field \p FD.
static void sharedBy(StorageInfo &Info, const LongLived &LL,
                     const FieldDecl *FD) {
  Info.Kind = Sharing::Shared;
  Info.Evidence = LL.Kind;
  Info.Holder = FD;
  Info.Why = LL.Why;
  Info.WhereLoc = LL.WhereLoc;
  Info.WhereNote = LL.WhereNote;
}

/// A variable: its storage duration, a capture, or what a reference or
/// pointer local is bound to.
StorageInfo Model::classifyVar(const DeclRefExpr *DRE, unsigned Depth) const {
  StorageInfo Info;
  const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
  if (!VD)
    return Info;
  Info.Decl = VD;
  if (VD->hasGlobalStorage()) {
    Info.Holder = VD;
    Info.Kind = Sharing::Shared;
    if (VD->getTLSKind() != VarDecl::TLS_None) {
      Info.ThreadLocal = VD;
      Info.Why = "declared thread_local; pooled threads serve many users";
      if (!Cfg.ThreadLocalIsShared)
        Info.Kind = Sharing::PerRequest;
    } else if (VD->isStaticDataMember()) {
      Info.Why = "a static data member";
    } else if (VD->isStaticLocal()) {
      Info.Why = "a function-local static";
    } else {
      Info.Why = "declared at namespace scope";
    }
  } else if (std::optional<StorageInfo> Captured = capturedShared(DRE, VD)) {
    return *Captured;
  } else if (VD->getType()->isReferenceType() ||
             VD->getType()->isPointerType() ||
             (isa<ParmVarDecl>(VD) && sharedPointee(VD->getType()))) {
    // A shared_ptr parameter shares its caller's object.
    if (isa<ParmVarDecl>(VD) || !VD->getInit()) {
      Info.Kind = Sharing::Unknown;
      return Info;
    }
    // `auto &c = g_cache;` is the global under another name.
    StorageInfo Inner = classifyStorageImpl(VD->getInit(), Depth + 1);
    if (Inner.Kind != Sharing::Unknown || Inner.Decl)
      return Inner;
    Info.Kind = Sharing::Unknown;
  } else {
    Info.Kind = Sharing::PerRequest;
  }
  return Info;
}

/// A member: of `this` (shared when the object is long-lived, or what a
/// reference member is bound to), or of another object (where it lives).
StorageInfo Model::classifyMember(const MemberExpr *ME, unsigned Depth) const {
  StorageInfo Info;
  const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
  if (const auto *VD = dyn_cast<VarDecl>(ME->getMemberDecl())) {
    Info.Decl = Info.Holder = VD;
    Info.Kind = Sharing::Shared;
    Info.Why = "a static data member";
    return Info;
  }
  if (!FD)
    return Info;
  const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
  if (isa<CXXThisExpr>(Base)) {
    // The class of `this`, not of the field's declaration: a field
    // inherited from a plain base is shared when the handler is.
    const CXXRecordDecl *RD = Base->getType()->getPointeeCXXRecordDecl();
    if (!RD)
      RD = dyn_cast<CXXRecordDecl>(FD->getParent());
    Info.Decl = FD;
    if (std::optional<LongLived> LL = longLived(RD)) {
      sharedBy(Info, *LL, FD);
    } else if (std::optional<StorageInfo> Bound =
                   boundStorage(FD, Depth)) {
      // A reference or pointer member of a short-lived object refers
      // to what its constructor was given, not to the object's own
      // storage.
      return *Bound;
    } else if (FD->getType()->isReferenceType()) {
      // A reference bound to something we cannot see outlives the
      // object that holds it; where it lives is unknown.
      Info.Kind = Sharing::Unknown;
    } else if (isPerRequestClass(RD) || shortLivedByModel(RD)) {
      Info.Kind = Sharing::PerRequest;
    } else {
      Info.Kind = Sharing::Unknown;
    }
    return Info;
  }
  StorageInfo Outer = classifyStorageImpl(Base, Depth + 1);
  // `srv->current_user` through a pointer the framework hands back
  // (`static_cast<Server *>(cls)`): shared when the class is, by
  // structure or a library model (not by its name).
  if (Outer.Kind == Sharing::Unknown)
    if (std::optional<LongLived> LL = longLived(recordOf(Base->getType())))
      if (!LL->byName())
        sharedBy(Outer, *LL, FD);
  // A per-request object reached through a reference we cannot see is
  // still per-request; one held in a global is not.
  if (Outer.Kind != Sharing::Shared &&
      isPerRequestClass(recordOf(Base->getType())))
    Outer.Kind = Sharing::PerRequest;
  Outer.Decl = FD;
  return Outer;
}

StorageInfo Model::classifyStorageImpl(const Expr *E, unsigned Depth) const {
  StorageInfo Info;
  for (int Guard = 0; E && Guard < 16 && Depth < 4; ++Guard) {
    E = E->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return classifyVar(DRE, Depth);
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      return classifyMember(ME, Depth);
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() == UO_Deref || UO->getOpcode() == UO_AddrOf) {
        E = UO->getSubExpr();
        continue;
      }
      return Info;
    }
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      E = AS->getBase();
      continue;
    }
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
      if ((OC->getOperator() == OO_Arrow || OC->getOperator() == OO_Star ||
           OC->getOperator() == OO_Subscript) &&
          OC->getNumArgs() >= 1) {
        E = OC->getArg(0);
        continue;
      }
      return Info;
    }
    if (const auto *CE = dyn_cast<CallExpr>(E)) {
      // `Registry::instance().x`: what the accessor returns a reference to.
      const FunctionDecl *Callee = CE->getDirectCallee();
      const FunctionDecl *Def = nullptr;
      QualType R = CE->getCallReturnType(Ctx);
      if (!Callee || !(R->isReferenceType() || R->isPointerType()) ||
          !Callee->hasBody(Def) ||
          Ctx.getSourceManager().isInSystemHeader(Def->getLocation()))
        return Info;
      for (const Stmt *S : Def->getBody()->children())
        if (const auto *RS = dyn_cast_or_null<ReturnStmt>(S))
          if (RS->getRetValue()) {
            StorageInfo Inner =
                classifyStorageImpl(RS->getRetValue(), Depth + 1);
            if (Inner.Kind == Sharing::Shared)
              return Inner;
          }
      return Info;
    }
    return Info;
  }
  return Info;
}

std::optional<StorageInfo> Model::boundStorage(const FieldDecl *FD,
                                               unsigned Depth) const {
  if (!(FD->getType()->isReferenceType() || FD->getType()->isPointerType()))
    return std::nullopt;
  auto It = instances().BoundTo.find(FD->getCanonicalDecl());
  if (It == instances().BoundTo.end())
    return std::nullopt;
  // Shared when one construction binds it to shared storage; per request
  // only when every construction binds it to per-request storage.
  bool AllPerRequest = true;
  for (const InstanceIndex::Binding &B : It->second) {
    StorageInfo Inner = classifyStorageImpl(B.To, Depth + 1);
    if (Inner.Kind == Sharing::Shared) {
      const auto *RD = dyn_cast<CXXRecordDecl>(FD->getParent());
      std::string Target = text(B.To);
      if (const auto *TF = dyn_cast_or_null<FieldDecl>(Inner.Decl))
        if (const auto *TR = dyn_cast<CXXRecordDecl>(TF->getParent()))
          Target = TR->getNameAsString() + "::" + TF->getNameAsString();
      Inner.Why = "'" + FD->getNameAsString() + "' refers to '" + Target +
                  "', " + Inner.Why;
      if (Inner.WhereLoc.isInvalid() || Depth == 0) {
        Inner.WhereLoc = B.At->getBeginLoc();
        Inner.WhereNote = "'" + (RD ? RD->getNameAsString() : "") +
                          "' is constructed here with '" +
                          FD->getNameAsString() + "' bound to '" +
                          text(B.To) + "'";
      }
      return Inner;
    }
    AllPerRequest &= Inner.Kind == Sharing::PerRequest;
  }
  StorageInfo Info;
  Info.Decl = FD;
  Info.Kind = AllPerRequest ? Sharing::PerRequest : Sharing::Unknown;
  return Info;
}

llvm::ArrayRef<const CallExpr *> Model::callsTo(const FunctionDecl *F) const {
  if (!F)
    return {};
  auto It = instances().CallsTo.find(F->getCanonicalDecl());
  if (It == instances().CallsTo.end())
    return {};
  return It->second;
}

bool Model::isCookieJar(const Expr *E) const {
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts()
                                                    : nullptr);
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return VD && instances().CookieJars.contains(VD);
}

bool Model::isSharedOk(const ValueDecl *D) const {
  if (!D)
    return false;
  if (hasAnnotation(D, SharedOkAnnotation))
    return true;
  const CXXRecordDecl *RD = recordOf(D->getType());
  return RD && hasAnnotation(RD, SharedOkAnnotation);
}

std::string Model::text(const Expr *E, size_t Max) const {
  if (!E)
    return "";
  return text(E->getSourceRange(), Max);
}

std::string Model::text(SourceRange R, size_t Max) const {
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange CR = CharSourceRange::getTokenRange(R);
  CR = Lexer::makeFileCharRange(CR, SM, Ctx.getLangOpts());
  StringRef Raw = CR.isValid() ? Lexer::getSourceText(CR, SM, Ctx.getLangOpts())
                               : StringRef();
  std::string Out;
  bool Space = false;
  for (char C : Raw) {
    if (C == ' ' || C == '\t' || C == '\n' || C == '\r') {
      Space = !Out.empty();
      continue;
    }
    if (Space)
      Out.push_back(' ');
    Space = false;
    Out.push_back(C);
  }
  if (Out.size() > Max)
    Out = Out.substr(0, Max - 3) + "...";
  return Out;
}

static StringRef headerNameOfDecl(StringRef Identifier) {
  if (Identifier.size() > 1 && Identifier[0] == 'k' &&
      Identifier[1] >= 'A' && Identifier[1] <= 'Z')
    return Identifier.drop_front();
  return Identifier;
}

std::string headerNameOf(const NamedDecl *D) {
  if (const auto *VD = dyn_cast<VarDecl>(D))
    if (VD->getType().isConstQualified() || VD->isConstexpr())
      if (const auto *SL = dyn_cast_or_null<StringLiteral>(
              VD->getInit() ? ignoreWrappers(VD->getInit()) : nullptr))
        if (SL->getCharByteWidth() == 1)
          return SL->getString().str();
  return D->getIdentifier() ? headerNameOfDecl(D->getName()).str() : "";
}

std::string normaliseHeader(StringRef Name) {
  std::string Out;
  for (char C : Name)
    if (llvm::isAlnum(C))
      Out.push_back(llvm::toLower(C));
  return Out;
}

const Expr *modelArgument(const CallExpr *Call, const Decl *Callee, int Pos) {
  if (!Call || Pos < 0)
    return nullptr;
  unsigned I = Pos;
  if (isa<CXXOperatorCallExpr>(Call) && isa_and_nonnull<CXXMethodDecl>(Callee))
    ++I;
  return I < Call->getNumArgs() ? Call->getArg(I) : nullptr;
}

const Expr *ignoreWrappers(const Expr *E) {
  for (int Guard = 0; E && Guard < 64; ++Guard) {
    const Expr *Prev = E;
    E = E->IgnoreParenImpCasts();
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
      E = EWC->getSubExpr();
    else if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E))
      E = MT->getSubExpr();
    else if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(E))
      E = BT->getSubExpr();
    else if (const auto *CE = dyn_cast<ExplicitCastExpr>(E))
      E = CE->getSubExpr();
    else if (const auto *DA = dyn_cast<CXXDefaultArgExpr>(E))
      E = DA->getExpr();
    else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      // A conversion operator (`std::string` to `std::string_view`) keeps
      // its object's provenance.
      if (isa_and_nonnull<CXXConversionDecl>(MC->getMethodDecl()))
        E = MC->getImplicitObjectArgument();
    } else if (const auto *CC = dyn_cast<CXXConstructExpr>(E)) {
      // Copies and moves keep provenance; conversions from one argument
      // (`std::string(p)`) do too, also when the constructor takes more
      // arguments with defaults (libstdc++'s `string(const char *, const
      // Alloc & = Alloc())`), so a literal passed as `const std::string &`
      // is still that literal.
      if (CC->getNumArgs() >= 1 && !isa<CXXTemporaryObjectExpr>(CC) &&
          llvm::all_of(llvm::drop_begin(CC->arguments()),
                       [](const Expr *A) { return isa<CXXDefaultArgExpr>(A); }) &&
          (CC->getConstructor()->isCopyOrMoveConstructor() ||
           CC->getConstructor()->isConvertingConstructor(false)))
        E = CC->getArg(0);
    }
    if (E == Prev)
      break;
  }
  return E;
}

std::optional<std::pair<const Expr *, const Expr *>>
pairElements(const Expr *E) {
  const Expr *Inner = ignoreWrappers(E);
  llvm::SmallVector<const Expr *, 2> Parts;
  if (const auto *IL = dyn_cast<InitListExpr>(Inner))
    Parts.append(IL->inits().begin(), IL->inits().end());
  else if (const auto *CC = dyn_cast<CXXConstructExpr>(Inner))
    Parts.append(CC->arg_begin(), CC->arg_end());
  else if (const auto *CE = dyn_cast<CallExpr>(Inner)) {
    const FunctionDecl *FD = CE->getDirectCallee();
    if (FD && FD->getIdentifier() && FD->getName() == "make_pair")
      Parts.append(CE->arg_begin(), CE->arg_end());
  }
  if (Parts.size() != 2)
    return std::nullopt;
  return std::make_pair(Parts[0], Parts[1]);
}

std::optional<std::pair<const Expr *, const Expr *>>
binaryOperands(const Stmt *S, BinaryOperatorKind BO, OverloadedOperatorKind OO) {
  if (const auto *B = dyn_cast<BinaryOperator>(S))
    if (B->getOpcode() == BO)
      return std::make_pair(B->getLHS(), B->getRHS());
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S))
    if (OC->getOperator() == OO && OC->getNumArgs() == 2)
      return std::make_pair(OC->getArg(0), OC->getArg(1));
  return std::nullopt;
}

const FunctionDecl *handlerOf(const Expr *E) {
  E = ignoreWrappers(E);
  if (const auto *CC = dyn_cast<CXXConstructExpr>(E))
    if (CC->getNumArgs() == 1)
      E = ignoreWrappers(CC->getArg(0));
  if (const auto *LE = dyn_cast<LambdaExpr>(E))
    return LE->getCallOperator();
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_AddrOf)
      E = ignoreWrappers(UO->getSubExpr());
  const FunctionDecl *Def = nullptr;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *F = dyn_cast<FunctionDecl>(DRE->getDecl()))
      if (F->hasBody(Def))
        return Def;
  return nullptr;
}

const VarDecl *rootVar(const Expr *E) {
  for (int Guard = 0; E && Guard < 32; ++Guard) {
    E = ignoreWrappers(E);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      // `auto [it, fresh] = ...`: a binding is a part of the object it
      // decomposes.
      if (const auto *BD = dyn_cast<BindingDecl>(DRE->getDecl()))
        return dyn_cast_or_null<VarDecl>(BD->getDecomposedDecl());
      return dyn_cast<VarDecl>(DRE->getDecl());
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (isa<FieldDecl>(ME->getMemberDecl()) &&
          !isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts())) {
        E = ME->getBase();
        continue;
      }
      return nullptr;
    }
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      E = AS->getBase();
      continue;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() == UO_Deref || UO->getOpcode() == UO_AddrOf) {
        E = UO->getSubExpr();
        continue;
      }
      return nullptr;
    }
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
      if ((OC->getOperator() == OO_Arrow || OC->getOperator() == OO_Star ||
           OC->getOperator() == OO_Subscript) &&
          OC->getNumArgs() >= 1) {
        E = OC->getArg(0);
        continue;
      }
      return nullptr;
    }
    // `res.body() = html`: an accessor that hands out a part of its object
    // by non-const reference writes into the object.
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      QualType R = MC->getType();
      if (MC->getNumArgs() == 0 && MC->isLValue() &&
          !R.isConstQualified() && MC->getImplicitObjectArgument()) {
        E = MC->getImplicitObjectArgument();
        continue;
      }
      return nullptr;
    }
    return nullptr;
  }
  return nullptr;
}

const FunctionFacts *Model::factsFor(const FunctionDecl *FD) const {
  if (!Cfg.Summaries || !FD)
    return nullptr;
  FD = FD->getCanonicalDecl();
  auto It = FactsMemo.find(FD);
  if (It != FactsMemo.end())
    return It->second;
  const FunctionFacts *Facts = nullptr;
  const FunctionDecl *Def = nullptr;
  // A body in this translation unit is better evidence than any summary.
  if (!(FD->hasBody(Def) && Def->getBody()) && FD->isExternallyVisible() &&
      !Ctx.getSourceManager().isInSystemHeader(FD->getLocation()))
    Facts = Cfg.Summaries->lookup(functionUsr(FD));
  return FactsMemo[FD] = Facts;
}

} // namespace crossuser
