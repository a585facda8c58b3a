#include "DiffFilter.h"
#include "gtest/gtest.h"
#include <iterator>
#include <random>

using namespace crossuser;

namespace {

std::string errorOf(llvm::StringRef Text) {
  llvm::Expected<ChangedLines> R = parseUnifiedDiff(Text);
  if (R)
    return "";
  return llvm::toString(R.takeError());
}

TEST(DiffFilterTest, GitDiffU0) {
  llvm::Expected<ChangedLines> R = parseUnifiedDiff(
      "diff --git a/src/a.cpp b/src/a.cpp\n"
      "index 1111111..2222222 100644\n"
      "--- a/src/a.cpp\n"
      "+++ b/src/a.cpp\n"
      "@@ -3 +3 @@ void f() {\n"
      "-  old();\n"
      "+  changed();\n"
      "@@ -10,0 +11,2 @@\n"
      "+  added();\n"
      "+  added2();\n"
      "@@ -20,2 +22,0 @@\n"
      "-  gone();\n"
      "-  gone2();\n");
  ASSERT_TRUE(bool(R)) << llvm::toString(R.takeError());
  EXPECT_FALSE(R->contains("src/a.cpp", 2));
  EXPECT_TRUE(R->contains("src/a.cpp", 3));
  EXPECT_FALSE(R->contains("src/a.cpp", 10));
  EXPECT_TRUE(R->contains("src/a.cpp", 11));
  EXPECT_TRUE(R->contains("src/a.cpp", 12));
  EXPECT_FALSE(R->contains("src/a.cpp", 13));
  EXPECT_FALSE(R->contains("src/a.cpp", 22));
  EXPECT_FALSE(R->contains("a.cpp", 3));
}

TEST(DiffFilterTest, ContextLinesAreNotChanges) {
  llvm::Expected<ChangedLines> R = parseUnifiedDiff("--- a/x.cpp\n"
                                                    "+++ b/x.cpp\n"
                                                    "@@ -1,3 +1,4 @@\n"
                                                    " one\n"
                                                    "+two\n"
                                                    " three\n"
                                                    "\n"
                                                    "\\ No newline at end of file\n");
  ASSERT_TRUE(bool(R)) << llvm::toString(R.takeError());
  EXPECT_FALSE(R->contains("x.cpp", 1));
  EXPECT_TRUE(R->contains("x.cpp", 2));
  EXPECT_FALSE(R->contains("x.cpp", 3));
  EXPECT_FALSE(R->contains("x.cpp", 4));
}

TEST(DiffFilterTest, NewDeletedRenamedAndBinaryFiles) {
  llvm::Expected<ChangedLines> R = parseUnifiedDiff(
      "diff --git a/new.cpp b/new.cpp\n"
      "new file mode 100644\n"
      "index 0000000..1111111\n"
      "--- /dev/null\n"
      "+++ b/new.cpp\n"
      "@@ -0,0 +1,2 @@\n"
      "+a\n"
      "+b\n"
      "diff --git a/old.cpp b/old.cpp\n"
      "deleted file mode 100644\n"
      "--- a/old.cpp\n"
      "+++ /dev/null\n"
      "@@ -1 +0,0 @@\n"
      "-a\n"
      "diff --git a/from.cpp b/to.cpp\n"
      "similarity index 90%\n"
      "rename from from.cpp\n"
      "rename to to.cpp\n"
      "--- a/from.cpp\n"
      "+++ b/to.cpp\n"
      "@@ -5 +5 @@\n"
      "-x\n"
      "+y\n"
      "diff --git a/img.png b/img.png\n"
      "Binary files a/img.png and b/img.png differ\n");
  ASSERT_TRUE(bool(R)) << llvm::toString(R.takeError());
  EXPECT_TRUE(R->contains("new.cpp", 1));
  EXPECT_TRUE(R->contains("new.cpp", 2));
  EXPECT_FALSE(R->contains("old.cpp", 1));
  EXPECT_TRUE(R->contains("to.cpp", 5));
  EXPECT_FALSE(R->contains("from.cpp", 5));
}

TEST(DiffFilterTest, QuotedAndUnprefixedPaths) {
  llvm::Expected<ChangedLines> R = parseUnifiedDiff(
      "--- \"a/sp ace\\303\\251.cpp\"\n"
      "+++ \"b/sp ace\\303\\251.cpp\"\n"
      "@@ -1 +1 @@\n"
      "-a\n"
      "+b\n"
      "--- x.cpp\t2024-01-01 00:00:00\n"
      "+++ y.cpp\t2024-01-02 00:00:00\n"
      "@@ -1 +1 @@\n"
      "-a\n"
      "+b\n");
  ASSERT_TRUE(bool(R)) << llvm::toString(R.takeError());
  EXPECT_TRUE(R->contains("sp ace\xc3\xa9.cpp", 1));
  EXPECT_TRUE(R->contains("y.cpp", 1));
}

TEST(DiffFilterTest, EmptyDiffIsValid) {
  llvm::Expected<ChangedLines> R = parseUnifiedDiff("");
  ASSERT_TRUE(bool(R));
  EXPECT_TRUE(R->Files.empty());
}

TEST(DiffFilterTest, MalformedInputNamesTheLine) {
  EXPECT_EQ(errorOf("garbage\n"),
            "line 1: unexpected text outside a hunk: 'garbage'");
  EXPECT_EQ(errorOf("@@ -1 +1 @@\n"),
            "line 1: hunk before the '---'/'+++' file header");
  EXPECT_EQ(errorOf("+++ b/x\n"),
            "line 1: '+++' line without a '---' line before it");
  EXPECT_EQ(errorOf("--- a/x\n+++ b/x\n@@ -1 +1 @\n"),
            "line 3: malformed hunk header '@@ -1 +1 @'");
  EXPECT_EQ(errorOf("--- a/x\n+++ b/x\n@@ -1,a +1 @@\n"),
            "line 3: malformed hunk header '@@ -1,a +1 @@'");
  EXPECT_EQ(errorOf("--- a/x\n+++ b/x\n@@ -1 +1 @@\n+a\n+b\n"),
            "line 5: hunk adds more lines than its header says");
  EXPECT_EQ(errorOf("--- a/x\n+++ b/x\n@@ -1 +1,2 @@\n+a\n"),
            "line 4: the diff ends inside a hunk");
  EXPECT_EQ(errorOf("--- a/x\n+++ b/x\n@@ -1 +1 @@\n*a\n"),
            "line 4: hunk ends early (expected ' ', '+' or '-' at the start "
            "of the line)");
  EXPECT_EQ(errorOf("--- \"a/x\n"), "line 1: malformed '---' line");
  EXPECT_EQ(errorOf("--- a/x\n+++ b/x\n@@ -1 +99999999999 @@\n"),
            "line 3: malformed hunk header '@@ -1 +99999999999 @@'");
}

TEST(DiffFilterTest, NeverCrashesOnTruncations) {
  std::string Diff = "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,2 +1,3 @@\n"
                     " a\n-b\n+c\n+d\n\\ No newline at end of file\n";
  for (size_t N = 0; N <= Diff.size(); ++N)
    llvm::consumeError(parseUnifiedDiff(llvm::StringRef(Diff).take_front(N))
                           .takeError());
}

} // namespace

namespace {

/// Random line soups of diff syntax: the parser answers (a result or an
/// error) and never crashes or hangs.
TEST(DiffFilterTest, NeverCrashesOnRandomInput) {
  static const char *const Pieces[] = {
      "--- a/x", "+++ b/x", "--- /dev/null", "+++ /dev/null", "@@ -1 +1 @@",
      "@@ -0,0 +1,3 @@", "@@ -4294967295,1 +1 @@", "@@ -1,2 +3,4 @@ f()",
      "+", "-", " ", "", "\\ No newline", "diff --git a/x b/x", "--- \"a/\\",
      "+++ \"b/\\377\"", "@@", "@@ -", "\r", "\t", "+++ b/", "garbage"};
  std::mt19937 Rng(5);
  for (int I = 0; I < 20000; ++I) {
    std::string Text;
    int Lines = Rng() % 12;
    for (int L = 0; L < Lines; ++L) {
      Text += Pieces[Rng() % std::size(Pieces)];
      if (Rng() % 4)
        Text += '\n';
    }
    llvm::consumeError(parseUnifiedDiff(Text).takeError());
  }
}

} // namespace
