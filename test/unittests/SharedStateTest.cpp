#include "Analysis/Model.h"
#include "Analysis/SharedState.h"
#include "Analysis/TUContext.h"
#include "TestAST.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace crossuser;

namespace {

const char *Prelude = R"cpp(
  namespace std { class string { public: string(); string(const char *); };
    template <class T> class shared_ptr { public: T *operator->() const; };
    template <class T> class vector { public: void push_back(const T &); }; }
  struct Session { std::string user_id() const; };
  namespace http { struct Handler { virtual ~Handler(); }; }
)cpp";

/// How the shared-storage classifier sees each assignment's left-hand side:
/// "<decl>=<shared|request|unknown>[ (<why>)]".
class SharedStorageTest : public ::testing::Test {
protected:
  std::vector<std::string> classify(const std::string &Code) {
    AST = test::buildAST(std::string(Prelude) + Code);
    EXPECT_TRUE(AST);
    M = std::make_unique<Model>(AST->getASTContext(), Cfg);
    std::vector<std::string> Out;
    for (const auto &R :
         match(binaryOperator(isAssignmentOperator(),
                              hasLHS(expr().bind("lhs"))),
               AST->getASTContext())) {
      StorageInfo SI = M->classifyStorage(R.getNodeAs<Expr>("lhs"));
      std::string K = SI.Kind == Sharing::Shared       ? "shared"
                      : SI.Kind == Sharing::PerRequest ? "request"
                                                       : "unknown";
      const ValueDecl *D = SI.Holder ? SI.Holder : SI.Decl;
      std::string S = (D ? D->getNameAsString() : "?") + "=" + K;
      if (!SI.Why.empty())
        S += " (" + SI.Why + ")";
      Out.push_back(S);
    }
    return Out;
  }
  Config Cfg = Config::defaults();
  std::unique_ptr<ASTUnit> AST;
  std::unique_ptr<Model> M;
};

TEST_F(SharedStorageTest, VariablesByStorageDuration) {
  EXPECT_EQ(classify(R"cpp(
    int g; struct S { static int s; }; thread_local int t;
    void f(int &param) {
      static int ls; int local; int &alias = g;
      g = 1; S::s = 1; t = 1; ls = 1; local = 1; alias = 1; param = 1;
    }
  )cpp"),
            (std::vector<std::string>{
                "g=shared (declared at namespace scope)",
                "s=shared (a static data member)",
                "t=shared (declared thread_local; pooled threads serve many "
                "users)",
                "ls=shared (a function-local static)", "local=request",
                "g=shared (declared at namespace scope)", "param=unknown"}));
}

TEST_F(SharedStorageTest, ThreadLocalOption) {
  Cfg.ThreadLocalIsShared = false;
  EXPECT_EQ(classify("thread_local int t; void f() { t = 1; }"),
            (std::vector<std::string>{
                "t=request (declared thread_local; pooled threads serve "
                "many users)"}));
}

TEST_F(SharedStorageTest, LongLivedClasses) {
  EXPECT_EQ(classify(R"cpp(
    struct A : http::Handler { int x; void f() { x = 1; } };
    struct FooService { int x; void f() { x = 1; } };
    struct Single { int x; static Single &get() { static Single s; return s; }
                    void f() { x = 1; } };
    struct Held { int x; void f() { x = 1; } };
    std::shared_ptr<Held> g_held;
    struct Inner { int x; void f() { x = 1; } };
    struct Outer : http::Handler { Inner inner; };
    struct Plain { int x; void f() { x = 1; } };
    struct RequestHandler : http::Handler { int x; void f() { x = 1; } };
    struct RequestData { int x; void f() { x = 1; } };
    void g() { Single::get().x = 2; g_held->x = 2; }
  )cpp"),
            (std::vector<std::string>{
                "x=shared (a member of 'A', which derives from "
                "'http::Handler')",
                "x=shared (a member of 'FooService', a long-lived class by "
                "its name)",
                "x=shared (a member of singleton 'Single')",
                "x=shared (a member of 'Held', whose instance 'g_held' is "
                "declared at namespace scope)",
                "x=shared (a member of 'Inner', held by 'Outer::inner' (a "
                "member of 'Outer', which derives from 'http::Handler'))",
                "x=unknown",
                "x=shared (a member of 'RequestHandler', which derives from "
                "'http::Handler')",
                "x=request",
                "s=shared (a function-local static)",
                "g_held=shared (declared at namespace scope)"}));
}

TEST_F(SharedStorageTest, RegisteredClass) {
  EXPECT_EQ(classify(R"cpp(
    struct Page { int x; void f() { x = 1; } };
    struct Server { void RegisterHandler(Page *); };
    void wire(Server &s) { s.RegisterHandler(new Page); }
  )cpp"),
            (std::vector<std::string>{
                "x=shared (a member of 'Page', registered to serve requests)"}));
}

TEST(SharedStateRuleTest, WritesOfPerUserDataOnly) {
  auto AST = test::buildAST(std::string(Prelude) + R"cpp(
    std::string g_user, g_path;
    std::vector<std::string> g_seen;
    void f(const Session &session, const std::string &path) {
      g_user = session.user_id();
      g_path = path;
      g_seen.push_back(session.user_id());
    }
  )cpp");
  ASSERT_TRUE(AST);
  std::vector<std::string> Got;
  for (const Finding &F :
       findSharedStateIssues(*std::make_unique<TUContext>(AST->getASTContext(), Config::defaults()), Config::defaults()))
    Got.push_back(F.Message);
  EXPECT_EQ(Got, (std::vector<std::string>{
                     "per-user data 'session.user_id()' is written to "
                     "'g_user', which is shared between requests",
                     "per-user data 'session.user_id()' is written to "
                     "'g_seen', which is shared between requests"}));
}

} // namespace
