#include "EnclosingFunction.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace crossuser {
namespace {

class BodyCollector : public RecursiveASTVisitor<BodyCollector> {
public:
  BodyCollector(const SourceManager &SM, std::vector<FunctionIndex::Body> &Out)
      : SM(SM), Out(Out) {}

  /// Findings are never reported in system headers, so their functions
  /// need no names (and the standard library's are most of a TU's).
  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) &&
        SM.isInSystemHeader(SM.getFileLoc(D->getLocation())))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool TraverseFunctionDecl(FunctionDecl *FD) { return withFunction(FD); }
  bool TraverseCXXMethodDecl(CXXMethodDecl *FD) { return withFunction(FD); }
  bool TraverseCXXConstructorDecl(CXXConstructorDecl *FD) {
    return withFunction(FD);
  }
  bool TraverseCXXDestructorDecl(CXXDestructorDecl *FD) {
    return withFunction(FD);
  }
  bool TraverseCXXConversionDecl(CXXConversionDecl *FD) {
    return withFunction(FD);
  }

  bool TraverseLambdaExpr(LambdaExpr *LE) {
    std::string Name = (Names.empty() ? std::string() : Names.back()) + "::<lambda>";
    add(LE->getSourceRange(), Name);
    Names.push_back(Name);
    bool Result = RecursiveASTVisitor::TraverseLambdaExpr(LE);
    Names.pop_back();
    return Result;
  }

private:
  template <typename T> bool withFunction(T *FD) {
    if (!FD->doesThisDeclarationHaveABody())
      return traverse(FD);
    std::string Name = FD->getQualifiedNameAsString();
    add(FD->getSourceRange(), Name);
    Names.push_back(Name);
    bool Result = traverse(FD);
    Names.pop_back();
    return Result;
  }

  bool traverse(FunctionDecl *FD) {
    if (auto *M = dyn_cast<CXXConstructorDecl>(FD))
      return RecursiveASTVisitor::TraverseCXXConstructorDecl(M);
    if (auto *M = dyn_cast<CXXDestructorDecl>(FD))
      return RecursiveASTVisitor::TraverseCXXDestructorDecl(M);
    if (auto *M = dyn_cast<CXXConversionDecl>(FD))
      return RecursiveASTVisitor::TraverseCXXConversionDecl(M);
    if (auto *M = dyn_cast<CXXMethodDecl>(FD))
      return RecursiveASTVisitor::TraverseCXXMethodDecl(M);
    return RecursiveASTVisitor::TraverseFunctionDecl(FD);
  }

  void add(SourceRange R, const std::string &Name) {
    SourceLocation B = SM.getFileLoc(R.getBegin());
    SourceLocation E = SM.getFileLoc(R.getEnd());
    if (B.isInvalid() || E.isInvalid())
      return;
    std::pair<FileID, unsigned> DB = SM.getDecomposedLoc(B);
    std::pair<FileID, unsigned> DE = SM.getDecomposedLoc(E);
    if (DB.first != DE.first || DE.second < DB.second)
      return;
    Out.push_back({DB.first, DB.second, DE.second, Name});
  }

  const SourceManager &SM;
  std::vector<FunctionIndex::Body> &Out;
  std::vector<std::string> Names;
};

} // namespace

FunctionIndex::FunctionIndex(ASTContext &Ctx) : SM(Ctx.getSourceManager()) {
  BodyCollector(SM, Bodies).TraverseAST(Ctx);
}

std::string FunctionIndex::nameAt(SourceLocation Loc) const {
  Loc = SM.getFileLoc(Loc);
  if (Loc.isInvalid())
    return "";
  std::pair<FileID, unsigned> D = SM.getDecomposedLoc(Loc);
  const Body *Best = nullptr;
  for (const Body &B : Bodies)
    if (B.File == D.first && B.Begin <= D.second && D.second <= B.End &&
        (!Best || B.End - B.Begin < Best->End - Best->Begin))
      Best = &B;
  return Best ? Best->Name : "";
}

} // namespace crossuser
