#include "Analysis/Flow.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace crossuser {

FunctionFlow::FunctionFlow(const FunctionDecl *F, ASTContext &Ctx) {
  if (!F || !F->getBody())
    return;
  CFG::BuildOptions Opts;
  // Every sub-expression gets its own element, so that the order of two
  // calls in one statement (`Check(user) && Use(doc)`) is known too.
  Opts.setAllAlwaysAdd();
  Graph = CFG::buildCFG(F, F->getBody(), &Ctx, Opts);
  if (!Graph)
    return;
  Body = F->getBody();
  unsigned Elements = 0;
  for (const CFGBlock *B : *Graph)
    Elements += B->size() + 1;
  Where.reserve(Elements);
  for (const CFGBlock *B : *Graph) {
    unsigned I = 0;
    for (const CFGElement &E : *B) {
      if (std::optional<CFGStmt> CS = E.getAs<CFGStmt>())
        Where.try_emplace(CS->getStmt(), Position{B, I});
      ++I;
    }
    // A condition is the last thing its block runs.
    if (const Stmt *T = B->getTerminatorStmt())
      Where.try_emplace(T, Position{B, I});
  }
  Reach = std::make_unique<CFGReverseBlockReachabilityAnalysis>(*Graph);
  Dom = std::make_unique<CFGDomTree>(Graph.get());
}

const CFGPostDomTree &FunctionFlow::postDom() const {
  if (!PostDom)
    PostDom = std::make_unique<CFGPostDomTree>(Graph.get());
  return *PostDom;
}

const ParentMap &FunctionFlow::parents() const {
  if (!Parents)
    Parents = std::make_unique<ParentMap>(const_cast<Stmt *>(Body));
  return *Parents;
}

std::optional<FunctionFlow::Position>
FunctionFlow::position(const Stmt *S) const {
  if (!Graph)
    return std::nullopt;
  // An initialiser's cleanups and temporaries are not CFG elements; the
  // expression inside them is.
  for (const Stmt *In = S; In;) {
    auto It = Where.find(In);
    if (It != Where.end())
      return It->second;
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(In))
      In = EWC->getSubExpr();
    else if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(In))
      In = MT->getSubExpr();
    else if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(In))
      In = BT->getSubExpr();
    else if (const auto *IC = dyn_cast<ImplicitCastExpr>(In))
      In = IC->getSubExpr();
    else
      break;
  }
  for (unsigned Guard = 0; S && Guard < 256; ++Guard) {
    auto It = Where.find(S);
    if (It != Where.end())
      return It->second;
    if (!parents().hasParent(S))
      return std::nullopt;
    S = parents().getParent(S);
  }
  return std::nullopt;
}

bool FunctionFlow::reaches(const CFGBlock *From, const CFGBlock *To) const {
  // Every path from the entry to a reachable To passes From first, so one
  // leads on from From to To. This answers the common queries (a source
  // at the top of a handler against each of its thousand lookups) without
  // the reachability map of each To, which costs a walk of the whole CFG.
  if (Dom->isReachableFromEntry(To) && Dom->dominates(From, To))
    return true;
  return Reach->isReachable(From, To);
}

bool FunctionFlow::mayPrecede(const Stmt *A, const Stmt *B) const {
  std::optional<Position> PA = position(A), PB = position(B);
  if (!PA || !PB)
    return true;
  if (PA->Block == PB->Block) {
    if (PA->Index < PB->Index)
      return true;
    // Later in the same block: only through a loop back to it.
    for (const CFGBlock::AdjacentBlock &Succ : PA->Block->succs())
      if (Succ.getReachableBlock() &&
          reaches(Succ.getReachableBlock(), PB->Block))
        return true;
    return false;
  }
  return reaches(PA->Block, PB->Block);
}

bool FunctionFlow::onOnePath(const Position &A, const Position &B) const {
  if (A.Block == B.Block)
    return true;
  return (Dom->isReachableFromEntry(B.Block) && Dom->dominates(A.Block, B.Block)) ||
         (Dom->isReachableFromEntry(A.Block) && Dom->dominates(B.Block, A.Block));
}

bool FunctionFlow::together(const Stmt *A, const Stmt *B) const {
  std::optional<Position> PA = position(A), PB = position(B);
  if (!PA || !PB || onOnePath(*PA, *PB))
    return true;
  return mayPrecede(A, B) || mayPrecede(B, A);
}

bool FunctionFlow::dominates(const Stmt *A, const Stmt *B) const {
  std::optional<Position> PA = position(A), PB = position(B);

  if (!PA || !PB)
    return false;
  if (PA->Block == PB->Block)
    return PA->Index < PB->Index;
  return Dom->dominates(PA->Block, PB->Block);
}

/// \p S leaves the function or the loop: `return`, `throw`, `break`,
/// `continue`, or a block that ends with one.
static bool exits(const Stmt *S) {
  if (const auto *CS = dyn_cast_or_null<CompoundStmt>(S))
    return !CS->body_empty() && exits(CS->body_back());
  return S && (isa<ReturnStmt>(S) || isa<CXXThrowExpr>(S) ||
               isa<BreakStmt>(S) || isa<ContinueStmt>(S));
}

bool FunctionFlow::guards(const Stmt *Test, const Stmt *Use) const {
  if (dominates(Test, Use))
    return true;
  if (!Graph)
    return false;
  // The CFG merges a condition's short-circuit paths where temporaries
  // are destroyed, so a test need not dominate what it guards. Two shapes
  // are guards all the same:
  //   `if (doc && doc->owner == user) use(doc);`: the use runs only where
  //   every conjunct held;
  //   `if (!doc || doc->owner != user) return; use(doc);`: every path past
  //   the `if` evaluated each disjunct to false.
  bool ThroughAnd = false, ThroughOr = false;
  const Stmt *Cur = Test;
  for (unsigned Guard = 0; Guard < 16 && parents().hasParent(Cur); ++Guard) {
    const Stmt *Up = parents().getParent(Cur);
    if (const auto *If = dyn_cast<IfStmt>(Up)) {
      if (If->getCond() != Cur)
        return false;
      if (!ThroughOr && within(Use, If->getThen()))
        return true;
      return !ThroughAnd && exits(If->getThen()) && !If->getElse() &&
             dominates(If, Use) && !within(Use, If->getThen());
    }
    const auto *BO = dyn_cast<BinaryOperator>(Up);
    if (BO && BO->getOpcode() == BO_LOr)
      ThroughOr = true;
    else if (BO && BO->getOpcode() == BO_LAnd)
      ThroughAnd = true;
    else if (!isa<ParenExpr>(Up) && !isa<ExprWithCleanups>(Up) &&
             !isa<ImplicitCastExpr>(Up) && !isa<CXXBindTemporaryExpr>(Up) &&
             !isa<MaterializeTemporaryExpr>(Up))
      return false;
    Cur = Up;
  }
  return false;
}

bool FunctionFlow::within(const Stmt *S, const Stmt *Outer) const {
  for (unsigned Guard = 0; S && Guard < 256; ++Guard) {
    if (S == Outer)
      return true;
    if (!parents().hasParent(S))
      return false;
    S = parents().getParent(S);
  }
  return false;
}

bool FunctionFlow::onEveryPath(const Stmt *S) const {
  std::optional<Position> P = position(S);
  return P && postDom().dominates(P->Block, &Graph->getEntry());
}

bool FunctionFlow::postDominates(const Stmt *B, const Stmt *A) const {
  std::optional<Position> PA = position(A), PB = position(B);
  if (!PA || !PB)
    return false;
  if (PA->Block == PB->Block)
    return PA->Index < PB->Index;
  return postDom().dominates(PB->Block, PA->Block);
}

const CFGBlock *FunctionFlow::branch(const Stmt *Terminator,
                                     bool TrueSide) const {
  if (!Graph)
    return nullptr;
  for (const CFGBlock *B : *Graph) {
    if (B->getTerminatorStmt() != Terminator || B->succ_size() != 2)
      continue;
    return TrueSide ? B->succ_begin()->getReachableBlock()
                    : (B->succ_begin() + 1)->getReachableBlock();
  }
  return nullptr;
}

bool FunctionFlow::blockDominates(const CFGBlock *B, const Stmt *S) const {
  std::optional<Position> PS = position(S);
  if (!B || !PS)
    return false;
  return Dom->dominates(B, PS->Block);
}

} // namespace crossuser
