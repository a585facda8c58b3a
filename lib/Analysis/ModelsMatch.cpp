// Matching model rows against Clang declarations (Models.h); kept apart
// from the parser so that the parser's fuzz target links no clang library.
#include "Analysis/Models.h"
#include "clang/AST/DeclTemplate.h"

using namespace clang;

namespace crossuser {

static std::string recordName(const CXXRecordDecl *RD) {
  if (const auto *S = llvm::dyn_cast<ClassTemplateSpecializationDecl>(RD))
    return S->getSpecializedTemplate()->getQualifiedNameAsString();
  return RD->getQualifiedNameAsString();
}

std::string modelName(const NamedDecl *D) {
  if (!D)
    return "";
  if (const auto *RD = llvm::dyn_cast<CXXRecordDecl>(D))
    return recordName(RD);
  if (const auto *MD = llvm::dyn_cast<CXXMethodDecl>(D))
    return recordName(MD->getParent()) + "::" + MD->getNameAsString();
  return D->getQualifiedNameAsString();
}

static std::string withoutBlanks(std::string S) {
  llvm::erase_if(S, [](char C) { return llvm::isSpace(C); });
  return S;
}

/// \p D's parameters have the types \p R's signature names.
static bool matchesSignature(const ModelRow &R, const NamedDecl *D) {
  if (!R.HasSignature)
    return true;
  const auto *FD = llvm::dyn_cast<FunctionDecl>(D);
  if (!FD)
    return false;
  const std::vector<llvm::GlobPattern> &Types = *R.Signature;
  if (FD->getNumParams() < Types.size() ||
      (!R.SignatureOpen && FD->getNumParams() != Types.size()))
    return false;
  for (unsigned I = 0; I < Types.size(); ++I) {
    QualType T = FD->getParamDecl(I)->getType();
    if (!Types[I].match(withoutBlanks(T.getAsString())) &&
        !Types[I].match(withoutBlanks(T.getCanonicalType().getAsString())))
      return false;
  }
  return true;
}

const ModelRow *Models::find(ModelRole Role, const NamedDecl *D) const {
  if (!D || Rows.empty())
    return nullptr;
  std::string Name = modelName(D);
  for (const ModelRow &R : Rows)
    if (R.Role == Role && R.Pattern->match(Name) && matchesSignature(R, D))
      return &R;
  return nullptr;
}

const ModelRow *Models::lifetimeOf(const CXXRecordDecl *RD) const {
  return lifetimeOfImpl(RD, 0);
}

const ModelRow *Models::lifetimeOfImpl(const CXXRecordDecl *RD,
                                       unsigned Depth) const {
  if (!RD || Depth > 8)
    return nullptr;
  if (const ModelRow *R = find(ModelRole::Lifetime, RD))
    return R;
  if (!RD->hasDefinition())
    return nullptr;
  for (const CXXBaseSpecifier &B : RD->getDefinition()->bases())
    if (const ModelRow *R =
            lifetimeOfImpl(B.getType()->getAsCXXRecordDecl(), Depth + 1))
      return R;
  return nullptr;
}

} // namespace crossuser
