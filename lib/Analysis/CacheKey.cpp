#include "Analysis/CacheKey.h"
#include "Analysis/Model.h"
#include "Analysis/Provenance.h"
#include "Analysis/Summaries.h"
#include "Analysis/TUContext.h"
#include "Analysis/Trace.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Path.h"
#include <map>
#include <tuple>

using namespace clang;

namespace crossuser {
namespace {

/// One lookup or insert on something that reuses results.
struct CacheOp {
  const Expr *Call = nullptr;
  const FunctionDecl *Func = nullptr;
  bool IsInsert = false;
  const Expr *Key = nullptr;
  llvm::SmallVector<const Expr *, 2> Values;
  /// `auto &slot = cache[k]; slot = v;`: the reference through which the
  /// insert happens.
  const VarDecl *SlotRef = nullptr;
  /// Groups the operations on one cache: its variable or field, the
  /// connection of a C client, or the client function.
  const void *CacheId = nullptr;
  const ValueDecl *CacheDecl = nullptr;
  std::string CacheName;
  QualType KeyType;
  QualType ValueType;
  /// A call to a cache wrapper defined in another translation unit: its
  /// summary, and the key arguments after the first.
  const FunctionFacts *Wrapper = nullptr;
  const CacheUseFact *Use = nullptr;
  llvm::SmallVector<const Expr *, 2> ExtraKeys;
  /// The library model row that made this a cache operation.
  const ModelRow *Row = nullptr;
  /// An out-parameter that receives the lookup's result
  /// (`map.find(accessor, key)`).
  const VarDecl *ResultVar = nullptr;
  /// Found in a template instantiation read as a cache wrapper: never
  /// reported itself.
  bool InInstantiation = false;
  /// What makes the cache shared: structure, a model, or (for a container
  /// in an object that lives long by its name) words.
  EvidenceKind StorageEvidence = EvidenceKind::Structure;
};

/// `BoundedMap<std::string, Page>::map_` as `BoundedMap::map_`, for notes.
std::string withoutTemplateArgs(llvm::StringRef Name) {
  std::string Out;
  int Depth = 0;
  for (char C : Name) {
    if (C == '<')
      ++Depth;
    else if (C == '>' && Depth > 0)
      --Depth;
    else if (Depth == 0)
      Out.push_back(C);
  }
  return Out;
}

/// "file.cpp:12" of a summary's "/abs/path/file.cpp:12".
std::string shortWhere(llvm::StringRef Where) {
  return llvm::sys::path::filename(Where).str();
}

std::string quotedParams(const FunctionFacts &F,
                         const std::vector<unsigned> &Params) {
  std::string Out;
  for (unsigned I : Params) {
    if (!Out.empty())
      Out += ", ";
    Out += "'" +
           (I < F.ParamNames.size() && !F.ParamNames[I].empty()
                ? F.ParamNames[I]
                : "#" + std::to_string(I + 1)) +
           "'";
  }
  return Out;
}


bool isSetLike(const Model &M, QualType T) {
  const CXXRecordDecl *RD = M.recordOf(T);
  return RD && RD->getIdentifier() && RD->getName().endswith("set");
}

class Collector {
public:
  explicit Collector(Model &M) : M(M) {}

  void collectFunction(const FunctionDecl *FD) {
    forEachStmtIn(FD, [&](const Stmt *S, const FunctionDecl *Cur) {
      visit(S, Cur);
      if (CallSites)
        if (const auto *CE = dyn_cast<CallExpr>(S))
          if (CE->getDirectCallee())
            CallSites->push_back({CE, Cur});
    });
  }

  /// Collects from the calls \p Sites only (with WrappersOnly, a walk
  /// looks at nothing else), each in the function given with it.
  void collectCalls(
      llvm::ArrayRef<std::pair<const CallExpr *, const FunctionDecl *>> Sites) {
    for (const auto &[CE, Cur] : Sites)
      visit(CE, Cur);
  }

  /// With it set, collectFunction also records every direct call the
  /// walked functions make, with the function it is in, in the order
  /// walked.
  std::vector<std::pair<const CallExpr *, const FunctionDecl *>> *CallSites =
      nullptr;

  std::vector<CacheOp> Ops;
  /// Caches known only by name from summaries, one id each.
  llvm::StringSet<> CacheNames;
  /// Cache wrappers defined in this translation unit (a `BoundedMap`
  /// whose `get_or_load(key, load)` finds and fills a map member), by
  /// canonical declaration; with WrappersOnly, only calls to them and to
  /// summarised wrappers are collected.
  const llvm::DenseMap<const FunctionDecl *, FunctionFacts> *Local = nullptr;
  bool WrappersOnly = false;
  /// Calls already known as cache operations (a cache class whose own
  /// methods wrap a map): not operations a second time.
  const llvm::DenseSet<const Expr *> *Known = nullptr;

private:
  void visit(const Stmt *S, const FunctionDecl *Cur) {
    if (WrappersOnly) {
      if (const auto *CE = dyn_cast<CallExpr>(S))
        if (const FunctionDecl *FD = CE->getDirectCallee())
          if (!Known || !Known->count(CE))
            wrapperCall(CE, FD, Cur);
      return;
    }
    // `cache[k] = v` stores v under k.
    const Expr *AssignLHS = nullptr, *AssignRHS = nullptr;
    if (auto Ops = binaryOperands(S, BO_Assign, OO_Equal))
      std::tie(AssignLHS, AssignRHS) = *Ops;
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          if (VD->getInit()) {
            if (VD->getType()->isReferenceType())
              if (const auto *Sub = dyn_cast<CXXOperatorCallExpr>(
                      ignoreWrappers(VD->getInit())))
                if (Sub->getOperator() == OO_Subscript)
                  SubscriptRefs[Sub] = VD;
            if (const Expr *Call = entryOf(VD->getInit()))
              EntryHandles[Call] = VD;
          }
    if (AssignLHS)
      if (const auto *Sub =
              dyn_cast<CXXOperatorCallExpr>(AssignLHS->IgnoreParenImpCasts()))
        if (Sub->getOperator() == OO_Subscript)
          SubscriptValues[Sub] = AssignRHS;

    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S))
      return memberCall(MC, Cur);
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S)) {
      if (OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2)
        subscript(OC, Cur);
      return;
    }
    if (const auto *CE = dyn_cast<CallExpr>(S))
      return freeCall(CE, Cur);
  }

  /// The insert whose entry \p Init hands out: `m.try_emplace(k)` (an
  /// iterator and a flag, as `auto [it, fresh] = ...`) or its `.first`.
  static const Expr *entryOf(const Expr *Init) {
    Init = ignoreWrappers(Init);
    if (const auto *ME = dyn_cast<MemberExpr>(Init))
      if (ME->getMemberDecl()->getIdentifier() &&
          ME->getMemberDecl()->getName() == "first")
        Init = ignoreWrappers(ME->getBase());
    return dyn_cast<CXXMemberCallExpr>(Init);
  }

  /// An insert that hands out its entry (an iterator from `try_emplace`,
  /// an accessor filled by `insert(acc, key)`): what is written through
  /// the handle (`it->second = v`) is what the insert stores.
  void bindEntry(CacheOp &Op, const VarDecl *Out) {
    if (!Op.IsInsert)
      return;
    auto It = EntryHandles.find(Op.Call);
    if (It != EntryHandles.end())
      Op.SlotRef = It->second;
    else if (Out)
      Op.SlotRef = Out;
  }

  /// Decides whether the object \p Obj is a cache: cache-named and remote
  /// cache types anywhere but in per-request storage; associative
  /// containers only in shared storage.
  bool asCache(const Expr *Obj, CacheOp &Op, bool &Remote) {
    QualType T = Obj->getType();
    bool Named = M.isCacheType(T);
    Remote = !Named && M.isRemoteCacheType(T);
    bool Container = !Named && !Remote && M.isAssociativeContainer(T);
    if (!Named && !Remote && !Container)
      return false;
    StorageInfo SI = M.classifyStorage(Obj);
    if (SI.Kind == Sharing::PerRequest)
      return false;
    // A const table is fixed data, not a cache anyone can fill.
    if (SI.Decl && SI.Decl->getType().getNonReferenceType().isConstQualified() &&
        !SI.Decl->getType()->isReferenceType())
      return false;
    if (Container && SI.Kind != Sharing::Shared)
      return false;
    // A container is a cache because its storage is shared; a cache type
    // is one whatever holds it.
    if (Container)
      Op.StorageEvidence = SI.Evidence;
    Op.CacheDecl = SI.Decl;
    // A static member used in its class and after its out-of-line
    // definition is one cache: group by the canonical declaration.
    Op.CacheId = SI.Decl ? static_cast<const void *>(SI.Decl->getCanonicalDecl())
                         : static_cast<const void *>(Obj->getType().getTypePtr());
    Op.CacheName = SI.Decl ? SI.Decl->getNameAsString() : M.text(Obj, 40);
    if (!Remote) {
      unsigned N = 0;
      if (const auto *S = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
              M.recordOf(T)))
        N = S->getTemplateArgs().size();
      QualType Written = SI.Decl ? SI.Decl->getType() : T;
      Op.KeyType = M.templateArg(Written, 0);
      if (N >= 2 && !isSetLike(M, T))
        Op.ValueType = M.templateArg(Written, 1);
      else if (N == 1 && Named)
        Op.ValueType = M.templateArg(Written, 0);
    }
    return true;
  }

  void splitPair(const Expr *E, CacheOp &Op) {
    if (auto Parts = pairElements(E)) {
      Op.Key = Parts->first;
      Op.Values.push_back(Parts->second);
    } else {
      Op.Key = E;
      Op.Values.push_back(E);
    }
  }

  /// Calls to functions that another translation unit's summary says
  /// look up or fill a cache with a key from their parameters.
  bool wrapperCall(const CallExpr *CE, const FunctionDecl *FD,
                   const FunctionDecl *Cur) {
    const FunctionFacts *Facts = nullptr;
    if (Local) {
      auto It = Local->find(FD->getCanonicalDecl());
      if (It != Local->end())
        Facts = &It->second;
    }
    if (!Facts)
      Facts = M.factsFor(FD);
    if (!Facts || Facts->CacheUses.empty())
      return false;
    for (const CacheUseFact &U : Facts->CacheUses) {
      if (U.KeyParams.empty() || U.KeyParams.front() >= CE->getNumArgs())
        continue;
      CacheOp Op;
      Op.Call = CE;
      Op.Func = Cur;
      Op.IsInsert = U.Insert;
      Op.Wrapper = Facts;
      Op.Use = &U;
      Op.Key = CE->getArg(U.KeyParams.front());
      for (size_t I = 1; I < U.KeyParams.size(); ++I)
        if (U.KeyParams[I] < CE->getNumArgs())
          Op.ExtraKeys.push_back(CE->getArg(U.KeyParams[I]));
      for (unsigned I : U.ValueParams)
        if (I < CE->getNumArgs())
          Op.Values.push_back(CE->getArg(I));
      Op.CacheName = U.Cache;
      Op.CacheId = CacheNames.insert(U.Cache).first->getKeyData();
      // `cacheGet(app->memc, key)` around `memcached_get(memc, ...)`: the
      // cache is the client the caller passes for that parameter.
      for (const ParmVarDecl *PVD : FD->parameters())
        if (PVD->getIdentifier() && PVD->getName() == U.Cache &&
            !isa<CXXMemberCallExpr>(CE) &&
            PVD->getFunctionScopeIndex() < CE->getNumArgs())
          if (const ValueDecl *D =
                  M.classifyStorage(CE->getArg(PVD->getFunctionScopeIndex())).Decl) {
            Op.CacheName = D->getNameAsString();
            Op.CacheId = D->getCanonicalDecl();
          }
      // `pages_.get_or_load(k, load)`: the cache is `pages_`.
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
        if (const Expr *Obj = objectOf(MC))
          if (const ValueDecl *D = M.classifyStorage(Obj).Decl) {
            Op.CacheDecl = D;
            Op.CacheName = D->getNameAsString();
            Op.CacheId = D->getCanonicalDecl();
          }
      if (!U.Insert)
        Op.ValueType = FD->getReturnType();
      else if (!U.ValueParams.empty() && U.ValueParams.front() < FD->getNumParams())
        Op.ValueType = FD->getParamDecl(U.ValueParams.front())->getType();
      Ops.push_back(std::move(Op));
    }
    return true;
  }

  void memberCall(const CXXMemberCallExpr *MC, const FunctionDecl *Cur) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (MD && wrapperCall(MC, MD, Cur))
      return;
    const Expr *Obj = objectOf(MC);
    if (!MD || !Obj || !MD->getIdentifier() || MC->getNumArgs() == 0)
      return;
    StringRef Name = MD->getName();
    const Config &Cfg = M.config();
    bool Lookup = Cfg.LookupMethods.contains(Name);
    bool Insert = !Lookup && Cfg.InsertMethods.contains(Name);
    CacheOp Op;
    // A client method a model names (`kv.Put(shard, key, value)`,
    // `conn.Exec("SETEX %s %d %s", ...)`): the client is the cache.
    if (const ModelRow *Row = M.row(ModelRole::RemoteCache, MD)) {
      const ValueDecl *Client = M.classifyStorage(Obj).Decl;
      Op.Call = MC;
      Op.Func = Cur;
      Op.Row = Row;
      Op.CacheId = Client ? static_cast<const void *>(Client->getCanonicalDecl())
                          : static_cast<const void *>(MD->getCanonicalDecl());
      Op.CacheName = Client ? Client->getNameAsString() : M.text(Obj, 40);
      if (remoteCall(MC, Row, Op))
        Ops.push_back(std::move(Op));
      return;
    }
    bool Remote = false;
    if (!asCache(Obj, Op, Remote))
      return;
    if (const ModelRow *Row = M.cacheRow(Obj->getType()))
      if (modelledCall(MC, MD, *Row, Op, Cur))
        return;
    unsigned First = 0;
    if (!Lookup && !Insert && !Remote) {
      if (M.isCacheType(Obj->getType()))
        inferredCall(MC, MD, Op, Cur);
      return;
    }
    if (!Lookup && !Insert) {
      // client.command("GET", key)
      const auto *SL = dyn_cast<StringLiteral>(ignoreWrappers(MC->getArg(0)));
      if (!SL || SL->getCharByteWidth() != 1 || MC->getNumArgs() < 2)
        return;
      std::string Cmd = SL->getString().upper();
      Lookup = M.config().RedisLookupCommands.contains(Cmd);
      Insert = M.config().RedisInsertCommands.contains(Cmd);
      if (!Lookup && !Insert)
        return;
      First = 1;
    }
    Op.Call = MC;
    Op.Func = Cur;
    Op.IsInsert = Insert;
    if (Insert && MC->getNumArgs() - First == 1 && !Remote &&
        !isSetLike(M, Obj->getType()))
      splitPair(MC->getArg(First), Op);
    else {
      Op.Key = MC->getArg(First);
      if (Insert)
        for (unsigned I = First + 1; I < MC->getNumArgs(); ++I)
          Op.Values.push_back(MC->getArg(I));
    }
    // A cache class without template arguments tells its value type by
    // its signature: `std::optional<Profile> Get(const std::string &)`.
    if (Op.ValueType.isNull() && !Remote) {
      if (Lookup)
        Op.ValueType = MD->getReturnType();
      else if (MD->getNumParams() >= 2)
        Op.ValueType = MD->getParamDecl(1)->getType();
    }
    if (!Remote)
      bindEntry(Op, nullptr);
    Ops.push_back(std::move(Op));
  }

  /// A method of a cache type that neither the method vocabulary nor a
  /// model row names, judged by its signature: a key and a callable
  /// (`LoadOrStore(key, make)`, a read-through: what the callable returns
  /// is stored); a key alone and a result (`Peek(key)`: a lookup); a key
  /// and a value and no result but a flag (`Keep(key, value)`: an insert).
  /// A method named for removal (`Evict`, `Invalidate`) is neither.
  void inferredCall(const CXXMemberCallExpr *MC, const CXXMethodDecl *MD,
                    CacheOp &Op, const FunctionDecl *Cur) {
    static const char *const Removal[] = {"erase",      "remove", "delete",
                                          "evict",      "drop",   "clear",
                                          "invalidate", "expire", "purge"};
    for (const std::string &W : splitWords(MD->getName()))
      if (llvm::is_contained(Removal, W))
        return;
    unsigned N = MC->getNumArgs();
    QualType R = MD->getReturnType();
    Op.Call = MC;
    Op.Func = Cur;
    Op.Key = MC->getArg(0);
    // The key must be of the cache's kind of key when its type says it: a
    // number is no key of a cache keyed by strings, nor a string of one
    // keyed by numbers (`Near(shard)` on a `TypedCache<std::string, V>`).
    if (!Op.KeyType.isNull() &&
        Op.Key->getType().getNonReferenceType()->isIntegralOrEnumerationType() !=
            Op.KeyType.getNonReferenceType()->isIntegralOrEnumerationType())
      return;
    // The cache's value type when its type says it (`TtlCache<K, V>`):
    // a value argument or a result must be of it.
    QualType V = Op.ValueType;
    QualType P1 = N >= 2 && MD->getNumParams() >= 2
                      ? MD->getParamDecl(1)->getType()
                      : QualType();
    bool OutParam = !P1.isNull() && P1->isLValueReferenceType() &&
                    !P1.getNonReferenceType().isConstQualified();
    if (N == 2 && isCallable(MC->getArg(1)->getType())) {
      Op.IsInsert = true;
      // What a lambda written here returns (a named function's returns
      // belong to every caller of it).
      const FunctionDecl *Make = handlerOf(MC->getArg(1));
      if (Make && isLambdaCallOperator(Make))
        forEachStmt(
            Make->getBody(),
            [&](const Stmt *S) {
              if (const auto *RS = dyn_cast<ReturnStmt>(S))
                if (RS->getRetValue())
                  Op.Values.push_back(RS->getRetValue());
            },
            /*EnterLambdas=*/false);
      if (Op.ValueType.isNull())
        Op.ValueType = R;
    } else if (N == 1 && !R->isVoidType() && holds(R, V)) {
      if (Op.ValueType.isNull())
        Op.ValueType = R;
    } else if (N == 2 && OutParam && holds(P1, V)) {
      // `bool TryGet(key, V &out)`: the entry comes out in argument 1.
      Op.ResultVar = rootVar(MC->getArg(1));
      if (Op.ValueType.isNull())
        Op.ValueType = P1.getNonReferenceType();
    } else if (N == 2 && !P1.isNull() && !MD->isConst() && holds(P1, V) &&
               (R->isVoidType() || R->isBooleanType()) &&
               // With no value type to compare, a number or a flag is a
               // setting (`SetLimit(route, 100)`), not a value kept.
               (!V.isNull() ||
                !(P1.getNonReferenceType()->isArithmeticType() ||
                  P1.getNonReferenceType()->isEnumeralType()))) {
      Op.IsInsert = true;
      Op.Values.push_back(MC->getArg(1));
      if (Op.ValueType.isNull())
        Op.ValueType = P1;
    } else {
      return;
    }
    bindEntry(Op, nullptr);
    Ops.push_back(std::move(Op));
  }

  /// \p T is, refers or points to, or wraps (`std::optional<V>`,
  /// `std::shared_ptr<V>`: Model::stripWrappers) a value of type \p V; any
  /// type when V is unknown.
  bool holds(QualType T, QualType V) const {
    if (V.isNull())
      return true;
    if (T.isNull())
      return false;
    QualType Held = M.stripWrappers(T), Want = M.stripWrappers(V);
    return !Held.isNull() && !Want.isNull() &&
           M.context().hasSameUnqualifiedType(Held, Want);
  }

  /// A lambda, a `std::function`, a function pointer or reference.
  static bool isCallable(QualType T) {
    T = T.getNonReferenceType();
    if (T->isFunctionPointerType() || T->isFunctionType())
      return true;
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    return RD && (RD->isLambda() ||
                  (RD->getIdentifier() && RD->getName() == "function" &&
                   RD->isInStdNamespace()));
  }

  /// A call on a cache a library model describes: its row says which
  /// methods look up and insert (names compared without case and `_`) and
  /// where the key and value are; a key after another argument
  /// (`map.find(accessor, key)`) leaves the result in that first argument.
  /// False when the row does not name the method.
  bool modelledCall(const CXXMemberCallExpr *MC, const CXXMethodDecl *MD,
                    const ModelRow &Row, CacheOp &Op, const FunctionDecl *Cur) {
    std::string N = normaliseMethod(MD->getName());
    bool Lookup = llvm::is_contained(Row.Lookup, N);
    bool Insert = !Lookup && llvm::is_contained(Row.Insert, N);
    if (!Lookup && !Insert)
      return llvm::is_contained(Row.Erase, N);
    Op.Call = MC;
    Op.Func = Cur;
    Op.IsInsert = Insert;
    Op.Row = &Row;
    unsigned K = Row.Key, V = Row.Value;
    if (Insert && MC->getNumArgs() == 1 && K >= 1) {
      // insert(value_type{key, value}).
      splitPair(MC->getArg(0), Op);
    } else if (K < MC->getNumArgs()) {
      Op.Key = MC->getArg(K);
      if (Insert && V < MC->getNumArgs() && V != K)
        Op.Values.push_back(MC->getArg(V));
      if (K > 0)
        Op.ResultVar = rootVar(MC->getArg(0));
    } else {
      return false;
    }
    if (Op.ValueType.isNull())
      Op.ValueType = Lookup ? MD->getReturnType()
                     : V < MD->getNumParams() ? MD->getParamDecl(V)->getType()
                                             : QualType();
    bindEntry(Op, Op.ResultVar);
    Ops.push_back(std::move(Op));
    return true;
  }

  void subscript(const CXXOperatorCallExpr *OC, const FunctionDecl *Cur) {
    CacheOp Op;
    bool Remote = false;
    if (!asCache(objectOf(OC), Op, Remote) || Remote)
      return;
    Op.Call = OC;
    Op.Func = Cur;
    Op.Key = OC->getArg(1);
    auto It = SubscriptValues.find(OC);
    if (It != SubscriptValues.end()) {
      Op.IsInsert = true;
      Op.Values.push_back(It->second);
    }
    auto Ref = SubscriptRefs.find(OC);
    if (Ref != SubscriptRefs.end()) {
      Op.IsInsert = true;
      Op.SlotRef = Ref->second;
    }
    Ops.push_back(std::move(Op));
  }

  void freeCall(const CallExpr *CE, const FunctionDecl *Cur) {
    const FunctionDecl *FD = CE->getDirectCallee();
    if (!FD || !FD->getIdentifier())
      return;
    if (wrapperCall(CE, FD, Cur))
      return;
    StringRef Name = FD->getName();
    const Config &Cfg = M.config();
    CacheOp Op;
    Op.Call = CE;
    Op.Func = Cur;
    // The connection (`ctx`, `this->ctx_`) names the cache.
    const ValueDecl *Conn =
        CE->getNumArgs() ? M.classifyStorage(CE->getArg(0)).Decl : nullptr;
    Op.CacheId = Conn ? static_cast<const void *>(Conn->getCanonicalDecl())
                      : static_cast<const void *>(FD);
    Op.CacheName = Conn ? Conn->getNameAsString() : Name.str();
    const ModelRow *Row = M.row(ModelRole::RemoteCache, FD);
    Op.Row = Row;
    if (Row || Cfg.RedisCommandFunctions.contains(Name)) {
      if (remoteCall(CE, Row, Op))
        Ops.push_back(std::move(Op));
      return;
    }
    if (Cfg.MemcachedFunctions.contains(Name) && CE->getNumArgs() >= 2) {
      Op.IsInsert = !Name.endswith("_get");
      Op.Key = CE->getArg(1);
      if (Op.IsInsert && CE->getNumArgs() >= 4)
        Op.Values.push_back(CE->getArg(3));
      Ops.push_back(std::move(Op));
    }
  }

  /// A call of a remote-cache client, a function or a method: the key and
  /// value at the positions \p Row gives (`memcached_get(mc, key, ...)`,
  /// `kv.Put(shard, key, value)`), or parsed from a command format
  /// (`redisCommand(ctx, "GET %s", key)`, `conn.Exec("HGET %s f", key)`):
  /// the key is the first argument after the format unless the format
  /// spells it. False when the call is neither a lookup nor an insert.
  bool remoteCall(const CallExpr *CE, const ModelRow *Row, CacheOp &Op) {
    if (Row && Row->Format < 0) {
      const Decl *Callee = CE->getCalleeDecl();
      Op.Key = modelArgument(CE, Callee, Row->Key);
      if (!Op.Key)
        return false;
      Op.IsInsert = Row->OpIsInsert;
      if (Op.IsInsert)
        if (const Expr *V = modelArgument(CE, Callee, Row->Value))
          Op.Values.push_back(V);
      return true;
    }
    unsigned FmtIdx = 0;
    const StringLiteral *Fmt = nullptr;
    for (unsigned I = 0; I < CE->getNumArgs() && !Fmt; ++I)
      if ((Fmt = dyn_cast<StringLiteral>(ignoreWrappers(CE->getArg(I)))))
        FmtIdx = I;
    if (!Fmt || Fmt->getCharByteWidth() != 1)
      return false;
    llvm::SmallVector<StringRef, 4> Tokens;
    Fmt->getString().split(Tokens, ' ', -1, false);
    if (Tokens.size() < 2)
      return false;
    std::string Cmd = Tokens[0].upper();
    bool Lookup = M.config().RedisLookupCommands.contains(Cmd);
    bool Insert = M.config().RedisInsertCommands.contains(Cmd);
    if (!Lookup && !Insert)
      return false;
    Op.IsInsert = Insert;
    unsigned KeySpecs = Tokens[1].count('%');
    if (KeySpecs == 0)
      Op.Key = Fmt;
    else if (FmtIdx + 1 < CE->getNumArgs())
      Op.Key = CE->getArg(FmtIdx + 1);
    else
      return false;
    for (unsigned I = FmtIdx + 1 + KeySpecs; Insert && I < CE->getNumArgs(); ++I)
      Op.Values.push_back(CE->getArg(I));
    return true;
  }

  Model &M;
  llvm::DenseMap<const CXXOperatorCallExpr *, const Expr *> SubscriptValues;
  llvm::DenseMap<const CXXOperatorCallExpr *, const VarDecl *> SubscriptRefs;
  /// Variables that hold the entry an insert hands out, by the insert.
  llvm::DenseMap<const Expr *, const VarDecl *> EntryHandles;
};


/// `return connection_id_;` reads a value, it does not build a key;
/// `return key;` of a local the helper built does.
bool isTrivialAccessor(const ReturnStmt *RS) {
  const Expr *E = ignoreWrappers(RS->getRetValue());
  if (isa<MemberExpr>(E))
    return true;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    return !VD || !VD->isLocalVarDecl();
  }
  return false;
}

class CacheKeyRule {
public:
  explicit CacheKeyRule(TUContext &TU)
      : TU(TU), M(TU.model()), P(TU.provenance()),
        SM(TU.ast().getSourceManager()) {}

  std::vector<Finding> run() {
    collect();
    std::vector<Finding> Out;
    for (const CacheOp &Op : Ops)
      if (!Op.InInstantiation)
        if (std::optional<Finding> F = judge(Op))
          Out.push_back(std::move(*F));
    sortBySource(Out, SM);
    return Out;
  }

  /// The cache operations keyed by a function's own parameters, merged
  /// per function and cache, in source order.
  std::vector<std::pair<const FunctionDecl *, CacheUseFact>> cacheUses() {
    collect();
    return usesOfOps();
  }

private:
  /// The operations collected so far that a function makes with a key
  /// from its own parameters, merged per function and cache.
  /// With \p OnlyOf, only those of the functions in it (canonical).
  std::vector<std::pair<const FunctionDecl *, CacheUseFact>>
  usesOfOps(const llvm::DenseSet<const FunctionDecl *> *OnlyOf = nullptr) {
    std::vector<std::pair<const FunctionDecl *, CacheUseFact>> Out;
    for (const CacheOp &Op : Ops) {
      const FunctionDecl *F = Op.Func;
      if (!F || isLambdaCallOperator(F) || Op.CacheName.empty())
        continue;
      if (OnlyOf && !OnlyOf->count(F->getCanonicalDecl()))
        continue;
      Prov Key = P.inFunction(Op.Key, F);
      for (const Expr *K : Op.ExtraKeys)
        Key.merge(P.inFunction(K, F));
      // A key that names the user by itself (not through a parameter
      // that happens to be called `user_id`) keeps every caller safe.
      if (Key.identifies()) {
        bool FromParam = false;
        for (const ParmVarDecl *PD : F->parameters())
          FromParam |= PD->getLocation() == Key.Identifies.Loc;
        if (!FromParam)
          continue;
      }
      if (Key.Params.none())
        continue;
      // Already reported where it happens (the wrapper has the user and
      // drops it): one finding at the cause, not one more per caller.
      if (judge(Op))
        continue;
      // A table of who is behind each handle serves nobody's data: its
      // callers make no cache operation.
      if (identityStore(Op.CacheId))
        continue;
      CacheUseFact U;
      for (int I = Key.Params.find_first(); I >= 0; I = Key.Params.find_next(I))
        U.KeyParams.push_back(I);
      if (U.KeyParams.empty())
        continue;
      U.Insert = Op.IsInsert;
      for (const Expr *V : Op.Values) {
        Prov PV = P.inFunction(V, F);
        for (int I = PV.Params.find_first(); I >= 0; I = PV.Params.find_next(I))
          U.ValueParams.push_back(I);
        for (int I = PV.UserParams.find_first(); I >= 0;
             I = PV.UserParams.find_next(I))
          U.ValueParams.push_back(I);
      }
      U.Cache = Op.CacheDecl && Op.CacheDecl->getIdentifier()
                    ? Op.CacheDecl->getQualifiedNameAsString()
                    : Op.CacheName;
      if (std::optional<FindingNote> Why = perUserEvidence(Op))
        U.PerUser = Why->Message;
      PresumedLoc PL = SM.getPresumedLoc(SM.getFileLoc(Op.Call->getBeginLoc()));
      if (PL.isValid())
        U.Where = std::string(PL.getFilename()) + ":" + std::to_string(PL.getLine());
      auto Same = llvm::find_if(Out, [&](const auto &E) {
        return E.first == F && E.second.Cache == U.Cache;
      });
      if (Same == Out.end()) {
        Out.push_back({F, std::move(U)});
        continue;
      }
      CacheUseFact &Into = Same->second;
      Into.Insert |= U.Insert;
      Into.KeyParams.insert(Into.KeyParams.end(), U.KeyParams.begin(), U.KeyParams.end());
      Into.ValueParams.insert(Into.ValueParams.end(), U.ValueParams.begin(), U.ValueParams.end());
      if (Into.PerUser.empty())
        Into.PerUser = U.PerUser;
    }
    for (auto &[F, U] : Out) {
      for (std::vector<unsigned> *V : {&U.KeyParams, &U.ValueParams}) {
        llvm::sort(*V);
        V->erase(std::unique(V->begin(), V->end()), V->end());
      }
    }
    return Out;
  }

  void collect() {
    Collector C(M);
    std::vector<std::pair<const CallExpr *, const FunctionDecl *>> CallSites;
    C.CallSites = &CallSites;
    for (const FunctionDecl *FD : TU.functions())
      C.collectFunction(FD);
    C.CallSites = nullptr;
    // What the walked functions call: every function (canonical), and the
    // instantiated ones with bodies outside system headers, once each in
    // the order met.
    llvm::DenseSet<const FunctionDecl *> Callees;
    std::vector<const FunctionDecl *> Called;
    llvm::SmallPtrSet<const FunctionDecl *, 16> CalledSeen;
    for (const auto &[CE, Cur] : CallSites) {
      const FunctionDecl *Callee = CE->getDirectCallee();
      Callees.insert(Callee->getCanonicalDecl());
      if (Callee->isTemplateInstantiation() && Callee->getBody() &&
          !isLambdaCallOperator(Callee) &&
          !SM.isInSystemHeader(SM.getExpansionLoc(Callee->getLocation())) &&
          CalledSeen.insert(Callee).second)
        Called.push_back(Callee);
    }
    // Members of class templates are analysed on the primary template,
    // where a member `std::map<K, V>` is dependent and its calls are
    // unresolved; as a cache wrapper (`BoundedMap<...>::get_or_load`) a
    // method is read in the instantiation the callers use. Its own
    // operations are never reported: only what the callers pass it.
    size_t Own = C.Ops.size();
    for (const FunctionDecl *FD : Called)
      C.collectFunction(FD);
    for (size_t I = Own; I < C.Ops.size(); ++I)
      C.Ops[I].InInstantiation = true;
    Ops = std::move(C.Ops);
    CacheNames = std::move(C.CacheNames);
    index();
    // Calls to the cache wrappers of this translation unit are cache
    // operations too, judged where the caller has the user: only a
    // function called here can be one (a handler's own keys are judged in
    // it, not evaluated a second time for callers it does not have).
    for (auto &[F, U] : usesOfOps(&Callees)) {
      FunctionFacts &Facts = LocalWrappers[F->getCanonicalDecl()];
      Facts.Name = modelName(F);
      U.Cache = withoutTemplateArgs(U.Cache);
      Facts.Where = U.Where;
      Facts.ParamNames.clear();
      for (const ParmVarDecl *PD : F->parameters())
        Facts.ParamNames.push_back(PD->getNameAsString());
      Facts.CacheUses.push_back(std::move(U));
    }
    if (LocalWrappers.empty())
      return;
    // Kept: its cache names are the ids of the operations it finds.
    Wrappers = std::make_unique<Collector>(M);
    Collector &W = *Wrappers;
    W.Local = &LocalWrappers;
    W.WrappersOnly = true;
    llvm::DenseSet<const Expr *> Known;
    for (const CacheOp &Op : Ops)
      Known.insert(Op.Call);
    W.Known = &Known;
    // The calls the first walk met, in its order: no second walk.
    W.collectCalls(CallSites);
    if (W.Ops.empty())
      return;
    // The new operations move the vector: every pointer into it goes.
    std::move(W.Ops.begin(), W.Ops.end(), std::back_inserter(Ops));
    ByCache.clear();
    InsertsOf.clear();
    TypeEvidenceMemo.clear();
    LookupEvidenceMemo.clear();
    OwnerCheckedMemo.clear();
    OwnerCheckedOps.clear();
    IdentityStoreMemo.clear();
    for (const CacheOp &Op : Ops)
      addToCache(Op);
  }

  void index() {
    for (CacheOp &Op : Ops)
      if (Op.SlotRef)
        if (const auto *Owner = dyn_cast_or_null<FunctionDecl>(
                Op.SlotRef->getParentFunctionOrMethod())) {
          const Provenance::WriteIndex &W = P.writesIn(Owner);
          auto It = W.find(Op.SlotRef);
          if (It != W.end())
            Op.Values.append(It->second.begin(), It->second.end());
        }
    for (const CacheOp &Op : Ops)
      addToCache(Op);
  }

  /// The reads \p E is built from, as written (`session->locale`, `year`),
  /// through the local variables it is assembled in.
  void readsOf(const Expr *E, llvm::StringSet<> &Out, unsigned Depth) {
    // What a `per-user-source` call is handed selects whose data it
    // returns; the result does not carry it (`zone = db.Fetch(sql, who)`
    // is the zone, not `who`).
    llvm::DenseSet<const Stmt *> Selectors;
    forEachStmt(E, [&](const Stmt *S) {
      const auto *CE = dyn_cast<CallExpr>(S);
      if (CE && !Selectors.count(CE) &&
          M.row(ModelRole::PerUserSource, CE->getDirectCallee()))
        for (const Expr *A : CE->arguments())
          forEachStmt(A, [&](const Stmt *In) { Selectors.insert(In); });
    });
    forEachStmt(E, [&](const Stmt *S) {
      const auto *X = dyn_cast<Expr>(S);
      if (!X || Selectors.count(X) ||
          !(isa<MemberExpr>(X) || isa<DeclRefExpr>(X) ||
            isa<CXXMemberCallExpr>(X)))
        return;
      Out.insert(M.text(X));
      const auto *DRE = dyn_cast<DeclRefExpr>(X);
      const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
      if (!VD || !VD->isLocalVarDecl() || Depth >= 3)
        return;
      if (VD->getInit())
        readsOf(VD->getInit(), Out, Depth + 1);
      if (const auto *Owner =
              dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod())) {
        const Provenance::WriteIndex &W = P.writesIn(Owner);
        auto It = W.find(VD);
        if (It != W.end())
          for (const Expr *Written : It->second)
            readsOf(Written, Out, Depth + 1);
      }
    });
  }

  /// What computes a stored value: the value, or the initialiser of the
  /// local it names (`const std::string html = Render(...); m[k] = html;`).
  static const Expr *producerOf(const Expr *V) {
    const Expr *E = ignoreWrappers(V);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        if (VD->isLocalVarDecl() && VD->getInit())
          return ignoreWrappers(VD->getInit());
    return E;
  }

  /// The per-user data in \p V is an attribute of the user that \p Key
  /// carries too (`rates[user.country] = RatesFor(user.country)`): every
  /// per-user argument of the call that computes the value is read by the
  /// key. A value computed from something the key lacks
  /// (`Render(session->acct, session->locale)` under `session->locale`)
  /// differs between users who share the key.
  bool keyCarriesUserData(const Expr *Key, const Expr *V) {
    const auto *CE = dyn_cast<CallExpr>(producerOf(V));
    if (!CE)
      return true;
    llvm::StringSet<> Reads;
    readsOf(Key, Reads, 0);
    for (const Expr *Arg : CE->arguments())
      if (P.of(Arg).perUser() && !Reads.count(M.text(Arg)))
        return false;
    return true;
  }

  /// Why the cache holds per-user data, or nothing: what the inserts the
  /// engine can see store (data flow); only when it sees none, what the
  /// value type's name says (words).
  std::optional<FindingNote> perUserEvidence(const CacheOp &Op) {
    // A lookup of its own learns what the cache's inserts and value type
    // say, the same for every lookup of one cache by one name: found once,
    // not once per lookup of a cache with thousands.
    if (Op.IsInsert || !Op.Values.empty() || Op.Use)
      return perUserEvidenceOf(Op);
    auto Key = std::make_tuple(
        Op.CacheId, static_cast<const void *>(Op.CacheDecl), Op.CacheName);
    auto It = LookupEvidenceMemo.find(Key);
    if (It == LookupEvidenceMemo.end())
      It = LookupEvidenceMemo.emplace(Key, perUserEvidenceOf(Op)).first;
    return It->second;
  }

  std::optional<FindingNote> perUserEvidenceOf(const CacheOp &Op) {
    auto Stored = [&](const CacheOp &Where,
                      const Expr *V) -> std::optional<FindingNote> {
      // A value derived from a user attribute that the key carries too
      // (`rates[user.country] = RatesFor(user.country)`) depends only on
      // the key and cannot leak.
      Prov PV = P.of(V);
      if (!PV.perUser() || (!PV.identifies() && P.of(Where.Key).perUser() &&
                            keyCarriesUserData(Where.Key, V)))
        return std::nullopt;
      std::string Msg = "per-user data '" + M.text(V) + "' is stored in '" +
                        Op.CacheName + "' here" +
                        (Where.Row ? Where.Row->citation() : "");
      // Per-user by a model row without naming anyone (a `per-user-source`
      // call, a decision about the user): the row is cited too.
      if (!PV.identifies() && !PV.PerUser.Via.empty())
        Msg += PV.PerUser.Text == M.text(V)
                   ? PV.PerUser.Via
                   : "; '" + PV.PerUser.Text + "' is per-user data" +
                         PV.PerUser.Via;
      return FindingNote{V->getBeginLoc(), std::move(Msg), PV.PerUser.Kind};
    };
    // The operation itself stores per-user data.
    for (const Expr *V : Op.Values)
      if (std::optional<FindingNote> N = Stored(Op, V))
        return N;
    // An insert whose value the engine can judge here: not one that is a
    // caller's argument (`Warm(path, profile)`), which could be anything.
    auto Judged = [&](const CacheOp &Insert) {
      return llvm::any_of(Insert.Values,
                          [&](const Expr *V) {
                            return P.inFunction(V, Insert.Func).Params.none();
                          });
    };
    bool InsertSeen = Op.IsInsert && Judged(Op);
    for (const CacheOp *Other : InsertsOf[Op.CacheId]) {
      if (Other == &Op)
        continue;
      InsertSeen |= Judged(*Other);
      for (const Expr *V : Other->Values)
        if (std::optional<FindingNote> N = Stored(*Other, V))
          return N;
    }
    // The wrapper's own translation unit knows what the cache holds.
    if (Op.Use && !Op.Use->PerUser.empty())
      return FindingNote{Op.Call->getBeginLoc(),
                         Op.Use->PerUser + " (" + shortWhere(Op.Use->Where) +
                             ")"};
    if (InsertSeen)
      return std::nullopt;
    // The first operation on the cache whose value type is per-user, once
    // per cache (a cache of thousands of lookups would otherwise look at
    // each sibling for each of them).
    auto Memo = TypeEvidenceMemo.find(Op.CacheId);
    if (Memo == TypeEvidenceMemo.end()) {
      std::pair<const CacheOp *, EvidenceKind> First{nullptr, EvidenceKind::Name};
      for (const CacheOp *Other : ByCache[Op.CacheId])
        if (std::optional<EvidenceKind> Kind =
                Other->ValueType.isNull()
                    ? std::nullopt
                    : M.perUserTypeEvidence(Other->ValueType)) {
          First = {Other, *Kind};
          break;
        }
      Memo = TypeEvidenceMemo.try_emplace(Op.CacheId, First).first;
    }
    if (const auto &[Other, Kind] = Memo->second; Other) {
      SourceLocation L = Op.CacheDecl ? Op.CacheDecl->getLocation()
                                      : Other->Call->getBeginLoc();
      return FindingNote{
          L,
          "'" + Op.CacheName + "' holds values of per-user type '" +
              M.stripWrappers(Other->ValueType)
                  .getAsString(M.context().getPrintingPolicy()) +
              "'" + (Kind == EvidenceKind::Name ? " (judged by its name)" : ""),
          Kind};
    }
    return std::nullopt;
  }

  void addToCache(const CacheOp &Op) {
    ByCache[Op.CacheId].push_back(&Op);
    if (Op.IsInsert)
      InsertsOf[Op.CacheId].push_back(&Op);
  }

  /// `sessions.insert(newId, session)` after `session->setSessionId(newId)`:
  /// the key is the stored identity's own id, so the cache is where
  /// identities are looked up by id (a session store), not one user's data
  /// under a key every user shares.
  bool keyIsStoredIdentitysId(const CacheOp &Op) {
    const VarDecl *KeyVar = rootVar(Op.Key);
    const FunctionDecl *F = outermostFunction(Op.Func);
    if (!KeyVar || !F || !F->getBody())
      return false;
    for (const Expr *V : Op.Values) {
      const VarDecl *Obj = rootVar(V);
      if (!Obj || !M.isIdentityType(V->getType()))
        continue;
      bool Found = false;
      forEachStmt(
          F->getBody(),
          [&](const Stmt *S) {
            const auto *MC = dyn_cast<CXXMemberCallExpr>(S);
            const CXXMethodDecl *MD = MC ? MC->getMethodDecl() : nullptr;
            if (Found || !MD || !MD->getIdentifier() ||
                !M.config().IdentifyingMembers.matchesAnyWord(MD->getName()) ||
                rootVar(MC->getImplicitObjectArgument()) != Obj)
              return;
            for (const Expr *A : MC->arguments())
              if (rootVar(A) == KeyVar)
                Found = true;
          },
          /*EnterLambdas=*/false);
      if (Found)
        return true;
    }
    return false;
  }

  /// The lookup result is compared with the current user before use:
  /// the ownership check lives after the lookup instead of in the key.
  bool ownerChecked(const CacheOp &Lookup) {
    auto Memo = OwnerCheckedOps.find(&Lookup);
    if (Memo != OwnerCheckedOps.end())
      return Memo->second;
    return OwnerCheckedOps[&Lookup] = findOwnerCheck(Lookup);
  }

  /// What an owner check in \p F can be, found in one walk per function:
  /// the equality comparisons one side of which identifies the user, and
  /// the local variables' initialisers (for following the entry).
  struct OwnerCandidates {
    struct Comparison {
      const Stmt *S;
      const Expr *A, *B;
      const FunctionDecl *Func;
      bool AIdentifies, BIdentifies;
    };
    std::vector<Comparison> Comparisons;
    std::vector<std::pair<const VarDecl *, const Expr *>> Inits;
  };

  const OwnerCandidates &ownerCandidates(const FunctionDecl *F) {
    std::unique_ptr<OwnerCandidates> &Slot = OwnerCandidatesMemo[F];
    if (Slot)
      return *Slot;
    Slot = std::make_unique<OwnerCandidates>();
    OwnerCandidates &C = *Slot;
    // The bodies as they run: a generic lambda as instantiated, where the
    // lookup was found.
    forEachStmtIn(F, [&](const Stmt *S, const FunctionDecl *Cur) {
      if (const auto *DS = dyn_cast<DeclStmt>(S))
        for (const Decl *D : DS->decls())
          if (const auto *VD = dyn_cast<VarDecl>(D))
            if (VD->getInit())
              C.Inits.push_back({VD, VD->getInit()});
      const Expr *A = nullptr, *B = nullptr;
      if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
        if (BO->isEqualityOp()) {
          A = BO->getLHS();
          B = BO->getRHS();
        }
      } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S)) {
        if ((OC->getOperator() == OO_EqualEqual ||
             OC->getOperator() == OO_ExclaimEqual) &&
            OC->getNumArgs() == 2) {
          A = OC->getArg(0);
          B = OC->getArg(1);
        }
      }
      if (!A) {
        addOwnershipCall(S, Cur, C);
        return;
      }
      bool AId = P.of(A).identifies(), BId = P.of(B).identifies();
      if (AId || BId)
        C.Comparisons.push_back({S, A, B, Cur, AId, BId});
    });
    return C;
  }

  /// A call an `ownership-check` row names (`acl.CanView(user, *doc)`,
  /// `doc->VisibleTo(user)`) compares what it is handed as an equality
  /// does: each pair of its operands (the object and the arguments) of
  /// which one identifies the user is a comparison.
  void addOwnershipCall(const Stmt *S, const FunctionDecl *Cur,
                        OwnerCandidates &C) {
    const auto *CE = dyn_cast<CallExpr>(S);
    if (!CE || isa<CXXOperatorCallExpr>(CE) ||
        !M.row(ModelRole::OwnershipCheck, CE->getDirectCallee()))
      return;
    llvm::SmallVector<const Expr *, 4> Sides;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
      if (const Expr *Obj = objectOf(MC))
        Sides.push_back(Obj);
    Sides.append(CE->arg_begin(), CE->arg_end());
    llvm::SmallVector<bool, 4> Ids;
    for (const Expr *Side : Sides)
      Ids.push_back(P.of(Side).identifies());
    for (unsigned I = 0; I < Sides.size(); ++I)
      for (unsigned J = I + 1; J < Sides.size(); ++J)
        if (Ids[I] || Ids[J])
          C.Comparisons.push_back({S, Sides[I], Sides[J], Cur, Ids[I], Ids[J]});
  }

  bool findOwnerCheck(const CacheOp &Lookup) {
    const FunctionDecl *F = outermostFunction(Lookup.Func);
    const OwnerCandidates &Candidates = ownerCandidates(F);
    // No comparison with the user anywhere: nothing to follow the entry to
    // (and no cost per lookup in a function of many lookups).
    if (Candidates.Comparisons.empty())
      return false;
    bool Checked = false;
    // The variables that hold the lookup's result: initialised or assigned
    // from it, or from another such variable (`const auto &owner =
    // doc->owner_id;`).
    llvm::SmallPtrSet<const VarDecl *, 8> Holders;
    if (Lookup.ResultVar)
      Holders.insert(Lookup.ResultVar);
    auto MentionsHolder = [&](const Expr *E) {
      bool Hit = false;
      forEachStmt(E, [&](const Stmt *S) {
        if (Hit)
          return;
        if (S == Lookup.Call)
          Hit = true;
        else if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
          if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
            Hit = Holders.count(VD);
      });
      return Hit;
    };
    std::vector<std::pair<const VarDecl *, const Expr *>> Flows =
        Candidates.Inits;
    for (const FunctionDecl *Fn = Lookup.Func; Fn; Fn = enclosingFunction(Fn))
      for (const auto &[VD, Vals] : P.writesIn(Fn))
        for (const Expr *V : Vals)
          Flows.push_back({VD, V});
    for (bool Changed = true; Changed;) {
      Changed = false;
      // Locals that copy the entry hold it; a parameter written from it
      // (the response) is where it goes, not another name for it.
      for (const auto &[VD, E] : Flows)
        if (!Holders.count(VD) && !isa<ParmVarDecl>(VD) && MentionsHolder(E)) {
          Holders.insert(VD);
          Changed = true;
        }
    }
    auto Mentions = [&](const Expr *Side) { return MentionsHolder(Side); };
    const Stmt *Check = nullptr;
    const FunctionDecl *CheckFn = nullptr;
    for (const OwnerCandidates::Comparison &C : Candidates.Comparisons) {
      // The other side must be the current user, not more of the entry:
      // a range-for's hidden `__begin != __end` compares the entry with
      // itself.
      bool MA = Mentions(C.A), MB = Mentions(C.B);
      if ((MA && !MB && C.BIdentifies) || (MB && !MA && C.AIdentifies)) {
        Checked = true;
        Check = C.S;
        CheckFn = C.Func;
        break;
      }
    }
    if (!Checked)
      return false;
    // The comparison guards the entry only where it dominates what the
    // entry is used for: a check after the value went out is no check.
    bool Guarded = true;
    FunctionFlow &Flow = TU.flow(CheckFn);
    forEachStmtIn(F, [&](const Stmt *S, const FunctionDecl *Cur) {
      if (!Guarded || Cur != CheckFn)
        return;
      if (const Expr *Out = valueOut(S, Holders, Lookup.CacheDecl))
        if (MentionsHolder(Out) && !Flow.guards(Check, S)) {
          trace(SM, S->getBeginLoc(), CacheKeyCheckName,
                "the owner check does not dominate this use of the entry");
          Guarded = false;
        }
    });
    return Guarded;
  }

  /// What \p S hands on to others: a return value, the argument of a call
  /// that is not a method of the entry itself or of its cache (putting
  /// the entry back serves no one), the value assigned to a variable that
  /// does not hold the entry.
  static const Expr *valueOut(const Stmt *S,
                              const llvm::SmallPtrSetImpl<const VarDecl *> &Holders,
                              const ValueDecl *Cache) {
    if (const auto *RS = dyn_cast<ReturnStmt>(S))
      return RS->getRetValue();
    if (auto Ops = binaryOperands(S, BO_Assign, OO_Equal)) {
      const VarDecl *To = rootVar(Ops->first);
      return To && Holders.count(To) ? nullptr : Ops->second;
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S)) {
      const VarDecl *On = rootVar(objectOf(MC));
      if (On && (Holders.count(On) || On == Cache))
        return nullptr;
      return MC->getNumArgs() ? MC->getArg(0) : nullptr;
    }
    return nullptr;
  }

  /// The cache remembers which identity a credential names: what it
  /// stores is an identity (a session, a principal) looked up with the key
  /// itself (`recent_.add(tok, *table_.load(tok))`). Its key is the
  /// credential, so it is as personal as the value.
  bool identityStore(const void *CacheId) {
    auto [It, New] = IdentityStoreMemo.try_emplace(CacheId, false);
    if (!New)
      return It->second;
    bool R = false;
    // Or it remembers who is behind each connection: every insert is
    // handed a requester identity by its caller (`add(conn_id,
    // user_name)`, called when the connection is accepted) and stores it
    // as it is, under a numeric handle rather than a name or a path.
    // Looking it up tells a request who sent it; it serves nobody's data.
    // An insert that reads the identity from a request's credentials
    // itself pins one request's user to the handle and stays judged.
    bool OnlyIdentities = true, Inserts = false;
    for (const CacheOp *Op : ByCache[CacheId]) {
      if (!Op->IsInsert)
        continue;
      for (const Expr *V : Op->Values) {
        R |= M.isIdentityType(V->getType()) && loadedWith(V, Op->Key);
        Inserts = true;
        OnlyIdentities &= handedIdentity(V, Op->Func) &&
                          Op->Key->getType()->isIntegralOrEnumerationType() &&
                          !Op->Key->isEvaluatable(M.context());
      }
    }
    R |= Inserts && OnlyIdentities;
    IdentityStoreMemo[CacheId] = R;
    return R;
  }

  /// \p V is a parameter of \p F that names a requester, moved or copied:
  /// an identity its caller hands over, not a value computed from one.
  bool handedIdentity(const Expr *V, const FunctionDecl *F) {
    const Expr *E = producerOf(V);
    for (const auto *CE = dyn_cast<CallExpr>(E);
         CE && CE->getNumArgs() == 1 && CE->getDirectCallee() &&
         CE->getDirectCallee()->isInStdNamespace() &&
         CE->getDirectCallee()->getIdentifier() &&
         (CE->getDirectCallee()->getName() == "move" ||
          CE->getDirectCallee()->getName() == "forward");
         CE = dyn_cast<CallExpr>(E))
      E = producerOf(CE->getArg(0));
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    const auto *PVD = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
    return PVD && F && PVD->getDeclContext() == F &&
           P.identitySource(E).has_value();
  }

  /// \p V is (a variable initialised with) a call that takes the variable
  /// at the root of \p Key as an argument.
  static bool loadedWith(const Expr *V, const Expr *Key) {
    const VarDecl *KeyVar = rootVar(Key);
    if (!KeyVar)
      return false;
    const Expr *E = ignoreWrappers(V);
    if (const VarDecl *Var = rootVar(E))
      if (Var->isLocalVarDecl() && Var->getInit())
        E = ignoreWrappers(Var->getInit());
    const auto *CE = dyn_cast<CallExpr>(E);
    return CE && llvm::any_of(CE->arguments(), [&](const Expr *A) {
             return rootVar(A) == KeyVar;
           });
  }

  bool cacheOwnerChecked(const CacheOp &Op) {
    auto It = OwnerCheckedMemo.find(Op.CacheId);
    if (It != OwnerCheckedMemo.end())
      return It->second;
    bool R = false;
    for (const CacheOp *Other : ByCache[Op.CacheId])
      if (!Other->IsInsert && ownerChecked(*Other)) {
        R = true;
        break;
      }
    OwnerCheckedMemo[Op.CacheId] = R;
    return R;
  }

  bool keyTypeIdentifies(QualType T) {
    if (T.isNull())
      return false;
    auto [It, Fresh] =
        KeyTypeMemo.try_emplace(T.getAsOpaquePtr(), false);
    if (!Fresh)
      return It->second;
    bool Identifies = M.isIdentityType(T);
    // A struct key with a user or tenant field: `ProfileKey{tenant, path}`.
    const CXXRecordDecl *RD = M.recordOf(T);
    if (!Identifies && RD && RD->hasDefinition() && !M.isAssociativeContainer(T))
      Identifies = llvm::any_of(RD->getDefinition()->fields(),
                                [&](const FieldDecl *F) { return M.isIdentityDecl(F); });
    return It->second = Identifies;
  }

  void addKeyNotes(const CacheOp &Op, Finding &F) {
    const Expr *Key = ignoreWrappers(Op.Key);
    // `key.c_str()`, `os.str()`: the key is the object.
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Key))
      if (MC->getNumArgs() == 0 && isa<DeclRefExpr>(ignoreWrappers(
                                       MC->getImplicitObjectArgument())))
        Key = ignoreWrappers(MC->getImplicitObjectArgument());
    const Expr *Built = nullptr;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Key)) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      if (VD && VD->isLocalVarDecl() && !isa<ParmVarDecl>(VD)) {
        // Where the value that reaches the operation was built: the last
        // overwrite, when one alone reaches it, else the declaration.
        SourceLocation Where = VD->getLocation();
        if (VD->getInit())
          Built = ignoreWrappers(VD->getInit());
        if (const auto *Owner = dyn_cast_or_null<FunctionDecl>(
                VD->getParentFunctionOrMethod())) {
          auto Reaching = P.reachingWrites(VD, Owner, DRE);
          if (Reaching.size() == 1 && !Reaching.front()->Init &&
              Reaching.front()->Kills && Reaching.front()->Value) {
            Where = Reaching.front()->At->getBeginLoc();
            Built = ignoreWrappers(Reaching.front()->Value);
          }
        }
        F.Notes.push_back(
            {Where, "key '" + VD->getNameAsString() + "' is built here"});
      }
    } else {
      Built = Key;
    }
    if (const auto *CE = dyn_cast_or_null<CallExpr>(Built)) {
      const FunctionDecl *FD = CE->getDirectCallee();
      const FunctionDecl *Def = nullptr;
      bool Lambda = FD && isLambdaCallOperator(FD);
      if (FD && FD->hasBody(Def) && (FD->getIdentifier() || Lambda) &&
          !SM.isInSystemHeader(Def->getLocation()))
        if (const Summary *S = P.summaryOf(Def); S && S->FirstReturn &&
            !isTrivialAccessor(S->FirstReturn))
          F.Notes.push_back({S->FirstReturn->getRetValue()->getBeginLoc(),
                             Lambda ? std::string("key is built here, in a lambda")
                                    : "key is built here, in '" +
                                          FD->getNameAsString() + "'"});
      if (const FunctionFacts *Facts = M.factsFor(FD))
        F.Notes.push_back(
            {CE->getBeginLoc(),
             "key is built here, by '" + Facts->Name + "' (" +
                 shortWhere(Facts->Where) + "), from " +
                 (Facts->ResultParams.empty()
                      ? std::string("none of its parameters")
                      : "its parameter" +
                            std::string(Facts->ResultParams.size() > 1 ? "s "
                                                                       : " ") +
                            quotedParams(*Facts, Facts->ResultParams) +
                            " only")});
    }
    if (Op.Use)
      F.Notes.push_back(
          {Op.Call->getBeginLoc(),
           "'" + Op.Wrapper->Name + "' " +
               (Op.Use->Insert ? "stores into '" : "looks up '") + Op.CacheName +
               "' (" + shortWhere(Op.Use->Where) + ") with a key made from its " +
               "parameter" + (Op.Use->KeyParams.size() > 1 ? "s " : " ") +
               quotedParams(*Op.Wrapper, Op.Use->KeyParams)});
  }

  /// The user \p Op's function knows is the data it moves: \p Identity
  /// is a parameter that the operation stores (`put(key, value)` called
  /// with a page built from the user) or fills with what it finds
  /// (`get(key, out)`). A separate user parameter that the key leaves out
  /// (`Get(account, month)`) is not: there the wrapper drops the user.
  /// The parameter \p V passes on as it is: moved, copied, or its bytes
  /// (`std::move(v)`, `value.data()`).
  static const ParmVarDecl *handedParam(const Expr *V) {
    const Expr *E = producerOf(V);
    for (unsigned Guard = 0; Guard < 4; ++Guard) {
      const auto *CE = dyn_cast<CallExpr>(E);
      const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
      if (!FD || !FD->getIdentifier())
        break;
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE);
          MC && MC->getNumArgs() == 0 && objectOf(MC) &&
          (FD->getName() == "data" || FD->getName() == "c_str"))
        E = ignoreWrappers(objectOf(MC));
      else if (FD->isInStdNamespace() && CE->getNumArgs() == 1 &&
               (FD->getName() == "move" || FD->getName() == "forward"))
        E = ignoreWrappers(CE->getArg(0));
      else
        break;
    }
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    return DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
  }

  bool identityIsPayload(const CacheOp &Op, const Evidence &Identity) {
    for (const ParmVarDecl *PD : Op.Func->parameters()) {
      if (PD->getLocation() != Identity.Loc)
        continue;
      for (const Expr *V : Op.Values)
        if (handedParam(V) == PD)
          return true;
      QualType T = PD->getType();
      return !Op.IsInsert && T->isLValueReferenceType() &&
             !T.getNonReferenceType().isConstQualified();
    }
    return false;
  }

  std::optional<Finding> judge(const CacheOp &Op) {
    auto Drop = [&](const char *Why) {
      trace(SM, Op.Call->getBeginLoc(), CacheKeyCheckName,
            "'" + Op.CacheName + "': " + Why);
      return std::nullopt;
    };
    if (Op.CacheDecl && M.isSharedOk(Op.CacheDecl))
      return Drop("shared_ok");
    // What the lookup itself returns names whoever the entry belongs to,
    // not the requester; an identity read on another branch (a route that
    // returns before this one) is not known here.
    Evidence Identity =
        P.identityAvailableIn(Op.Func, Op.IsInsert ? nullptr : Op.Call, Op.Call);
    if (!Identity.valid())
      return Drop("no user identity available");
    // A wrapper (`RedisCache::setex(key, ttl, value)`): the key is what
    // each caller passes, and the user it knows is the data it moves.
    // Each call is an operation of its own, judged where the caller has
    // the user (usesOfOps); the wrapper is not the cause.
    if (identityIsPayload(Op, Identity) && handedParam(Op.Key))
      return Drop("a wrapper: its callers pass the key and the user, and "
                  "each call is judged there");
    std::optional<std::pair<FindingNote, Evidence>> Requester;
    if (Prov K = P.of(Op.Key); K.identifies()) {
      // A key that names someone only by its words (`tenant`) does not
      // carry the requester that stronger evidence says the stored value
      // was built for (`list(tenant, *author)`, `author` from a JWT).
      if (K.Identifies.Kind >= EvidenceKind::IdentityName)
        Requester = storedForAnother(Op);
      if (!Requester)
        return Drop("the key identifies the user");
    }
    if (keyTypeIdentifies(Op.KeyType) || keyTypeIdentifies(Op.Key->getType()))
      return Drop("the key type identifies the user");
    for (const Expr *K : Op.ExtraKeys)
      if (P.of(K).identifies() || keyTypeIdentifies(K->getType()))
        return Drop("a further key identifies the user");
    std::optional<FindingNote> PerUser = perUserEvidence(Op);
    if (!PerUser)
      return Drop("no per-user data is seen in the cache");
    if (Op.IsInsert ? cacheOwnerChecked(Op) : ownerChecked(Op))
      return Drop("the owner is checked after the lookup");
    if (Op.IsInsert && keyIsStoredIdentitysId(Op))
      return Drop("the key is the stored identity's own id");
    if (identityStore(Op.CacheId))
      return Drop("the cache maps a credential to the identity it names");
    Finding F;
    F.Check = CacheKeyCheckName.str();
    F.Loc = Op.Call->getBeginLoc();
    F.Range = Op.Call->getSourceRange();
    F.Message = "cache '" + Op.CacheName + "' is keyed by '" + M.text(Op.Key) +
                "', which does not identify the user";
    addKeyNotes(Op, F);
    // The requester the value was built for, rather than the name-only
    // identity the key carries.
    if (Requester)
      Identity = Requester->second;
    F.Notes.push_back(
        {Identity.Loc,
         "user identity '" + Identity.Text + "' is available here" +
             Identity.Via,
         Identity.Kind});
    F.Notes.push_back(*PerUser);
    if (Requester)
      F.Notes.push_back(Requester->first);
    // The row that made this call a cache operation, unless the note on
    // the stored value already cites it.
    if (Op.Row && !StringRef(PerUser->Message).endswith(Op.Row->citation()))
      F.Notes.push_back({Op.Call->getBeginLoc(),
                         std::string("this call is ") +
                             (Op.IsInsert ? "an insert into '" : "a lookup in '") +
                             Op.CacheName + "'" + Op.Row->citation(),
                         EvidenceKind::Model});
    F.Evidence = Op.StorageEvidence;
    return F;
  }

  /// An insert into \p Op's cache whose value is computed from an identity
  /// that rests on more than words and that the key does not read: the
  /// note names it. Only the key's own words said it identifies anyone.
  std::optional<std::pair<FindingNote, Evidence>>
  storedForAnother(const CacheOp &Op) {
    for (const CacheOp *Insert : ByCache[Op.CacheId]) {
      if (!Insert->IsInsert)
        continue;
      llvm::StringSet<> Reads;
      readsOf(Insert->Key, Reads, 0);
      for (const Expr *V : Insert->Values) {
        std::optional<std::pair<FindingNote, Evidence>> Found;
        forEachStmt(producerOf(V), [&](const Stmt *S) {
          const auto *CE = dyn_cast<CallExpr>(S);
          if (Found || !CE)
            return;
          for (const Expr *Arg : CE->arguments()) {
            Prov A = P.of(Arg);
            if (A.identifies() && A.Identifies.Kind < EvidenceKind::IdentityName &&
                !Reads.count(M.text(Arg))) {
              Found = {FindingNote{Arg->getBeginLoc(),
                                   "the stored value is built for '" +
                                       M.text(Arg) +
                                       "', which the key does not carry; the "
                                       "key's own identity is judged only by "
                                       "its name",
                                   A.Identifies.Kind},
                       A.Identifies};
              return;
            }
          }
        });
        if (Found)
          return Found;
      }
    }
    return std::nullopt;
  }

  TUContext &TU;
  Model &M;
  Provenance &P;
  const SourceManager &SM;
  std::vector<CacheOp> Ops;
  llvm::StringSet<> CacheNames;
  /// The operations on each cache, by CacheOp::CacheId.
  llvm::DenseMap<const void *, llvm::SmallVector<const CacheOp *, 4>> ByCache;
  /// The inserts among them.
  llvm::DenseMap<const void *, llvm::SmallVector<const CacheOp *, 4>> InsertsOf;
  /// Per cache, its first operation with a per-user value type, if any.
  llvm::DenseMap<const void *, std::pair<const CacheOp *, EvidenceKind>>
      TypeEvidenceMemo;
  /// perUserEvidence of a lookup with no value of its own, by cache
  /// (CacheId, CacheDecl, CacheName).
  std::map<std::tuple<const void *, const void *, std::string>,
           std::optional<FindingNote>>
      LookupEvidenceMemo;
  /// keyTypeIdentifies, by type as written (an alias may name an identity).
  llvm::DenseMap<const void *, bool> KeyTypeMemo;
  llvm::DenseMap<const void *, bool> OwnerCheckedMemo;
  llvm::DenseMap<const void *, bool> IdentityStoreMemo;
  llvm::DenseMap<const FunctionDecl *, FunctionFacts> LocalWrappers;
  std::unique_ptr<Collector> Wrappers;
  llvm::DenseMap<const CacheOp *, bool> OwnerCheckedOps;
  // Stable addresses: a caller keeps the reference while others are added.
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<OwnerCandidates>>
      OwnerCandidatesMemo;
};

} // namespace

std::vector<Finding> findCacheKeyIssues(TUContext &TU, const Config &) {
  return CacheKeyRule(TU).run();
}

std::vector<std::pair<const FunctionDecl *, CacheUseFact>>
cacheUsesForSummaries(TUContext &TU) {
  return CacheKeyRule(TU).cacheUses();
}

} // namespace crossuser
