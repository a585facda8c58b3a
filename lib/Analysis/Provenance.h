/// Follows a value back to where it came from: does it identify a user, is it per-user data.
#ifndef CROSSUSER_ANALYSIS_PROVENANCE_H
#define CROSSUSER_ANALYSIS_PROVENANCE_H

#include "Analysis/Finding.h"
#include "Analysis/Flow.h"
#include "Analysis/Model.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallBitVector.h"
#include <functional>
#include <memory>
#include <vector>

namespace crossuser {

/// A place in the source and what was seen there, for notes.
struct Evidence {
  clang::SourceLocation Loc;
  std::string Text;
  /// The library model row that made it evidence, for notes:
  /// " (model libjwt, libjwt.yaml:7)"; empty otherwise.
  std::string Via;
  /// What decided it: an annotation, data flow (structure), a model row,
  /// or words.
  EvidenceKind Kind = EvidenceKind::Structure;
  bool valid() const { return Loc.isValid(); }
};

/// What the engine knows about where a value came from.
struct Prov {
  /// Set when the value identifies a user: the identity it was built from.
  Evidence Identifies;
  /// Set when the value is per-user data: the identity or user data it
  /// derives from. Identifying values are per-user too.
  Evidence PerUser;
  /// Parameters of the function being summarised that flow into the value.
  llvm::SmallBitVector Params;
  /// Parameters that make the value per-user data without flowing into it:
  /// they select whose data it is (`Execute(sql, {account})` in another
  /// translation unit). They never make the value identify anyone. Only
  /// whole-program summaries produce them; per-TU mode leaves this empty.
  llvm::SmallBitVector UserParams;

  bool identifies() const { return Identifies.valid(); }
  bool perUser() const { return PerUser.valid(); }
  void merge(const Prov &O);
};

/// "The result depends on parameter i": what a call site needs from a body.
struct Summary {
  Prov Result;
  const clang::ReturnStmt *FirstReturn = nullptr;
};

/// Provenance queries over one translation unit, memoised. Helper bodies
/// are summarised once; depth and work are bounded so that deep or
/// recursive helper chains cost linear time and cannot overflow the stack.
class Provenance {
public:
  /// With \p Flows, a local's value at a use is what the writes that reach
  /// the use put there (reaching definitions over the CFG); without, every
  /// write to it counts wherever it is.
  explicit Provenance(Model &M, FlowCache *Flows = nullptr)
      : M(M), Flows(Flows) {}

  /// The translation unit's functions (TUContext::functions), where a
  /// statement met outside the function being evaluated is looked for.
  void setFunctions(
      std::function<const std::vector<const clang::FunctionDecl *> &()> F) {
    AllFunctions = std::move(F);
  }

  /// Provenance of \p E as evaluated in its own function.
  Prov of(const clang::Expr *E) {
    Steps = 0;
    return eval(E, nullptr, 0);
  }

  /// Provenance of \p E evaluated in \p F, so that F's parameters show
  /// in Prov::Params (for summaries).
  Prov inFunction(const clang::Expr *E, const clang::FunctionDecl *F) {
    Steps = 0;
    return eval(E, F, 0);
  }

  /// What is written into parameter \p PVD of \p F by the end of F:
  /// its own index and those of the parameters written into it.
  Prov ofParam(const clang::ParmVarDecl *PVD, const clang::FunctionDecl *F) {
    Steps = 0;
    return evalVar(PVD, nullptr, F, 0);
  }

  /// An expression that names a user by itself (a variable named `uid`, a
  /// `session.user_id()` call, a read of the Authorization header), without
  /// following data flow.
  std::optional<Evidence> identitySource(const clang::Expr *E);

  /// A call of a helper whose result identifies the requester by a model
  /// row or an annotation inside it, not by its own parameters
  /// (`Caller(req)` returning `jwt_get_grant(jwt, "sub")`).
  std::optional<Evidence> helperIdentity(const clang::Expr *E);

  /// The first user identity visible in \p F or the functions enclosing it
  /// (for lambdas); invalid when there is none. With \p NotFrom, a value
  /// read from that call's result (a cache's own lookup) does not count;
  /// with \p At, neither does a source in F that cannot run in one call
  /// with At (another branch that returns).
  Evidence identityAvailableIn(const clang::FunctionDecl *F,
                               const clang::Expr *NotFrom = nullptr,
                               const clang::Stmt *At = nullptr);

  /// The summary of a function with a visible body.
  const Summary *summaryOf(const clang::FunctionDecl *FD) {
    return summary(FD, 0);
  }

  /// Expressions written into each local variable of a function after its
  /// declaration (assignments, appends, out-parameters), in any order.
  using WriteIndex =
      llvm::DenseMap<const clang::VarDecl *, std::vector<const clang::Expr *>>;
  const WriteIndex &writesIn(const clang::FunctionDecl *F);

  /// One write into a local: the value written (null for `v.clear()`), the
  /// statement that writes, whether it replaces the old value, and whether
  /// it builds the variable's value (an assignment, an append to a string
  /// or container, a stream insertion, an out-parameter of value type) as
  /// opposed to a side effect on an object (a socket, a client, a
  /// connection handle) that later reads of the object do not return.
  struct WriteSite {
    const clang::Expr *Value = nullptr;
    const clang::Stmt *At = nullptr;
    bool Kills = false;
    bool BuildsValue = true;
    /// The declaration's initialiser.
    bool Init = false;
  };
  using SiteIndex =
      llvm::DenseMap<const clang::VarDecl *, std::vector<WriteSite>>;
  /// Every write into each local variable of \p F, in source order.
  const SiteIndex &sitesIn(const clang::FunctionDecl *F);
  /// The writes into \p VD (a local of \p F) that reach \p Use: all
  /// value-building writes when the order is unknown.
  llvm::SmallVector<const WriteSite *, 8>
  reachingWrites(const clang::VarDecl *VD, const clang::FunctionDecl *F,
                 const clang::Stmt *Use);

  static const unsigned MaxCallDepth = 8;
  static const unsigned MaxSteps = 20000;
  /// How deeply expressions nest into one another (through operands and
  /// arguments) before the rest is not looked at.
  static const unsigned MaxNesting = 256;

private:
  /// Records one write: target, value, where, whether it replaces the
  /// whole target, whether it builds a value.
  using WriteAdder = llvm::function_ref<void(
      const clang::Expr *, const clang::Expr *, const clang::Stmt *, bool, bool)>;
  void callWrites(const clang::CallExpr *CE, const clang::FunctionDecl *FD,
                  WriteAdder Add);
  Prov evalMember(const clang::MemberExpr *ME, const clang::FunctionDecl *Ctx,
                  unsigned Depth);
  /// What the function that reads `this->f` at \p ME assigned to the same
  /// member before the read (`docId_ = vault_.put(...); s_last = docId_;`).
  /// Only that function's own writes: another method's may belong to
  /// another call.
  Prov ownMemberWrites(const clang::MemberExpr *ME,
                       const clang::FunctionDecl *Ctx, unsigned Depth);
  Prov eval(const clang::Expr *E, const clang::FunctionDecl *Ctx,
            unsigned Depth);
  Prov evalVar(const clang::VarDecl *VD, const clang::DeclRefExpr *Ref,
               const clang::FunctionDecl *Ctx, unsigned Depth);
  /// A comparison or logical operation on \p Operands: a decision about
  /// whoever they name is per-user data, but it identifies no one.
  Prov decision(llvm::ArrayRef<const clang::Expr *> Operands,
                const clang::FunctionDecl *Ctx, unsigned Depth);
  Prov fromFacts(const clang::CallExpr *CE, const FunctionFacts &F,
                 const clang::Expr *Obj,
                 llvm::ArrayRef<const clang::Expr *> Args,
                 const clang::FunctionDecl *Ctx, unsigned Depth);
  Prov evalCall(const clang::CallExpr *CE, const clang::FunctionDecl *Ctx,
                unsigned Depth);
  /// A call a `per-user-source` row names: the data of whoever its
  /// argument (the row's `arg`, else any) names, identifying no one.
  Prov perUserSource(const clang::CallExpr *CE, const ModelRow &Row,
                     const clang::Expr *Obj,
                     llvm::ArrayRef<const clang::Expr *> Args,
                     const clang::FunctionDecl *Ctx, unsigned Depth);
  /// A parameter every visible call of its function passes the
  /// requester's identity to, as data flow shows it at the call sites.
  std::optional<Evidence> identityFromCallers(const clang::ParmVarDecl *PVD,
                                              unsigned Depth);
  /// \p E names the requester: an identity source, a lookup made from one
  /// (`sessions.resolve(cookie)`), a local that one of those initialised or
  /// assigned, a parameter that callers pass one to. Not data derived from
  /// it (a string built around the id, a query's rows).
  std::optional<Evidence> requesterIdentity(const clang::Expr *E,
                                            unsigned Depth);
  Prov fromIdentityMember(const clang::Expr *Obj, llvm::StringRef Member,
                          const clang::Expr *Whole,
                          const clang::FunctionDecl *Ctx, unsigned Depth);
  const Summary *summary(const clang::FunctionDecl *FD, unsigned Depth);
  /// The identity \p Cur itself shows (parameters, callers, its body's
  /// strongest source), skipping reads of \p NotFrom's result; the body
  /// expression it came from in \p Source.
  Evidence identityIn(const clang::FunctionDecl *Cur, const clang::Expr *NotFrom,
                      const clang::Stmt *At, const clang::Expr **Source);
  bool runsWith(const clang::FunctionDecl *F, const clang::Stmt *E,
             const clang::Stmt *At);
  Evidence evidenceAt(const clang::Expr *E);

  /// Reaching definitions of one local: its writes, those live at each
  /// block's entry, and each block's own writes in order.
  struct VarFlow {
    std::vector<const WriteSite *> Sites;
    llvm::DenseMap<const clang::CFGBlock *, llvm::BitVector> In;
    /// Per block, its writes as (position in the block, site), in order.
    llvm::DenseMap<const clang::CFGBlock *,
                   llvm::SmallVector<std::pair<unsigned, unsigned>, 4>>
        InBlock;
    /// The sites the CFG does not place (in a lambda, say).
    llvm::SmallVector<unsigned, 4> Unplaced;
    bool Ordered = false;
  };
  const VarFlow &varFlow(const clang::VarDecl *VD, const clang::FunctionDecl *F);
  /// The writes of \p VF that reach \p Use, as bits over VF.Sites; none
  /// when the order is unknown.
  std::optional<llvm::BitVector> reachingBits(const VarFlow &VF,
                                              const clang::FunctionDecl *F,
                                              const clang::Stmt *Use);
  /// What the value-building writes into local \p VD that reach \p Use
  /// (all of them when it is null or unplaced) put there, evaluated in
  /// \p Ctx by the evalVar at stack depth \p MyDepth.
  Prov reachingValue(const clang::VarDecl *VD, const clang::FunctionDecl *Owner,
                     const clang::Stmt *Use, const clang::FunctionDecl *Ctx,
                     unsigned Depth, unsigned MyDepth);

  Model &M;
  FlowCache *Flows;
  llvm::DenseMap<std::pair<const clang::VarDecl *, const clang::FunctionDecl *>,
                 std::unique_ptr<VarFlow>>
      VarFlows;
  /// What each set of reaching writes of a local leaves in it, by
  /// (variable, evaluation context); see reachingValue.
  llvm::DenseMap<std::pair<const clang::VarDecl *, const clang::FunctionDecl *>,
                 llvm::DenseMap<llvm::BitVector, Prov>>
      ReachMemo;
  size_t ReachMemoBits = 0;
  static const size_t MaxReachMemoBits = size_t(1) << 27;
  /// By (use, function) when the use's reaching writes are known, else
  /// by (variable, function).
  llvm::DenseMap<std::pair<const void *, const clang::FunctionDecl *>, Prov>
      VarMemo;
  /// Variables being evaluated, with their depth in the evaluation stack.
  llvm::DenseMap<std::pair<const clang::VarDecl *, const clang::FunctionDecl *>,
                 unsigned>
      VarInProgress;
  unsigned VarStackDepth = 0;
  /// Members whose own writes are being evaluated (`n_ = n_ + 1`).
  llvm::DenseSet<const clang::FieldDecl *> MembersInProgress;
  /// The function whose own body (not a lambda's in it) holds each
  /// statement of the bodies indexed so far, and which bodies those are.
  llvm::DenseMap<const clang::Stmt *, const clang::FunctionDecl *> BodyOf;
  llvm::DenseSet<const clang::FunctionDecl *> BodiesIndexed;
  std::function<const std::vector<const clang::FunctionDecl *> &()>
      AllFunctions;
  bool AllIndexed = false;
  void indexBody(const clang::FunctionDecl *F);
  void indexInstantiations(const clang::FunctionDecl *Pattern);
  /// The function (a lambda's call operator for a statement in a lambda)
  /// whose body holds \p S, looked for first in \p Around's body.
  const clang::FunctionDecl *functionHolding(const clang::Stmt *S,
                                             const clang::FunctionDecl *Around);
  /// The shallowest in-progress variable a cycle was cut at, below the
  /// current one: results computed under a cut are not memoised.
  unsigned MinCut = ~0u;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<Summary>>
      Summaries;
  llvm::DenseSet<const clang::FunctionDecl *> SummaryInProgress;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<WriteIndex>>
      Writes;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<SiteIndex>>
      Sites;
  llvm::DenseMap<const clang::FunctionDecl *,
                 std::pair<Evidence, const clang::Expr *>>
      IdentityMemo;
  llvm::DenseMap<const clang::ParmVarDecl *, std::optional<Evidence>>
      CallerIdentityMemo;
  unsigned Steps = 0;
  unsigned Nesting = 0;
};

/// \p F, or for a lambda the function that encloses it (and its lambdas).
const clang::FunctionDecl *outermostFunction(const clang::FunctionDecl *F);

/// Calls \p Fn on every statement of \p FD's body in source order, with the
/// innermost function it runs in: a lambda's body with the lambda's call
/// operator (a callback runs when it is called, not where it is written),
/// its captures' initialisers with the function around it.
void forEachStmtIn(
    const clang::FunctionDecl *FD,
    llvm::function_ref<void(const clang::Stmt *, const clang::FunctionDecl *)>
        Fn);

/// Every function definition a check looks at, in source order: primary
/// templates but not their instantiations, no system headers, and lambdas
/// only as part of the function that contains them.
std::vector<const clang::FunctionDecl *> functionsToAnalyse(clang::ASTContext &Ctx);

/// The function whose body contains \p F's body: the function enclosing a
/// lambda's call operator, or null.
const clang::FunctionDecl *enclosingFunction(const clang::FunctionDecl *F);

/// Calls \p Fn on every statement below \p S in source order, including
/// the bodies of lambdas written inside it unless \p EnterLambdas is false.
void forEachStmt(const clang::Stmt *S,
                 llvm::function_ref<void(const clang::Stmt *)> Fn,
                 bool EnterLambdas = true);
/// As forEachStmt, stopping at the first statement for which \p Fn
/// returns false.
void forEachStmtWhile(const clang::Stmt *S,
                      llvm::function_ref<bool(const clang::Stmt *)> Fn,
                      bool EnterLambdas = true);

/// \p E reads the result of \p Call: contains it, or starts from a local
/// that it initialised (`auto it = m.find(k); it->second`).
bool readsResultOf(const clang::Expr *E, const clang::Expr *Call);

} // namespace crossuser

#endif
