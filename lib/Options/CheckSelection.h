/// Which checks run and with what options, decided alike by every front end from `--checks` globs and `.clang-tidy` CheckOptions.
#ifndef CROSSUSER_OPTIONS_CHECKSELECTION_H
#define CROSSUSER_OPTIONS_CHECKSELECTION_H

#include "Analysis/Checks.h"
#include "Analysis/Config.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace crossuser {

/// clang-tidy's check globs: comma-separated, later entries win, `-` removes.
bool checkEnabled(llvm::StringRef Globs, llvm::StringRef Check);

/// The first `crossuser-` name in \p Globs (without `*`) that is no check,
/// so that a typo is an error rather than a silently disabled check.
std::optional<std::string> unknownCheck(llvm::StringRef Globs);

/// "crossuser-cache-key, ..." for error messages.
std::string knownCheckList();

/// clang-tidy's getLocalOrGlobal: `<check>.Name`, else `Name`.
std::optional<std::string>
configuredValue(const llvm::StringMap<std::string> &Options,
                llvm::StringRef Check, llvm::StringRef Name);

/// Every check enabled by \p Globs, each configured from \p Options.
std::vector<std::pair<const CheckInfo *, Config>>
enabledChecks(llvm::StringRef Globs,
              const llvm::StringMap<std::string> &Options);

} // namespace crossuser

#endif
