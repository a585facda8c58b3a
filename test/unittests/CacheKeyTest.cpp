#include "Analysis/CacheKey.h"
#include "Analysis/TUContext.h"
#include "TestAST.h"
#include "gtest/gtest.h"

using namespace crossuser;

namespace {

const char *Prelude = R"cpp(
  namespace std { class string { public: string(); string(const char *); };
    string operator+(const string &, const string &); }
  struct Request { std::string path() const; };
  struct Profile { std::string name; };
  template <class K, class V> struct LruCache { V *Get(const K &); void Put(const K &, const V &); };
  Profile LoadProfile(const std::string &uid);
)cpp";

std::vector<std::string> messages(const std::string &Code, const Config &Cfg) {
  auto AST = test::buildAST(std::string(Prelude) + Code);
  EXPECT_TRUE(AST);
  std::vector<std::string> Out;
  for (const Finding &F : findCacheKeyIssues(*std::make_unique<TUContext>(AST->getASTContext(), Cfg), Cfg)) {
    std::string S = F.Message;
    for (const FindingNote &N : F.Notes)
      S += " | " + N.Message;
    Out.push_back(S);
  }
  return Out;
}

const char *Handler = R"cpp(
  struct ProfileHandler {
    LruCache<std::string, Profile> cache_;
    void Handle(const Request &req, const std::string &uid) {
      cache_.Put(req.path(), LoadProfile(uid));
      cache_.Put(req.path() + uid, LoadProfile(uid));
    }
  };
)cpp";

TEST(CacheKeyTest, ReportsTheUserlessKeyWithItsEvidence) {
  auto M = messages(Handler, Config::defaults());
  ASSERT_EQ(M.size(), 1u);
  EXPECT_EQ(M[0], "cache 'cache_' is keyed by 'req.path()', which does not "
                  "identify the user | user identity 'uid' is available here | "
                  "per-user data 'LoadProfile(uid)' is stored in 'cache_' here");
}

TEST(CacheKeyTest, OptionsChangeTheModel) {
  // Without `uid` among the identity words nothing names a user here.
  Config Cfg = Config::fromOptions([](llvm::StringRef N) -> std::optional<std::string> {
    if (N == "IdentityNames")
      return std::string("tenant");
    return std::nullopt;
  });
  EXPECT_TRUE(messages(Handler, Cfg).empty());
}

TEST(CacheKeyTest, EveryOptionHasADefaultAndHelp) {
  // An option may be empty by default only when a shipped model carries
  // what it used to list (RedisCommandFunctions: hiredis.yaml), and then
  // its help says so.
  for (const OptionSpec &S : optionSpecs()) {
    EXPECT_NE(llvm::StringRef(S.Help), "") << S.Name;
    if (llvm::StringRef(S.Default).empty())
      EXPECT_TRUE(llvm::StringRef(S.Help).contains("shipped model")) << S.Name;
  }
}

} // namespace
