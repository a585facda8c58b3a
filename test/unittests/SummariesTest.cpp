#include "Analysis/CacheKey.h"
#include "Analysis/Config.h"
#include "Analysis/Model.h"
#include "Analysis/Provenance.h"
#include "Analysis/Summaries.h"
#include "TestAST.h"
#include "gtest/gtest.h"

using namespace crossuser;

namespace {

TUSummary sample() {
  TUSummary S;
  S.Producer = "0.1.0";
  S.TU = "/src/cache_util.cpp";
  S.CommandKey = "0123456789abcdef";
  S.Inputs.push_back({"/src/api.h", 120, "00000000deadbeef"});
  S.Dependencies.push_back({"c:@F@MakeKey#", "0000000000000001"});
  FunctionFacts F;
  F.Usr = "c:@F@GetCached#";
  F.Name = "GetCached";
  F.Where = "/src/cache_util.cpp:3";
  F.ParamNames = {"key", "out"};
  F.ResultParams = {0};
  F.ResultPerUser = "g_cache.Get(key)";
  F.OutParams.push_back({1, {0}});
  F.Stores.push_back({0, "g_cache", "cache", "/src/cache_util.cpp:4"});
  CacheUseFact U;
  U.Cache = "g_cache";
  U.KeyParams = {0};
  U.PerUser = "'g_cache' holds values of per-user type 'Profile'";
  U.Where = "/src/cache_util.cpp:4";
  F.CacheUses.push_back(U);
  S.Functions.push_back(F);
  return S;
}

TEST(SummariesTest, RoundTrip) {
  TUSummary S = sample();
  std::string Text = toJSONText(S);
  llvm::Expected<TUSummary> Back = parseSummary(Text);
  ASSERT_TRUE(bool(Back)) << llvm::toString(Back.takeError());
  EXPECT_EQ(Back->Version, SummaryFormatVersion);
  EXPECT_EQ(Back->TU, S.TU);
  EXPECT_EQ(Back->CommandKey, S.CommandKey);
  ASSERT_EQ(Back->Inputs.size(), 1u);
  EXPECT_EQ(Back->Inputs[0].Size, 120u);
  EXPECT_EQ(Back->Inputs[0].Hash, "00000000deadbeef");
  EXPECT_EQ(Back->Dependencies, S.Dependencies);
  ASSERT_EQ(Back->Functions.size(), 1u);
  EXPECT_TRUE(Back->Functions[0] == S.Functions[0]);
  // Writing what was read gives the same bytes.
  EXPECT_EQ(toJSONText(*Back), Text);
}

TEST(SummariesTest, OtherVersionsAndCorruptFilesAreErrors) {
  std::string Text = toJSONText(sample());
  std::string Old = Text;
  Old.replace(Old.find("\"version\": 1"), 12, "\"version\": 0");
  llvm::Expected<TUSummary> R = parseSummary(Old);
  ASSERT_FALSE(bool(R));
  EXPECT_EQ(llvm::toString(R.takeError()),
            "written by crossuser 0.1.0 in summary format version 0; this "
            "crossuser reads version 1");
  llvm::Expected<TUSummary> Cut = parseSummary(Text.substr(0, Text.size() / 2));
  ASSERT_FALSE(bool(Cut));
  EXPECT_NE(llvm::toString(Cut.takeError()).find("not valid JSON"),
            std::string::npos);
  std::string NoFacts = Text;
  NoFacts.replace(NoFacts.find("\"resultParams\""), 14, "\"resultParamz\"");
  llvm::Expected<TUSummary> Missing = parseSummary(NoFacts);
  ASSERT_FALSE(bool(Missing));
  EXPECT_EQ(llvm::toString(Missing.takeError()),
            "malformed summary: missing array 'resultParams'");
}

TEST(SummariesTest, IndexIsIndependentOfLoadOrder) {
  TUSummary A = sample(), B = sample();
  B.TU = "/src/another.cpp";
  B.Functions[0].ResultParams = {};
  SummaryIndex I1, I2;
  I1.add(A);
  I1.add(B);
  I1.finalize();
  I2.add(B);
  I2.add(A);
  I2.finalize();
  const FunctionFacts *F1 = I1.lookup("c:@F@GetCached#");
  const FunctionFacts *F2 = I2.lookup("c:@F@GetCached#");
  ASSERT_TRUE(F1 && F2);
  // The first translation unit in path order wins.
  EXPECT_TRUE(F1->ResultParams.empty());
  EXPECT_TRUE(*F1 == *F2);
}

TEST(SummariesTest, SummarisesKeyBuildersAndWrappers) {
  auto AST = test::buildAST(R"cpp(
    namespace std { class string { public: string(); string(const char *); };
      string operator+(const string &, const string &); }
    struct Profile { std::string name; };
    template <class K, class V> struct LruCache { V *Get(const K &); };
    LruCache<std::string, Profile> g_cache;
    std::string MakeKey(const std::string &path, const std::string &uid) {
      return "p:" + path;
    }
    Profile *GetCached(const std::string &k) { return g_cache.Get(k); }
    void Fill(std::string &out, const std::string &a, const std::string &b) {
      out = a;
    }
  )cpp");
  ASSERT_TRUE(AST);
  TUSummary S;
  summariseTU(AST->getASTContext(), Config::defaults(), S);
  ASSERT_EQ(S.Functions.size(), 3u);
  std::map<std::string, const FunctionFacts *> ByName;
  for (const FunctionFacts &F : S.Functions)
    ByName[F.Name] = &F;
  ASSERT_TRUE(ByName.count("MakeKey"));
  EXPECT_EQ(ByName["MakeKey"]->ResultParams, std::vector<unsigned>{0});
  const FunctionFacts *W = ByName["GetCached"];
  ASSERT_TRUE(W);
  ASSERT_EQ(W->CacheUses.size(), 1u);
  EXPECT_EQ(W->CacheUses[0].Cache, "g_cache");
  EXPECT_FALSE(W->CacheUses[0].Insert);
  EXPECT_EQ(W->CacheUses[0].KeyParams, std::vector<unsigned>{0});
  const FunctionFacts *Fill = ByName["Fill"];
  ASSERT_TRUE(Fill);
  ASSERT_EQ(Fill->OutParams.size(), 1u);
  EXPECT_EQ(Fill->OutParams[0].Param, 0u);
  EXPECT_EQ(Fill->OutParams[0].From, std::vector<unsigned>{1});
}

TEST(SummariesTest, CallsWithoutBodyUseTheIndex) {
  auto AST = test::buildAST(R"cpp(
    namespace std { class string { public: string(); string(const char *); }; }
    std::string MakeKey(const std::string &path, const std::string &uid);
    std::string Use(const std::string &path, const std::string &uid) {
      return MakeKey(path, uid);
    }
  )cpp");
  ASSERT_TRUE(AST);
  clang::ASTContext &Ctx = AST->getASTContext();
  const auto *Ret = test::findFirst<clang::ReturnStmt>(
      Ctx, clang::ast_matchers::returnStmt().bind("x"));
  ASSERT_TRUE(Ret);
  const auto *Call = Ret->getRetValue();
  // Per-TU mode: the opaque call keeps every argument, `uid` included.
  Config PerTU = Config::defaults();
  {
    Model M(Ctx, PerTU);
    Provenance P(M);
    EXPECT_TRUE(P.of(Call).identifies());
  }
  // With a summary saying only `path` reaches the result: no identity,
  // but still the user's data.
  const auto *MakeKey = test::findFirst<clang::FunctionDecl>(
      Ctx, clang::ast_matchers::functionDecl(
               clang::ast_matchers::hasName("MakeKey"))
               .bind("x"));
  ASSERT_TRUE(MakeKey);
  TUSummary Other;
  Other.TU = "/src/keys.cpp";
  FunctionFacts F;
  F.Usr = functionUsr(MakeKey);
  F.Name = "MakeKey";
  F.ResultParams = {0};
  Other.Functions.push_back(F);
  auto Index = std::make_shared<SummaryIndex>();
  Index->add(Other);
  Index->finalize();
  Config Whole = Config::defaults();
  Whole.Summaries = Index;
  Model M(Ctx, Whole);
  Provenance P(M);
  Prov Result = P.of(Call);
  EXPECT_FALSE(Result.identifies());
  EXPECT_TRUE(Result.perUser());
}

} // namespace
