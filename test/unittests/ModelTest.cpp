#include "Analysis/Model.h"
#include "TestAST.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace crossuser;

namespace {

class ModelTest : public ::testing::Test {
protected:
  void build(const std::string &Code) {
    AST = test::buildAST(Code);
    ASSERT_TRUE(AST);
    M = std::make_unique<Model>(AST->getASTContext(), Cfg);
  }
  QualType typeOfVar(const std::string &Name) {
    const auto *VD = test::findFirst<VarDecl>(AST->getASTContext(),
                                              varDecl(hasName(Name)).bind("x"));
    EXPECT_TRUE(VD) << Name;
    return VD ? VD->getType() : QualType();
  }
  const ValueDecl *decl(const std::string &Name) {
    const auto *D = test::findFirst<ValueDecl>(
        AST->getASTContext(), valueDecl(hasName(Name)).bind("x"));
    EXPECT_TRUE(D) << Name;
    return D;
  }
  Config Cfg = Config::defaults();
  std::unique_ptr<ASTUnit> AST;
  std::unique_ptr<Model> M;
};

const char *Types = R"cpp(
  namespace std { class string {}; template <class T> class shared_ptr { T *p; };
    template <class K, class V> class unordered_map {}; template <class T> class vector {}; }
  struct UserId { std::string v; };
  using TenantKey = std::string;
  struct UserRepository {};
  struct SessionStore {};
  template <class Tag> struct StrongId {};
  struct UserTag {};
  struct Profile {};
  struct Product { int id; };
  struct Entry { UserId owner; std::string data; };
  template <class K, class V> struct LruCache {};
  struct RedisClient {};
  struct [[clang::annotate("crossuser::identity")]] Principal2 {};
  UserId a; TenantKey b; UserRepository c; SessionStore d; StrongId<UserTag> e;
  std::shared_ptr<UserId> f; Profile g; Product h; Entry i; std::vector<Profile> j;
  LruCache<std::string, Profile> k; RedisClient l; std::unordered_map<int, int> m;
  Principal2 n; std::string o;
)cpp";

TEST_F(ModelTest, IdentityTypes) {
  build(Types);
  EXPECT_TRUE(M->isIdentityType(typeOfVar("a")));
  EXPECT_TRUE(M->isIdentityType(typeOfVar("b"))) << "typedef name counts";
  EXPECT_FALSE(M->isIdentityType(typeOfVar("c"))) << "a repository of users";
  EXPECT_FALSE(M->isIdentityType(typeOfVar("d"))) << "a store of sessions";
  EXPECT_TRUE(M->isIdentityType(typeOfVar("e"))) << "strong id by tag";
  EXPECT_TRUE(M->isIdentityType(typeOfVar("f"))) << "through a smart pointer";
  EXPECT_TRUE(M->isIdentityType(typeOfVar("n"))) << "annotated";
  EXPECT_FALSE(M->isIdentityType(typeOfVar("o")));
}

TEST_F(ModelTest, PerUserTypes) {
  build(Types);
  EXPECT_TRUE(M->isPerUserType(typeOfVar("g")));
  EXPECT_FALSE(M->isPerUserType(typeOfVar("h")));
  EXPECT_TRUE(M->isPerUserType(typeOfVar("i"))) << "records its owner";
  EXPECT_TRUE(M->isPerUserType(typeOfVar("j"))) << "a vector of profiles";
  EXPECT_TRUE(M->isPerUserType(typeOfVar("a")));
}

TEST_F(ModelTest, CacheTypes) {
  build(Types);
  EXPECT_TRUE(M->isCacheType(typeOfVar("k")));
  EXPECT_FALSE(M->isCacheType(typeOfVar("m")));
  EXPECT_TRUE(M->isAssociativeContainer(typeOfVar("m")));
  EXPECT_TRUE(M->isRemoteCacheType(typeOfVar("l")));
  EXPECT_FALSE(M->isRemoteCacheType(typeOfVar("k")));
}

TEST_F(ModelTest, IdentityDeclsNeedAValueLikeType) {
  build(R"cpp(
    namespace std { class string {}; template <class K, class V> class unordered_map {}; }
    struct Database {};
    std::string user_id; int tenant; std::string subscription_id;
    std::unordered_map<int, int> user_cache; Database users_db;
    std::string resume; bool is_user_admin();
    [[clang::annotate("crossuser::identity")]] std::string who;
  )cpp");
  EXPECT_TRUE(M->isIdentityDecl(decl("user_id")));
  EXPECT_TRUE(M->isIdentityDecl(decl("tenant")));
  EXPECT_TRUE(M->isIdentityDecl(decl("who")));
  EXPECT_FALSE(M->isIdentityDecl(decl("subscription_id")));
  EXPECT_FALSE(M->isIdentityDecl(decl("user_cache"))) << "storage, not a user";
  EXPECT_FALSE(M->isIdentityDecl(decl("users_db")));
  EXPECT_FALSE(M->isIdentityDecl(decl("resume")));
  EXPECT_FALSE(M->isIdentityDecl(decl("is_user_admin"))) << "a yes/no answer";
}

// Found on drogon and trantor (docs/evaluation.md).
TEST_F(ModelTest, NamesThatOnlyLookLikeIdentities) {
  build(R"cpp(
    namespace std { class string {};
      template <class S> class function;
      template <class R, class... A> class function<R(A...)> {
      public: R operator()(A...) const; }; }
    extern "C" { struct ssl_session_st; typedef struct ssl_session_st SSL_SESSION; }
    using SessionCallback = std::function<void(const std::string &)>;
    SSL_SESSION *session; std::string userAgent; std::string user_agent_;
    unsigned sessionTimeout_; double session_ttl; long max_users; int user_count;
    SessionCallback on_session; void (*user_hook)(int);
    std::string session_id; std::string userName; int owner;
    std::string account_number;
  )cpp");
  EXPECT_FALSE(M->isIdentityDecl(decl("session"))) << "a TLS session";
  EXPECT_FALSE(M->isIdentityType(typeOfVar("session")));
  EXPECT_FALSE(M->isIdentityDecl(decl("userAgent"))) << "client software";
  EXPECT_FALSE(M->isIdentityDecl(decl("user_agent_")));
  EXPECT_FALSE(M->isIdentityDecl(decl("sessionTimeout_"))) << "a setting";
  EXPECT_FALSE(M->isIdentityDecl(decl("session_ttl")));
  EXPECT_FALSE(M->isIdentityDecl(decl("max_users")));
  EXPECT_FALSE(M->isIdentityDecl(decl("user_count")));
  EXPECT_FALSE(M->isIdentityDecl(decl("on_session"))) << "a callback";
  EXPECT_FALSE(M->isIdentityType(typeOfVar("on_session")));
  EXPECT_FALSE(M->isIdentityDecl(decl("user_hook")));
  EXPECT_TRUE(M->isIdentityDecl(decl("session_id")));
  EXPECT_TRUE(M->isIdentityDecl(decl("userName")));
  EXPECT_TRUE(M->isIdentityDecl(decl("owner")));
  EXPECT_TRUE(M->isIdentityDecl(decl("account_number")));
}

TEST_F(ModelTest, StorageClassification) {
  build(R"cpp(
    struct Map { int Get(int); };
    Map g_map;
    struct Widget { static Map s_map; };
    struct ProfileHandler { Map m; int f() { return m.Get(1); } };
    struct RequestContext { Map m; int f() { return m.Get(1); } };
    struct Helper { Map m; int f() { return m.Get(1); } };
    int use(Map &param) {
      static Map local_static;
      Map local;
      thread_local Map tls;
      Map &alias = g_map;
      return g_map.Get(1) + Widget::s_map.Get(1) + local_static.Get(1) +
             local.Get(1) + tls.Get(1) + alias.Get(1) + param.Get(1);
    }
  )cpp");
  auto Calls = match(cxxMemberCallExpr(on(expr().bind("obj"))).bind("call"),
                     AST->getASTContext());
  std::vector<std::string> Kinds;
  for (const auto &R : Calls) {
    StorageInfo SI = M->classifyStorage(R.getNodeAs<Expr>("obj"));
    std::string K = SI.Kind == Sharing::Shared       ? "shared"
                    : SI.Kind == Sharing::PerRequest ? "request"
                                                     : "unknown";
    Kinds.push_back((SI.Decl ? SI.Decl->getNameAsString() : "?") + "=" + K);
  }
  std::sort(Kinds.begin(), Kinds.end());
  std::vector<std::string> Want = {
      "g_map=shared",        "g_map=shared",  "local=request",
      "local_static=shared", "m=request",     "m=shared",
      "m=unknown",           "param=unknown", "s_map=shared",
      "tls=shared"};
  EXPECT_EQ(Kinds, Want);
}

} // namespace
