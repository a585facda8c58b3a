#include "Baseline.h"
#include "gtest/gtest.h"
#include <iterator>
#include <random>

using namespace crossuser;

namespace {

const char *FP = "0123456789abcdef0123456789abcdef";

ReportFinding finding(std::string Fingerprint, std::string Path, unsigned Line,
                      std::string Message) {
  ReportFinding F;
  F.Check = "crossuser-cache-key";
  F.Fingerprint = std::move(Fingerprint);
  F.Loc.Path = std::move(Path);
  F.Loc.Line = Line;
  F.Message = std::move(Message);
  return F;
}

std::string errorOf(llvm::StringRef Text) {
  llvm::Expected<std::vector<BaselineEntry>> R = parseBaseline(Text);
  if (R)
    return "";
  return llvm::toString(R.takeError());
}

TEST(BaselineTest, RoundTrip) {
  std::vector<ReportFinding> Findings = {
      finding(std::string(FP) + ":0", "src/a b.cpp", 7, "plain"),
      finding(std::string(FP) + ":1", "src/tab\there.cpp", 9,
              "with\ttab, newline\n and back\\slash")};
  llvm::Expected<std::vector<BaselineEntry>> R =
      parseBaseline(formatBaseline(Findings));
  ASSERT_TRUE(bool(R)) << llvm::toString(R.takeError());
  ASSERT_EQ(R->size(), 2u);
  EXPECT_EQ((*R)[1].Fingerprint, std::string(FP) + ":1");
  EXPECT_EQ((*R)[1].Check, "crossuser-cache-key");
  EXPECT_EQ((*R)[1].Path, "src/tab\there.cpp");
  EXPECT_EQ((*R)[1].Line, 9u);
  EXPECT_EQ((*R)[1].Message, "with\ttab, newline\n and back\\slash");
}

TEST(BaselineTest, CommentsBlankLinesAndCRLF) {
  llvm::Expected<std::vector<BaselineEntry>> R = parseBaseline(
      "# crossuser-check baseline v1\r\n# note\r\n\r\n" + std::string(FP) +
      ":0\tcrossuser-cache-key\ta.cpp:3\tm\r\n");
  ASSERT_TRUE(bool(R)) << llvm::toString(R.takeError());
  ASSERT_EQ(R->size(), 1u);
  EXPECT_EQ((*R)[0].Message, "m");
}

TEST(BaselineTest, MalformedInputNamesTheLine) {
  std::string H = "# crossuser-check baseline v1\n";
  EXPECT_EQ(errorOf(""), "line 1: empty file; a baseline starts with "
                         "'# crossuser-check baseline v1'");
  EXPECT_EQ(errorOf("[]\n"), "line 1: not a crossuser-check baseline "
                             "(expected '# crossuser-check baseline v1')");
  EXPECT_EQ(errorOf(H + "abc\n"),
            "line 2: expected 4 tab-separated fields (fingerprint, check, "
            "path:line, message)");
  EXPECT_EQ(errorOf(H + std::string(FP) + "\tc\ta:1\tm\n"),
            "line 2: malformed fingerprint '" + std::string(FP) + "'");
  EXPECT_EQ(errorOf(H + std::string(FP) + ":x\tc\ta:1\tm\n"),
            "line 2: malformed fingerprint '" + std::string(FP) + ":x'");
  EXPECT_EQ(errorOf(H + std::string(FP) + ":0\t\ta:1\tm\n"),
            "line 2: malformed check name ''");
  EXPECT_EQ(errorOf(H + std::string(FP) + ":0\tc\ta:0\tm\n"),
            "line 2: malformed location 'a:0' (expected path:line)");
  EXPECT_EQ(errorOf(H + std::string(FP) + ":0\tc\t:5\tm\n"),
            "line 2: malformed location ':5' (expected path:line)");
  EXPECT_EQ(errorOf(H + std::string(FP) + ":0\tc\ta:1\tbad\\q\n"),
            "line 2: malformed escape sequence");
  EXPECT_EQ(errorOf(H + std::string(FP) + ":0\tc\ta:1\tdangling\\\n"),
            "line 2: malformed escape sequence");
}

TEST(BaselineTest, EachEntryAbsorbsOneFinding) {
  std::string A = std::string(FP) + ":0", B = std::string(FP) + ":1";
  std::vector<ReportFinding> Findings = {finding(A, "a.cpp", 1, "m"),
                                         finding(A, "b.cpp", 1, "m"),
                                         finding("ffffffffffffffffffffffffffffffff:0",
                                                 "c.cpp", 1, "new")};
  std::vector<BaselineEntry> Baseline = {{A, "crossuser-cache-key", "a.cpp", 1, "m"},
                                         {B, "crossuser-cache-key", "a.cpp", 2, "m"}};
  std::vector<BaselineEntry> Fixed = applyBaseline(Findings, Baseline);
  ASSERT_EQ(Findings.size(), 2u);
  EXPECT_EQ(Findings[0].Loc.Path, "b.cpp");
  EXPECT_EQ(Findings[1].Message, "new");
  ASSERT_EQ(Fixed.size(), 1u);
  EXPECT_EQ(Fixed[0].Fingerprint, B);
}

TEST(BaselineTest, NeverCrashesOnTruncations) {
  std::string Text = formatBaseline(
      {finding(std::string(FP) + ":12", "p\\q.cpp", 42, "m\\tx")});
  for (size_t N = 0; N <= Text.size(); ++N)
    llvm::consumeError(parseBaseline(llvm::StringRef(Text).take_front(N)).takeError());
}

} // namespace

namespace {

TEST(BaselineTest, NeverCrashesOnRandomInput) {
  static const char *const Pieces[] = {
      "# crossuser-check baseline v1\n", "0123456789abcdef0123456789abcdef:0",
      "0123456789abcdef0123456789abcdef:99999999999", "\t", "\n", ":", "\\",
      "\\t", "\\q", "crossuser-cache-key", "a.cpp:1", "a.cpp:0", ":7", "#",
      "\r\n", "message", "\xff"};
  std::mt19937 Rng(5);
  for (int I = 0; I < 20000; ++I) {
    std::string Text;
    int N = Rng() % 16;
    for (int P = 0; P < N; ++P)
      Text += Pieces[Rng() % std::size(Pieces)];
    llvm::consumeError(parseBaseline(Text).takeError());
  }
}

} // namespace
