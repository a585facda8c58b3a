#include "Analysis/CacheableResponse.h"
#include "Analysis/Model.h"
#include "Analysis/Provenance.h"
#include "Analysis/TUContext.h"
#include "Analysis/Trace.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace crossuser {
namespace {

/// Marks a part of a header value the engine cannot compute.
const char Unknown = '\x01';

enum class HeaderKind { CacheControl, Expires, Vary, SetCookie, Helper };

std::optional<HeaderKind> headerKind(StringRef Name) {
  std::string N = normaliseHeader(Name);
  // CDN-specific variants of Cache-Control (Akamai, Cloudflare, Fastly).
  if (N == "cachecontrol" || N == "cdncachecontrol" ||
      N == "surrogatecontrol")
    return HeaderKind::CacheControl;
  if (N == "expires")
    return HeaderKind::Expires;
  if (N == "vary")
    return HeaderKind::Vary;
  if (N == "setcookie")
    return HeaderKind::SetCookie;
  return std::nullopt;
}

std::string headerDisplay(HeaderKind K) {
  return K == HeaderKind::CacheControl ? "Cache-Control"
         : K == HeaderKind::Expires    ? "Expires"
         : K == HeaderKind::Vary       ? "Vary"
                                       : "Set-Cookie";
}

/// `CDN-Cache-Control` and `Surrogate-Control` speak to CDNs only and take
/// precedence there over `Cache-Control`.
bool forCdnOnly(StringRef Name) {
  std::string N = normaliseHeader(Name);
  return N == "cdncachecontrol" || N == "surrogatecontrol";
}

/// One header set on a response, or one call of a caching helper.
struct HeaderSet {
  const Expr *Call = nullptr;
  const FunctionDecl *Func = nullptr;
  HeaderKind Kind = HeaderKind::CacheControl;
  /// The variable that holds the response (`resp`, `res`, `*resp`).
  const VarDecl *Resp = nullptr;
  const Expr *RespExpr = nullptr;
  /// The header name as written, and the value expression (null for a
  /// helper called without a number).
  std::string Name;
  const Expr *Value = nullptr;
  /// The value as text, for a header line in raw HTTP text (no expression
  /// of its own).
  std::optional<std::string> Text;
  /// For a call of a policy helper: the header set inside the helper,
  /// and the helper.
  const Expr *Via = nullptr;
  const FunctionDecl *ViaFunc = nullptr;
  /// A response built in one chained expression, with no variable
  /// (`req->create_response().append_header(...).set_body(b).done()`):
  /// the call that makes the temporary the chain starts from.
  const Expr *Chain = nullptr;
  /// The response-header row that made the call a header setter, if any.
  const ModelRow *Row = nullptr;
};

/// A response stored in a cache inside the service.
struct ResponseStore {
  const Expr *Call = nullptr;
  const FunctionDecl *Func = nullptr;
  const Expr *Key = nullptr;
  const Expr *Value = nullptr;
  const VarDecl *Resp = nullptr;
  const ValueDecl *CacheDecl = nullptr;
  std::string CacheName;
  /// What makes the cache shared (a container's storage; a cache type is
  /// one wherever it lives).
  EvidenceKind StorageEvidence = EvidenceKind::Structure;
};

/// A handler registered on a server object through a model row: a route
/// (a lifetime row with an argument) or a hook (a middleware row).
struct Registration {
  const VarDecl *Server = nullptr;
  const FunctionDecl *Handler = nullptr;
  const CallExpr *Call = nullptr;
  const ModelRow *Hook = nullptr;
};

/// A lookup on a container or cache: `memo.find(req.path)`.
struct CacheLookup {
  const CXXMemberCallExpr *Call = nullptr;
  const FunctionDecl *Func = nullptr;
  const Expr *Obj = nullptr;
};

bool isWord(StringRef Name, StringRef Word) {
  return llvm::is_contained(splitWords(Name), Word);
}

/// `res.headers`, `resp.headers()`, `Headers &h`: an object named like a
/// header map, where `insert`/`emplace` set headers.
bool looksLikeHeaders(const Model &M, const Expr *E) {
  E = ignoreWrappers(E);
  auto Named = [](StringRef N) {
    return isWord(N, "header") || isWord(N, "headers");
  };
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    if (ME->getMemberDecl()->getIdentifier() &&
        Named(ME->getMemberDecl()->getName()))
      return true;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
    if (const CXXMethodDecl *MD = MC->getMethodDecl())
      if (MD->getIdentifier() && Named(MD->getName()))
        return true;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (DRE->getDecl()->getIdentifier() && Named(DRE->getDecl()->getName()))
      return true;
  const CXXRecordDecl *RD = M.recordOf(E->getType());
  return RD && RD->getIdentifier() && Named(RD->getName());
}

/// The variable holding the response behind `resp`, `resp->`, `res.headers`
/// and `resp.headers()`.
const VarDecl *responseRoot(const Expr *E) {
  for (int Guard = 0; E && Guard < 8; ++Guard) {
    E = ignoreWrappers(E);
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      if (MC->getNumArgs() != 0)
        return nullptr;
      E = MC->getImplicitObjectArgument();
      continue;
    }
    return rootVar(E);
  }
  return nullptr;
}

/// One definition of "the expression under conversions" (Model.h).
const Expr *stripConversions(const Expr *E) { return ignoreWrappers(E); }

const char *const ContainerSetters[] = {"insert",      "emplace",
                                        "try_emplace", "insert_or_assign",
                                        "emplace_back", "push_back"};



/// What a Cache-Control value says to shared caches.
struct CacheControl {
  bool Blocks = false;   ///< private, no-store or no-cache
  bool Storable = false; ///< public, s-maxage=N>0, max-age=N>0
};

/// Parses a lifetime: -1 when it is not a known number.
long lifetime(StringRef V) {
  V = V.trim().trim('"');
  long N = 0;
  if (V.empty() || V.contains(Unknown) || V.getAsInteger(10, N))
    return -1;
  return N;
}

CacheControl parseCacheControl(StringRef Value) {
  CacheControl CC;
  bool Public = false;
  long MaxAge = -2, SMaxAge = -2; // -2: absent, -1: unknown
  llvm::SmallVector<StringRef, 6> Parts;
  Value.split(Parts, ',');
  for (StringRef Part : Parts) {
    auto [Name, Arg] = Part.trim().split('=');
    std::string Directive = Name.trim().lower();
    if (Directive == "private" || Directive == "no-store" ||
        Directive == "no-cache")
      CC.Blocks = true;
    else if (Directive == "public")
      Public = true;
    else if (Directive == "max-age")
      MaxAge = lifetime(Arg);
    else if (Directive == "s-maxage")
      SMaxAge = lifetime(Arg);
  }
  if (CC.Blocks)
    return CC;
  // An explicit zero lifetime for shared caches means "revalidate every
  // time": nothing is served from the store without asking the origin.
  if (SMaxAge == 0 || (SMaxAge == -2 && MaxAge == 0))
    return CC;
  // A lifetime computed at run time (`max-age=` + freshness) asks for
  // caching as a literal one does; only an explicit zero does not.
  CC.Storable = Public || SMaxAge > 0 || MaxAge > 0 || SMaxAge == -1 ||
                MaxAge == -1;
  return CC;
}

class CacheableResponseRule {
public:
  CacheableResponseRule(TUContext &TU, const Config &Rule)
      : TU(TU), Ctx(TU.ast()), M(TU.model()), P(TU.provenance()),
        SM(Ctx.getSourceManager()), Rule(Rule) {}

  std::vector<Finding> run() {
    for (const FunctionDecl *FD : TU.functions())
      collect(FD);
    addPolicyCalls();
    std::vector<Finding> Out;
    if (Headers.empty() && Stores.empty())
      return Out;
    std::vector<Finding> Cookies;
    for (const HeaderSet &H : Headers)
      if (std::optional<Finding> F = judgeCookie(H))
        Cookies.push_back(std::move(*F));
    // `no-store` for a cookie covers `private` for the body: one fix per
    // literal, or clang-tidy --fix applies neither.
    llvm::SmallVector<CharSourceRange, 4> NoStore;
    for (const Finding &F : Cookies)
      for (const FixItHint &X : F.Fixes)
        NoStore.push_back(X.RemoveRange);
    for (const HeaderSet &H : Headers)
      if (std::optional<Finding> F = judgeHeader(H)) {
        llvm::erase_if(F->Fixes, [&](const FixItHint &X) {
          return llvm::any_of(NoStore, [&](const CharSourceRange &R) {
            return !SM.isBeforeInTranslationUnit(X.RemoveRange.getBegin(),
                                                 R.getBegin()) &&
                   SM.isBeforeInTranslationUnit(X.RemoveRange.getBegin(),
                                                R.getEnd());
          });
        });
        Out.push_back(std::move(*F));
      }
    std::vector<std::pair<const ResponseStore *, size_t>> Reported;
    for (const ResponseStore &S : Stores)
      if (std::optional<Finding> F = judgeStore(S)) {
        Reported.push_back({&S, Out.size()});
        Out.push_back(std::move(*F));
      }
    for (const CacheLookup &L : Lookups)
      for (const auto &[S, I] : Reported)
        if (std::optional<Finding> F = judgeReplay(L, *S, Out[I])) {
          Out.push_back(std::move(*F));
          break;
        }
    for (Finding &F : Cookies)
      Out.push_back(std::move(F));
    sortBySource(Out, SM);
    return Out;
  }

private:
  // Collection ------------------------------------------------------------

  /// A helper that sets caching headers on a response parameter
  /// (`apply_cache_policy(res, 120)`) sets them on the caller's response:
  /// each call is judged as a header set there, with the caller's identity
  /// and content.
  void addPolicyCalls() {
    llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<size_t, 2>> ByHelper;
    for (size_t I = 0; I < Headers.size(); ++I) {
      const HeaderSet &H = Headers[I];
      if (H.Resp && isa<ParmVarDecl>(H.Resp) && H.Func &&
          !isLambdaCallOperator(H.Func) &&
          H.Resp->getDeclContext() == H.Func)
        ByHelper[H.Func->getCanonicalDecl()].push_back(I);
    }
    if (ByHelper.empty())
      return;
    for (const auto &[CE, Cur] : Calls) {
      const FunctionDecl *Callee = CE->getDirectCallee();
      auto It = Callee ? ByHelper.find(Callee->getCanonicalDecl()) : ByHelper.end();
      if (It == ByHelper.end())
        continue;
      for (size_t I : It->second) {
        HeaderSet H = Headers[I];
        unsigned Idx = cast<ParmVarDecl>(H.Resp)->getFunctionScopeIndex();
        if (Idx >= CE->getNumArgs())
          continue;
        H.Call = CE;
        H.Func = Cur;
        H.RespExpr = CE->getArg(Idx);
        H.Resp = responseRoot(H.RespExpr);
        H.Via = Headers[I].Call;
        H.ViaFunc = Headers[I].Func;
        // A value the helper takes as a parameter (`SendHtml(conn,
        // "public, max-age=300", html)`) is what this call passes.
        if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(
                H.Value ? ignoreWrappers(H.Value) : nullptr))
          if (const auto *PV = dyn_cast<ParmVarDecl>(DRE->getDecl());
              PV && PV->getDeclContext() == Headers[I].Func &&
              PV->getFunctionScopeIndex() < CE->getNumArgs())
            H.Value = CE->getArg(PV->getFunctionScopeIndex());
        if (H.Resp)
          Headers.push_back(std::move(H));
      }
    }
  }

  void collect(const FunctionDecl *FD) {
    forEachStmtIn(FD, [&](const Stmt *S, const FunctionDecl *Cur) {
      visit(S, Cur);
    });
  }

  /// The header name of \p E: a string literal, or an enumerator such as
  /// Beast's `http::field::cache_control`.
  std::optional<std::string> headerName(const Expr *E) {
    E = stripConversions(E);
    if (const auto *SL = dyn_cast<StringLiteral>(E))
      if (SL->getCharByteWidth() == 1)
        return SL->getString().str();
    // A named constant (`header_names::cache_control`) names the header.
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        if (VD->getIdentifier() && headerKind(headerNameOf(VD)))
          return headerDisplay(*headerKind(headerNameOf(VD)));
    // An enumerator names the header by kind: show it the usual way.
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      if (const auto *EC = dyn_cast<EnumConstantDecl>(DRE->getDecl()))
        if (std::optional<HeaderKind> K = headerKind(headerNameOf(EC)))
          return std::string(*K == HeaderKind::CacheControl ? "Cache-Control"
                             : *K == HeaderKind::Expires    ? "Expires"
                             : *K == HeaderKind::Vary       ? "Vary"
                                                            : "Set-Cookie");
    return std::nullopt;
  }

  void addHeader(const Expr *Call, const FunctionDecl *Cur,
                 const Expr *RespObj, const Expr *NameE, const Expr *Value) {
    if (std::optional<std::string> Name = headerName(NameE))
      addHeaderNamed(Call, Cur, RespObj, *Name, Value);
  }

  void addHeaderNamed(const Expr *Call, const FunctionDecl *Cur,
                      const Expr *RespObj, const std::string &HeaderName,
                      const Expr *Value,
                      std::optional<std::string> Text = std::nullopt) {
    std::optional<std::string> Name = HeaderName;
    std::optional<HeaderKind> K = headerKind(*Name);
    if (!K)
      return;
    HeaderSet H;
    H.Call = Call;
    H.Func = Cur;
    H.Kind = *K;
    H.RespExpr = RespObj;
    H.Resp = responseRoot(RespObj);
    // Headers of an outgoing request to a backend are not a response (but
    // the response a request hands out is: `request.GetHttpResponse()`).
    if (H.Resp && M.isPerRequestClass(M.recordOf(H.Resp->getType())) &&
        !M.isResponseType(H.Resp->getType()) &&
        !M.isResponseType(RespObj->getType()))
      return;
    H.Name = *Name;
    H.Value = Value;
    H.Text = std::move(Text);
    H.Row = HeaderRow;
    if (!H.Resp)
      H.Chain = chainRoot(RespObj);
    // A response object that is a member of a long-lived handler has no
    // variable; only its Set-Cookie matters, judged by where it lives.
    // Nor has one a handler reaches through its request
    // (`request.GetHttpResponse()`) when the handler returns the body.
    if (H.Resp || (H.Kind != HeaderKind::SetCookie && (H.Chain || returnsBody(Cur))) ||
        (H.Kind == HeaderKind::SetCookie &&
         M.classifyStorage(RespObj).Kind == Sharing::Shared))
      Headers.push_back(std::move(H));
  }

  /// The temporary a chain of builder calls starts from: below the calls
  /// that hand back the object they are called on by reference, a call
  /// that returns a new object (`req->create_response()`). Null when the
  /// chain starts from a variable.
  const Expr *chainRoot(const Expr *E) const {
    E = E ? ignoreWrappers(E) : nullptr;
    for (unsigned Guard = 0; E && Guard < 32; ++Guard) {
      const auto *CE = dyn_cast<CallExpr>(E);
      if (!CE)
        return nullptr;
      if (!CE->getCallReturnType(Ctx)->isReferenceType())
        return CE->getType()->getAsCXXRecordDecl() ? CE : nullptr;
      const auto *MC = dyn_cast<CXXMemberCallExpr>(CE);
      if (!MC || !objectOf(MC))
        return nullptr;
      E = ignoreWrappers(objectOf(MC));
    }
    return nullptr;
  }

  /// The body a chained response gets: an argument of a `response-body`
  /// call in the chain of \p H (`.set_body(body)`) that is per-user data.
  std::optional<FindingNote> perUserChainBody(const HeaderSet &H) {
    for (const auto &[CE, Cur] : Calls) {
      const auto *MC = dyn_cast<CXXMemberCallExpr>(CE);
      if (Cur != H.Func || !MC || chainRoot(objectOf(MC)) != H.Chain ||
          !M.row(ModelRole::ResponseBody, MC->getMethodDecl()))
        continue;
      for (const Expr *Arg : MC->arguments())
        if (Prov PV = P.of(Arg); PV.perUser())
          return FindingNote{Arg->getBeginLoc(),
                             "per-user data '" + M.text(Arg) +
                                 "' enters the response here",
                             PV.PerUser.Kind};
    }
    return std::nullopt;
  }

  /// `{"Cache-Control", "public"}`, `std::make_pair(...)`, and any other
  /// two-argument call that builds a header (`Header(name, value)`).
  static bool splitPair(const Expr *E, const Expr *&First,
                        const Expr *&Second) {
    if (auto Parts = pairElements(E)) {
      std::tie(First, Second) = *Parts;
      return true;
    }
    const auto *CE = dyn_cast<CallExpr>(ignoreWrappers(E));
    if (!CE || CE->getNumArgs() != 2)
      return false;
    First = CE->getArg(0);
    Second = CE->getArg(1);
    return true;
  }

  /// A caching helper (`CacheFor(resp, 300)`, `setExpiredTime(N)`): the
  /// response is its object or first record argument, the seconds its
  /// first integer argument.
  void helperCall(const CallExpr *CE, const FunctionDecl *Cur, StringRef Name,
                  const Expr *Obj) {
    const Expr *RespObj = Obj;
    const Expr *Seconds = nullptr;
    for (const Expr *Arg : CE->arguments()) {
      QualType T = Arg->getType();
      if (!RespObj && M.recordOf(T))
        RespObj = Arg;
      else if (!Seconds && T->isIntegerType())
        Seconds = Arg;
    }
    if (RespObj) {
      HeaderSet H;
      H.Call = CE;
      H.Func = Cur;
      H.Kind = HeaderKind::Helper;
      H.RespExpr = RespObj;
      H.Resp = responseRoot(RespObj);
      H.Name = Name.str();
      H.Value = Seconds;
      if (H.Resp)
        Headers.push_back(std::move(H));
    }
  }

  void visit(const Stmt *S, const FunctionDecl *Cur) {
    const Config &Cfg = M.config();
    if (const auto *IS = dyn_cast<IfStmt>(S))
      if (std::optional<bool> Side = absentWhen(IS->getCond()))
        CredentialGuards.push_back({IS, Cur, *Side});
    // `res.headers["Cache-Control"] = "public"`
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S)) {
      if (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2)
        if (const auto *Sub = dyn_cast<CXXOperatorCallExpr>(
                OC->getArg(0)->IgnoreParenImpCasts()))
          if (Sub->getOperator() == OO_Subscript && Sub->getNumArgs() == 2 &&
              looksLikeHeaders(M, Sub->getArg(0)))
            addHeader(OC, Cur, Sub->getArg(0), Sub->getArg(1), OC->getArg(1));
      if (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2)
        if (const auto *Sub = dyn_cast<CXXOperatorCallExpr>(
                OC->getArg(0)->IgnoreParenImpCasts()))
          if (Sub->getOperator() == OO_Subscript && Sub->getNumArgs() == 2 &&
              (M.isResponseType(OC->getArg(1)->getType()) ||
               snapshotOf(OC->getArg(1))))
            addStore(OC, Cur, Sub->getArg(0), Sub->getArg(1), OC->getArg(1));
      return;
    }
    const auto *CE = dyn_cast<CallExpr>(S);
    if (!CE)
      return;
    const FunctionDecl *FD = CE->getDirectCallee();
    if (!FD || !FD->getIdentifier())
      return;
    StringRef Name = FD->getName();
    const auto *MC = dyn_cast<CXXMemberCallExpr>(CE);
    const Expr *Obj = MC ? objectOf(MC) : nullptr;
    if (Rule.CacheHelpers.contains(Name))
      return helperCall(CE, Cur, Name, Obj);
    if (CE->getNumArgs() > 0 || MC)
      Calls.push_back({CE, Cur});
    if (MC)
      noteRegistration(MC, FD);
    if (MC && Obj && MC->getNumArgs() >= 1 && Cfg.LookupMethods.contains(Name))
      Lookups.push_back({MC, Cur, Obj});
    if (const ModelRow *Row = M.row(ModelRole::ResponseHeader, FD)) {
      HeaderRow = Row;
      modelledHeader(CE, MC, FD, *Row, Cur);
      HeaderRow = nullptr;
      return;
    }
    if (!MC)
      return;
    if (Rule.HeaderSetters.contains(Name)) {
      bool ContainerLike = llvm::is_contained(ContainerSetters, Name);
      if (!ContainerLike || looksLikeHeaders(M, Obj)) {
        if (MC->getNumArgs() >= 2)
          addHeader(MC, Cur, Obj, MC->getArg(0), MC->getArg(1));
        else if (MC->getNumArgs() == 1) {
          const Expr *N = nullptr, *V = nullptr;
          if (splitPair(MC->getArg(0), N, V))
            addHeader(MC, Cur, Obj, N, V);
        }
      }
    }
    if (Cfg.InsertMethods.contains(Name) && MC->getNumArgs() >= 1) {
      const Expr *K = nullptr, *V = nullptr;
      if (MC->getNumArgs() >= 2) {
        K = MC->getArg(0);
        V = MC->getArg(1);
      } else if (!splitPair(MC->getArg(0), K, V)) {
        return;
      }
      if (M.isResponseType(V->getType()) || snapshotOf(V))
        addStore(MC, Cur, Obj, K, V);
    }
    readThrough(MC, Cur, Obj);
  }

  /// `cache.remember(key, [&] { return route(req); })`: a call on a cache
  /// with a key and a callable that produces a response stores what the
  /// callable returns under the key (read-through, by its signature).
  void readThrough(const CXXMemberCallExpr *MC, const FunctionDecl *Cur,
                   const Expr *Obj) {
    if (!Obj || MC->getNumArgs() < 2 || !M.holdsEntries(Obj->getType()))
      return;
    for (const Expr *Arg : llvm::drop_begin(MC->arguments())) {
      const auto *LE = dyn_cast<LambdaExpr>(ignoreWrappers(Arg));
      const CXXMethodDecl *Call = LE ? LE->getCallOperator() : nullptr;
      if (!Call || !M.isResponseType(Call->getReturnType()))
        continue;
      forEachStmt(LE->getBody(), [&](const Stmt *S) {
        if (const auto *RS = dyn_cast<ReturnStmt>(S))
          if (RS->getRetValue())
            addStore(MC, Cur, Obj, MC->getArg(0), RS->getRetValue());
      });
    }
  }

  /// `Memoized{res.status, res.body, ...}`, `Entry{resp, now}`: a value
  /// built from the response itself or from what it holds (a member of
  /// class type read from it) copies that response; the response's
  /// variable, else null.
  const VarDecl *snapshotOf(const Expr *V) {
    V = ignoreWrappers(V);
    llvm::SmallVector<const Expr *, 8> Parts;
    if (const auto *IL = dyn_cast<InitListExpr>(V))
      for (const Expr *Init : IL->inits())
        Parts.push_back(Init);
    else if (const auto *CC = dyn_cast<CXXConstructExpr>(V))
      for (const Expr *Arg : CC->arguments())
        Parts.push_back(Arg);
    for (const Expr *Part : Parts) {
      if (Part && M.isResponseType(Part->getType()))
        if (const VarDecl *R = responseRoot(Part))
          if (M.isResponseType(R->getType()))
            return R;
      const auto *ME = dyn_cast_or_null<MemberExpr>(ignoreWrappers(Part));
      if (!ME || ME->getType()->isScalarType())
        continue;
      const VarDecl *R = responseRoot(ME->getBase());
      if (R && M.isResponseType(R->getType()))
        return R;
    }
    return nullptr;
  }

  /// `svr.Get("/orders", handler)`, `svr.set_post_routing_handler(hook)`:
  /// a handler kept by the server object it is registered on.
  void noteRegistration(const CXXMemberCallExpr *MC, const FunctionDecl *FD) {
    const ModelRow *Hook = M.row(ModelRole::Middleware, FD);
    const ModelRow *Row = Hook ? Hook : M.row(ModelRole::Lifetime, FD);
    const Expr *Kept = Row ? modelArgument(MC, FD, Row->Arg) : nullptr;
    if (!Kept)
      return;
    const VarDecl *Server = rootVar(objectOf(MC));
    const FunctionDecl *Handler = handlerOf(Kept);
    if (Server && Handler)
      Registrations.push_back({Server->getCanonicalDecl(), Handler, MC, Hook});
  }

  const ParmVarDecl *responseParam(const FunctionDecl *F) {
    for (const ParmVarDecl *PVD : F->parameters())
      if (M.isResponseType(PVD->getType()))
        return PVD;
    return nullptr;
  }

  /// What a hook that runs after the routes sees in its response parameter
  /// \p Resp: the first route on the same server that knows its requester
  /// and writes per-user data into its own response.
  struct RouteWrite {
    const Registration *Hook = nullptr;
    const Registration *Route = nullptr;
    const Expr *Value = nullptr;
  };
  /// Memoised: a store asks three times (requester, note, finding), after
  /// every registration was collected.
  std::optional<RouteWrite> routeWrite(const VarDecl *Resp) {
    auto [It, New] = RouteWrites.try_emplace(Resp);
    if (New)
      It->second = findRouteWrite(Resp);
    return It->second;
  }
  std::optional<RouteWrite> findRouteWrite(const VarDecl *Resp) {
    const auto *PVD = dyn_cast_or_null<ParmVarDecl>(Resp);
    const auto *F = PVD ? dyn_cast<FunctionDecl>(PVD->getDeclContext()) : nullptr;
    if (!F)
      return std::nullopt;
    for (const Registration &H : Registrations) {
      if (!H.Hook || !H.Hook->RunsAfter || H.Handler != F)
        continue;
      for (const Registration &R : Registrations) {
        const ParmVarDecl *RR = R.Hook ? nullptr : responseParam(R.Handler);
        if (!RR || R.Server != H.Server ||
            !P.identityAvailableIn(R.Handler).valid())
          continue;
        for (const Expr *V : writesInto(RR))
          if (P.of(V).perUser())
            return RouteWrite{&H, &R, V};
      }
    }
    return std::nullopt;
  }

  /// The note that a hook sees every route's response.
  FindingNote hookNote(const RouteWrite &RW) {
    const auto *MC = cast<CXXMemberCallExpr>(RW.Hook->Call);
    std::string Server = M.text(objectOf(MC), 30);
    return FindingNote{MC->getBeginLoc(),
                       "'" + MC->getMethodDecl()->getNameAsString() +
                           "' runs this hook after every route registered on '" +
                           Server + "' and hands it the route's response" +
                           RW.Hook->Hook->citation(),
                       EvidenceKind::Model};
  }

  /// A header setter a library model describes: the response is the
  /// object of the call (or a free function's first argument); the header
  /// is named by an argument or by the template argument
  /// (`headers().add<Http::Header::CacheControl>(...)`).
  void modelledHeader(const CallExpr *CE, const CXXMemberCallExpr *MC,
                      const FunctionDecl *FD, const ModelRow &Row,
                      const FunctionDecl *Cur) {
    const Expr *RespObj = MC ? objectOf(MC)
                             : CE->getNumArgs() ? CE->getArg(0) : nullptr;
    const Expr *Value = modelArgument(CE, FD, Row.HeaderValue);
    if (!RespObj)
      return;
    if (Row.HeaderText >= 0) {
      if (const Expr *Text = modelArgument(CE, FD, Row.HeaderText))
        addHeaderLines(CE, Cur, RespObj, Text);
      return;
    }
    if (Row.HeaderObject >= 0) {
      const Expr *Obj = modelArgument(CE, FD, Row.HeaderObject);
      const auto *CC =
          Obj ? dyn_cast<CXXConstructExpr>(ignoreWrappers(Obj)) : nullptr;
      if (CC && Row.HeaderName >= 0 &&
          unsigned(Row.HeaderName) < CC->getNumArgs() &&
          unsigned(Row.HeaderValue) < CC->getNumArgs())
        addHeader(CE, Cur, RespObj, CC->getArg(Row.HeaderName),
                  CC->getArg(Row.HeaderValue));
      return;
    }
    if (Row.HeaderName >= 0) {
      if (const Expr *Name = modelArgument(CE, FD, Row.HeaderName); Name && Value)
        addHeader(CE, Cur, RespObj, Name, Value);
      return;
    }
    const TemplateArgumentList *TA = FD->getTemplateSpecializationArgs();
    if (!TA || TA->size() == 0 || TA->get(0).getKind() != TemplateArgument::Type)
      return;
    const CXXRecordDecl *HeaderType = TA->get(0).getAsType()->getAsCXXRecordDecl();
    if (!HeaderType || !HeaderType->getIdentifier())
      return;
    // The directives are the call's arguments, whatever their number.
    // `Http::Header::CacheControl` is shown as the header it sets.
    std::string Name = HeaderType->getName().str();
    if (std::optional<HeaderKind> K = headerKind(Name))
      if (!forCdnOnly(Name))
        Name = headerDisplay(*K);
    addHeaderNamed(CE, Cur, RespObj, Name, CE);
  }

  /// Raw HTTP text (`"HTTP/1.1 200 OK\r\nCache-Control: max-age=300\r\n"`):
  /// each `Name: value` line sets that header; a value with a printf
  /// conversion in it is partly unknown.
  void addHeaderLines(const CallExpr *CE, const FunctionDecl *Cur,
                      const Expr *RespObj, const Expr *TextE) {
    const auto *SL = dyn_cast<StringLiteral>(stripConversions(TextE));
    if (!SL || SL->getCharByteWidth() != 1)
      return;
    llvm::SmallVector<StringRef, 8> Lines;
    SL->getString().split(Lines, '\n');
    for (StringRef Line : Lines) {
      auto [Name, Value] = Line.rtrim('\r').split(':');
      Name = Name.trim();
      if (Name.empty() || Name.contains(' ') || Name.contains('/') ||
          Value.empty())
        continue;
      std::string V = Value.trim().str();
      if (StringRef(V).contains('%'))
        V.push_back(Unknown);
      addHeaderNamed(CE, Cur, RespObj, Name.str(), nullptr, V);
    }
  }

  /// A response stored in a cache that outlives the request.
  void addStore(const Expr *Call, const FunctionDecl *Cur, const Expr *CacheObj,
                const Expr *Key, const Expr *Value) {
    QualType T = CacheObj->getType();
    bool Named = M.isCacheType(T) || M.holdsEntries(T);
    if (!Named && !M.isAssociativeContainer(T))
      return;
    StorageInfo SI = M.classifyStorage(CacheObj);
    if (SI.Kind == Sharing::PerRequest ||
        (!Named && SI.Kind != Sharing::Shared))
      return;
    ResponseStore St;
    St.Call = Call;
    St.Func = Cur;
    St.Key = Key;
    St.Value = Value;
    St.Resp = responseRoot(Value);
    if (!St.Resp || !M.isResponseType(St.Resp->getType()))
      St.Resp = snapshotOf(Value);
    St.CacheDecl = SI.Decl;
    if (!Named)
      St.StorageEvidence = SI.Evidence;
    St.CacheName = SI.Decl ? SI.Decl->getNameAsString() : M.text(CacheObj, 40);
    Stores.push_back(std::move(St));
  }

  /// A condition that reads the request's credentials
  /// (`req.header("Authorization").empty()`): the code tells anonymous
  /// requests from signed-in ones there.
  /// The truth value of the condition \p E that means the request carries
  /// no credentials: true for `auth.empty()`, `cookie == ""` and a
  /// conjunction with such a test; false for `has_header("Authorization")`,
  /// `!auth.empty()` and a disjunction with such a test; none when neither
  /// value says so (`auth == "Bearer x"`, a test of something else).
  std::optional<bool> absentWhen(const Expr *E, unsigned Depth = 0) {
    if (!E || Depth > 8)
      return std::nullopt;
    E = E->IgnoreParenImpCasts();
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
      return absentWhen(EWC->getSubExpr(), Depth + 1);
    if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_LNot) {
      std::optional<bool> Inner = absentWhen(UO->getSubExpr(), Depth + 1);
      return Inner ? std::optional<bool>(!*Inner) : std::nullopt;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(E);
        BO && (BO->getOpcode() == BO_LAnd || BO->getOpcode() == BO_LOr)) {
      // `a && b` holds only where both hold, `a || b` fails only where both fail.
      bool Side = BO->getOpcode() == BO_LAnd;
      for (const Expr *Op : {BO->getLHS(), BO->getRHS()})
        if (absentWhen(Op, Depth + 1) == Side)
          return Side;
      return std::nullopt;
    }
    for (bool Equal : {true, false})
      if (auto Ops = binaryOperands(E, Equal ? BO_EQ : BO_NE,
                                    Equal ? OO_EqualEqual : OO_ExclaimEqual)) {
        if ((emptyValue(Ops->second) && readsCredentials(Ops->first)) ||
            (emptyValue(Ops->first) && readsCredentials(Ops->second)))
          return Equal;
        return std::nullopt;
      }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
      if (const FunctionDecl *FD = MC->getDirectCallee();
          FD && FD->getIdentifier() && FD->getName() == "empty" &&
          readsCredentials(objectOf(MC)))
        return true;
    // A presence test or a validation (`has_header("Authorization")`,
    // `Verify(req.cookie("sid"))`, `auth.size() > 0`): false means none.
    if (readsCredentials(E))
      return false;
    return std::nullopt;
  }

  /// `nullptr`, `""`, `0`.
  bool emptyValue(const Expr *E) {
    E = ignoreWrappers(E);
    if (const auto *SL = dyn_cast<StringLiteral>(E))
      return SL->getLength() == 0;
    if (const auto *IL = dyn_cast<IntegerLiteral>(E))
      return IL->getValue() == 0;
    return E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull) !=
           Expr::NPCK_NotNull;
  }

  /// \p Cond reads a credential of the request: an identity header or
  /// cookie, directly or through a local it initialised.
  bool readsCredentials(const Expr *Cond, unsigned Depth = 0) {
    bool Hit = false;
    forEachStmt(Cond, [&](const Stmt *S) {
      if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
        if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
            !Hit && Depth < 2 && VD && VD->isLocalVarDecl() && VD->getInit() &&
            VD->getInit() != Cond)
          Hit = readsCredentials(VD->getInit(), Depth + 1);
      const auto *CE = dyn_cast<CallExpr>(S);
      if (Hit || !CE)
        return;
      for (const Expr *Arg : CE->arguments())
        if (const auto *SL = dyn_cast<StringLiteral>(ignoreWrappers(Arg)))
          if (SL->getCharByteWidth() == 1 &&
              M.config().IdentityHeaders.containsExact(SL->getString()))
            Hit = true;
      if (!Hit && P.identitySource(CE) && !isa<CXXOperatorCallExpr>(CE)) {
        const FunctionDecl *FD = CE->getDirectCallee();
        // A cookie read (`req.cookie("sid")`), not `session.user_id()`.
        Hit = FD && FD->getIdentifier() && isWord(FD->getName(), "cookie");
      }
    });
    return Hit;
  }

  // Values ----------------------------------------------------------------

  /// The text of a header value built from literals and numbers; parts the
  /// engine cannot compute are `Unknown`.
  /// The text of \p H's value.
  std::string valueOf(const HeaderSet &H) {
    return H.Text ? *H.Text : valueText(H.Value);
  }

  std::string valueText(const Expr *E, unsigned Depth = 0) {
    if (!E || Depth > 8)
      return std::string(1, Unknown);
    E = stripConversions(E);
    if (const auto *SL = dyn_cast<StringLiteral>(E))
      return SL->getCharByteWidth() == 1 ? SL->getString().str()
                                         : std::string(1, Unknown);
    if (std::optional<std::string> D = directiveText(E, Depth))
      return *D;
    if (E->getType()->isIntegerType() && !E->isValueDependent()) {
      Expr::EvalResult R;
      if (E->EvaluateAsInt(R, Ctx))
        return llvm::toString(R.Val.getInt(), 10);
    }
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
      if ((OC->getOperator() == OO_Plus || OC->getOperator() == OO_PlusEqual) &&
          OC->getNumArgs() == 2)
        return valueText(OC->getArg(0), Depth + 1) +
               valueText(OC->getArg(1), Depth + 1);
      return std::string(1, Unknown);
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      // `value.c_str()`, `value.str()`.
      if (MC->getNumArgs() == 0)
        return valueText(MC->getImplicitObjectArgument(), Depth + 1);
      return std::string(1, Unknown);
    }
    if (const auto *CE = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *FD = CE->getDirectCallee();
      if (FD && FD->getIdentifier() && FD->getName() == "to_string" &&
          CE->getNumArgs() == 1)
        return valueText(CE->getArg(0), Depth + 1);
      return std::string(1, Unknown);
    }
    if (const auto *CC = dyn_cast<CXXConstructExpr>(E)) {
      if (writtenArgs(CC) == 1)
        return valueText(CC->getArg(0), Depth + 1);
      return std::string(1, Unknown);
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      if (!VD || !VD->getInit() || isa<ParmVarDecl>(VD))
        return std::string(1, Unknown);
      if (VD->getType().isConstQualified() || VD->isConstexpr())
        return valueText(VD->getInit(), Depth + 1);
      // A local written once, where it is declared.
      if (const auto *Owner =
              dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod()))
        if (VD->isLocalVarDecl() && !P.writesIn(Owner).count(VD))
          return valueText(VD->getInit(), Depth + 1);
    }
    return std::string(1, Unknown);
  }

  /// Typed directives (Pistache's `CacheDirective(CacheDirective::MaxAge,
  /// seconds(600))`, `{CacheDirective::NoStore}`): an enumerator is its
  /// directive (`NoStore` is `no-store`), a directive built from an
  /// enumerator and a number is `name=number`, and lists are joined.
  std::optional<std::string> directiveText(const Expr *E, unsigned Depth) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      if (const auto *EC = dyn_cast<EnumConstantDecl>(DRE->getDecl()))
        return directiveName(EC->getName());
    auto Join = [&](llvm::ArrayRef<const Expr *> Parts) {
      std::string Out;
      for (const Expr *P : Parts) {
        if (isa<CXXDefaultArgExpr>(P))
          continue;
        if (!Out.empty())
          Out += ", ";
        Out += valueText(P, Depth + 1);
      }
      return Out;
    };
    if (const auto *IL = dyn_cast<InitListExpr>(E))
      return Join(llvm::ArrayRef<const Expr *>(IL->getInits(), IL->getNumInits()));
    if (const auto *SI = dyn_cast<CXXStdInitializerListExpr>(E))
      return valueText(SI->getSubExpr(), Depth + 1);
    if (const auto *CC = dyn_cast<CXXConstructExpr>(E)) {
      // `std::vector<CacheDirective>{...}` also passes a default allocator.
      if (writtenArgs(CC) == 1)
        if (const auto *SI = dyn_cast<CXXStdInitializerListExpr>(
                ignoreWrappers(CC->getArg(0))))
          return valueText(SI->getSubExpr(), Depth + 1);
      if (writtenArgs(CC) >= 2 && CC->getArg(0)->getType()->isEnumeralType())
        return valueText(CC->getArg(0), Depth + 1) + "=" +
               valueText(CC->getArg(1), Depth + 1);
    }
    if (const auto *CE = dyn_cast<CallExpr>(E))
      if (const FunctionDecl *FD = CE->getDirectCallee())
        if (const ModelRow *Row = M.row(ModelRole::ResponseHeader, FD))
          if (Row->HeaderName < 0)
            return Join(llvm::ArrayRef<const Expr *>(CE->getArgs(), CE->getNumArgs()));
    return std::nullopt;
  }

  /// `NoStore` -> `no-store`, `MaxAge` -> `max-age`, `SMaxAge` -> `s-maxage`.
  static std::string directiveName(StringRef Name) {
    std::string Out;
    for (size_t I = 0; I < Name.size(); ++I) {
      char C = Name[I];
      if (C >= 'A' && C <= 'Z' && I > 0 && Name[I - 1] != '_')
        Out.push_back('-');
      Out.push_back(C == '_' ? '-' : llvm::toLower(C));
    }
    if (StringRef(Out).startswith("s-max-age"))
      Out = "s-maxage" + Out.substr(9);
    return Out;
  }

  /// For notes and messages: unknown parts become `...`.
  static std::string shown(StringRef Text) {
    std::string Out;
    for (char C : Text.trim()) {
      if (C == ' ' && StringRef(Out).endswith(" "))
        continue;
      if (C != Unknown)
        Out.push_back(C);
      else if (!StringRef(Out).endswith("..."))
        Out += "...";
    }
    return Out;
  }

  /// An `Expires` value in the future: a date literal after this year, or
  /// a computed date that adds a positive number of seconds (`now + 3600`).
  bool expiresInFuture(const HeaderSet &H) {
    std::string Text = valueOf(H);
    if (!StringRef(Text).contains(Unknown)) {
      int ThisYear = M.config().ReferenceYear;
      llvm::SmallVector<StringRef, 8> Words;
      StringRef(Text).split(Words, ' ', -1, false);
      for (StringRef W : Words) {
        unsigned Year = 0;
        if (W.size() == 4 && !W.getAsInteger(10, Year))
          return int(Year) > ThisYear;
      }
      return false;
    }
    if (!H.Value)
      return false;
    if (addsPositive(H.Value))
      return true;
    // `Timestamp expiry; expiry += Timespan(0, 1, 0, 0, 0);` and then
    // `format(expiry)`: the date variable the value is formatted from is
    // moved forward in the function.
    llvm::SmallPtrSet<const VarDecl *, 4> Dates;
    forEachStmt(H.Value, [&](const Stmt *S) {
      if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
        if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
          if (VD->isLocalVarDecl())
            Dates.insert(VD);
    });
    bool Moved = false;
    if (!Dates.empty() && H.Func->getBody())
      forEachStmt(H.Func->getBody(), [&](const Stmt *S) {
        if (Moved)
          return;
        if (auto Ops = binaryOperands(S, BO_AddAssign, OO_PlusEqual))
          Moved = Dates.count(rootVar(Ops->first)) && positive(Ops->second);
        else if (const auto *DS = dyn_cast<DeclStmt>(S))
          for (const Decl *D : DS->decls())
            if (const auto *VD = dyn_cast<VarDecl>(D))
              Moved |= Dates.count(VD) && VD->getInit() &&
                       addsPositive(VD->getInit());
      });
    return Moved;
  }

  /// \p E adds a positive amount: `now + 3600`, `now + hours(1)`.
  bool addsPositive(const Expr *E) {
    bool Adds = false;
    forEachStmt(E, [&](const Stmt *S) {
      if (auto Ops = binaryOperands(S, BO_Add, OO_Plus))
        Adds |= positive(Ops->first) || positive(Ops->second);
    });
    return Adds;
  }

  /// A positive constant amount: an integer (`3600`), or a duration built
  /// from constants none of which is negative and one positive
  /// (`std::chrono::hours(1)`, `Poco::Timespan(0, 1, 0, 0, 0)`).
  bool positive(const Expr *E) {
    E = ignoreWrappers(E);
    auto Value = [&](const Expr *X) -> std::optional<llvm::APSInt> {
      X = ignoreWrappers(X);
      Expr::EvalResult Res;
      if (!X->getType()->isIntegerType() || X->isValueDependent() ||
          !X->EvaluateAsInt(Res, Ctx))
        return std::nullopt;
      return Res.Val.getInt();
    };
    if (std::optional<llvm::APSInt> V = Value(E))
      return V->isStrictlyPositive();
    const auto *CC = dyn_cast<CXXConstructExpr>(E);
    if (!CC || CC->getNumArgs() == 0)
      return false;
    bool Some = false;
    for (const Expr *Arg : CC->arguments()) {
      std::optional<llvm::APSInt> V = Value(Arg);
      if (!V || V->isNegative())
        return false;
      Some |= V->isStrictlyPositive();
    }
    return Some;
  }

  /// Whether \p H makes the response storable by shared caches.
  bool makesStorable(const HeaderSet &H) {
    switch (H.Kind) {
    case HeaderKind::CacheControl:
      return parseCacheControl(valueOf(H)).Storable;
    case HeaderKind::Expires:
      return expiresInFuture(H);
    case HeaderKind::Helper: {
      if (!H.Value)
        return true;
      Expr::EvalResult R;
      const Expr *V = ignoreWrappers(H.Value);
      // A TTL the engine cannot compute still asks for caching: that is
      // what the helper is for.
      if (V->isValueDependent() || !V->EvaluateAsInt(R, Ctx))
        return true;
      return R.Val.getInt().isStrictlyPositive();
    }
    default:
      return false;
    }
  }

  std::string describe(const HeaderSet &H) {
    if (H.Kind == HeaderKind::Helper)
      return M.text(H.Call);
    return H.Name + ": " + shown(valueOf(H));
  }

  // Judgement -------------------------------------------------------------

  /// \p A and \p B, both in \p F (or lambdas in it), can run in one request.
  bool together(const FunctionDecl *FA, const Stmt *A, const FunctionDecl *FB,
                const Stmt *B) {
    if (FA != FB)
      return true;
    return TU.flow(FA).together(A, B);
  }

  bool sharedOkFunction(const FunctionDecl *F) {
    for (const FunctionDecl *Cur = F; Cur; Cur = enclosingFunction(Cur))
      for (const FunctionDecl *R : Cur->redecls())
        if (Model::hasAnnotation(R, SharedOkAnnotation))
          return true;
    return false;
  }

  /// Values written into the response variable: its initialiser, body and
  /// header assignments, setters, out-parameters; in source order.
  const std::vector<const Expr *> &writesInto(const VarDecl *Resp) {
    auto It = RespWrites.find(Resp);
    if (It != RespWrites.end())
      return It->second;
    std::vector<const Expr *> &Out = RespWrites[Resp];
    if (Resp->getInit() && !isa<ParmVarDecl>(Resp))
      Out.push_back(Resp->getInit());
    if (const auto *Owner =
            dyn_cast_or_null<FunctionDecl>(Resp->getParentFunctionOrMethod())) {
      const Provenance::WriteIndex &W = P.writesIn(Owner);
      auto WI = W.find(Resp);
      if (WI != W.end())
        Out.insert(Out.end(), WI->second.begin(), WI->second.end());
      // `std::ostream &out = response.send(); out << body;`: a reference
      // to a part of the response that its accessor hands out.
      for (const auto &[Alias, Values] : W)
        if (Alias != Resp && Alias->getType()->isReferenceType() &&
            Alias->getInit() && responseRoot(Alias->getInit()) == Resp)
          Out.insert(Out.end(), Values.begin(), Values.end());
    }
    std::stable_sort(Out.begin(), Out.end(), [&](const Expr *A, const Expr *B) {
      return SM.isBeforeInTranslationUnit(A->getBeginLoc(), B->getBeginLoc());
    });
    return Out;
  }

  /// The first per-user value written into \p Resp on a path through
  /// \p At, as a note.
  std::optional<FindingNote> perUserWrite(const VarDecl *Resp,
                                          const FunctionDecl *F,
                                          const Stmt *At) {
    const auto *Owner =
        dyn_cast_or_null<FunctionDecl>(Resp->getParentFunctionOrMethod());
    for (const Expr *V : writesInto(Resp)) {
      if (!P.of(V).perUser())
        continue;
      // `crow::response res(Render(...))`: the argument, not the variable.
      if (const auto *CC = dyn_cast<CXXConstructExpr>(ignoreWrappers(V)))
        for (const Expr *Arg : CC->arguments())
          if (P.of(Arg).perUser()) {
            V = Arg;
            break;
          }
      if (Owner && outermostFunction(F) == outermostFunction(Owner) &&
          !together(F, At, Owner, V))
        continue;
      return FindingNote{V->getBeginLoc(),
                         "per-user data '" + M.text(V) +
                             "' enters the response here",
                         P.of(V).PerUser.Kind};
    }
    return std::nullopt;
  }

  /// Another header on the same response decides: a `private`/`no-store`
  /// Cache-Control, or a Vary on the user's credentials or on `*`.
  /// \p A and \p B can be set on one response in one request; two headers
  /// a policy helper sets on one call are judged in the helper's body.
  bool sameResponse(const HeaderSet &A, const HeaderSet &B) {
    if (A.Resp != B.Resp || A.Chain != B.Chain)
      return false;
    if (A.Via && B.Via && A.Call == B.Call)
      return together(A.ViaFunc, A.Via, B.ViaFunc, B.Via);
    return together(A.Func, A.Call, B.Func, B.Call);
  }

  bool overridden(const HeaderSet &H) {
    for (const HeaderSet &O : Headers) {
      if (&O == &H || !sameResponse(H, O))
        continue;
      // `Cache-Control: private` does not stop a CDN that obeys its own
      // `CDN-Cache-Control: max-age=600`.
      if (O.Kind == HeaderKind::CacheControl &&
          parseCacheControl(valueOf(O)).Blocks &&
          (!forCdnOnly(H.Name) || forCdnOnly(O.Name)))
        return true;
      if (O.Kind == HeaderKind::Vary) {
        std::string V = StringRef(valueOf(O)).lower();
        StringRef VR(V);
        // A Vary the engine cannot read may well name the cookie.
        if (VR.contains(Unknown) || VR.contains("cookie") ||
            VR.contains("authorization") || VR.contains('*'))
          return true;
        if (variesOnWhatItReads(H, VR))
          return true;
      }
    }
    return false;
  }

  /// `Vary: Host` on a response whose handler reads the Host header, when
  /// the only sign of a user is a name (`org`, `tenant`): shared caches
  /// keep one copy per value of what the handler read, so the engine
  /// cannot tell that users share a copy and stays silent.
  bool variesOnWhatItReads(const HeaderSet &H, StringRef Vary) {
    Evidence Id = P.identityAvailableIn(H.Func);
    if (!Id.valid() || Id.Kind < EvidenceKind::IdentityName)
      return false;
    llvm::SmallVector<StringRef, 4> Names;
    Vary.split(Names, ',', -1, false);
    if (Names.empty())
      return false;
    for (StringRef N : Names)
      if (!readsHeader(H.Func, normaliseHeader(N.trim()), 0))
        return false;
    return true;
  }

  /// \p F, or a function it calls whose body is visible, reads request
  /// header \p Norm: by a string, a named constant or enumerator
  /// (`http_field::host`), or a typed header (`tryGet<Http::Header::Host>()`).
  bool readsHeader(const FunctionDecl *F, const std::string &Norm,
                   unsigned Depth) {
    if (!F || !F->getBody() || Depth > 2 || Norm.empty())
      return false;
    bool Hit = false;
    forEachStmt(F->getBody(), [&](const Stmt *S) {
      if (Hit)
        return;
      if (const auto *SL = dyn_cast<StringLiteral>(S))
        Hit = SL->getCharByteWidth() == 1 && !setHeaderText(SL) &&
              normaliseHeader(SL->getString()) == Norm;
      else if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
        Hit = DRE->getDecl()->getIdentifier() &&
              (isa<EnumConstantDecl>(DRE->getDecl()) ||
               isa<VarDecl>(DRE->getDecl())) &&
              normaliseHeader(headerNameOf(DRE->getDecl())) == Norm;
      else if (const auto *CE = dyn_cast<CallExpr>(S)) {
        const FunctionDecl *Callee = CE->getDirectCallee();
        if (!Callee)
          return;
        if (const TemplateArgumentList *TA =
                Callee->getTemplateSpecializationArgs())
          for (const TemplateArgument &A : TA->asArray())
            if (A.getKind() == TemplateArgument::Type)
              if (const CXXRecordDecl *RD = A.getAsType()->getAsCXXRecordDecl())
                if (RD->getIdentifier() && normaliseHeader(RD->getName()) == Norm)
                  Hit = true;
        const FunctionDecl *Def = nullptr;
        if (!Hit && Callee->hasBody(Def) &&
            !M.context().getSourceManager().isInSystemHeader(Def->getLocation()))
          Hit = readsHeader(Def, Norm, Depth + 1);
      }
    });
    return Hit;
  }

  /// \p SL is written in a response header the handler sets
  /// (`set_header("Vary", "Host")`), not read from the request.
  bool setHeaderText(const StringLiteral *SL) {
    if (SetHeaderLiterals.empty())
      for (const HeaderSet &O : Headers)
        if (O.Call)
          forEachStmt(O.Call, [&](const Stmt *S) {
            if (const auto *L = dyn_cast<StringLiteral>(S))
              SetHeaderLiterals.insert(L);
          });
    return SetHeaderLiterals.contains(SL);
  }
  llvm::DenseSet<const StringLiteral *> SetHeaderLiterals;

  std::optional<FindingNote> varyNote(const HeaderSet &H) {
    for (const HeaderSet &O : Headers)
      if (O.Kind == HeaderKind::Vary && O.Resp == H.Resp &&
          together(H.Func, H.Call, O.Func, O.Call))
        return FindingNote{O.Call->getBeginLoc(),
                           "'" + describe(O) +
                               "' does not separate users: it names neither "
                               "'Authorization' nor 'Cookie'"};
    return std::nullopt;
  }

  FindingNote identityNote(const Evidence &Id) {
    return {Id.Loc, "user identity '" + Id.Text + "' is available here" + Id.Via,
            Id.Kind};
  }

  /// The Cache-Control value of \p H when it is one plain literal written in
  /// the file, spelled as its value (no macro, escape or concatenation), and
  /// not set in a helper other responses share: only then is rewriting it a
  /// mechanical fix.
  const StringLiteral *ccLiteral(const HeaderSet &H) {
    const auto *SL =
        H.Kind == HeaderKind::CacheControl && H.Value && !H.Via
            ? dyn_cast<StringLiteral>(stripConversions(H.Value))
            : nullptr;
    if (!SL || !SL->isOrdinary() || SL->getNumConcatenated() != 1)
      return nullptr;
    StringRef V = SL->getString();
    SourceLocation Q = SL->getBeginLoc();
    if (V.empty() || !Q.isFileID() ||
        StringRef(SM.getCharacterData(Q), V.size() + 2) !=
            ("\"" + V + "\"").str())
      return nullptr;
    return SL;
  }

  /// \p F hands its result to the framework as the response body: it
  /// overrides a method of a class that a `lifetime` model row names
  /// (userver's `HttpHandlerBase::HandleRequestThrow`) and returns a
  /// string.
  bool returnsBody(const FunctionDecl *F) {
    auto [It, Fresh] = ReturnsBody.try_emplace(F, false);
    if (Fresh)
      It->second = overridesHandlerReturningString(F);
    return It->second;
  }

  bool overridesHandlerReturningString(const FunctionDecl *F) {
    const auto *MD = dyn_cast_or_null<CXXMethodDecl>(F);
    const CXXRecordDecl *R =
        MD ? MD->getReturnType()->getAsCXXRecordDecl() : nullptr;
    return R && R->isInStdNamespace() && R->getIdentifier() &&
           R->getName() == "basic_string" && M.isFrameworkCallback(F);
  }

  /// The first per-user value \p F returns as the body on a path through
  /// \p At (returnsBody), as a note.
  std::optional<FindingNote> perUserReturn(const FunctionDecl *F,
                                           const Stmt *At) {
    if (!returnsBody(F))
      return std::nullopt;
    std::optional<FindingNote> Out;
    forEachStmt(
        F->getBody(),
        [&](const Stmt *S) {
          const auto *RS = dyn_cast<ReturnStmt>(S);
          const Expr *V = RS ? RS->getRetValue() : nullptr;
          if (Out || !V || !together(F, At, F, RS))
            return;
          Prov PV = P.of(V);
          if (!PV.perUser())
            return;
          Out = FindingNote{V->getBeginLoc(),
                            "per-user data '" + M.text(V) +
                                "' enters the response here: the handler "
                                "returns it as the body",
                            PV.PerUser.Kind};
        },
        /*EnterLambdas=*/false);
    return Out;
  }

  std::optional<Finding> judgeHeader(const HeaderSet &H) {
    if (H.Kind == HeaderKind::Vary || H.Kind == HeaderKind::SetCookie ||
        (!H.Resp && !H.Chain && !returnsBody(H.Func)))
      return std::nullopt;
    auto Drop = [&](const char *Why) {
      trace(SM, H.Call->getBeginLoc(), CacheableResponseCheckName,
            "'" + describe(H) + "': " + Why);
      return std::nullopt;
    };
    if ((H.Resp && M.isSharedOk(H.Resp)) || sharedOkFunction(H.Func))
      return Drop("shared_ok");
    if (!makesStorable(H))
      return Drop("not storable by shared caches");
    Evidence Id = P.identityAvailableIn(H.Func);
    if (!Id.valid())
      return Drop("no user identity available");
    if (overridden(H))
      return Drop("overridden by another header");
    std::optional<FindingNote> PerUser =
        H.Resp ? perUserWrite(H.Resp, H.Func, H.Call) : std::nullopt;
    if (!PerUser && H.Chain)
      PerUser = perUserChainBody(H);
    if (!PerUser)
      PerUser = perUserReturn(H.Func, H.Call);
    if (!PerUser)
      return Drop("no per-user data enters the response");
    Finding F;
    F.Check = CacheableResponseCheckName.str();
    // In a chain the call is named where its method is written
    // (`.append_header(...)`), not where the chain starts.
    F.Loc = H.Chain ? H.Call->getExprLoc() : H.Call->getBeginLoc();
    F.Range = H.Call->getSourceRange();
    F.Message = "response is made storable by shared caches ('" + describe(H) +
                "') but carries per-user data";
    if (H.Via)
      F.Notes.push_back({H.Via->getBeginLoc(),
                         "'" + describe(H) + "' is set here, in '" +
                             cast<CallExpr>(H.Call)->getDirectCallee()->getNameAsString() +
                             "'"});
    F.Notes.push_back(*PerUser);
    F.Notes.push_back(identityNote(Id));
    if (std::optional<FindingNote> Vary = varyNote(H))
      F.Notes.push_back(*Vary);
    // The row that made the call a header setter (inside the helper, for
    // a policy helper's call).
    const auto *Setter = dyn_cast<CallExpr>(H.Via ? H.Via : H.Call);
    if (H.Row && Setter && Setter->getDirectCallee())
      F.Notes.push_back({H.Chain && !H.Via ? Setter->getExprLoc()
                                           : Setter->getBeginLoc(),
                         "'" + Setter->getDirectCallee()->getNameAsString() +
                             "' sets the response's '" + H.Name + "' header" +
                             H.Row->citation(),
                         EvidenceKind::Model});
    // `public` -> `private` in a plain literal written right here (not in a
    // macro, nor in a helper other responses share).
    const StringLiteral *SL = ccLiteral(H);
    StringRef V = SL ? SL->getString() : "";
    SourceLocation Q = SL ? SL->getBeginLoc() : SourceLocation();
    if (SL)
      for (size_t At = V.find_insensitive("public"); At != StringRef::npos;
           At = V.find_insensitive("public", At + 1))
        if ((At == 0 || V[At - 1] == ',' || V[At - 1] == ' ') &&
            (At + 6 == V.size() || V[At + 6] == ',' || V[At + 6] == ' '))
          F.Fixes.push_back(FixItHint::CreateReplacement(
              CharSourceRange::getCharRange(Q.getLocWithOffset(At + 1),
                                            Q.getLocWithOffset(At + 7)),
              "private"));
    return F;
  }

  /// The store runs only for requests without credentials: the side of a
  /// credential test that means none dominates it (the branch is entered
  /// only from the test, so every path to the store took that side).
  bool guarded(const Expr *Call, const FunctionDecl *Func) {
    for (const CredentialGuard &G : CredentialGuards) {
      if (G.Func != Func)
        continue;
      const FunctionFlow &Flow = TU.flow(Func);
      if (!Flow.valid()) {
        // No CFG: the branch's statement contains the store.
        const Stmt *Side = G.AbsentSide ? G.If->getThen() : G.If->getElse();
        SourceLocation L = Call->getBeginLoc();
        if (Side && !SM.isBeforeInTranslationUnit(L, Side->getBeginLoc()) &&
            !SM.isBeforeInTranslationUnit(Side->getEndLoc(), L))
          return true;
        continue;
      }
      const CFGBlock *B = Flow.branch(G.If, G.AbsentSide);
      if (B && B->pred_size() == 1 && Flow.blockDominates(B, Call))
        return true;
    }
    return false;
  }

  /// A store of a response into a cache every user reads, made where the
  /// request is signed in, under a key without the user.
  /// Who the stored response is for: an identity in the storing function,
  /// else the one the stored value itself derives from (a read-through
  /// whose producer authenticates the caller in a callee).
  Evidence requester(const ResponseStore &S) {
    if (std::optional<RouteWrite> RW = routeWrite(S.Resp))
      return P.identityAvailableIn(RW->Route->Handler);
    Evidence Id = P.identityAvailableIn(S.Func);
    if (Id.valid() || S.Resp)
      return Id;
    return P.of(S.Value).PerUser;
  }

  bool sharedStore(const ResponseStore &S) {
    if ((S.CacheDecl && M.isSharedOk(S.CacheDecl)) || sharedOkFunction(S.Func))
      return false;
    if (!requester(S).valid())
      return false;
    if (P.of(S.Key).identifies() || M.isIdentityType(S.Key->getType()))
      return false;
    return !guarded(S.Call, S.Func);
  }

  std::optional<FindingNote> storedPerUser(const ResponseStore &S) {
    if (std::optional<RouteWrite> RW = routeWrite(S.Resp))
      return FindingNote{RW->Value->getBeginLoc(),
                         "per-user data '" + M.text(RW->Value) +
                             "' enters the response of the route here",
                         P.of(RW->Value).PerUser.Kind};
    if (S.Resp)
      if (std::optional<FindingNote> N = perUserWrite(S.Resp, S.Func, S.Call))
        return N;
    if (!S.Resp && P.of(S.Value).perUser())
      return FindingNote{S.Value->getBeginLoc(),
                         "per-user data '" + M.text(S.Value) +
                             "' enters the response here",
                         P.of(S.Value).PerUser.Kind};
    // A reverse proxy: the response comes from a backend that received the
    // whole request, credentials included.
    llvm::SmallVector<const Expr *, 4> Sources;
    if (S.Resp)
      Sources.append(writesInto(S.Resp).begin(), writesInto(S.Resp).end());
    else
      Sources.push_back(S.Value);
    for (const Expr *V : Sources) {
      const auto *CE = dyn_cast<CallExpr>(ignoreWrappers(V));
      if (!CE)
        continue;
      for (const Expr *Arg : CE->arguments()) {
        const CXXRecordDecl *RD = M.recordOf(Arg->getType());
        if (RD && RD->getIdentifier() && M.isPerRequestClass(RD) &&
            (isWord(RD->getName(), "request") || isWord(RD->getName(), "req")))
          return FindingNote{CE->getBeginLoc(),
                             "the response is produced from request '" +
                                 M.text(Arg) +
                                 "', credentials included, here"};
      }
    }
    return std::nullopt;
  }

  std::optional<Finding> judgeStore(const ResponseStore &S) {
    if (!sharedStore(S))
      return std::nullopt;
    std::optional<FindingNote> PerUser = storedPerUser(S);
    if (!PerUser)
      return std::nullopt;
    Finding F;
    F.Check = CacheableResponseCheckName.str();
    F.Loc = S.Call->getBeginLoc();
    F.Range = S.Call->getSourceRange();
    F.Message = "personalised response is stored in shared response cache '" +
                S.CacheName + "' under '" + M.text(S.Key) +
                "', which does not identify the user";
    F.Notes.push_back(*PerUser);
    F.Notes.push_back(identityNote(requester(S)));
    if (std::optional<RouteWrite> RW = routeWrite(S.Resp))
      F.Notes.push_back(hookNote(*RW));
    F.Evidence = S.StorageEvidence;
    return F;
  }

  /// `auto it = memo.find(req.path); ... res.set_content(it->second.body)`
  /// in a function that stores nothing in that cache (a hook that answers
  /// before the routes): it serves the personalised responses \p S stored
  /// to whoever asks for the same key.
  std::optional<Finding> judgeReplay(const CacheLookup &L,
                                     const ResponseStore &S,
                                     const Finding &Stored) {
    StorageInfo SI = M.classifyStorage(L.Obj);
    if (!SI.Decl || SI.Decl != S.CacheDecl || sharedOkFunction(L.Func))
      return std::nullopt;
    for (const ResponseStore &O : Stores)
      if (O.CacheDecl == SI.Decl && O.Func == L.Func)
        return std::nullopt;
    const Expr *Key = L.Call->getArg(0);
    if (P.of(Key).identifies() || M.isIdentityType(Key->getType()) ||
        !servesLookup(L))
      return std::nullopt;
    Finding F;
    F.Check = CacheableResponseCheckName.str();
    F.Loc = L.Call->getBeginLoc();
    F.Range = L.Call->getSourceRange();
    F.Message = "response from shared response cache '" + S.CacheName +
                "', which holds personalised responses, is served under '" +
                M.text(Key) + "', which does not identify the user";
    F.Notes.push_back({S.Call->getBeginLoc(),
                       "a personalised response is stored in '" + S.CacheName +
                           "' here"});
    F.Notes.insert(F.Notes.end(), Stored.Notes.begin(), Stored.Notes.end());
    for (const Registration &H : Registrations)
      if (H.Hook && !H.Hook->RunsAfter && H.Handler == L.Func) {
        const auto *MC = cast<CXXMemberCallExpr>(H.Call);
        F.Notes.push_back(
            {MC->getBeginLoc(),
             "'" + MC->getMethodDecl()->getNameAsString() +
                 "' runs this hook before the routes registered on '" +
                 M.text(objectOf(MC), 30) +
                 "', and what it writes into the response answers the request" +
                 H.Hook->citation(),
             EvidenceKind::Model});
        break;
      }
    F.Evidence = Stored.Evidence;
    return F;
  }

  /// The lookup's result is written into the response of its function.
  bool servesLookup(const CacheLookup &L) {
    const ParmVarDecl *Resp = responseParam(L.Func);
    if (!Resp)
      return false;
    return llvm::any_of(writesInto(Resp),
                        [&](const Expr *V) { return readsResultOf(V, L.Call); });
  }

  /// A per-user Set-Cookie on a response object that other users get too.
  std::optional<Finding> judgeCookie(const HeaderSet &H) {
    if (H.Kind != HeaderKind::SetCookie || !H.Value)
      return std::nullopt;
    StorageInfo SI = M.classifyStorage(H.RespExpr);
    if (M.isSharedOk(H.Resp) || M.isSharedOk(SI.Decl) ||
        sharedOkFunction(H.Func))
      return std::nullopt;
    Prov V = P.of(H.Value);
    if (!V.perUser())
      return std::nullopt;
    Finding F;
    F.Check = CacheableResponseCheckName.str();
    F.Loc = H.Call->getBeginLoc();
    F.Range = H.Call->getSourceRange();
    std::string Name = H.Resp ? H.Resp->getNameAsString()
                              : SI.Decl ? SI.Decl->getNameAsString()
                                        : M.text(H.RespExpr, 40);
    if (SI.Kind == Sharing::Shared) {
      F.Message = "per-user cookie is set on response '" + Name +
                  "', which is shared between requests (" + SI.Why + ")";
    } else {
      const ResponseStore *Hit = nullptr;
      for (const ResponseStore &S : Stores)
        if (H.Resp && S.Resp == H.Resp && together(H.Func, H.Call, S.Func, S.Call) &&
            sharedStore(S)) {
          Hit = &S;
          break;
        }
      if (!Hit)
        return std::nullopt;
      F.Message = "per-user cookie is set on response '" + Name +
                  "', which is stored in shared response cache '" +
                  Hit->CacheName + "'";
      F.Notes.push_back({Hit->Call->getBeginLoc(),
                         "'" + Name + "' is stored in '" + Hit->CacheName +
                             "' under '" + M.text(Hit->Key) + "' here"});
    }
    F.Notes.push_back({V.PerUser.Loc,
                       "the cookie value derives from per-user data '" +
                           V.PerUser.Text + "'",
                       V.PerUser.Kind});
    if (SI.Kind == Sharing::Shared)
      F.Evidence = SI.Evidence;
    Evidence Id = P.identityAvailableIn(H.Func);
    if (Id.valid())
      F.Notes.push_back(identityNote(Id));
    // `no-store` for the Cache-Control literal this function sets on the same
    // response: the cookie then never reaches a stored copy.
    // Two Cache-Control headers on one response leave which one wins to the
    // code in between: no fix then. (A member response has no header sets
    // but its cookies recorded, so no fix either.)
    const HeaderSet *CC = nullptr;
    unsigned NumCC = 0;
    for (const HeaderSet &O : Headers)
      if (H.Resp && O.Kind == HeaderKind::CacheControl && O.Func == H.Func &&
          O.Resp == H.Resp) {
        CC = &O;
        ++NumCC;
      }
    if (const StringLiteral *SL = NumCC == 1 ? ccLiteral(*CC) : nullptr)
      if (!SL->getString().equals_insensitive("no-store")) {
        SourceLocation Q = SL->getBeginLoc();
        F.Fixes.push_back(FixItHint::CreateReplacement(
            CharSourceRange::getCharRange(
                Q.getLocWithOffset(1),
                Q.getLocWithOffset(1 + SL->getString().size())),
            "no-store"));
      }
    return F;
  }

  TUContext &TU;
  ASTContext &Ctx;
  Model &M;
  Provenance &P;
  const SourceManager &SM;
  /// This check's rule options (HeaderSetters, CacheHelpers).
  const Config &Rule;
  /// returnsBody, by function.
  llvm::DenseMap<const FunctionDecl *, bool> ReturnsBody;
  std::vector<HeaderSet> Headers;
  /// The response-header row of the call being collected, if any.
  const ModelRow *HeaderRow = nullptr;
  std::vector<ResponseStore> Stores;
  std::vector<Registration> Registrations;
  std::vector<CacheLookup> Lookups;
  /// Every call with arguments, for policy helpers.
  std::vector<std::pair<const CallExpr *, const FunctionDecl *>> Calls;
  struct CredentialGuard {
    const IfStmt *If;
    const FunctionDecl *Func;
    /// The side of the `if` taken when the request has no credentials.
    bool AbsentSide;
  };
  std::vector<CredentialGuard> CredentialGuards;
  llvm::DenseMap<const VarDecl *, std::optional<RouteWrite>> RouteWrites;
  llvm::DenseMap<const VarDecl *, std::vector<const Expr *>> RespWrites;
};

} // namespace

std::vector<Finding> findCacheableResponseIssues(TUContext &TU,
                                                 const Config &Rule) {
  return CacheableResponseRule(TU, Rule).run();
}

} // namespace crossuser
