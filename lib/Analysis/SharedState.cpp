#include "Analysis/SharedState.h"
#include "Analysis/Model.h"
#include "Analysis/Provenance.h"
#include "Analysis/TUContext.h"
#include "Analysis/Trace.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/Path.h"
#include <map>
#include <tuple>

using namespace clang;

namespace crossuser {
namespace {

/// One write of values into a piece of storage.
struct Write {
  /// The assignment or call that writes.
  const Expr *At = nullptr;
  /// The storage written: the left-hand side, or the object of the call.
  const Expr *Target = nullptr;
  llvm::SmallVector<const Expr *, 2> Values;
  /// The innermost function: a lambda's call operator for callbacks.
  const FunctionDecl *Func = nullptr;
};

/// A call to a function in another translation unit whose summary says it
/// writes one of its parameters into shared storage.
struct RemoteWrite {
  const CallExpr *Call = nullptr;
  const FunctionFacts *Callee = nullptr;
  const StoreFact *Store = nullptr;
  const FunctionDecl *Func = nullptr;
};

bool isCompoundAssign(OverloadedOperatorKind K) {
  switch (K) {
  case OO_PlusEqual:
  case OO_MinusEqual:
  case OO_StarEqual:
  case OO_SlashEqual:
  case OO_PercentEqual:
  case OO_CaretEqual:
  case OO_AmpEqual:
  case OO_PipeEqual:
  case OO_LessLessEqual:
  case OO_GreaterGreaterEqual:
    return true;
  default:
    return false;
  }
}

/// The next object down a chain of member, subscript and dereference
/// expressions and local references (`auto &slot = g_map[k]`), or null at
/// its root.
const Expr *objectBelow(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      if (VD->isLocalVarDecl() && VD->getInit() &&
          (VD->getType()->isReferenceType() || VD->getType()->isPointerType()))
        return VD->getInit();
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return ME->getBase();
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
    return AS->getBase();
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_Deref || UO->getOpcode() == UO_AddrOf)
      return UO->getSubExpr();
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E))
    if ((OC->getOperator() == OO_Arrow || OC->getOperator() == OO_Star ||
         OC->getOperator() == OO_Subscript) &&
        OC->getNumArgs() >= 1)
      return OC->getArg(0);
  return nullptr;
}

/// The variable \p E names, through parentheses and implicit casts.
const VarDecl *namedVar(const Expr *E) {
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
    return dyn_cast<VarDecl>(DRE->getDecl());
  return nullptr;
}

/// A standard sequence, whose `insert(pos, value)` takes a position, not
/// a key.
bool isSequence(QualType T) {
  T = T.getNonReferenceType();
  if (const auto *PT = T->getAs<PointerType>())
    T = PT->getPointeeType();
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->isInStdNamespace() || !RD->getIdentifier())
    return false;
  StringRef N = RD->getName();
  return N == "vector" || N == "deque" || N == "list" || N == "forward_list" ||
         N == "basic_string";
}

/// Methods that store their later arguments under their first.
bool isKeyedInsert(StringRef Name) {
  std::string N = normaliseMethod(Name);
  return N == "insert" || N == "emplace" || N == "tryemplace" ||
         N == "insertorassign" || N == "put" || N == "set" || N == "store" ||
         N == "upsert" || N == "add";
}

/// A size or count computed from data is not the data: `g_bytes +=
/// body.size()` keeps no user's content.
bool isMeasure(const Expr *E) {
  E = ignoreWrappers(E);
  if (isa<UnaryExprOrTypeTraitExpr>(E) || isa<IntegerLiteral>(E) ||
      isa<CXXBoolLiteralExpr>(E))
    return true;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (!MD || !MD->getIdentifier())
      return false;
    StringRef N = MD->getName();
    return N == "size" || N == "length" || N == "count" || N == "empty" ||
           N == "capacity";
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    return (BO->isAdditiveOp() || BO->isMultiplicativeOp()) &&
           isMeasure(BO->getLHS()) && isMeasure(BO->getRHS());
  return false;
}

class SharedStateRule {
public:
  explicit SharedStateRule(TUContext &TU)
      : TU(TU), M(TU.model()), P(TU.provenance()), Cfg(TU.config()),
        SM(TU.ast().getSourceManager()) {}

  std::vector<Finding> run() {
    std::vector<Finding> Out;
    for (const FunctionDecl *FD : TU.functions())
      collect(FD);
    for (const Write &W : Writes)
      if (std::optional<Finding> F = judge(W)) {
        Out.push_back(std::move(*F));
        Reported.insert(W.At);
      }
    Judged = true;
    addLocalHelperCalls();
    for (const RemoteWrite &R : Remote)
      if (std::optional<Finding> F = judgeRemote(R))
        Out.push_back(std::move(*F));
    sortBySource(Out, SM);
    return Out;
  }

  std::vector<std::pair<const FunctionDecl *, StoreFact>> stores() {
    for (const FunctionDecl *FD : TU.functions())
      collect(FD);
    std::vector<std::pair<const FunctionDecl *, StoreFact>> Out;
    for (ParamStore &E : storesOfWrites())
      Out.push_back({E.F, std::move(E.S)});
    return Out;
  }

private:
  /// Calls of this translation unit's helpers that write a parameter into
  /// shared storage (`remember(subscriber)` around `tl_owner = who`), as
  /// a summary from another translation unit would say: each call is
  /// judged with what the caller passes. Through helpers of helpers, a
  /// few levels deep.
  void addLocalHelperCalls() {
    for (ParamStore &E : storesOfWrites())
      if (!M.factsFor(E.F))
        addLocalStore(E.F, std::move(E.S), E.At);
    for (unsigned Round = 0; Round < 4 && !LocalFacts.empty(); ++Round) {
      bool Grew = false;
      for (const auto &[CE, Caller] : HelperCalls) {
        auto It = LocalFacts.find(CE->getDirectCallee()->getCanonicalDecl());
        if (It == LocalFacts.end() || !Caller || isLambdaCallOperator(Caller) ||
            M.factsFor(Caller))
          continue;
        std::vector<StoreFact> Through;
        for (const StoreFact &S : It->second.Stores) {
          if (S.Param >= CE->getNumArgs())
            continue;
          Prov PA = P.inFunction(CE->getArg(S.Param), Caller);
          for (int I = PA.Params.find_first(); I >= 0; I = PA.Params.find_next(I))
            Through.push_back({unsigned(I), S.Target, S.Kind, S.Where});
        }
        const FunctionDecl *Callee = CE->getDirectCallee()->getCanonicalDecl();
        for (StoreFact &S : Through) {
          const Expr *At = LocalWriteAt[{Callee, S.Target}];
          Grew |= addLocalStore(Caller, std::move(S), At);
        }
      }
      if (!Grew)
        break;
    }
    for (const auto &[CE, Caller] : HelperCalls) {
      auto It = LocalFacts.find(CE->getDirectCallee()->getCanonicalDecl());
      if (It == LocalFacts.end())
        continue;
      for (const StoreFact &S : It->second.Stores)
        if (S.Param < CE->getNumArgs())
          Remote.push_back({CE, &It->second, &S, Caller});
    }
  }

  /// False when \p F already has the fact. \p At is the write it leads to.
  bool addLocalStore(const FunctionDecl *F, StoreFact S, const Expr *At) {
    LocalWriteAt.try_emplace({F->getCanonicalDecl(), S.Target}, At);
    FunctionFacts &Facts = LocalFacts[F->getCanonicalDecl()];
    if (Facts.Name.empty()) {
      Facts.Name = F->getQualifiedNameAsString();
      for (const ParmVarDecl *PD : F->parameters())
        Facts.ParamNames.push_back(PD->getNameAsString());
    }
    if (llvm::any_of(Facts.Stores, [&](const StoreFact &O) {
          return O.Param == S.Param && O.Target == S.Target;
        }))
      return false;
    Facts.Stores.push_back(std::move(S));
    return true;
  }

  /// The writes of a function's own parameters into storage this rule
  /// reports, where the value written is not per-user by itself (that
  /// write is reported where it happens: one finding at the cause).
  struct ParamStore {
    const FunctionDecl *F;
    StoreFact S;
    /// The write, for a finding in this translation unit.
    const Expr *At;
  };
  std::vector<ParamStore> storesOfWrites() {
    std::vector<ParamStore> Out;
    for (const Write &W : Writes) {
      const FunctionDecl *F = W.Func;
      // Reported where it happens: one finding at the cause.
      if (!F || isLambdaCallOperator(F) ||
          (Judged ? Reported.count(W.At) != 0 : judge(W).has_value()))
        continue;
      std::optional<StorageInfo> SI = reportableStorage(W);
      if (!SI)
        continue;
      PresumedLoc PL = SM.getPresumedLoc(SM.getFileLoc(W.At->getBeginLoc()));
      for (const Expr *V : W.Values) {
        if (isMeasure(V))
          continue;
        Prov PV = P.inFunction(V, F);
        for (int I = PV.Params.find_first(); I >= 0; I = PV.Params.find_next(I)) {
          StoreFact S{static_cast<unsigned>(I), M.text(W.Target), "shared",
                      PL.isValid() ? std::string(PL.getFilename()) + ":" +
                                         std::to_string(PL.getLine())
                                   : std::string()};
          if (llvm::none_of(Out, [&](const ParamStore &E) {
                return E.F == F && E.S.Param == S.Param && E.S.Target == S.Target;
              }))
            Out.push_back({F, std::move(S), W.At});
        }
      }
    }
    return Out;
  }

  void collect(const FunctionDecl *FD) {
    // A callback registered from a handler runs per request, whatever
    // function it was written in: its writes belong to the lambda.
    forEachStmtIn(FD, [&](const Stmt *S, const FunctionDecl *Cur) {
      if (const auto *E = dyn_cast<Expr>(S))
        noteWrite(E, Cur);
    });
  }

  void add(const Expr *At, const Expr *Target,
           llvm::ArrayRef<const Expr *> Values, const FunctionDecl *Func) {
    Write W;
    W.At = At;
    W.Target = Target;
    W.Values.append(Values.begin(), Values.end());
    W.Func = Func;
    Writes.push_back(std::move(W));
  }

  void noteWrite(const Expr *E, const FunctionDecl *Func) {
    if (const auto *CE = dyn_cast<CallExpr>(E))
      if (!isa<CXXOperatorCallExpr>(CE)) {
        if (const FunctionFacts *Facts = M.factsFor(CE->getDirectCallee())) {
          for (const StoreFact &S : Facts->Stores)
            if (S.Kind == "shared" && S.Param < CE->getNumArgs())
              Remote.push_back({CE, Facts, &S, Func});
        } else if (const FunctionDecl *Callee = CE->getDirectCallee();
                   Callee && Callee->hasBody() && CE->getNumArgs()) {
          HelperCalls.push_back({CE, Func});
        }
      }
    if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
      if (BO->isAssignmentOp())
        add(BO, BO->getLHS(), {BO->getRHS()}, Func);
      return;
    }
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
      if ((OC->getOperator() == OO_Equal ||
           isCompoundAssign(OC->getOperator())) &&
          OC->getNumArgs() == 2)
        add(OC, OC->getArg(0), {OC->getArg(1)}, Func);
      return;
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *MD = MC->getMethodDecl();
      if (!MD || !MD->getIdentifier() || MD->isConst() ||
          !MC->getImplicitObjectArgument())
        return;
      StringRef Name = MD->getName();
      std::vector<std::string> Words = splitWords(Name);
      bool Setter = Words.size() > 1 && Words.front() == "set";
      if (!Setter && !Cfg.WriteMethods.contains(Name))
        return;
      // `store_->insert(code, owner, body)`: a keyed store, whatever its
      // class; `crossuser-cache-key` judges what its key identifies.
      if (MC->getNumArgs() >= 2 && isKeyedInsert(Name) &&
          !isSequence(objectOf(MC)->getType()))
        return;
      llvm::SmallVector<const Expr *, 2> Args(MC->arg_begin(), MC->arg_end());
      add(MC, objectOf(MC), Args, Func);
      return;
    }
    // `std::swap(g_current, mine)` writes both ways.
    if (const auto *CE = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *Callee = CE->getDirectCallee();
      if (Callee && Callee->getIdentifier() && Callee->getName() == "swap" &&
          CE->getNumArgs() == 2) {
        add(CE, CE->getArg(0), {CE->getArg(1)}, Func);
        add(CE, CE->getArg(1), {CE->getArg(0)}, Func);
      }
    }
  }

  /// Keyed storage is a cache: `crossuser-cache-key` judges its keys.
  bool throughKeyedStorage(const Expr *Target) const {
    unsigned Guard = 0;
    for (const Expr *E = Target; E && Guard < 32; E = objectBelow(E), ++Guard) {
      // As declared, not as converted to the base that declares the
      // operator (`absl::node_hash_map` is a `raw_hash_map` to its `[]`).
      for (QualType T : {E->getType(), E->IgnoreParenImpCasts()->getType()})
        if (M.isAssociativeContainer(T) || M.isCacheType(T) ||
            M.isRemoteCacheType(T))
          return true;
    }
    return false;
  }

  bool namedNonUser(const ValueDecl *D) const {
    if (!D)
      return false;
    if (D->getIdentifier() && Cfg.NonUserStorageNames.matchesAnyWord(D->getName()))
      return true;
    const CXXRecordDecl *RD = M.recordOf(D->getType());
    return RD && RD->getIdentifier() &&
           Cfg.NonUserStorageNames.matchesAnyWord(RD->getName());
  }

  bool sharedOk(const ValueDecl *D) const {
    if (!D)
      return false;
    if (M.isSharedOk(D))
      return true;
    if (const auto *FD = dyn_cast<FieldDecl>(D))
      return Model::hasAnnotation(FD->getParent(), SharedOkAnnotation);
    return false;
  }

  /// Constructors and init-style methods configure the object once,
  /// before it serves anyone.
  bool isSetup(const FunctionDecl *F) const {
    if (isa<CXXConstructorDecl>(F) || isa<CXXDestructorDecl>(F))
      return true;
    if (!F->getIdentifier())
      return false;
    // `SetUp` and `set_up` are one word to a reader, two to splitWords.
    return Cfg.SetupMethods.matchesAnyWord(F->getName()) ||
           Cfg.SetupMethods.containsExact(normaliseMethod(F->getName()));
  }

  /// A statement that gives \p V a fresh value: `v = x`, `v = {}`,
  /// `v.clear()`, `v.reset()`, `v.assign(...)`.
  /// A reset to an empty value (`clear()`, `reset()`, `= {}`, `= T{}`, a
  /// literal, a guard), not a request's own value assigned over the last.
  static bool clears(const Stmt *R) {
    if (isa<DeclStmt>(R))
      return true;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(R))
      return MC->getMethodDecl() &&
             MC->getMethodDecl()->getName().lower() != "assign";
    const Expr *RHS = nullptr;
    if (const auto *BO = dyn_cast<BinaryOperator>(R))
      RHS = BO->getRHS();
    else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(R))
      RHS = OC->getArg(1);
    RHS = RHS ? ignoreWrappers(RHS) : nullptr;
    if (const auto *IL = dyn_cast_or_null<InitListExpr>(RHS)) {
      if (const InitListExpr *Written = IL->getSyntacticForm())
        IL = Written;
      return llvm::all_of(IL->inits(), [](const Expr *E) {
        const auto *CC = dyn_cast<CXXConstructExpr>(E);
        return isa<ImplicitValueInitExpr>(E) || (CC && writtenArgs(CC) == 0);
      });
    }
    if (const auto *CC = dyn_cast_or_null<CXXConstructExpr>(RHS))
      return writtenArgs(CC) == 0;
    return RHS && (isa<StringLiteral>(RHS) || isa<IntegerLiteral>(RHS) ||
                   isa<CXXBoolLiteralExpr>(RHS) || isa<CXXNullPtrLiteralExpr>(RHS));
  }

  /// \p E is \p V itself or, with \p Field, its member `V.Field`.
  static bool isTarget(const Expr *E, const VarDecl *V, const FieldDecl *Field) {
    if (namedVar(E) == V)
      return true;
    const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts());
    return Field && ME && ME->getMemberDecl() == Field &&
           namedVar(ME->getBase()) == V;
  }

  /// The member of \p V that \p Target is in (`planBuffer` for
  /// `tls.planBuffer[i]`); null for V itself.
  static const FieldDecl *fieldOf(const Expr *Target, const VarDecl *V) {
    const FieldDecl *Field = nullptr;
    unsigned Guard = 0;
    for (const Expr *E = Target; E && Guard < 32; E = objectBelow(E), ++Guard) {
      if (namedVar(E) == V)
        return Field;
      if (const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts()))
        Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
    }
    return nullptr;
  }

  static bool resets(const Stmt *S, const VarDecl *V,
                     const FieldDecl *Field = nullptr) {
    if (const auto *BO = dyn_cast<BinaryOperator>(S))
      return BO->getOpcode() == BO_Assign && isTarget(BO->getLHS(), V, Field);
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S))
      return OC->getOperator() == OO_Equal && OC->getNumArgs() == 2 &&
             isTarget(OC->getArg(0), V, Field);
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S)) {
      const CXXMethodDecl *MD = MC->getMethodDecl();
      if (!MD || !MD->getIdentifier() || !MC->getImplicitObjectArgument() ||
          !isTarget(MC->getImplicitObjectArgument(), V, Field))
        return false;
      std::string N = MD->getName().lower();
      return N == "clear" || N == "reset" || N == "assign";
    }
    return false;
  }

  /// A scope guard declared here whose lambda resets \p V when the request
  /// ends (`auto g = MakeScopeExit([] { tls_user.clear(); });`), or a local
  /// whose class resets it in the constructor that makes it or in its
  /// destructor (`RenderScope scope;` with `RenderScope() {
  /// t_render.reset(); }`).
  static bool declaresResetGuard(const Stmt *S, const VarDecl *V,
                                 const FieldDecl *Field) {
    const auto *DS = dyn_cast<DeclStmt>(S);
    if (!DS)
      return false;
    bool Found = false;
    auto Scan = [&](const Stmt *Body) {
      if (Body)
        forEachStmt(Body, [&](const Stmt *In) {
          Found = Found || resets(In, V, Field);
        });
    };
    forEachStmt(DS, [&](const Stmt *Sub) {
      if (const auto *LE = dyn_cast<LambdaExpr>(Sub))
        Scan(LE->getBody());
    });
    for (const Decl *D : DS->decls()) {
      const auto *Local = dyn_cast<VarDecl>(D);
      const auto *CC = Local ? dyn_cast_or_null<CXXConstructExpr>(Local->getInit())
                             : nullptr;
      if (!CC || Local->getType()->isReferenceType())
        continue;
      Scan(CC->getConstructor()->getBody());
      if (const CXXRecordDecl *RD = CC->getConstructor()->getParent())
        if (const CXXDestructorDecl *Dtor = RD->getDestructor())
          Scan(Dtor->getBody());
    }
    return Found;
  }

  /// Whether \p F resets the thread_local \p V (or, with \p Field, the
  /// member written) before anything reads it, so that each request starts
  /// from a clean value: a reset (or a guard that resets it on every exit)
  /// dominates every use of it in F and every call of a function that uses
  /// it, and runs on every path through F. An emptying reset (`clear()`,
  /// `= {}`) need not, in a function no visible code calls (a request
  /// callback or an entry point called from elsewhere): a path that leaves
  /// before it without touching V (`if (!authorised) return reply(401);`)
  /// hands no earlier request's value to anyone. A request's own value
  /// assigned on one branch (`if (signed_in) t_user = ...`) leaves the
  /// previous user to the requests that take the other.
  bool resetFirst(const FunctionDecl *F, const VarDecl *V,
                  const FieldDecl *Field) {
    auto Key = std::make_tuple(F, V, Field);
    auto [It, New] = ResetMemo.try_emplace(Key, false);
    if (!New)
      return It->second;
    llvm::SmallVector<const Stmt *, 4> Resets;
    llvm::SmallVector<const Stmt *, 8> Uses;
    // Uses of V's other members do not read the member written.
    llvm::DenseSet<const Stmt *> OtherMembers;
    forEachStmt(F->getBody(), [&](const Stmt *S) {
      if (resets(S, V, Field) || declaresResetGuard(S, V, Field)) {
        Resets.push_back(S);
      } else if (const auto *ME = dyn_cast<MemberExpr>(S)) {
        if (Field && namedVar(ME->getBase()) == V &&
            ME->getMemberDecl() != Field)
          OtherMembers.insert(ME->getBase()->IgnoreParenImpCasts());
      } else if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
        if (DRE->getDecl() == V && !OtherMembers.count(DRE))
          Uses.push_back(S);
      }
      if (const auto *CE = dyn_cast<CallExpr>(S))
        if (const FunctionDecl *Callee = CE->getDirectCallee())
          if (uses(Callee, V, 0))
            Uses.push_back(S);
    });
    FunctionFlow &Flow = TU.flow(F);
    bool Reset = llvm::any_of(Resets, [&](const Stmt *R) {
      if (!Flow.valid())
        return R == Resets.front() &&
               llvm::all_of(Uses, [&](const Stmt *U) {
                 return SM.isBeforeInTranslationUnit(R->getBeginLoc(),
                                                     U->getBeginLoc()) ||
                        R->getSourceRange().fullyContains(U->getSourceRange());
               });
      return (Flow.onEveryPath(R) ||
              (clears(R) && (isCallback(F) || M.callsTo(F).empty()))) &&
             llvm::all_of(Uses, [&](const Stmt *U) {
               return Flow.within(U, R) || Flow.dominates(R, U);
             });
    });
    ResetMemo[Key] = Reset;
    return Reset;
  }

  /// \p F is handed on as a callable (`MHD_start_daemon(..., &OnRequest,
  /// ...)`), not only called: the framework calls it for each request.
  bool isCallback(const FunctionDecl *F) {
    if (!Callbacks) {
      Callbacks.emplace();
      llvm::DenseSet<const Expr *> Callees;
      for (const FunctionDecl *FD : TU.functions())
        forEachStmt(FD->getBody(), [&](const Stmt *S) {
          if (const auto *CE = dyn_cast<CallExpr>(S))
            if (const Expr *C = CE->getCallee())
              Callees.insert(C->IgnoreParenImpCasts());
          if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
            if (const auto *Fn = dyn_cast<FunctionDecl>(DRE->getDecl()))
              if (!Callees.count(DRE))
                Callbacks->insert(Fn->getCanonicalDecl());
        });
    }
    return Callbacks->count(F->getCanonicalDecl());
  }

  /// \p F, or a function it calls (a few levels deep), names \p V.
  bool uses(const FunctionDecl *F, const VarDecl *V, unsigned Depth) {
    const FunctionDecl *Def = nullptr;
    if (Depth > 3 || !F->hasBody(Def))
      return false;
    auto [It, New] = UsesMemo.try_emplace({Def, V}, false);
    if (!New)
      return It->second;
    bool Found = false;
    forEachStmt(Def->getBody(), [&](const Stmt *S) {
      if (Found)
        return;
      if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
        Found = DRE->getDecl() == V;
      else if (const auto *CE = dyn_cast<CallExpr>(S))
        if (const FunctionDecl *Callee = CE->getDirectCallee())
          Found = Callee != Def && uses(Callee, V, Depth + 1);
    });
    UsesMemo[{Def, V}] = Found;
    return Found;
  }

  /// A write of per-user data by a function in another translation unit.
  std::optional<Finding> judgeRemote(const RemoteWrite &R) {
    if (isSetup(R.Func))
      return std::nullopt;
    const Expr *Arg = R.Call->getArg(R.Store->Param);
    if (isMeasure(Arg))
      return std::nullopt;
    Prov PV = P.of(Arg);
    if (!PV.perUser())
      return std::nullopt;
    const FunctionFacts &Fn = *R.Callee;
    std::string Param = R.Store->Param < Fn.ParamNames.size() &&
                                !Fn.ParamNames[R.Store->Param].empty()
                            ? Fn.ParamNames[R.Store->Param]
                            : "#" + std::to_string(R.Store->Param + 1);
    Finding F;
    F.Check = SharedStateCheckName.str();
    if (const Expr *At = localWrite(R)) {
      // The helper in this translation unit is where the data is kept:
      // the finding is the write, once, with the call that hands it over.
      if (!ReportedThroughCall.insert(At).second)
        return std::nullopt;
      F.Loc = At->getBeginLoc();
      F.Range = At->getSourceRange();
      F.Message = "per-user data is written to '" + R.Store->Target +
                  "', which is shared between requests, by '" + Fn.Name +
                  "' called with '" + M.text(Arg) + "'";
      F.Notes.push_back(
          {PV.PerUser.Loc,
           "per-user data comes from '" + PV.PerUser.Text + "'" + PV.PerUser.Via,
           PV.PerUser.Kind});
      F.Notes.push_back({R.Call->getBeginLoc(),
                         "'" + Fn.Name + "' is called here with '" +
                             M.text(Arg) + "' for its parameter '" + Param +
                             "', which it writes to '" + R.Store->Target + "'"});
      if (std::optional<StorageInfo> SI = storageOf(At))
        addSharedNotes(*SI, F);
      return F;
    }
    F.Loc = R.Call->getBeginLoc();
    F.Range = R.Call->getSourceRange();
    F.Message = "per-user data '" + M.text(Arg) + "' is written to '" +
                R.Store->Target + "', which is shared between requests";
    F.Notes.push_back(
        {PV.PerUser.Loc,
         "per-user data comes from '" + PV.PerUser.Text + "'" + PV.PerUser.Via,
         PV.PerUser.Kind});
    F.Notes.push_back(
        {R.Call->getBeginLoc(),
         "'" + Fn.Name + "' writes its parameter '" + Param + "' to '" +
             R.Store->Target + "' (" +
             llvm::sys::path::filename(R.Store->Where).str() + ")"});
    return F;
  }

  /// The storage \p W writes to, when it is storage this rule reports:
  /// shared between requests, not public by design, not a cache, not
  /// logging, not written during setup, not reset per request.
  std::optional<StorageInfo> reportableStorage(const Write &W) {
    StorageInfo SI = M.classifyStorage(W.Target);
    if (SI.Kind != Sharing::Shared)
      return std::nullopt;
    if (sharedOk(SI.Decl) || sharedOk(SI.Holder))
      return std::nullopt;
    if (SI.Holder && SI.Holder->getType().isConstQualified() &&
        !SI.Holder->getType()->isPointerType())
      return std::nullopt;
    if (throughKeyedStorage(W.Target) || namedNonUser(SI.Decl) ||
        namedNonUser(SI.Holder))
      return std::nullopt;
    if (isSetup(W.Func))
      return std::nullopt;
    if (SI.ThreadLocal) {
      if (resetFirst(outermostFunction(W.Func), SI.ThreadLocal,
                     fieldOf(W.Target, SI.ThreadLocal)))
        return std::nullopt;
    }
    return SI;
  }

  /// The requester's identity kept under an identity's name: a callback
  /// the framework calls per request (Model::isFrameworkCallback) writes a
  /// value built from what it was handed (`request.getHost()`) into storage
  /// named for a user or tenant (`currentTenant_`). The value is whoever
  /// sent this request, and the next request overwrites it while this one
  /// may still read it. Null, with \p Note unset, otherwise.
  const Expr *storedIdentity(const Write &W, std::optional<FindingNote> &Note) {
    const ValueDecl *D = M.classifyStorage(W.Target).Decl;
    const ModelRow *Callback = M.frameworkCallbackRow(W.Func);
    if (!D || !M.isIdentityDecl(D) || !Callback)
      return nullptr;
    for (const Expr *V : W.Values) {
      if (isMeasure(V))
        continue;
      Prov PV = P.inFunction(V, W.Func);
      int From = PV.Params.find_first();
      if (From < 0 || unsigned(From) >= W.Func->getNumParams())
        continue;
      Note = FindingNote{
          V->getBeginLoc(),
          "'" + D->getNameAsString() +
              "' holds an identity by its name, and its value comes from '" +
              W.Func->getParamDecl(From)->getNameAsString() + "', which '" +
              W.Func->getNameAsString() +
              "' is handed for each request it serves" + Callback->citation() +
              " (judged by its name)",
          M.identityKind(D)};
      return V;
    }
    return nullptr;
  }

  std::optional<Finding> judge(const Write &W) {
    // Where the write goes first: most writes are into a request's own
    // locals, and what they write need not be followed then.
    std::optional<StorageInfo> Storage = reportableStorage(W);
    if (!Storage) {
      StorageInfo SI = M.classifyStorage(W.Target);
      trace(SM, W.At->getBeginLoc(), SharedStateCheckName,
            "'" + M.text(W.Target) + "': storage not reportable (" +
                (SI.Kind == Sharing::Shared     ? "shared, but excluded"
                 : SI.Kind == Sharing::PerRequest ? "per request"
                                                  : "unknown lifetime") +
                ")");
      return std::nullopt;
    }
    const Expr *Value = nullptr;
    Prov PV;
    for (const Expr *V : W.Values) {
      if (isMeasure(V))
        continue;
      PV = P.of(V);
      if (PV.perUser()) {
        Value = V;
        break;
      }
    }
    std::optional<FindingNote> PerUserNote;
    if (Value)
      PerUserNote = FindingNote{
          PV.PerUser.Loc,
          "per-user data comes from '" + PV.PerUser.Text + "'" + PV.PerUser.Via,
          PV.PerUser.Kind};
    else if ((Value = storedIdentity(W, PerUserNote)))
      ;
    else {
      trace(SM, W.At->getBeginLoc(), SharedStateCheckName,
            "'" + M.text(W.Target) + "': no per-user value is written");
      return std::nullopt;
    }
    const StorageInfo &SI = *Storage;
    Finding F;
    F.Check = SharedStateCheckName.str();
    F.Loc = W.At->getBeginLoc();
    F.Range = W.At->getSourceRange();
    F.Message = "per-user data '" + M.text(Value) + "' is written to '" +
                M.text(W.Target) + "', which is shared between requests";
    F.Notes.push_back(*PerUserNote);
    addSharedNotes(SI, F);
    return F;
  }

  /// Why the storage is shared, and where it is made so.
  static void addSharedNotes(const StorageInfo &SI, Finding &F) {
    const ValueDecl *Holder = SI.Holder ? SI.Holder : SI.Decl;
    if (Holder)
      F.Notes.push_back({Holder->getLocation(),
                         "'" + Holder->getNameAsString() +
                             "' is shared between requests: " + SI.Why,
                         SI.Evidence});
    F.Evidence = SI.Evidence;
    if (SI.WhereLoc.isValid())
      F.Notes.push_back({SI.WhereLoc, SI.WhereNote});
  }

  /// The write in this translation unit that \p R's helper leads to.
  const Expr *localWrite(const RemoteWrite &R) {
    for (const auto &[Key, Facts] : LocalFacts)
      if (&Facts == R.Callee) {
        auto It = LocalWriteAt.find({Key, R.Store->Target});
        return It == LocalWriteAt.end() ? nullptr : It->second;
      }
    return nullptr;
  }

  /// The storage of the write \p At, as reportableStorage judges it.
  std::optional<StorageInfo> storageOf(const Expr *At) {
    for (const Write &W : Writes)
      if (W.At == At)
        return reportableStorage(W);
    return std::nullopt;
  }

  TUContext &TU;
  Model &M;
  Provenance &P;
  const Config &Cfg;
  const SourceManager &SM;
  std::vector<Write> Writes;
  std::vector<RemoteWrite> Remote;
  /// Calls of functions defined here, with the function they are made in.
  std::vector<std::pair<const CallExpr *, const FunctionDecl *>> HelperCalls;
  /// What this translation unit's helpers write (addLocalHelperCalls);
  /// RemoteWrite points into it, so it only grows.
  std::map<const FunctionDecl *, FunctionFacts> LocalFacts;
  /// The write each helper's store fact leads to, by helper and target.
  std::map<std::pair<const FunctionDecl *, std::string>, const Expr *>
      LocalWriteAt;
  /// Writes already reported through a call of their helper.
  llvm::DenseSet<const Expr *> ReportedThroughCall;
  /// The writes run() reported, once every write was judged.
  llvm::DenseSet<const Expr *> Reported;
  bool Judged = false;
  std::map<std::tuple<const FunctionDecl *, const VarDecl *, const FieldDecl *>,
           bool>
      ResetMemo;
  llvm::DenseMap<std::pair<const FunctionDecl *, const VarDecl *>, bool>
      UsesMemo;
  std::optional<llvm::DenseSet<const FunctionDecl *>> Callbacks;
};

} // namespace

std::vector<Finding> findSharedStateIssues(TUContext &TU, const Config &) {
  return SharedStateRule(TU).run();
}

std::vector<std::pair<const FunctionDecl *, StoreFact>>
sharedStoresForSummaries(TUContext &TU) {
  return SharedStateRule(TU).stores();
}

} // namespace crossuser
