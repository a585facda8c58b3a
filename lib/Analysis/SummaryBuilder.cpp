// Computes a translation unit's whole-program summary from its AST.
#include "Analysis/CacheKey.h"
#include "Analysis/Model.h"
#include "Analysis/Provenance.h"
#include "Analysis/SharedState.h"
#include "Analysis/Summaries.h"
#include "Analysis/TUContext.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include <map>

using namespace clang;

namespace crossuser {

static bool isOutParamType(QualType P) {
  if (const auto *RT = P->getAs<LValueReferenceType>())
    return !RT->getPointeeType().isConstQualified();
  if (const auto *PT = P->getAs<PointerType>())
    return !PT->getPointeeType().isConstQualified();
  return false;
}

static std::string where(const SourceManager &SM, SourceLocation Loc) {
  PresumedLoc PL = SM.getPresumedLoc(SM.getFileLoc(Loc));
  if (PL.isInvalid())
    return "";
  return std::string(PL.getFilename()) + ":" + std::to_string(PL.getLine());
}

static std::vector<unsigned> bits(const llvm::SmallBitVector &B,
                                  int Skip = -1) {
  std::vector<unsigned> Out;
  for (int I = B.find_first(); I >= 0; I = B.find_next(I))
    if (I != Skip)
      Out.push_back(I);
  return Out;
}

std::vector<InputFile> inputFiles(ASTContext &Ctx) {
  SourceManager &SM = Ctx.getSourceManager();
  std::vector<InputFile> Out;
  for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
    const FileEntry *FE = It->first;
    std::optional<llvm::MemoryBufferRef> Buf =
        SM.getMemoryBufferForFileOrNone(FE);
    if (!Buf)
      continue;
    InputFile F;
    F.Path = FE->tryGetRealPathName().str();
    if (F.Path.empty())
      F.Path = FE->getName().str();
    F.Size = Buf->getBufferSize();
    F.Hash = ContentHashes::hashText(Buf->getBuffer());
    Out.push_back(std::move(F));
  }
  llvm::sort(Out, [](const InputFile &A, const InputFile &B) {
    return A.Path < B.Path;
  });
  Out.erase(std::unique(Out.begin(), Out.end(),
                        [](const InputFile &A, const InputFile &B) {
                          return A.Path == B.Path;
                        }),
            Out.end());
  return Out;
}

namespace {
class CalleeFinder : public RecursiveASTVisitor<CalleeFinder> {
public:
  explicit CalleeFinder(const SourceManager &SM) : SM(SM) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }
  bool VisitCallExpr(CallExpr *CE) {
    const FunctionDecl *Callee = CE->getDirectCallee();
    const FunctionDecl *Def = nullptr;
    if (Callee && !(Callee->hasBody(Def) && Def->getBody()) &&
        Callee->isExternallyVisible() &&
        !SM.isInSystemHeader(Callee->getLocation()))
      Found.push_back(Callee->getCanonicalDecl());
    return true;
  }
  std::vector<const FunctionDecl *> Found;

private:
  const SourceManager &SM;
};
} // namespace

std::vector<const FunctionDecl *> externalCallees(ASTContext &Ctx) {
  CalleeFinder F(Ctx.getSourceManager());
  F.TraverseDecl(Ctx.getTranslationUnitDecl());
  return std::move(F.Found);
}

/// What callers in other translation units need to know of \p FD: its
/// result's and out-parameters' provenance, its cache uses and its stores.
static FunctionFacts
factsOf(const FunctionDecl *FD, Provenance &P, const SourceManager &SM,
        std::vector<CacheUseFact> Uses, const std::vector<StoreFact> &Stores) {
  FunctionFacts F;
  F.Usr = functionUsr(FD);
  F.Name = FD->getQualifiedNameAsString();
  F.Where = where(SM, FD->getLocation());
  for (const ParmVarDecl *PD : FD->parameters())
    F.ParamNames.push_back(PD->getNameAsString());
  if (const Summary *S = P.summaryOf(FD)) {
    F.ResultParams = bits(S->Result.Params);
    if (S->Result.identifies())
      F.ResultIdentifies =
          S->Result.Identifies.Text.empty() ? "?" : S->Result.Identifies.Text;
    if (S->Result.perUser())
      F.ResultPerUser =
          S->Result.PerUser.Text.empty() ? "?" : S->Result.PerUser.Text;
  }
  for (const ParmVarDecl *PD : FD->parameters()) {
    if (!isOutParamType(PD->getType()))
      continue;
    unsigned I = PD->getFunctionScopeIndex();
    std::vector<unsigned> From = bits(P.ofParam(PD, FD).Params, I);
    if (!From.empty())
      F.OutParams.push_back({I, std::move(From)});
  }
  F.CacheUses = std::move(Uses);
  for (const CacheUseFact &C : F.CacheUses)
    if (C.Insert)
      for (unsigned V : C.ValueParams)
        F.Stores.push_back({V, C.Cache, "cache", C.Where});
  F.Stores.insert(F.Stores.end(), Stores.begin(), Stores.end());
  return F;
}

void summariseTU(ASTContext &Ctx, const Config &Cfg, TUSummary &Out) {
  TUContext &TU = TUContext::get(Ctx, Cfg);
  const SourceManager &SM = Ctx.getSourceManager();
  std::map<const FunctionDecl *, std::vector<CacheUseFact>> Uses;
  for (auto &[FD, U] : cacheUsesForSummaries(TU))
    Uses[FD].push_back(std::move(U));
  std::map<const FunctionDecl *, std::vector<StoreFact>> Stores;
  for (auto &[FD, S] : sharedStoresForSummaries(TU))
    Stores[FD].push_back(std::move(S));

  // Callees defined elsewhere, called anywhere in the translation unit
  // (a global's initialiser too): their facts shaped this summary.
  std::map<std::string, std::string> Deps;
  for (const FunctionDecl *Callee : externalCallees(Ctx)) {
    std::string Usr = functionUsr(Callee);
    if (Usr.empty() || Deps.count(Usr))
      continue;
    const FunctionFacts *Used =
        Cfg.Summaries ? Cfg.Summaries->lookup(Usr) : nullptr;
    Deps[Usr] = Used ? factsHash(*Used) : "";
  }
  Out.Functions.clear();
  for (const FunctionDecl *FD : TU.functions()) {
    // Only what callers elsewhere cannot see: functions defined in this
    // file (a header's inline functions are visible to every includer).
    if (!FD->isExternallyVisible() || isLambdaCallOperator(FD) ||
        FD->isDependentContext() ||
        !SM.isInMainFile(SM.getExpansionLoc(FD->getLocation())) ||
        functionUsr(FD).empty())
      continue;
    Out.Functions.push_back(
        factsOf(FD, TU.provenance(), SM, Uses[FD], Stores[FD]));
  }
  llvm::sort(Out.Functions, [](const FunctionFacts &A, const FunctionFacts &B) {
    return A.Usr < B.Usr;
  });
  // Two declarations of one function (in a class and out of line) give
  // one entry.
  Out.Functions.erase(std::unique(Out.Functions.begin(), Out.Functions.end(),
                                  [](const FunctionFacts &A,
                                     const FunctionFacts &B) {
                                    return A.Usr == B.Usr;
                                  }),
                      Out.Functions.end());
  Out.Dependencies.assign(Deps.begin(), Deps.end());
}

} // namespace crossuser
