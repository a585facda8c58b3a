/// Builds small ASTs from code strings for the engine's unit tests.
#ifndef CROSSUSER_TEST_TESTAST_H
#define CROSSUSER_TEST_TESTAST_H

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Tooling/Tooling.h"
#include <memory>
#include <string>

namespace crossuser::test {

inline std::unique_ptr<clang::ASTUnit> buildAST(const std::string &Code) {
  return clang::tooling::buildASTFromCodeWithArgs(
      Code, {"-std=c++17", "-fsyntax-only", "-nostdinc++"}, "input.cpp");
}

/// The first node of type \p T bound to "x" by \p Matcher.
template <typename T, typename M>
const T *findFirst(clang::ASTContext &Ctx, const M &Matcher) {
  auto Results = clang::ast_matchers::match(Matcher, Ctx);
  for (const auto &R : Results)
    if (const T *N = R.template getNodeAs<T>("x"))
      return N;
  return nullptr;
}

} // namespace crossuser::test

#endif
