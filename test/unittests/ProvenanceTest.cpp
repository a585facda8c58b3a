#include "Analysis/Provenance.h"
#include "TestAST.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace crossuser;

namespace {

const char *Prelude = R"cpp(
  namespace std {
    class string { public: string(); string(const char *); string &append(const string &);
      string &operator+=(const string &); };
    string operator+(const string &, const string &);
    string to_string(long);
    template <class A, class B> struct pair { A first; B second; };
    template <class A, class B> pair<A, B> make_pair(A, B);
    class ostringstream { public: ostringstream &operator<<(const string &); string str() const; };
  }
  extern "C" int snprintf(char *, unsigned long, const char *, ...);
  struct Request { std::string path() const; std::string header(const std::string &) const; };
  struct User { long id; std::string country; };
  void sink(...);
)cpp";

/// The provenance of each argument of each call to `sink`, in order.
std::vector<Prov> sinkArgs(const std::string &Body) {
  std::unique_ptr<ASTUnit> AST = test::buildAST(std::string(Prelude) + Body);
  EXPECT_TRUE(AST);
  if (!AST)
    return {};
  EXPECT_FALSE(AST->getDiagnostics().hasErrorOccurred());
  Config Cfg = Config::defaults();
  Model M(AST->getASTContext(), Cfg);
  Provenance P(M);
  std::vector<Prov> Out;
  auto Calls = match(callExpr(callee(functionDecl(hasName("sink")))).bind("c"),
                     AST->getASTContext());
  std::vector<const CallExpr *> Sorted;
  for (const auto &R : Calls)
    Sorted.push_back(R.getNodeAs<CallExpr>("c"));
  const SourceManager &SM = AST->getSourceManager();
  std::sort(Sorted.begin(), Sorted.end(), [&](auto *A, auto *B) {
    return SM.isBeforeInTranslationUnit(A->getBeginLoc(), B->getBeginLoc());
  });
  for (const CallExpr *C : Sorted)
    for (const Expr *A : C->arguments())
      Out.push_back(P.of(A));
  return Out;
}

std::string verdicts(const std::string &Body) {
  std::string Out;
  for (const Prov &P : sinkArgs(Body))
    Out += P.identifies() ? 'I' : P.perUser() ? 'U' : '-';
  return Out;
}

TEST(ProvenanceTest, StringBuilding) {
  EXPECT_EQ(verdicts(R"cpp(
    void f(const Request &req, const std::string &user_id, long account) {
      sink(req.path());
      sink(req.path() + user_id);
      std::string k = "p:"; k.append(user_id); sink(k);
      std::string j = "p:"; j += req.path(); sink(j);
      sink(std::to_string(account));
      char buf[64]; snprintf(buf, sizeof buf, "%s/%ld", "x", account); sink(buf);
      char b2[64]; snprintf(b2, sizeof b2, "%s", "x"); sink(b2);
      std::ostringstream os; os << "k" << user_id; sink(os.str());
    })cpp"),
            "-II-II-I");
}

TEST(ProvenanceTest, AggregatesLambdasAndHeaders) {
  EXPECT_EQ(verdicts(R"cpp(
    struct Key { std::string tenant; std::string path; };
    void f(const Request &req, const User &user) {
      sink(std::make_pair(user.id, req.path()));
      sink(Key{req.header("X-Tenant-Id"), req.path()});
      sink(Key{"t", req.path()});
      auto make = [&](const std::string &p) { return p + std::to_string(user.id); };
      sink(make(req.path()));
      auto drop = [](const std::string &p) { return p; };
      sink(drop(req.path()));
      sink(user.country);
      sink(req.header("Authorization"));
    })cpp"),
            "II-I-UI");
}

TEST(ProvenanceTest, HelperSummaries) {
  EXPECT_EQ(verdicts(R"cpp(
    std::string keep(const std::string &p, const std::string &uid) { return p + ":" + uid; }
    std::string drop(const std::string &p, const std::string &uid) { return p; }
    std::string inner(const std::string &s) { return "x" + s; }
    std::string outer(const std::string &s) { return inner(s); }
    void f(const Request &req, const std::string &uid) {
      sink(keep(req.path(), uid));
      sink(drop(req.path(), uid));
      sink(outer(uid));
      sink(outer(req.path()));
    })cpp"),
            "I-I-");
}

TEST(ProvenanceTest, RecursionAndCyclesTerminate) {
  EXPECT_EQ(verdicts(R"cpp(
    std::string odd(const std::string &s, int n);
    std::string even(const std::string &s, int n) { return n ? odd(s, n - 1) : s; }
    std::string odd(const std::string &s, int n) { return n ? even(s + "o", n - 1) : s; }
    void f(const Request &req, const std::string &uid) {
      sink(even(uid, 5));
      sink(even(req.path(), 5));
      std::string x = req.path(); x = x + x; sink(x);
    })cpp"),
            "I--");
}

TEST(ProvenanceTest, DeepHelperChainsAreBounded) {
  // 200 helpers deep: the engine must neither recurse without bound nor
  // take long; past its depth bound a call is treated as opaque, which
  // keeps whatever its arguments carry.
  std::string Code;
  Code += "std::string h0(const std::string &s) { return s; }\n";
  for (int I = 1; I < 200; ++I)
    Code += "std::string h" + std::to_string(I) +
            "(const std::string &s) { return h" + std::to_string(I - 1) +
            "(s); }\n";
  Code += "void f(const Request &req, const std::string &uid) { sink(h199(uid)); "
          "sink(h199(req.path())); }\n";
  EXPECT_EQ(verdicts(Code), "I-");
}

TEST(ProvenanceTest, IdentityAvailableAndWhere) {
  std::unique_ptr<ASTUnit> AST = test::buildAST(std::string(Prelude) + R"cpp(
    struct Session { std::string user_id() const; };
    Session GetSession(const Request &);
    void none(const Request &req) { sink(req.path()); }
    void some(const Request &req) { auto s = GetSession(req); sink(req.path()); }
    void param(long tenant_id) { sink(tenant_id); }
  )cpp");
  ASSERT_TRUE(AST);
  Config Cfg = Config::defaults();
  Model M(AST->getASTContext(), Cfg);
  Provenance P(M);
  auto fn = [&](const char *Name) {
    return test::findFirst<FunctionDecl>(
        AST->getASTContext(), functionDecl(hasName(Name), isDefinition()).bind("x"));
  };
  EXPECT_FALSE(P.identityAvailableIn(fn("none")).valid());
  Evidence Some = P.identityAvailableIn(fn("some"));
  ASSERT_TRUE(Some.valid());
  EXPECT_EQ(Some.Text, "GetSession(req)");
  Evidence Param = P.identityAvailableIn(fn("param"));
  ASSERT_TRUE(Param.valid());
  EXPECT_EQ(Param.Text, "tenant_id");
}

} // namespace
