/// Loading a summary directory for a compile (clang-tidy, the plugin): a stale
/// summary is left out, and named, instead of failing an unrelated compile.
#ifndef CROSSUSER_OPTIONS_FRESHSUMMARIES_H
#define CROSSUSER_OPTIONS_FRESHSUMMARIES_H

#include "Analysis/Summaries.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <string>
#include <vector>

namespace crossuser {

/// The summaries in \p Dir whose recorded inputs still match. Each one
/// left out adds a warning to \p Stale; its functions are then analysed as
/// without summaries, per translation unit. Header-only: the clang-tidy
/// module does not link the options library.
inline llvm::Expected<std::shared_ptr<SummaryIndex>>
loadFreshSummaries(llvm::StringRef Dir, std::vector<std::string> &Stale) {
  auto All = SummaryIndex::loadDirectory(Dir, /*CheckStale=*/false);
  if (!All)
    return All.takeError();
  auto Fresh = std::make_shared<SummaryIndex>();
  ContentHashes Hashes;
  for (const TUSummary &S : (*All)->units()) {
    if (std::optional<std::string> Changed = staleInput(S, Hashes)) {
      Stale.push_back("summary '" + Dir.str() + "/" + summaryFileName(S.TU) +
                      "' (of '" + S.TU + "') is stale: '" + *Changed +
                      "' changed since it was written; its functions are "
                      "analysed without it (rerun crossuser-check "
                      "--summaries " + Dir.str() + ")");
      continue;
    }
    Fresh->add(S);
  }
  Fresh->finalize();
  return Fresh;
}

} // namespace crossuser

#endif
