#include "Analysis/Model.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace crossuser {

static bool isWrapperName(StringRef N) {
  return N == "unique_ptr" || N == "shared_ptr" || N == "weak_ptr" ||
         N == "optional" || N == "reference_wrapper" || N == "StatusOr" ||
         N == "expected" || N == "Expected" || N == "Optional" ||
         N == "atomic" || N == "scoped_refptr" || N == "intrusive_ptr";
}

static bool isSequenceName(StringRef N) {
  return N == "vector" || N == "list" || N == "deque" || N == "array" ||
         N == "span" || N == "SmallVector" || N == "forward_list";
}

static const ClassTemplateSpecializationDecl *asSpec(const CXXRecordDecl *RD) {
  return dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
}

static QualType firstTypeArg(const CXXRecordDecl *RD) {
  if (const auto *S = asSpec(RD)) {
    const TemplateArgumentList &Args = S->getTemplateArgs();
    if (Args.size() > 0 && Args[0].getKind() == TemplateArgument::Type)
      return Args[0].getAsType();
  }
  return QualType();
}

QualType Model::stripWrappers(QualType T) const {
  for (int Guard = 0; Guard < 8 && !T.isNull(); ++Guard) {
    T = T.getNonReferenceType();
    if (const auto *PT = T->getAs<PointerType>()) {
      T = PT->getPointeeType();
      continue;
    }
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    if (RD && RD->getIdentifier() && isWrapperName(RD->getName())) {
      QualType Inner = firstTypeArg(RD);
      if (Inner.isNull())
        break;
      T = Inner;
      continue;
    }
    break;
  }
  return T.isNull() ? T : T.getUnqualifiedType();
}

const CXXRecordDecl *Model::recordOf(QualType T) const {
  T = stripWrappers(T);
  return T.isNull() ? nullptr : T->getAsCXXRecordDecl();
}

bool Model::hasAnnotation(const Decl *D, StringRef Text) {
  if (!D)
    return false;
  for (const auto *A : D->specific_attrs<AnnotateAttr>())
    if (A->getAnnotation() == Text)
      return true;
  return false;
}

/// Names along the sugar chain: `using UserId = std::string` keeps the
/// word "User" that the canonical type lost.
template <typename Fn> static bool anySugarName(QualType T, Fn Pred) {
  for (int Guard = 0; Guard < 16 && !T.isNull(); ++Guard) {
    if (const auto *TT = T->getAs<TypedefType>()) {
      if (Pred(TT->getDecl()->getName()))
        return true;
      QualType Next = TT->getDecl()->getUnderlyingType();
      if (Next == T)
        break;
      T = Next;
      continue;
    }
    break;
  }
  return false;
}

bool Model::isIdentityType(QualType T) {
  if (T.isNull())
    return false;
  T = T.getNonReferenceType();
  if (const auto *PT = T->getAs<PointerType>())
    T = PT->getPointeeType();
  const Type *Key = T.getTypePtr();
  auto It = IdentityTypeMemo.find(Key);
  if (It != IdentityTypeMemo.end())
    return It->second;
  IdentityTypeMemo[Key] = false; // recursion guard
  bool R = isIdentityTypeUncached(T);
  IdentityTypeMemo[Key] = R;
  return R;
}

bool Model::isIdentityTypeUncached(QualType T) {
  auto NameIsIdentity = [&](StringRef N) {
    return Cfg.IdentityTypes.matchesAnyWord(N) &&
           !Cfg.NonIdentityTypes.matchesAnyWord(N);
  };
  if (anySugarName(T, NameIsIdentity))
    return true;
  const CXXRecordDecl *RD = recordOf(T);
  if (!RD)
    return false;
  if (hasAnnotation(RD, IdentityAnnotation))
    return true;
  if (!RD->getIdentifier())
    return false;
  StringRef Name = RD->getName();
  if (Cfg.NonIdentityTypes.matchesAnyWord(Name) ||
      Cfg.AssociativeContainers.containsExact(Name) || isSequenceName(Name))
    return false;
  if (Cfg.IdentityTypes.matchesAnyWord(Name))
    return true;
  // Strong ids: StrongId<UserTag>, Id<struct Tenant>.
  if (const auto *S = asSpec(RD))
    for (const TemplateArgument &A : S->getTemplateArgs().asArray())
      if (A.getKind() == TemplateArgument::Type) {
        const CXXRecordDecl *ArgRD = A.getAsType()->getAsCXXRecordDecl();
        if (ArgRD && ArgRD->getIdentifier() &&
            NameIsIdentity(ArgRD->getName()))
          return true;
      }
  return false;
}

bool Model::isStrongIdType(QualType T) {
  if (!isIdentityType(T))
    return false;
  const CXXRecordDecl *RD = recordOf(T);
  if (!RD || !RD->hasDefinition())
    return false;
  RD = RD->getDefinition();
  if (RD->getIdentifier() && Cfg.IdentifyingMembers.matchesAnyWord(RD->getName()))
    return true;
  return std::distance(RD->field_begin(), RD->field_end()) == 1;
}

bool Model::isPerUserType(QualType T) { return isPerUserTypeImpl(T, 0); }

bool Model::isPerUserTypeImpl(QualType T, unsigned Depth) {
  if (T.isNull() || Depth > 2)
    return false;
  T = stripWrappers(T);
  if (T.isNull())
    return false;
  const Type *Key = T.getTypePtr();
  auto It = PerUserTypeMemo.find(Key);
  if (It != PerUserTypeMemo.end())
    return It->second;
  PerUserTypeMemo[Key] = false;
  bool R = false;
  if (isIdentityType(T) ||
      anySugarName(T, [&](StringRef N) {
        return Cfg.PerUserTypes.matchesAnyWord(N);
      })) {
    R = true;
  } else if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl()) {
    StringRef Name = RD->getIdentifier() ? RD->getName() : "";
    if (isSequenceName(Name) || Cfg.AssociativeContainers.containsExact(Name)) {
      // A container of per-user values is per-user; its key is not looked at.
      if (const auto *S = asSpec(RD)) {
        const auto &Args = S->getTemplateArgs();
        unsigned ValueIdx =
            Cfg.AssociativeContainers.containsExact(Name) && Args.size() > 1 ? 1
                                                                             : 0;
        if (Args.size() > ValueIdx &&
            Args[ValueIdx].getKind() == TemplateArgument::Type)
          R = isPerUserTypeImpl(Args[ValueIdx].getAsType(), Depth + 1);
      }
    } else if (Cfg.PerUserTypes.matchesAnyWord(Name)) {
      R = true;
    } else if (RD->hasDefinition()) {
      // A record that carries its owner (`struct Entry { UserId owner; ...}`)
      // holds one user's data.
      for (const FieldDecl *F : RD->getDefinition()->fields())
        if (isIdentityDecl(F)) {
          R = true;
          break;
        }
    }
  }
  PerUserTypeMemo[Key] = R;
  return R;
}

bool Model::isValueLikeType(QualType T) const {
  if (T.isNull())
    return false;
  T = stripWrappers(T);
  if (T.isNull() || T->isVoidType() || T->isBooleanType() ||
      T->isFunctionType())
    return false;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->getIdentifier())
    return true;
  StringRef Name = RD->getName();
  // A `user_cache_` or `users_by_id_` is storage, not a user.
  return !Cfg.NonIdentityTypes.matchesAnyWord(Name) &&
         !Cfg.CacheTypes.matchesAnyWord(Name) &&
         !Cfg.AssociativeContainers.containsExact(Name) &&
         !isSequenceName(Name) && !Cfg.RemoteCacheTypes.matchesAnyWord(Name);
}

bool Model::isIdentityDecl(const ValueDecl *D) {
  if (!D)
    return false;
  auto It = IdentityDeclMemo.find(D);
  if (It != IdentityDeclMemo.end())
    return It->second;
  IdentityDeclMemo[D] = false;
  bool R = false;
  QualType T = D->getType();
  if (const auto *FD = dyn_cast<FunctionDecl>(D))
    T = FD->getReturnType();
  if (hasAnnotation(D, IdentityAnnotation))
    R = true;
  else if (isIdentityType(T))
    R = true;
  else if (D->getIdentifier() && Cfg.IdentityNames.matchesAnyWord(D->getName()))
    R = isValueLikeType(T);
  IdentityDeclMemo[D] = R;
  return R;
}

static bool nameMatches(const CXXRecordDecl *RD, const WordSet &W) {
  if (!RD)
    return false;
  if (RD->getIdentifier() && W.matchesAnyWord(RD->getName()))
    return true;
  return false;
}

bool Model::isCacheType(QualType T) const {
  if (T.isNull())
    return false;
  if (anySugarName(T, [&](StringRef N) { return Cfg.CacheTypes.matchesAnyWord(N); }))
    return true;
  return nameMatches(recordOf(T), Cfg.CacheTypes);
}

bool Model::isAssociativeContainer(QualType T) const {
  const CXXRecordDecl *RD = recordOf(T);
  return RD && RD->getIdentifier() &&
         Cfg.AssociativeContainers.containsExact(RD->getName());
}

bool Model::isRemoteCacheType(QualType T) const {
  const CXXRecordDecl *RD = recordOf(T);
  if (!RD)
    return false;
  // `redis::Client`: the namespace carries the word.
  return Cfg.RemoteCacheTypes.matchesAnyWord(RD->getQualifiedNameAsString());
}

QualType Model::templateArg(QualType T, unsigned I) const {
  // The arguments as written keep their typedef names
  // (`LruCache<AccountId, Wallet>`), which the specialisation has lost.
  if (!T.isNull()) {
    QualType W = T.getNonReferenceType();
    if (const auto *PT = W->getAs<PointerType>())
      W = PT->getPointeeType();
    if (const auto *TST = W->getAs<TemplateSpecializationType>()) {
      auto Args = TST->template_arguments();
      if (I < Args.size() && Args[I].getKind() == TemplateArgument::Type)
        return Args[I].getAsType();
    }
  }
  const auto *S = asSpec(recordOf(T));
  if (!S)
    return QualType();
  const TemplateArgumentList &Args = S->getTemplateArgs();
  if (I < Args.size() && Args[I].getKind() == TemplateArgument::Type)
    return Args[I].getAsType();
  return QualType();
}

bool Model::isLongLivedClass(const CXXRecordDecl *RD) const {
  if (!RD || isPerRequestClass(RD))
    return false;
  if (nameMatches(RD, Cfg.HandlerBases))
    return true;
  if (!RD->hasDefinition())
    return false;
  for (const CXXBaseSpecifier &B : RD->getDefinition()->bases())
    if (isLongLivedClass(B.getType()->getAsCXXRecordDecl()))
      return true;
  return false;
}

bool Model::isPerRequestClass(const CXXRecordDecl *RD) const {
  return nameMatches(RD, Cfg.PerRequestTypes);
}

StorageInfo Model::classifyStorage(const Expr *E) const {
  StorageInfo Info;
  for (int Guard = 0; E && Guard < 16; ++Guard) {
    E = E->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      if (!VD)
        return Info;
      Info.Decl = VD;
      if (VD->getTLSKind() != VarDecl::TLS_None) {
        Info.Kind = Sharing::Shared;
        Info.Why = "declared thread_local; pooled threads serve many users";
      } else if (VD->isStaticDataMember()) {
        Info.Kind = Sharing::Shared;
        Info.Why = "a static data member";
      } else if (VD->isStaticLocal()) {
        Info.Kind = Sharing::Shared;
        Info.Why = "a function-local static";
      } else if (VD->hasGlobalStorage()) {
        Info.Kind = Sharing::Shared;
        Info.Why = "declared at namespace scope";
      } else if (VD->getType()->isReferenceType() ||
                 VD->getType()->isPointerType()) {
        if (isa<ParmVarDecl>(VD) || !VD->getInit()) {
          Info.Kind = Sharing::Unknown;
          return Info;
        }
        // `auto &c = g_cache;` is the global under another name.
        StorageInfo Inner = classifyStorage(VD->getInit());
        if (Inner.Kind != Sharing::Unknown || Inner.Decl)
          return Inner;
        Info.Kind = Sharing::Unknown;
      } else {
        Info.Kind = Sharing::PerRequest;
      }
      return Info;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
      if (const auto *VD = dyn_cast<VarDecl>(ME->getMemberDecl())) {
        Info.Decl = VD;
        Info.Kind = Sharing::Shared;
        Info.Why = "a static data member";
        return Info;
      }
      if (!FD)
        return Info;
      const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
      if (isa<CXXThisExpr>(Base)) {
        const CXXRecordDecl *RD = FD->getParent() ? dyn_cast<CXXRecordDecl>(FD->getParent()) : nullptr;
        Info.Decl = FD;
        if (isPerRequestClass(RD))
          Info.Kind = Sharing::PerRequest;
        else if (isLongLivedClass(RD)) {
          Info.Kind = Sharing::Shared;
          Info.Why = "a member of long-lived class '" + RD->getNameAsString() + "'";
        } else
          Info.Kind = Sharing::Unknown;
        return Info;
      }
      StorageInfo Outer = classifyStorage(Base);
      if (isPerRequestClass(recordOf(Base->getType())))
        Outer.Kind = Sharing::PerRequest;
      Outer.Decl = FD;
      if (Outer.Kind == Sharing::Shared)
        Outer.Why = "a member of shared object '" + text(Base, 40) + "'";
      return Outer;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() == UO_Deref || UO->getOpcode() == UO_AddrOf) {
        E = UO->getSubExpr();
        continue;
      }
      return Info;
    }
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
      if ((OC->getOperator() == OO_Arrow || OC->getOperator() == OO_Star) &&
          OC->getNumArgs() >= 1) {
        E = OC->getArg(0);
        continue;
      }
      return Info;
    }
    return Info;
  }
  return Info;
}

bool Model::isSharedOk(const ValueDecl *D) const {
  if (!D)
    return false;
  if (hasAnnotation(D, SharedOkAnnotation))
    return true;
  const CXXRecordDecl *RD = recordOf(D->getType());
  return RD && hasAnnotation(RD, SharedOkAnnotation);
}

std::string Model::text(const Expr *E, size_t Max) const {
  if (!E)
    return "";
  return text(E->getSourceRange(), Max);
}

std::string Model::text(SourceRange R, size_t Max) const {
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange CR = CharSourceRange::getTokenRange(R);
  CR = Lexer::makeFileCharRange(CR, SM, Ctx.getLangOpts());
  StringRef Raw = CR.isValid() ? Lexer::getSourceText(CR, SM, Ctx.getLangOpts())
                               : StringRef();
  std::string Out;
  bool Space = false;
  for (char C : Raw) {
    if (C == ' ' || C == '\t' || C == '\n' || C == '\r') {
      Space = !Out.empty();
      continue;
    }
    if (Space)
      Out.push_back(' ');
    Space = false;
    Out.push_back(C);
  }
  if (Out.size() > Max)
    Out = Out.substr(0, Max - 3) + "...";
  return Out;
}

const Expr *ignoreWrappers(const Expr *E) {
  for (int Guard = 0; E && Guard < 64; ++Guard) {
    const Expr *Prev = E;
    E = E->IgnoreParenImpCasts();
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
      E = EWC->getSubExpr();
    else if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E))
      E = MT->getSubExpr();
    else if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(E))
      E = BT->getSubExpr();
    else if (const auto *CE = dyn_cast<ExplicitCastExpr>(E))
      E = CE->getSubExpr();
    else if (const auto *DA = dyn_cast<CXXDefaultArgExpr>(E))
      E = DA->getExpr();
    else if (const auto *CC = dyn_cast<CXXConstructExpr>(E)) {
      // Copies and moves keep provenance; conversions from one argument
      // (`std::string(p)`) do too.
      if (CC->getNumArgs() == 1 && !isa<CXXTemporaryObjectExpr>(CC) &&
          (CC->getConstructor()->isCopyOrMoveConstructor() ||
           CC->getConstructor()->isConvertingConstructor(false)))
        E = CC->getArg(0);
    }
    if (E == Prev)
      break;
  }
  return E;
}

const VarDecl *rootVar(const Expr *E) {
  for (int Guard = 0; E && Guard < 32; ++Guard) {
    E = ignoreWrappers(E);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return dyn_cast<VarDecl>(DRE->getDecl());
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (isa<FieldDecl>(ME->getMemberDecl()) &&
          !isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts())) {
        E = ME->getBase();
        continue;
      }
      return nullptr;
    }
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      E = AS->getBase();
      continue;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() == UO_Deref || UO->getOpcode() == UO_AddrOf) {
        E = UO->getSubExpr();
        continue;
      }
      return nullptr;
    }
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
      if ((OC->getOperator() == OO_Arrow || OC->getOperator() == OO_Star ||
           OC->getOperator() == OO_Subscript) &&
          OC->getNumArgs() >= 1) {
        E = OC->getArg(0);
        continue;
      }
      return nullptr;
    }
    return nullptr;
  }
  return nullptr;
}

} // namespace crossuser
