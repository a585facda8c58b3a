/// Order in one function body from Clang's CFG: which statements can run in one call, which must run before another, which guard dominates a use.
#ifndef CROSSUSER_ANALYSIS_FLOW_H
#define CROSSUSER_ANALYSIS_FLOW_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/Stmt.h"
#include "clang/Analysis/Analyses/CFGReachabilityAnalysis.h"
#include "clang/Analysis/Analyses/Dominators.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>
#include <optional>

namespace crossuser {

/// The control-flow facts of one function body (not the lambdas written in
/// it: each lambda's call operator has its own). Built from clang::CFG,
/// CFGDomTree and CFGReverseBlockReachabilityAnalysis, which are stable
/// from LLVM 14 to 16. When the CFG cannot be built every query answers
/// conservatively (see each).
class FunctionFlow {
public:
  FunctionFlow(const clang::FunctionDecl *F, clang::ASTContext &Ctx);

  bool valid() const { return Graph != nullptr; }

  /// Where \p S runs: its CFG block and its position in the block. A
  /// sub-expression that the CFG does not list runs where its closest
  /// enclosing listed statement does.
  struct Position {
    const clang::CFGBlock *Block = nullptr;
    unsigned Index = 0;
  };
  std::optional<Position> position(const clang::Stmt *S) const;

  /// Some execution runs \p A and then \p B. Unknown: true.
  bool mayPrecede(const clang::Stmt *A, const clang::Stmt *B) const;
  /// One call can run both (either order). Unknown: true.
  bool together(const clang::Stmt *A, const clang::Stmt *B) const;
  /// Every path from the function's entry to \p B runs \p A first, so a
  /// guard at A holds at B. Unknown: false.
  bool dominates(const clang::Stmt *A, const clang::Stmt *B) const;
  /// The test \p Test has been passed wherever \p Use runs: it dominates
  /// the use, or it is (a disjunct of) the condition of an `if` whose
  /// branch leaves and which dominates the use. Unknown: false.
  bool guards(const clang::Stmt *Test, const clang::Stmt *Use) const;
  /// \p S is \p Outer or below it.
  bool within(const clang::Stmt *S, const clang::Stmt *Outer) const;
  /// Every path from \p A to the function's exit runs \p B. Unknown: false.
  bool postDominates(const clang::Stmt *B, const clang::Stmt *A) const;

  /// Every path from the function's entry to its exit runs \p S.
  /// Unknown: false.
  bool onEveryPath(const clang::Stmt *S) const;

  /// The CFG block of a branch condition's true (or false) successor.
  const clang::CFGBlock *branch(const clang::Stmt *Terminator,
                                bool TrueSide) const;
  /// Every path from the entry to \p S passes through block \p B.
  bool blockDominates(const clang::CFGBlock *B, const clang::Stmt *S) const;

  const clang::CFG *cfg() const { return Graph.get(); }

private:
  /// Some path leads from block \p From to block \p To.
  bool reaches(const clang::CFGBlock *From, const clang::CFGBlock *To) const;
  /// One of \p A and \p B dominates the other, so a path runs both.
  bool onOnePath(const Position &A, const Position &B) const;

  /// The body's parent map, built on first use: with every sub-expression
  /// a CFG element, most positions need none.
  const clang::ParentMap &parents() const;
  const clang::CFGPostDomTree &postDom() const;

  std::unique_ptr<clang::CFG> Graph;
  const clang::Stmt *Body = nullptr;
  mutable std::unique_ptr<clang::ParentMap> Parents;
  llvm::DenseMap<const clang::Stmt *, Position> Where;
  std::unique_ptr<clang::CFGReverseBlockReachabilityAnalysis> Reach;
  std::unique_ptr<clang::CFGDomTree> Dom;
  /// Built on first use, as the parent map.
  mutable std::unique_ptr<clang::CFGPostDomTree> PostDom;
};

/// The FunctionFlow of each function of one translation unit, built on
/// first use.
class FlowCache {
public:
  explicit FlowCache(clang::ASTContext &Ctx) : Ctx(Ctx) {}
  FunctionFlow &of(const clang::FunctionDecl *F) {
    std::unique_ptr<FunctionFlow> &Slot = Flows[F];
    if (!Slot)
      Slot = std::make_unique<FunctionFlow>(F, Ctx);
    return *Slot;
  }

private:
  clang::ASTContext &Ctx;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<FunctionFlow>>
      Flows;
};

} // namespace crossuser

#endif
