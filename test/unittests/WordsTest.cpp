#include "Analysis/Words.h"
#include "gtest/gtest.h"

using namespace crossuser;

static std::string joined(llvm::StringRef Name) {
  std::string Out;
  for (const std::string &W : splitWords(Name))
    Out += (Out.empty() ? "" : ",") + W;
  return Out;
}

TEST(WordsTest, SplitsCamelCaseSnakeCaseAndAcronyms) {
  EXPECT_EQ(joined("getUserID"), "get,user,id");
  EXPECT_EQ(joined("HTTPServer"), "http,server");
  EXPECT_EQ(joined("user_id_"), "user,id");
  EXPECT_EQ(joined("kTenantKey2"), "k,tenant,key,2");
  EXPECT_EQ(joined("X-User-Id"), "x,user,id");
  EXPECT_EQ(joined("XUserId"), "x,user,id");
  EXPECT_EQ(joined("std::unordered_map"), "std,unordered,map");
  EXPECT_EQ(joined(""), "");
  EXPECT_EQ(joined("__"), "");
}

TEST(WordsTest, MatchesWholeWordsOnly) {
  WordSet S("user;sub;session");
  EXPECT_TRUE(S.matchesAnyWord("current_user"));
  EXPECT_TRUE(S.matchesAnyWord("SessionToken"));
  EXPECT_TRUE(S.matchesAnyWord("jwt_sub"));
  // `subscription` is not `sub`, `resume` and `username` are not `user`.
  EXPECT_FALSE(S.matchesAnyWord("subscription"));
  EXPECT_FALSE(S.matchesAnyWord("resume"));
  EXPECT_FALSE(S.matchesAnyWord("username"));
  EXPECT_FALSE(S.matchesAnyWord("sessions"));
}

TEST(WordsTest, ListsTrimBlanksAndDropEmpties) {
  auto L = splitList(" a; b ;;c;");
  ASSERT_EQ(L.size(), 3u);
  EXPECT_EQ(L[0], "a");
  EXPECT_EQ(L[1], "b");
  EXPECT_EQ(L[2], "c");
  WordSet S("Authorization; X-User-Id");
  EXPECT_TRUE(S.containsExact("authorization"));
  EXPECT_TRUE(S.containsExact("x-user-id"));
  EXPECT_FALSE(S.containsExact("x-user"));
}
