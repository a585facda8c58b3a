#include "Analysis/CacheableResponse.h"
#include "Analysis/TUContext.h"
#include "TestAST.h"
#include "gtest/gtest.h"

using namespace crossuser;

namespace {

const char *Prelude = R"cpp(
  namespace std { class string { public: string(); string(const char *); };
    string operator+(const string &, const string &);
    string to_string(int); }
  struct Request { std::string path() const; std::string header(const std::string &) const; };
  struct Response { std::string body; void set_header(const std::string &, const std::string &); };
  struct Profile { std::string name; };
  Profile LoadProfile(const std::string &uid);
  std::string Render(const Profile &p);
  std::string Asset(const std::string &path);
  struct ResponseCache { void Put(const std::string &k, const Response &r); };
)cpp";

std::vector<std::string> messages(const std::string &Code,
                                  const Config &Cfg = Config::defaults()) {
  auto AST = test::buildAST(std::string(Prelude) + Code);
  EXPECT_TRUE(AST);
  std::vector<std::string> Out;
  for (const Finding &F :
       findCacheableResponseIssues(*std::make_unique<TUContext>(AST->getASTContext(), Cfg), Cfg)) {
    EXPECT_EQ(F.Check, "crossuser-cacheable-response");
    std::string S = F.Message;
    for (const FindingNote &N : F.Notes)
      S += " | " + N.Message;
    Out.push_back(S);
  }
  return Out;
}

std::string handler(const std::string &Body, const std::string &Policy) {
  return "void H(const Request &req, Response &resp, const std::string &uid) "
         "{ resp.body = " +
         Body + "; resp.set_header(\"Cache-Control\", " + Policy + "); }";
}

TEST(CacheableResponseTest, ReportsPublicPerUserResponseWithEvidence) {
  auto M = messages(handler("Render(LoadProfile(uid))", "\"public, max-age=300\""));
  ASSERT_EQ(M.size(), 1u);
  EXPECT_EQ(M[0], "response is made storable by shared caches "
                  "('Cache-Control: public, max-age=300') but carries "
                  "per-user data | per-user data 'Render(LoadProfile(uid))' "
                  "enters the response here | user identity 'uid' is "
                  "available here");
}

TEST(CacheableResponseTest, DirectivesDecide) {
  const std::string Body = "Render(LoadProfile(uid))";
  for (const char *Storable :
       {"\"public\"", "\"max-age=60\"", "\"s-maxage=60\"",
        "\"PUBLIC, Max-Age=5\"", "\"max-age=60, s-maxage=30\"",
        "std::string(\"public, max-age=\") + std::to_string(60)"})
    EXPECT_EQ(messages(handler(Body, Storable)).size(), 1u) << Storable;
  for (const char *Kept :
       {"\"private, max-age=60\"", "\"no-store\"", "\"no-cache\"",
        "\"max-age=0\"", "\"public, max-age=0\"", "\"max-age=60, s-maxage=0\"",
        "\"must-revalidate\"", "req.header(\"X-Policy\")"})
    EXPECT_TRUE(messages(handler(Body, Kept)).empty()) << Kept;
}

TEST(CacheableResponseTest, PublicContentIsNotReported) {
  EXPECT_TRUE(messages(handler("Asset(req.path())", "\"public, max-age=300\""))
                  .empty());
}

TEST(CacheableResponseTest, NoIdentityNoFinding) {
  EXPECT_TRUE(messages("void H(const Request &req, Response &resp) { "
                       "resp.body = Render(LoadProfile(req.path())); "
                       "resp.set_header(\"Cache-Control\", \"public\"); }")
                  .empty());
}

TEST(CacheableResponseTest, VaryOnCookieSeparatesUsers) {
  std::string Code = "void H(const Request &req, Response &resp, const "
                     "std::string &uid) { resp.body = Render(LoadProfile(uid)); "
                     "resp.set_header(\"Cache-Control\", \"public\"); "
                     "resp.set_header(\"Vary\", VARY); }";
  auto With = [&](const std::string &Vary) {
    std::string C = Code;
    C.replace(C.find("VARY"), 4, Vary);
    return messages(C);
  };
  EXPECT_TRUE(With("\"Cookie\"").empty());
  EXPECT_TRUE(With("\"Accept-Encoding, Authorization\"").empty());
  auto M = With("\"Accept-Encoding\"");
  ASSERT_EQ(M.size(), 1u);
  EXPECT_NE(M[0].find("'Vary: Accept-Encoding' does not separate users"),
            std::string::npos);
}

TEST(CacheableResponseTest, EarlyReturnBranchesAreSeparateResponses) {
  EXPECT_TRUE(messages("void H(const Request &req, Response &resp, const "
                       "std::string &uid) { if (uid.size()) { resp.body = "
                       "Render(LoadProfile(uid)); return; } "
                       "resp.set_header(\"Cache-Control\", \"public\"); "
                       "resp.body = Asset(req.path()); }")
                  .empty());
}

TEST(CacheableResponseTest, ResponseCacheKeyedByPath) {
  std::string Code = "struct PageHandler { ResponseCache cache_; void H(const "
                     "Request &req, Response &resp, const std::string &uid) { "
                     "resp.body = Render(LoadProfile(uid)); cache_.Put(KEY, "
                     "resp); } };";
  auto With = [&](const std::string &Key) {
    std::string C = Code;
    C.replace(C.find("KEY"), 3, Key);
    return messages(C);
  };
  auto M = With("req.path()");
  ASSERT_EQ(M.size(), 1u);
  EXPECT_EQ(M[0], "personalised response is stored in shared response cache "
                  "'cache_' under 'req.path()', which does not identify the "
                  "user | per-user data 'Render(LoadProfile(uid))' enters the "
                  "response here | user identity 'uid' is available here");
  EXPECT_TRUE(With("uid + req.path()").empty());
}

TEST(CacheableResponseTest, HeaderSettersOptionNamesTheApi) {
  Config Cfg =
      Config::fromOptions([](llvm::StringRef N) -> std::optional<std::string> {
        if (N == "HeaderSetters")
          return std::string("putHeader");
        return std::nullopt;
      });
  EXPECT_TRUE(
      messages(handler("Render(LoadProfile(uid))", "\"public\""), Cfg).empty());
}

} // namespace
