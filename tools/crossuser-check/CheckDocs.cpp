#include "CheckDocs.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

namespace crossuser {

namespace {
struct DocPage {
  const char *Check;
  const char *Markdown;
};
// The installed tool has no source tree to read the pages from.
const DocPage DocPages[] = {
#include "CheckDocs.inc"
};
} // namespace

llvm::StringRef checkDocPage(llvm::StringRef Check) {
  for (const DocPage &P : DocPages)
    if (Check == P.Check)
      return P.Markdown;
  return {};
}

/// Calls \p Link(Text, Target) for each inline link `[Text](Target)` of
/// \p Line (not images, not inside code spans) and \p Plain for the text
/// between them.
template <typename PlainFn, typename LinkFn>
static void forEachLink(llvm::StringRef Line, PlainFn Plain, LinkFn Link) {
  bool InCode = false;
  size_t Done = 0;
  for (size_t I = 0; I < Line.size(); ++I) {
    if (Line[I] == '`')
      InCode = !InCode;
    if (InCode || Line[I] != '[' || (I > 0 && Line[I - 1] == '!'))
      continue;
    size_t Close = Line.find("](", I);
    size_t End = Close == llvm::StringRef::npos ? Close : Line.find(')', Close);
    if (End == llvm::StringRef::npos ||
        Line.slice(I + 1, Close).contains('['))
      continue;
    llvm::StringRef Target = Line.slice(Close + 2, End);
    // `(const Request &req)` after a `]` in prose is not a link target.
    if (Target.empty() || Target.contains(' '))
      continue;
    Plain(Line.slice(Done, I));
    Link(Line.slice(I + 1, Close), Target);
    Done = I = End;
    ++Done;
  }
  Plain(Line.substr(Done));
}

static bool isAbsoluteUri(llvm::StringRef Target) {
  return Target.contains("://") || Target.startswith("mailto:");
}

std::string resolveDocLinks(llvm::StringRef Markdown, llvm::StringRef UriBase) {
  std::string Out;
  bool InFence = false;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Markdown.split(Lines, '\n');
  for (size_t N = 0; N < Lines.size(); ++N) {
    llvm::StringRef Line = Lines[N];
    if (N)
      Out += '\n';
    if (Line.ltrim().startswith("```"))
      InFence = !InFence;
    if (InFence || Line.ltrim().startswith("```")) {
      Out += Line;
      continue;
    }
    forEachLink(
        Line, [&](llvm::StringRef Text) { Out += Text; },
        [&](llvm::StringRef Text, llvm::StringRef Target) {
          if (isAbsoluteUri(Target) || Target.startswith("#")) {
            Out += ("[" + Text + "](" + Target + ")").str();
            return;
          }
          if (UriBase.empty()) {
            Out += Text;
            return;
          }
          Out += ("[" + Text + "](" + UriBase +
                  (UriBase.endswith("/") ? "" : "/") + Target + ")")
                     .str();
        });
  }
  return Out;
}

std::string markdownToText(llvm::StringRef Markdown) {
  std::string Out;
  bool InFence = false;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Markdown.split(Lines, '\n');
  for (size_t N = 0; N < Lines.size(); ++N) {
    llvm::StringRef Line = Lines[N];
    if (Line.ltrim().startswith("```")) {
      InFence = !InFence;
      continue;
    }
    if (!Out.empty())
      Out += '\n';
    if (InFence) {
      if (!Line.empty())
        Out += ("    " + Line).str();
      continue;
    }
    llvm::StringRef Heading = Line;
    if (Heading.consume_front("#")) {
      Heading = Heading.ltrim('#').ltrim();
      Out += Heading;
      continue;
    }
    std::string Plain;
    forEachLink(
        Line, [&](llvm::StringRef Text) { Plain += Text; },
        [&](llvm::StringRef Text, llvm::StringRef Target) {
          Plain += Text;
          if (isAbsoluteUri(Target))
            Plain += (" (" + Target + ")").str();
        });
    llvm::StringRef P(Plain);
    std::string NoEmphasis;
    for (size_t I = 0; I < P.size(); ++I) {
      if (P.substr(I).startswith("**")) {
        ++I;
        continue;
      }
      NoEmphasis += P[I];
    }
    Out += NoEmphasis;
  }
  return Out;
}

} // namespace crossuser
