#include "Analysis/Provenance.h"
#include "Analysis/Summaries.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace crossuser {

void Prov::merge(const Prov &O) {
  // The strongest evidence wins; between equals, the first seen.
  if (O.Identifies.valid() &&
      (!Identifies.valid() || O.Identifies.Kind < Identifies.Kind))
    Identifies = O.Identifies;
  if (O.PerUser.valid() && (!PerUser.valid() || O.PerUser.Kind < PerUser.Kind))
    PerUser = O.PerUser;
  if (O.Params.size() > Params.size())
    Params.resize(O.Params.size());
  for (int I = O.Params.find_first(); I >= 0; I = O.Params.find_next(I))
    Params.set(I);
  if (O.UserParams.size() > UserParams.size())
    UserParams.resize(O.UserParams.size());
  for (int I = O.UserParams.find_first(); I >= 0; I = O.UserParams.find_next(I))
    UserParams.set(I);
}

/// Adds what argument \p A contributes to \p P when it selects whose data
/// the result is without flowing into it: per-user-ness, never identity.
static void mergeSelector(Prov &P, const Prov &A) {
  if (A.perUser() && (!P.perUser() || A.PerUser.Kind < P.PerUser.Kind))
    P.PerUser = A.PerUser;
  for (const llvm::SmallBitVector *B : {&A.Params, &A.UserParams}) {
    if (B->size() > P.UserParams.size())
      P.UserParams.resize(B->size());
    for (int I = B->find_first(); I >= 0; I = B->find_next(I))
      P.UserParams.set(I);
  }
}

namespace {
class FunctionFinder : public RecursiveASTVisitor<FunctionFinder> {
public:
  FunctionFinder(const SourceManager &SM) : SM(SM) {}
  /// No function of a system header is analysed: its declarations are
  /// not walked at all (they are most of a translation unit).
  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (!FD->doesThisDeclarationHaveABody() || FD->isInvalidDecl() ||
        FD->isTemplateInstantiation())
      return true;
    // Lambdas are walked with the function that contains them.
    if (isLambdaCallOperator(FD) && enclosingFunction(FD))
      return true;
    if (SM.isInSystemHeader(SM.getExpansionLoc(FD->getLocation())))
      return true;
    Functions.push_back(FD);
    return true;
  }
  std::vector<const FunctionDecl *> Functions;

private:
  const SourceManager &SM;
};
} // namespace

std::vector<const FunctionDecl *> functionsToAnalyse(ASTContext &Ctx) {
  FunctionFinder FF(Ctx.getSourceManager());
  FF.TraverseDecl(Ctx.getTranslationUnitDecl());
  return std::move(FF.Functions);
}

const FunctionDecl *enclosingFunction(const FunctionDecl *F) {
  if (!F || !isLambdaCallOperator(F))
    return nullptr;
  const DeclContext *DC = cast<CXXMethodDecl>(F)->getParent()->getParent();
  for (; DC; DC = DC->getParent())
    if (const auto *FD = dyn_cast<FunctionDecl>(DC))
      return FD;
  return nullptr;
}

void forEachStmt(const Stmt *S, llvm::function_ref<void(const Stmt *)> Fn,
                 bool EnterLambdas) {
  forEachStmtWhile(
      S,
      [&](const Stmt *Cur) {
        Fn(Cur);
        return true;
      },
      EnterLambdas);
}

void forEachStmtWhile(const Stmt *S, llvm::function_ref<bool(const Stmt *)> Fn,
                      bool EnterLambdas) {
  // An explicit stack: a generated `a + b + ... + z` nests thousands deep.
  llvm::SmallVector<const Stmt *, 64> Stack;
  if (S)
    Stack.push_back(S);
  llvm::SmallVector<const Stmt *, 8> Kids;
  while (!Stack.empty()) {
    const Stmt *Cur = Stack.pop_back_val();
    if (!Fn(Cur))
      return;
    if (!EnterLambdas && isa<LambdaExpr>(Cur))
      continue;
    Kids.clear();
    for (const Stmt *C : Cur->children())
      if (C)
        Kids.push_back(C);
    for (auto It = Kids.rbegin(); It != Kids.rend(); ++It)
      Stack.push_back(*It);
  }
}

const FunctionDecl *outermostFunction(const FunctionDecl *F) {
  while (const FunctionDecl *Up = enclosingFunction(F))
    F = Up;
  return F;
}

void forEachStmtIn(
    const FunctionDecl *FD,
    llvm::function_ref<void(const Stmt *, const FunctionDecl *)> Fn) {
  llvm::SmallVector<std::pair<const Stmt *, const FunctionDecl *>, 64> Stack;
  if (FD && FD->getBody())
    Stack.push_back({FD->getBody(), FD});
  llvm::SmallVector<const Stmt *, 8> Kids;
  while (!Stack.empty()) {
    auto [S, Cur] = Stack.pop_back_val();
    if (const auto *LE = dyn_cast<LambdaExpr>(S)) {
      const CXXMethodDecl *Op = LE->getCallOperator();
      Stack.push_back({Op->getBody(), Op});
      // A generic lambda (`[&](auto req, auto params)`) is analysed as the
      // framework instantiates it: in the primary template its calls on
      // `req` are unresolved.
      if (const FunctionTemplateDecl *FTD = Op->getDescribedFunctionTemplate())
        for (const FunctionDecl *Spec : FTD->specializations())
          if (Spec->getBody()) {
            Stack.back() = {Spec->getBody(), Spec};
            break;
          }
      llvm::SmallVector<const Expr *, 4> Inits;
      for (const Expr *Init : LE->capture_inits())
        if (Init)
          Inits.push_back(Init);
      for (auto It = Inits.rbegin(); It != Inits.rend(); ++It)
        Stack.push_back({*It, Cur});
      continue;
    }
    Fn(S, Cur);
    Kids.clear();
    for (const Stmt *C : S->children())
      if (C)
        Kids.push_back(C);
    for (auto It = Kids.rbegin(); It != Kids.rend(); ++It)
      Stack.push_back({*It, Cur});
  }
}

static const FunctionDecl *bodyOf(const FunctionDecl *FD) {
  const FunctionDecl *Def = nullptr;
  if (FD && FD->hasBody(Def) && Def->getBody())
    return Def;
  return nullptr;
}

Evidence Provenance::evidenceAt(const Expr *E) {
  Evidence Ev;
  Ev.Loc = E->getBeginLoc();
  Ev.Text = M.text(E);
  return Ev;
}

/// \p Ev, marked as decided by library model row \p Row.
static Evidence viaModel(Evidence Ev, const ModelRow &Row) {
  Ev.Via = Row.citation();
  Ev.Kind = EvidenceKind::Model;
  return Ev;
}

/// \p Ev, decided by \p Kind of evidence.
static Evidence decidedBy(Evidence Ev, EvidenceKind Kind) {
  Ev.Kind = Kind;
  return Ev;
}

std::optional<Evidence> Provenance::identitySource(const Expr *E) {
  if (!E)
    return std::nullopt;
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (VD && M.isIdentityDecl(VD))
      return decidedBy(evidenceAt(E), M.identityKind(VD));
    return std::nullopt;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const ValueDecl *D = ME->getMemberDecl();
    // A model row outranks the member's name (`info->remote_user`).
    if (const ModelRow *Row = M.identityRow(D, nullptr))
      return viaModel(evidenceAt(E), *Row);
    if ((isa<FieldDecl>(D) || isa<VarDecl>(D)) && M.isIdentityDecl(D))
      return decidedBy(evidenceAt(E), M.identityKind(D));
    return std::nullopt;
  }
  const auto *CE = dyn_cast<CallExpr>(E);
  if (!CE)
    return std::nullopt;
  const FunctionDecl *FD = CE->getDirectCallee();
  // A library model names the call (`jwt_get_grant(jwt, "sub")`,
  // `ServerContext::auth_context()`).
  if (const ModelRow *Row = FD ? M.identityRow(FD, CE) : nullptr)
    return viaModel(evidenceAt(E), *Row);
  if (FD && !isa<CXXOperatorCallExpr>(CE) && M.isIdentityDecl(FD))
    return decidedBy(evidenceAt(E), M.identityKind(FD));
  const Config &Cfg = M.config();
  bool CookieGetter = FD && FD->getIdentifier() &&
                      hasWordOrPlural(FD->getName(), "cookie");
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
    CookieGetter |= M.isCookieJar(objectOf(MC));
  for (const Expr *Arg : CE->arguments()) {
    // A header named by a constant or an enumerator
    // (`req[http::field::authorization]`,
    // `headers().find(header_names::authorization)`).
    if (const auto *DRE = dyn_cast<DeclRefExpr>(ignoreWrappers(Arg)))
      if ((isa<EnumConstantDecl>(DRE->getDecl()) ||
           isa<VarDecl>(DRE->getDecl())) &&
          DRE->getDecl()->getIdentifier() &&
          M.isIdentityHeaderName(headerNameOf(DRE->getDecl())))
        return decidedBy(evidenceAt(E), EvidenceKind::Model);
    const auto *SL = dyn_cast<StringLiteral>(ignoreWrappers(Arg));
    if (!SL || SL->getCharByteWidth() != 1)
      continue;
    StringRef S = SL->getString();
    // The request's credential headers identify its sender (HTTP's own
    // model); a cookie is known only by its name.
    if (Cfg.IdentityHeaders.containsExact(S))
      return decidedBy(evidenceAt(E), EvidenceKind::Model);
    // A header an authenticating proxy sets is known by its words
    // (`X-Authenticated-User`, `X-Auth-Request-Email`, `X-Customer-Id`),
    // as a variable's name would be.
    if (S.size() > 2 && S.take_front(2).equals_insensitive("x-") &&
        !S.contains(' ') && M.namesIdentity(S.drop_front(2)))
      return decidedBy(evidenceAt(E), EvidenceKind::IdentityName);
    if (CookieGetter && Cfg.IdentityNames.matchesAnyWord(S))
      return decidedBy(evidenceAt(E), EvidenceKind::IdentityName);
  }
  return std::nullopt;
}

/// How well a piece of evidence shows that the user is known here: a
/// parameter or an accessor call reads better in a note than a member of
/// some looked-up value.
static int evidenceRank(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (isa<CallExpr>(E))
    return 0;
  if (isa<DeclRefExpr>(E))
    return 1;
  return 2;
}

std::optional<Evidence>
Provenance::identityFromCallers(const ParmVarDecl *PVD, unsigned Depth) {
  auto [It, Fresh] = CallerIdentityMemo.try_emplace(PVD, std::nullopt);
  if (!Fresh)
    return It->second; // known, or being computed (a recursive helper)
  const auto *F = dyn_cast_or_null<FunctionDecl>(PVD->getDeclContext());
  if (!F || Depth > MaxCallDepth)
    return std::nullopt;
  unsigned Idx = PVD->getFunctionScopeIndex();
  std::optional<Evidence> Found;
  for (const CallExpr *CE : M.callsTo(F)) {
    unsigned ArgIdx = Idx;
    if (isa<CXXOperatorCallExpr>(CE) && isa<CXXMethodDecl>(F))
      ++ArgIdx; // the object is argument 0
    if (ArgIdx >= CE->getNumArgs())
      return std::nullopt;
    std::optional<Evidence> A = requesterIdentity(CE->getArg(ArgIdx), Depth + 1);
    if (!A)
      return std::nullopt; // one caller passes something else
    if (!Found) {
      Found = Evidence();
      Found->Loc = PVD->getLocation();
      Found->Text = PVD->getNameAsString();
      Found->Via = " (every call of '" + F->getNameAsString() +
                   "' passes the requester's identity, from '" + A->Text +
                   "'" + A->Via + ")";
      Found->Kind = A->Kind;
    } else {
      Found->Kind = weakest(Found->Kind, A->Kind);
    }
  }
  CallerIdentityMemo[PVD] = Found;
  return Found;
}

std::optional<Evidence> Provenance::requesterIdentity(const Expr *E,
                                                     unsigned Depth) {
  if (!E || Depth > MaxCallDepth)
    return std::nullopt;
  E = ignoreWrappers(E);
  // `*who`, `who.value()` of an optional the lookup returned.
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_Deref)
      return requesterIdentity(UO->getSubExpr(), Depth + 1);
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E))
    if ((OC->getOperator() == OO_Star || OC->getOperator() == OO_Arrow) &&
        OC->getNumArgs() == 1)
      return requesterIdentity(OC->getArg(0), Depth + 1);
  if (std::optional<Evidence> Ev = identitySource(E))
    return Ev;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD || VD->hasGlobalStorage())
      return std::nullopt;
    if (const auto *P = dyn_cast<ParmVarDecl>(VD))
      return identityFromCallers(P, Depth + 1);
    // A local the lookup initialised or assigned (`auto who =
    // sessions.resolve(cookie)`, `customer = tokens.customer_for(bearer)`).
    const auto *Owner =
        dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod());
    if (!Owner || !Owner->getBody())
      return std::nullopt;
    const SiteIndex &Sites = sitesIn(Owner);
    auto It = Sites.find(VD);
    if (It == Sites.end())
      return std::nullopt;
    for (const WriteSite &W : It->second)
      if (W.Value && W.Kills)
        if (std::optional<Evidence> Ev = requesterIdentity(W.Value, Depth + 1))
          return Ev;
    return std::nullopt;
  }
  // A lookup from a credential or identity (`sessions.resolve(cookie)`,
  // `token_digest(token)`) names the same requester. Operators do not: a
  // string built around an id is a key or a payload, not the requester.
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    if (isa<CXXOperatorCallExpr>(CE))
      return std::nullopt;
    for (const Expr *Arg : CE->arguments())
      if (std::optional<Evidence> Ev = requesterIdentity(Arg, Depth + 1))
        return Ev;
    // Part of a credential string is the credential (`auth.substr(7)`).
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
      if (const CXXRecordDecl *RD = M.recordOf(objectOf(MC)->getType()))
        if (RD->getIdentifier() && (RD->getName() == "basic_string" ||
                                    RD->getName() == "basic_string_view"))
          return requesterIdentity(objectOf(MC), Depth + 1);
  }
  return std::nullopt;
}

bool readsResultOf(const Expr *E, const Expr *Call) {
  bool Hit = false;
  forEachStmt(E, [&](const Stmt *S) {
    if (S == Call)
      Hit = true;
  });
  if (Hit)
    return true;
  const VarDecl *Root = rootVar(E);
  return Root && Root->isLocalVarDecl() && Root->getInit() &&
         ignoreWrappers(Root->getInit()) == ignoreWrappers(Call);
}

Evidence Provenance::identityIn(const FunctionDecl *Cur, const Expr *NotFrom,
                                const Stmt *At, const Expr **Source) {
  Evidence Found;
  for (const ParmVarDecl *P : Cur->parameters())
    if (M.isIdentityDecl(P)) {
      Found.Loc = P->getLocation();
      Found.Text = P->getNameAsString();
      return Found;
    }
  for (const ParmVarDecl *P : Cur->parameters())
    if (std::optional<Evidence> Ev = identityFromCallers(P, 0))
      return *Ev;
  if (!Cur->getBody())
    return Found;
  int BestRank = 3;
  // A lambda written here is a function of its own: the credentials
  // one route's handler reads are not known to its sibling routes.
  // The first source of the best rank wins: the walk stops there.
  forEachStmtWhile(
      Cur->getBody(),
      [&](const Stmt *S) {
        const auto *E = dyn_cast<Expr>(S);
        if (!E)
          return true;
        int Rank = evidenceRank(E);
        if (Rank >= BestRank || (NotFrom && readsResultOf(E, NotFrom)) ||
            (At && !runsWith(Cur, E, At)))
          return true;
        std::optional<Evidence> Ev = identitySource(E);
        // A source behind a helper is one step further from the request
        // than one read here: a direct source outranks it in the note.
        if (!Ev && Rank + 1 < BestRank && (Ev = helperIdentity(E)))
          ++Rank;
        if (Ev) {
          Found = *Ev;
          BestRank = Rank;
          *Source = E;
        }
        return BestRank > 0;
      },
      /*EnterLambdas=*/false);
  return Found;
}

std::optional<Evidence> Provenance::helperIdentity(const Expr *E) {
  const auto *CE = dyn_cast<CallExpr>(E->IgnoreParenImpCasts());
  const FunctionDecl *Def =
      CE && !isa<CXXOperatorCallExpr>(CE) ? bodyOf(CE->getDirectCallee())
                                          : nullptr;
  if (!Def)
    return std::nullopt;
  // A parameter that names a user (`Key(uid)`): what the caller passes
  // decides, and data flow judges it at the call.
  for (const ParmVarDecl *P : Def->parameters())
    if (M.isIdentityDecl(P))
      return std::nullopt;
  const Summary *S = summary(Def, 1);
  if (!S || !S->Result.identifies())
    return std::nullopt;
  // Words inside a helper are too weak to say whom the request is from.
  const Evidence &Inner = S->Result.Identifies;
  if (Inner.Kind != EvidenceKind::Annotation &&
      Inner.Kind != EvidenceKind::Model)
    return std::nullopt;
  Evidence Ev = evidenceAt(CE);
  Ev.Kind = Inner.Kind;
  // " (model libjwt, libjwt.yaml:6)" becomes
  // " (its result comes from 'jwt_get_grant(jwt, "sub")', model ...)".
  llvm::StringRef Cited = llvm::StringRef(Inner.Via).trim();
  Cited.consume_front("(");
  Ev.Via = " (its result comes from '" + Inner.Text + "'" +
           (Cited.empty() ? ")" : ", " + Cited.str());
  return Ev;
}

/// \p E can run in one call of \p F with \p At (not in another branch).
bool Provenance::runsWith(const FunctionDecl *F, const Stmt *E, const Stmt *At) {
  return !Flows || Flows->of(F).together(E, At);
}

Evidence Provenance::identityAvailableIn(const FunctionDecl *F,
                                         const Expr *NotFrom, const Stmt *At) {
  for (const FunctionDecl *Cur = F; Cur; Cur = enclosingFunction(Cur)) {
    auto It = IdentityMemo.find(Cur);
    if (It == IdentityMemo.end()) {
      const Expr *Source = nullptr;
      Evidence Found = identityIn(Cur, nullptr, nullptr, &Source);
      It = IdentityMemo.try_emplace(Cur, Found, Source).first;
    }
    const auto &[Found, Source] = It->second;
    const Stmt *Here = Cur == F ? At : nullptr;
    if (Found.valid() && Source &&
        ((NotFrom && readsResultOf(Source, NotFrom)) ||
         (Here && !runsWith(Cur, Source, Here)))) {
      const Expr *Other = nullptr;
      if (Evidence Ev = identityIn(Cur, NotFrom, Here, &Other); Ev.valid())
        return Ev;
      continue;
    }
    if (Found.valid())
      return Found;
  }
  return Evidence();
}

static bool isNonConstMethod(const CXXMemberCallExpr *MC) {
  const CXXMethodDecl *MD = MC->getMethodDecl();
  return MD && !MD->isConst() && !MD->isStatic();
}

static bool isOutParam(QualType P) {
  if (const auto *RT = P->getAs<LValueReferenceType>())
    return !RT->getPointeeType().isConstQualified();
  if (const auto *PT = P->getAs<PointerType>())
    return !PT->getPointeeType().isConstQualified();
  return false;
}

/// Parameter \p I of the template \p Pattern is `T &&` (or a pack of
/// them, which covers every parameter from its position on).
static bool isForwardingParam(const FunctionDecl *Pattern, unsigned I) {
  if (!Pattern || Pattern->getNumParams() == 0)
    return false;
  unsigned N = Pattern->getNumParams();
  const ParmVarDecl *PD =
      I < N ? Pattern->getParamDecl(I) : Pattern->getParamDecl(N - 1);
  QualType T = PD->getType();
  if (const auto *PE = T->getAs<PackExpansionType>())
    T = PE->getPattern();
  else if (I >= N)
    return false;
  return T->isRValueReferenceType();
}

/// A type whose value a write can build: numbers, characters and their
/// arrays, strings, standard containers and aggregates of those. Not a
/// handle to something else (an incomplete `mg_connection`, a polymorphic
/// client or socket, a struct of pointers such as `redisContext`), whose
/// later reads return what the other end says, not what was written.
static bool buildsValue(QualType T, unsigned Depth = 0) {
  if (T.isNull() || Depth > 3)
    return false;
  T = T.getNonReferenceType().getCanonicalType();
  if (const auto *PT = T->getAs<PointerType>())
    T = PT->getPointeeType().getCanonicalType();
  while (const auto *AT = dyn_cast<ArrayType>(T.getTypePtr()))
    T = AT->getElementType().getCanonicalType();
  if (T->isArithmeticType() || T->isEnumeralType())
    return true;
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return false;
  RD = RD->getDefinition();
  if (RD->isInStdNamespace())
    return true; // strings, containers, pairs, tuples, optionals, streams
  if (RD->isPolymorphic() || RD->isLambda())
    return false;
  for (const FieldDecl *F : RD->fields()) {
    QualType FT = F->getType().getCanonicalType();
    if (FT->isPointerType() || FT->isReferenceType() ||
        FT->isMemberPointerType() || !buildsValue(FT, Depth + 1))
      return false;
  }
  return true;
}

/// A local object this function creates from nothing (`SHA1Engine sha;`):
/// it is not a handle to anything else, so what is written into it
/// (`sha.update(token)`) is what later reads of it (`sha.digest()`) give.
static bool freshLocalObject(const Expr *Obj) {
  const auto *DRE = dyn_cast<DeclRefExpr>(Obj->IgnoreParenImpCasts());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || !VD->isLocalVarDecl() || VD->isStaticLocal() ||
      VD->getType()->isReferenceType() || VD->getType()->isPointerType() ||
      !VD->getType()->isRecordType())
    return false;
  const auto *CC = dyn_cast_or_null<CXXConstructExpr>(VD->getInit());
  return CC && writtenArgs(CC) == 0;
}

/// Member functions that give their object a fresh value.
static bool replacesValue(StringRef Name) {
  return Name == "assign" || Name == "clear" || Name == "reset" ||
         Name == "swap";
}

/// What a call writes into its arguments: a model's `out` argument, a
/// summary's out-parameters, or each non-const reference or pointer
/// parameter receiving the other arguments.
void Provenance::callWrites(const CallExpr *CE, const FunctionDecl *FD,
                            WriteAdder Add) {
  // A library model says the call writes the requester's credential
  // into an argument (`request.getCredentials(scheme, token)`).
  // It reads the request: it writes nothing else into its arguments
  // (`getCookie(conn, "sid", sid)` does not put `sid` into `conn`).
  if (const ModelRow *R = M.row(ModelRole::Identity, FD)) {
    if (R->Out >= 0 && unsigned(R->Out) < CE->getNumArgs())
      Add(CE->getArg(R->Out), CE, CE, true, true);
    return;
  }
  // Out-parameters: snprintf(buf, ...), StrAppend(&key, ...),
  // BuildKey(key, uid).
  // A forwarding reference (`emplace(A &&...)`) binds lvalues as `T &`
  // without writing to them: look at the pattern's parameter.
  if (const FunctionFacts *Facts = M.factsFor(FD)) {
    // Defined in another translation unit: its summary says which
    // arguments it writes into which out-parameter.
    for (const OutParamFact &O : Facts->OutParams)
      for (unsigned J : O.From)
        if (O.Param < CE->getNumArgs() && J < CE->getNumArgs())
          Add(CE->getArg(O.Param), CE->getArg(J), CE, false,
              buildsValue(CE->getArg(O.Param)->getType()));
    return;
  }
  const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern();
  for (unsigned I = 0; I < CE->getNumArgs() && I < FD->getNumParams(); ++I) {
    if (!isOutParam(FD->getParamDecl(I)->getType()))
      continue;
    if (isForwardingParam(Pattern, I))
      continue;
    bool Builds = buildsValue(CE->getArg(I)->getType());
    for (unsigned J = 0; J < CE->getNumArgs(); ++J)
      if (J != I)
        Add(CE->getArg(I), CE->getArg(J), CE, false, Builds);
  }
}

const Provenance::SiteIndex &Provenance::sitesIn(const FunctionDecl *F) {
  auto It = Sites.find(F);
  if (It != Sites.end())
    return *It->second;
  auto Index = std::make_unique<SiteIndex>();
  auto Add = [&](const Expr *Target, const Expr *Value, const Stmt *At,
                 bool Kills, bool Builds) {
    if (const VarDecl *V = rootVar(Target)) {
      // A write into one field (`k.user = u`) replaces only that field.
      bool Whole = isa<DeclRefExpr>(ignoreWrappers(Target));
      (*Index)[V].push_back({Value, At, Kills && Whole, Builds});
    }
  };
  forEachStmt(F->getBody(), [&](const Stmt *S) {
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          if (VD->getInit() && !VD->hasGlobalStorage())
            (*Index)[VD].push_back(
                {VD->getInit(), VD->getInit(), true, true, true});
      return;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
      if (BO->isAssignmentOp())
        Add(BO->getLHS(), BO->getRHS(), BO, !BO->isCompoundAssignmentOp(),
            true);
      return;
    }
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S)) {
      OverloadedOperatorKind K = OC->getOperator();
      if (OC->getNumArgs() < 2)
        return;
      if (K == OO_LessLess) {
        // `os << a << b`: both go into the stream at the bottom of the chain.
        const Expr *Target = OC->getArg(0);
        while (const auto *Inner =
                   dyn_cast<CXXOperatorCallExpr>(ignoreWrappers(Target))) {
          if (Inner->getOperator() != OO_LessLess || Inner->getNumArgs() < 2)
            break;
          Target = Inner->getArg(0);
        }
        Add(Target, OC->getArg(1), OC, false, true);
      } else if (OC->isAssignmentOp()) {
        for (unsigned I = 1; I < OC->getNumArgs(); ++I)
          Add(OC->getArg(0), OC->getArg(I), OC, K == OO_Equal, true);
      }
      return;
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S)) {
      // key.append(uid), parts.push_back(tenant), k.set_user(u)
      if (isNonConstMethod(MC)) {
        const Expr *Obj = objectOf(MC);
        const CXXMethodDecl *MD = MC->getMethodDecl();
        bool Replaces = MD->getIdentifier() && replacesValue(MD->getName());
        bool Builds = buildsValue(Obj->getType()) || freshLocalObject(Obj);
        if (MC->getNumArgs() == 0 && Replaces)
          Add(Obj, nullptr, MC, true, Builds);
        for (const Expr *Arg : MC->arguments())
          Add(Obj, Arg, MC, Replaces && MC->getNumArgs() == 1, Builds);
      }
    }
    if (const auto *CE = dyn_cast<CallExpr>(S)) {
      if (isa<CXXOperatorCallExpr>(CE))
        return;
      const FunctionDecl *FD = CE->getDirectCallee();
      if (!FD)
        return;
      callWrites(CE, FD, Add);
    }
  });
  return *Sites.try_emplace(F, std::move(Index)).first->second;
}

const Provenance::WriteIndex &Provenance::writesIn(const FunctionDecl *F) {
  auto It = Writes.find(F);
  if (It != Writes.end())
    return *It->second;
  auto Index = std::make_unique<WriteIndex>();
  for (const auto &[VD, List] : sitesIn(F))
    for (const WriteSite &W : List)
      if (W.Value && !W.Init)
        (*Index)[VD].push_back(W.Value);
  return *Writes.try_emplace(F, std::move(Index)).first->second;
}

const Provenance::VarFlow &Provenance::varFlow(const VarDecl *VD,
                                               const FunctionDecl *F) {
  std::unique_ptr<VarFlow> &Slot = VarFlows[{VD, F}];
  if (Slot)
    return *Slot;
  Slot = std::make_unique<VarFlow>();
  VarFlow &VF = *Slot;
  const SiteIndex &Idx = sitesIn(F);
  auto It = Idx.find(VD);
  if (It != Idx.end())
    for (const WriteSite &W : It->second)
      VF.Sites.push_back(&W);
  // Written only by its declaration's initialiser, which every use in the
  // variable's scope follows: every site reaches every use, and no
  // dataflow is needed (a function of thousands of `if (auto hit = ...)`
  // would otherwise pay for each variable across every block), nor the
  // function's CFG.
  if (llvm::all_of(VF.Sites, [](const WriteSite *W) { return W->Init; }))
    return VF;
  FunctionFlow *FF = Flows ? &Flows->of(F) : nullptr;
  if (!FF || !FF->valid())
    return VF;
  VF.Ordered = true;
  unsigned N = VF.Sites.size();
  auto &InBlock = VF.InBlock;
  for (unsigned I = 0; I < N; ++I) {
    if (std::optional<FunctionFlow::Position> At = FF->position(VF.Sites[I]->At))
      InBlock[At->Block].push_back({At->Index, I});
    else
      VF.Unplaced.push_back(I);
  }
  for (auto &[B, L] : InBlock)
    llvm::sort(L);
  auto Transfer = [&](const CFGBlock *B, llvm::BitVector Bits) {
    Bits.resize(N);
    auto L = InBlock.find(B);
    if (L != InBlock.end())
      for (auto [Pos, I] : L->second) {
        if (VF.Sites[I]->Kills)
          Bits.reset();
        Bits.set(I);
      }
    return Bits;
  };
  // Forward may-analysis to a fixpoint: a block's entry set only grows.
  // Entry sets are made as blocks are reached (an absent one is empty).
  const CFG &G = *FF->cfg();
  llvm::SmallVector<const CFGBlock *, 32> Work;
  Work.push_back(&G.getEntry());
  llvm::DenseSet<const CFGBlock *> Seen;
  while (!Work.empty()) {
    const CFGBlock *B = Work.pop_back_val();
    llvm::BitVector Out = Transfer(B, VF.In[B]);
    for (const CFGBlock::AdjacentBlock &Succ : B->succs()) {
      const CFGBlock *S = Succ.getReachableBlock();
      if (!S)
        continue;
      llvm::BitVector &SIn = VF.In[S];
      llvm::BitVector Before = SIn;
      SIn |= Out;
      if (SIn != Before || Seen.insert(S).second)
        Work.push_back(S);
    }
  }
  return VF;
}

llvm::SmallVector<const Provenance::WriteSite *, 8>
Provenance::reachingWrites(const VarDecl *VD, const FunctionDecl *F,
                           const Stmt *Use) {
  const VarFlow &VF = varFlow(VD, F);
  llvm::SmallVector<const WriteSite *, 8> Out;
  std::optional<llvm::BitVector> Bits = reachingBits(VF, F, Use);
  if (!Bits) {
    Out.append(VF.Sites.begin(), VF.Sites.end());
    return Out;
  }
  for (int I = Bits->find_first(); I >= 0; I = Bits->find_next(I))
    Out.push_back(VF.Sites[I]);
  return Out;
}

std::optional<llvm::BitVector>
Provenance::reachingBits(const VarFlow &VF, const FunctionDecl *F,
                         const Stmt *Use) {
  std::optional<FunctionFlow::Position> UP;
  if (VF.Ordered && Use)
    UP = Flows->of(F).position(Use);
  if (!UP)
    return std::nullopt;
  llvm::BitVector Bits = VF.In.lookup(UP->Block);
  Bits.resize(VF.Sites.size());
  auto Here = VF.InBlock.find(UP->Block);
  if (Here != VF.InBlock.end())
    for (auto [Pos, I] : Here->second) {
      if (Pos >= UP->Index)
        break;
      if (VF.Sites[I]->Kills)
        Bits.reset();
      Bits.set(I);
    }
  // A write the CFG does not place (in a lambda, say) may reach anything.
  for (unsigned I : VF.Unplaced)
    Bits.set(I);
  return Bits;
}

Prov Provenance::reachingValue(const VarDecl *VD, const FunctionDecl *Owner,
                               const Stmt *Use, const FunctionDecl *Ctx,
                               unsigned Depth, unsigned MyDepth) {
  const VarFlow &VF = varFlow(VD, Owner);
  auto Written = [&](unsigned I, Prov &Into) {
    const WriteSite *W = VF.Sites[I];
    // Side effects on a handle (`mg_write(conn, body)`) do not come back
    // out of later reads of it.
    if (W->Value && W->BuildsValue)
      Into.merge(eval(W->Value, Ctx, Depth));
  };
  std::optional<llvm::BitVector> Bits = reachingBits(VF, Owner, Use);
  Prov P;
  if (!Bits) {
    for (unsigned I = 0; I < VF.Sites.size(); ++I)
      Written(I, P);
    return P;
  }
  // The value that a set of writes can leave is memoised by the set: the
  // set reaching a use is a set already met plus the writes after it
  // (`s += part; log.push_back(s);` repeated: each use adds one append to
  // the last one's set), so a chain of n appends costs n merges, not n^2.
  // The highest writes are peeled off until a known set remains, then
  // merged back in ascending order, as a flat merge over the set would.
  auto &Memo = ReachMemo[{VD, Ctx}];
  llvm::BitVector Cur = *Bits;
  llvm::SmallVector<unsigned, 8> Peeled;
  while (Cur.any()) {
    auto It = Memo.find(Cur);
    if (It != Memo.end()) {
      P = It->second;
      break;
    }
    unsigned Top = Cur.find_last();
    Peeled.push_back(Top);
    Cur.reset(Top);
  }
  for (unsigned I : llvm::reverse(Peeled)) {
    Written(I, P);
    Cur.set(I);
    // Not under a cut cycle or a spent budget, and within the memory
    // budget (a set per program point of the variable's function).
    if (MinCut >= MyDepth && Steps <= MaxSteps &&
        ReachMemoBits + Cur.size() <= MaxReachMemoBits) {
      ReachMemoBits += Cur.size();
      Memo.try_emplace(Cur, P);
    }
  }
  return P;
}

/// A member of a user's record named like the user's identity (`id`,
/// `account_id`), not like the user's other data (`country`, `plan`).
static bool namesUser(const Config &Cfg, StringRef Member) {
  return Cfg.IdentifyingMembers.matchesAnyWord(Member) ||
         Cfg.IdentityNames.matchesAnyWord(Member);
}

Prov Provenance::fromIdentityMember(const Expr *Obj, StringRef Member,
                                    const Expr *Whole, const FunctionDecl *Ctx,
                                    unsigned Depth) {
  Prov P;
  // The object is an identity by its type's annotation or its type's name.
  const CXXRecordDecl *RD = M.recordOf(Obj->getType());
  Evidence Ev = decidedBy(evidenceAt(Whole),
                          RD && Model::hasAnnotation(RD, IdentityAnnotation)
                              ? EvidenceKind::Annotation
                              : EvidenceKind::IdentityName);
  // `user.id` names the user; `user.country` is only the user's data. A
  // strong id (`UserId{value}`) is nothing but the identity.
  if (namesUser(M.config(), Member) || M.isStrongIdType(Obj->getType()))
    P.Identifies = Ev;
  P.PerUser = Ev;
  Prov Base = eval(Obj, Ctx, Depth);
  // In a summary, `p.plan` of a parameter is the caller's user's data but
  // names nobody: the parameter selects whose data it is and does not flow
  // into what the result identifies (`summary_slot(principal, month)`).
  if (P.identifies())
    P.Params = Base.Params;
  else
    P.UserParams = Base.Params;
  return P;
}

/// A member read: an identity source itself, a member of an identity
/// type, or what its object carries (only the identity field of a record
/// that has one names the user).
Prov Provenance::evalMember(const MemberExpr *ME, const FunctionDecl *Ctx,
                            unsigned Depth) {
  Prov P;
  if (std::optional<Evidence> Ev = identitySource(ME)) {
    P.Identifies = P.PerUser = *Ev;
    return P;
  }
  const Expr *Base = ME->getBase();
  if (isa<CXXThisExpr>(Base->IgnoreParenImpCasts()))
    return ownMemberWrites(ME, Ctx, Depth);
  if (M.isIdentityType(Base->getType()))
    return fromIdentityMember(Base, ME->getMemberDecl()->getName(), ME, Ctx,
                              Depth);
  // A record that carries an identity field (`account_id`) says which of
  // its members names the user: another member (`plan`) is that user's
  // data and names nobody.
  Prov Whole = eval(Base, Ctx, Depth);
  std::optional<EvidenceKind> Carries = M.perUserTypeEvidence(Base->getType());
  if (Carries && *Carries <= EvidenceKind::IdentityName &&
      !M.isIdentityDecl(ME->getMemberDecl()) &&
      !namesUser(M.config(), ME->getMemberDecl()->getName())) {
    if (Whole.identifies() && !Whole.perUser())
      Whole.PerUser = Whole.Identifies;
    Whole.Identifies = Evidence();
    Whole.UserParams |= Whole.Params;
    Whole.Params.clear();
  }
  return Whole;
}

/// The function whose body holds \p S: a lambda's call operator for a
/// statement in the lambda.
static const FunctionDecl *functionAround(const Stmt *S, ASTContext &Ctx) {
  DynTypedNode Cur = DynTypedNode::create(*S);
  for (unsigned Guard = 0; Guard < 256; ++Guard) {
    auto Parents = Ctx.getParents(Cur);
    if (Parents.empty())
      return nullptr;
    if (const auto *FD = Parents[0].get<FunctionDecl>())
      return FD;
    if (const auto *LE = Parents[0].get<LambdaExpr>())
      return LE->getCallOperator();
    Cur = Parents[0];
  }
  return nullptr;
}

void Provenance::indexBody(const FunctionDecl *F) {
  if (!F || !F->getBody() || !BodiesIndexed.insert(F).second)
    return;
  llvm::SmallVector<std::pair<const Stmt *, const FunctionDecl *>, 64> Work{
      {F->getBody(), F}};
  while (!Work.empty()) {
    auto [Cur, In] = Work.pop_back_val();
    if (!Cur || !BodyOf.try_emplace(Cur, In).second)
      continue;
    if (const auto *LE = dyn_cast<LambdaExpr>(Cur)) {
      for (const Expr *Init : LE->capture_inits())
        Work.push_back({Init, In});
      Work.push_back({LE->getBody(), LE->getCallOperator()});
      continue;
    }
    for (const Stmt *Child : Cur->children())
      Work.push_back({Child, In});
  }
}

/// The bodies instantiated from \p Pattern: of a function template, or
/// of a member of a class template (`LruCache<K, V>::Get` for each K, V).
void Provenance::indexInstantiations(const FunctionDecl *Pattern) {
  if (const FunctionTemplateDecl *FT = Pattern->getDescribedFunctionTemplate())
    for (const FunctionDecl *Spec : FT->specializations())
      indexBody(Spec);
  const auto *MD = dyn_cast<CXXMethodDecl>(Pattern);
  const ClassTemplateDecl *CT =
      MD ? MD->getParent()->getDescribedClassTemplate() : nullptr;
  if (!CT)
    return;
  for (const ClassTemplateSpecializationDecl *Spec : CT->specializations())
    for (const Decl *D : Spec->decls())
      if (const auto *FD = dyn_cast<FunctionDecl>(D))
        if (FD->getTemplateInstantiationPattern() == Pattern)
          indexBody(FD);
}

const FunctionDecl *Provenance::functionHolding(const Stmt *S,
                                                const FunctionDecl *Around) {
  // Indexing the bodies at hand costs their size once; ASTContext::
  // getParents indexes the whole translation unit, system headers
  // included, on its first use (a tenth of a large file's parse), so it
  // is left for statements of template instantiations.
  indexBody(Around);
  auto It = BodyOf.find(S);
  if (It == BodyOf.end() && AllFunctions && !AllIndexed) {
    AllIndexed = true;
    for (const FunctionDecl *F : AllFunctions()) {
      indexBody(F);
      indexInstantiations(F);
    }
    It = BodyOf.find(S);
  }
  if (It != BodyOf.end())
    return It->second;
  return functionAround(S, M.context());
}

Prov Provenance::ownMemberWrites(const MemberExpr *ME, const FunctionDecl *Ctx,
                                 unsigned Depth) {
  Prov P;
  const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
  if (!Field || Depth > MaxCallDepth)
    return P;
  auto MemoKey = std::make_pair(static_cast<const void *>(ME), Ctx);
  if (auto It = VarMemo.find(MemoKey); It != VarMemo.end())
    return It->second;
  if (!MembersInProgress.insert(Field).second)
    return P;
  // Only a result computed outside any other member's cycle is final.
  bool Outermost = MembersInProgress.size() == 1;
  const FunctionDecl *F = functionHolding(ME, Ctx);
  if (!F || !F->getBody()) {
    MembersInProgress.erase(Field);
    return P;
  }
  FunctionFlow *Flow = Flows && Flows->of(F).valid() ? &Flows->of(F) : nullptr;
  forEachStmt(
      F->getBody(),
      [&](const Stmt *S) {
        auto Ops = binaryOperands(S, BO_Assign, OO_Equal);
        const auto *To =
            Ops ? dyn_cast<MemberExpr>(Ops->first->IgnoreParenImpCasts())
                : nullptr;
        if (!To || To == ME || To->getMemberDecl() != Field ||
            !isa<CXXThisExpr>(To->getBase()->IgnoreParenImpCasts()))
          return;
        if (Flow && !Flow->mayPrecede(S, ME))
          return;
        P.merge(eval(Ops->second, Ctx, Depth + 1));
      },
      /*EnterLambdas=*/false);
  MembersInProgress.erase(Field);
  if (Outermost)
    VarMemo[MemoKey] = P;
  return P;
}

Prov Provenance::eval(const Expr *E, const FunctionDecl *Ctx, unsigned Depth) {
  Prov P;
  // A key of thousands of operands (`a + b + ...`) nests as deeply; past
  // the bound its innermost operands are not looked at, so that such a key
  // cannot overflow the stack (it did under AddressSanitizer).
  if (!E || ++Steps > MaxSteps || Nesting >= MaxNesting)
    return P;
  ++Nesting;
  auto Unnest = llvm::make_scope_exit([this] { --Nesting; });
  E = ignoreWrappers(E);
  if (isa<StringLiteral>(E) || isa<IntegerLiteral>(E) ||
      isa<CharacterLiteral>(E) || isa<FloatingLiteral>(E) ||
      isa<CXXBoolLiteralExpr>(E) || isa<CXXNullPtrLiteralExpr>(E) ||
      isa<CXXThisExpr>(E))
    return P;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      return evalVar(VD, DRE, Ctx, Depth);
    return P;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return evalMember(ME, Ctx, Depth);
  if (const auto *CE = dyn_cast<CallExpr>(E))
    return evalCall(CE, Ctx, Depth);
  if (const auto *CC = dyn_cast<CXXConstructExpr>(E)) {
    for (const Expr *Arg : CC->arguments())
      P.merge(eval(Arg, Ctx, Depth));
    return P;
  }
  if (const auto *IL = dyn_cast<InitListExpr>(E)) {
    for (const Expr *Init : IL->inits())
      P.merge(eval(Init, Ctx, Depth));
    return P;
  }
  if (const auto *LE = dyn_cast<LambdaExpr>(E)) {
    // A callback's value is what it returns.
    if (const Summary *S = summary(LE->getCallOperator(), Depth + 1)) {
      P = S->Result;
      P.Params.clear();
      P.UserParams.clear();
    }
    return P;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->isAssignmentOp() || BO->getOpcode() == BO_Comma)
      return eval(BO->getRHS(), Ctx, Depth);
    if (BO->isComparisonOp() || BO->isLogicalOp())
      return decision({BO->getLHS(), BO->getRHS()}, Ctx, Depth);
    P.merge(eval(BO->getLHS(), Ctx, Depth));
    P.merge(eval(BO->getRHS(), Ctx, Depth));
    return P;
  }
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E)) {
    P.merge(eval(CO->getTrueExpr(), Ctx, Depth));
    P.merge(eval(CO->getFalseExpr(), Ctx, Depth));
    return P;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return UO->getOpcode() == UO_LNot
               ? decision({UO->getSubExpr()}, Ctx, Depth)
               : eval(UO->getSubExpr(), Ctx, Depth);
  // `new User(session.user())` carries what it was built from, not the
  // array size or placement arguments.
  if (const auto *NE = dyn_cast<CXXNewExpr>(E))
    return NE->getInitializer() ? eval(NE->getInitializer(), Ctx, Depth) : P;
  if (isa<UnaryExprOrTypeTraitExpr>(E) || isa<CXXDeleteExpr>(E) ||
      isa<StmtExpr>(E))
    return P;
  for (const Stmt *Child : E->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child))
      P.merge(eval(CE, Ctx, Depth));
  return P;
}

/// `==`, `<=>`, `&&`, `!` and the like on class types: a yes/no answer.
static bool isDecisionOperator(OverloadedOperatorKind K) {
  switch (K) {
  case OO_EqualEqual: case OO_ExclaimEqual: case OO_Less: case OO_Greater:
  case OO_LessEqual: case OO_GreaterEqual: case OO_Spaceship:
  case OO_AmpAmp: case OO_PipePipe: case OO_Exclaim:
    return true;
  default:
    return false;
  }
}

Prov Provenance::decision(llvm::ArrayRef<const Expr *> Operands,
                          const FunctionDecl *Ctx, unsigned Depth) {
  Prov P;
  for (const Expr *Operand : Operands)
    mergeSelector(P, eval(Operand, Ctx, Depth));
  return P;
}

Prov Provenance::evalVar(const VarDecl *VD, const DeclRefExpr *Ref,
                         const FunctionDecl *Ctx, unsigned Depth) {
  const auto *Owner =
      dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod());
  bool Local = Owner && Owner->getBody() && !VD->hasGlobalStorage();
  // The value at this use, when the CFG places it and the writes are
  // ordered, else at any use.
  std::optional<FunctionFlow::Position> UsePos;
  if (Local && Ref && Flows && varFlow(VD, Owner).Ordered)
    UsePos = Flows->of(Owner).position(Ref);
  auto MemoKey = std::make_pair(
      UsePos ? static_cast<const void *>(Ref) : static_cast<const void *>(VD),
      Ctx);
  auto It = VarMemo.find(MemoKey);
  if (It != VarMemo.end())
    return It->second;
  auto Key = std::make_pair(VD, Ctx);
  auto [InProgress, Fresh] = VarInProgress.try_emplace(Key, VarStackDepth);
  if (!Fresh) {
    // x = x + y: the cycle adds nothing new, but what was computed inside
    // it is incomplete until the cycle's head finishes.
    MinCut = std::min(MinCut, InProgress->second);
    return Prov();
  }
  unsigned MyDepth = VarStackDepth++;
  unsigned SavedCut = MinCut;
  MinCut = ~0u;
  Prov P;
  const auto *PVD = dyn_cast<ParmVarDecl>(VD);
  bool OwnParam = PVD && Owner && Owner == Ctx;
  // In a summary, what a parameter identifies is up to each caller's
  // argument: a parameter *named* `user_id` does not make the result
  // identify anyone. Its type or annotation does.
  bool ByNameOnly = OwnParam && !M.isIdentityType(VD->getType()) &&
                    !Model::hasAnnotation(VD, IdentityAnnotation);
  if (!ByNameOnly && M.isIdentityDecl(VD)) {
    P.Identifies.Loc = VD->getLocation();
    P.Identifies.Text = VD->getNameAsString();
    P.Identifies.Kind = M.identityKind(VD);
    P.PerUser = P.Identifies;
  }
  if (PVD && !OwnParam && !P.identifies())
    if (std::optional<Evidence> Ev = identityFromCallers(PVD, Depth)) {
      P.Identifies = *Ev;
      P.PerUser = P.Identifies;
    }
  if (OwnParam) {
    unsigned Idx = PVD->getFunctionScopeIndex();
    if (P.Params.size() <= Idx)
      P.Params.resize(Idx + 1);
    P.Params.set(Idx);
  }
  const Expr *Init = VD->getInit();
  bool InitSeen = false;
  if (Local) {
    P.merge(reachingValue(VD, Owner, UsePos ? Ref : nullptr, Ctx, Depth,
                          MyDepth));
    InitSeen = llvm::any_of(varFlow(VD, Owner).Sites, [&](const WriteSite *W) {
      return W->Value == Init;
    });
  }
  if (Init && !InitSeen)
    P.merge(eval(Init, Ctx, Depth));
  VarInProgress.erase(Key);
  --VarStackDepth;
  bool Complete = MinCut >= MyDepth;
  MinCut = std::min(SavedCut, Complete ? ~0u : MinCut);
  if (Complete && Steps <= MaxSteps)
    VarMemo[MemoKey] = P;
  return P;
}

/// A call of \p FD, defined in another translation unit whose summary
/// \p F says which arguments reach the result and whether it names a user.
Prov Provenance::fromFacts(const CallExpr *CE, const FunctionFacts &F,
                           const Expr *Obj, llvm::ArrayRef<const Expr *> Args,
                           const FunctionDecl *Ctx, unsigned Depth) {
  Prov P;
  const FunctionDecl *FD = CE->getDirectCallee();
  bool ObjIsIdentity = Obj && M.isIdentityType(Obj->getType());
  // Defined in another translation unit: as a body would, the summary
  // says which arguments reach the result and whether it names a user.
  if (!F.ResultIdentifies.empty())
    P.Identifies = evidenceAt(CE);
  if (!F.ResultPerUser.empty())
    P.PerUser = evidenceAt(CE);
  for (unsigned I : F.ResultParams)
    if (I < Args.size())
      P.merge(eval(Args[I], Ctx, Depth));
  // Whose data it is does not need a data flow: `db.Execute(sql,
  // {account})` filters rows by the account without copying it into
  // them. As for an opaque call, every argument can make the result
  // per-user; only what the result identifies follows the summary.
  for (unsigned I = 0; I < Args.size(); ++I)
    if (!llvm::is_contained(F.ResultParams, I))
      mergeSelector(P, eval(Args[I], Ctx, Depth));
  if (ObjIsIdentity && FD->getIdentifier())
    P.merge(fromIdentityMember(Obj, FD->getName(), CE, Ctx, Depth));
  else if (Obj && !isa<CXXThisExpr>(Obj->IgnoreParenImpCasts()))
    P.merge(eval(Obj, Ctx, Depth));
  return P;
}

Prov Provenance::evalCall(const CallExpr *CE, const FunctionDecl *Ctx,
                          unsigned Depth) {
  Prov P;
  if (std::optional<Evidence> Ev = identitySource(CE)) {
    P.Identifies = P.PerUser = *Ev;
    return P;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(CE))
    if (isDecisionOperator(Op->getOperator()))
      return decision(llvm::ArrayRef<const Expr *>(Op->getArgs(), Op->getNumArgs()), Ctx, Depth);
  const FunctionDecl *FD = CE->getDirectCallee();
  const Expr *Obj = nullptr;
  llvm::SmallVector<const Expr *, 8> Args;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE)) {
    Obj = MC->getImplicitObjectArgument();
    Args.append(MC->arg_begin(), MC->arg_end());
  } else if (isa<CXXOperatorCallExpr>(CE) && FD && isa<CXXMethodDecl>(FD) &&
             CE->getNumArgs() > 0) {
    Obj = CE->getArg(0);
    Args.append(CE->arg_begin() + 1, CE->arg_end());
  } else {
    Args.append(CE->arg_begin(), CE->arg_end());
  }
  if (const ModelRow *R = M.row(ModelRole::PerUserSource, FD))
    return perUserSource(CE, *R, Obj, Args, Ctx, Depth);
  bool ObjIsIdentity = Obj && M.isIdentityType(Obj->getType());
  const SourceManager &SM = M.context().getSourceManager();
  const FunctionDecl *Def = bodyOf(FD);
  if (Def && !SM.isInSystemHeader(Def->getLocation())) {
    if (const Summary *S = summary(Def, Depth + 1)) {
      P.Identifies = S->Result.Identifies;
      P.PerUser = S->Result.PerUser;
      for (int I = S->Result.Params.find_first(); I >= 0;
           I = S->Result.Params.find_next(I))
        if (unsigned(I) < Args.size())
          P.merge(eval(Args[I], Ctx, Depth));
      for (int I = S->Result.UserParams.find_first(); I >= 0;
           I = S->Result.UserParams.find_next(I))
        if (unsigned(I) < Args.size() && !S->Result.Params.test(I))
          mergeSelector(P, eval(Args[I], Ctx, Depth));
      // A method's result can read its object's fields, which the summary
      // sees only as `this` members: `LoadOrder(uid).Serialize()` is still
      // the user's order.
      if (ObjIsIdentity && FD->getIdentifier())
        P.merge(fromIdentityMember(Obj, FD->getName(), CE, Ctx, Depth));
      else if (Obj && !isa<CXXThisExpr>(Obj->IgnoreParenImpCasts()) &&
               !isLambdaCallOperator(Def))
        P.merge(eval(Obj, Ctx, Depth));
      return P;
    }
  }
  if (const FunctionFacts *F = M.factsFor(FD))
    return fromFacts(CE, *F, Obj, Args, Ctx, Depth);
  // Opaque calls (std::to_string, fmt::format, hashes, accessors without a
  // visible body): the result carries everything that went in.
  if (Obj) {
    if (ObjIsIdentity && FD && FD->getIdentifier())
      P.merge(fromIdentityMember(Obj, FD->getName(), CE, Ctx, Depth));
    else if (!isa<CXXThisExpr>(Obj->IgnoreParenImpCasts()))
      P.merge(eval(Obj, Ctx, Depth));
  }
  for (const Expr *Arg : Args)
    P.merge(eval(Arg, Ctx, Depth));
  if (!FD) // a call through a lambda variable or function pointer
    P.merge(eval(CE->getCallee(), Ctx, Depth));
  return P;
}

Prov Provenance::perUserSource(const CallExpr *CE, const ModelRow &Row,
                               const Expr *Obj, llvm::ArrayRef<const Expr *> Args,
                               const FunctionDecl *Ctx, unsigned Depth) {
  // The argument selects whose data the result is (`db.Fetch(sql, uid)`):
  // the result is that user's data, and it names no one, not even when
  // the argument does.
  Prov Selector;
  if (Row.Arg >= 0) {
    if (unsigned(Row.Arg) < Args.size())
      Selector = eval(Args[Row.Arg], Ctx, Depth);
  } else {
    for (const Expr *A : Args)
      Selector.merge(eval(A, Ctx, Depth));
    if (Obj && !isa<CXXThisExpr>(Obj->IgnoreParenImpCasts()))
      Selector.merge(eval(Obj, Ctx, Depth));
  }
  Prov P;
  mergeSelector(P, Selector);
  if (P.perUser()) {
    EvidenceKind Kind = weakest(P.PerUser.Kind, EvidenceKind::Model);
    P.PerUser = evidenceAt(CE);
    P.PerUser.Via = Row.citation();
    P.PerUser.Kind = Kind;
  }
  return P;
}

const Summary *Provenance::summary(const FunctionDecl *FD, unsigned Depth) {
  if (!FD)
    return nullptr;
  auto It = Summaries.find(FD);
  if (It != Summaries.end())
    return It->second.get();
  if (Depth > MaxCallDepth || SummaryInProgress.count(FD) || !FD->getBody())
    return nullptr;
  SummaryInProgress.insert(FD);
  auto S = std::make_unique<Summary>();
  // A lambda's returns are the lambda's, not the enclosing function's.
  auto AddReturn = [&](const Stmt *St) {
    const auto *RS = dyn_cast<ReturnStmt>(St);
    if (!RS || !RS->getRetValue())
      return;
    if (!S->FirstReturn)
      S->FirstReturn = RS;
    S->Result.merge(eval(RS->getRetValue(), FD, Depth));
  };
  forEachStmt(FD->getBody(), AddReturn, /*EnterLambdas=*/false);
  SummaryInProgress.erase(FD);
  return Summaries.try_emplace(FD, std::move(S)).first->second.get();
}

} // namespace crossuser
