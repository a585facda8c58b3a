/// The analysis of one translation unit, built once and shared by every enabled check in every front end.
#ifndef CROSSUSER_ANALYSIS_TUCONTEXT_H
#define CROSSUSER_ANALYSIS_TUCONTEXT_H

#include "Analysis/Config.h"
#include "Analysis/Flow.h"
#include "Analysis/Model.h"
#include "Analysis/Provenance.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>
#include <vector>

namespace crossuser {

/// What the checks of one translation unit share: the function list, the
/// vocabulary and models (Model), provenance and summaries (Provenance),
/// and one control-flow cache per function (Flow). Rules only read it.
class TUContext {
public:
  TUContext(clang::ASTContext &Ctx, const Config &Cfg);
  TUContext(const TUContext &) = delete;
  TUContext &operator=(const TUContext &) = delete;

  clang::ASTContext &ast() const { return Ctx; }
  const Config &config() const { return Cfg; }
  Model &model() { return M; }
  Provenance &provenance() { return P; }

  /// Every function definition a check looks at, in source order
  /// (functionsToAnalyse), computed once.
  const std::vector<const clang::FunctionDecl *> &functions();

  /// The control-flow facts of \p F's body, built on first use.
  FunctionFlow &flow(const clang::FunctionDecl *F) { return Flows.of(F); }

  /// The shared context for \p Ctx analysed with \p Cfg: built on the first
  /// call for this translation unit and configuration, then reused by
  /// every check, until releaseTUContexts(Ctx).
  static TUContext &get(clang::ASTContext &Ctx, const Config &Cfg);
  /// Drops the contexts of \p Ctx: the front end calls it when the
  /// translation unit ends (its AST is about to go).
  static void release(clang::ASTContext &Ctx);

private:
  clang::ASTContext &Ctx;
  /// A copy: the context outlives the option parsing of any one check.
  Config Cfg;
  Model M;
  FlowCache Flows;
  Provenance P;
  std::optional<std::vector<const clang::FunctionDecl *>> Functions;
};

} // namespace crossuser

#endif
