#include "EnclosingFunction.h"
#include "Fingerprint.h"
#include "TestAST.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "gtest/gtest.h"

using namespace crossuser;
using namespace clang;
using namespace clang::ast_matchers;

namespace {

TEST(FingerprintTest, IgnoresWhitespaceNotText) {
  std::string A = fingerprintBase("c", "ns::F", "msg", "  cache_.Put(k, v);");
  EXPECT_EQ(A, fingerprintBase("c", "ns::F", "msg", "cache_.Put( k,v );\t"));
  EXPECT_EQ(A.size(), 32u);
  EXPECT_NE(A, fingerprintBase("c", "ns::G", "msg", "cache_.Put(k, v);"));
  EXPECT_NE(A, fingerprintBase("c", "ns::F", "msg2", "cache_.Put(k, v);"));
  EXPECT_EQ(fingerprintBase("c", "F", "keyed by 'a + b'", "l"),
            fingerprintBase("c", "F", "keyed by 'a+b'", "l"));
  EXPECT_NE(A, fingerprintBase("d", "ns::F", "msg", "cache_.Put(k, v);"));
  EXPECT_NE(A, fingerprintBase("c", "ns::F", "msg", "cache_.Put(k, w);"));
  // Parts are separated: text cannot move between them unnoticed.
  EXPECT_NE(fingerprintBase("ab", "c", "m", "l"),
            fingerprintBase("a", "bc", "m", "l"));
}

TEST(FingerprintTest, OccurrencesCountPerFileAndBase) {
  std::vector<ReportFinding> F(4);
  F[0].Loc.Path = "a.cpp";
  F[0].BaseFingerprint = "x";
  F[1].Loc.Path = "a.cpp";
  F[1].BaseFingerprint = "x";
  F[2].Loc.Path = "a.cpp";
  F[2].BaseFingerprint = "y";
  F[3].Loc.Path = "b.cpp";
  F[3].BaseFingerprint = "x";
  assignOccurrences(F);
  EXPECT_EQ(F[0].Fingerprint, "x:0");
  EXPECT_EQ(F[1].Fingerprint, "x:1");
  EXPECT_EQ(F[2].Fingerprint, "y:0");
  EXPECT_EQ(F[3].Fingerprint, "x:0");
  EXPECT_EQ(baseOfFingerprint("abc:12"), "abc");
}

/// The name FunctionIndex gives the call to `mark()` that follows \p Marker
/// in the code.
std::string nameAtMark(const std::string &Code) {
  auto AST = test::buildAST(Code);
  ASTContext &Ctx = AST->getASTContext();
  const auto *Call = test::findFirst<CallExpr>(
      Ctx, callExpr(callee(functionDecl(hasName("mark")))).bind("x"));
  if (!Call)
    return "<no mark>";
  return FunctionIndex(Ctx).nameAt(Call->getBeginLoc());
}

TEST(FingerprintTest, EnclosingFunctionNames) {
  EXPECT_EQ(nameAtMark("void mark(); void f() { mark(); }"), "f");
  EXPECT_EQ(nameAtMark("void mark(); namespace a { struct S { void m() { "
                       "mark(); } }; }"),
            "a::S::m");
  EXPECT_EQ(nameAtMark("void mark(); namespace a { struct S { void m(); }; }"
                       " void a::S::m() { mark(); }"),
            "a::S::m");
  EXPECT_EQ(nameAtMark("void mark(); struct S { S() { mark(); } };"), "S::S");
  EXPECT_EQ(nameAtMark("void mark(); void f() { auto l = [] { mark(); }; }"),
            "f::<lambda>");
  EXPECT_EQ(nameAtMark("void mark(); template <class T> void t(T) { mark(); }"),
            "t");
  EXPECT_EQ(nameAtMark("int mark(); int g = mark();"), "");
}

TEST(FingerprintTest, Utf16Columns) {
  EXPECT_EQ(utf16Column("abc", 3), 3u);
  // "é" is 2 bytes and 1 UTF-16 unit; "😀" is 4 bytes and 2 units.
  EXPECT_EQ(utf16Column("\xc3\xa9x", 3), 2u);
  EXPECT_EQ(utf16Column("\xf0\x9f\x98\x80x", 5), 3u);
  // Invalid UTF-8 counts bytes.
  EXPECT_EQ(utf16Column("\xffx", 2), 2u);
}

} // namespace
