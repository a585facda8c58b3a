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

/// True if \p Globs enables none of crossuser's checks.
bool enablesNoCheck(llvm::StringRef Globs);

/// True if \p Globs enables a check of another tool (`bugprone-*`): a
/// `.clang-tidy` written for clang-tidy that says nothing about crossuser,
/// whose users probably do not know that it disables crossuser.
bool listsOtherChecks(llvm::StringRef Globs);

/// The one-line message for a check list that enables none of crossuser's
/// checks; \p Origin says where it came from (`--checks='-*'`, `Checks
/// 'bugprone-*' in '/src/.clang-tidy'`). clang-tidy says "Error: no checks
/// enabled." in this case.
std::string noChecksMessage(llvm::StringRef Origin);

/// The one-line warning for a `.clang-tidy` \p Path whose \p Globs enable
/// other tools' checks but none of crossuser's.
std::string otherChecksOnlyMessage(llvm::StringRef Path, llvm::StringRef Globs);

/// The warning for a CheckOptions key that looks meant for crossuser but
/// names no option of it: `crossuser-<check>.<Option>` with an unknown check
/// or option, or a global key within two edits of an option's name (other
/// tools' global options stay silent). "unknown option 'K'; did you mean
/// 'S'?" with the closest known name as `clang-tidy --verify-config`
/// chooses it (fewer than 5 edits, case-insensitive), or nothing for a
/// known or foreign key.
std::optional<std::string> unknownOptionMessage(llvm::StringRef Key);

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
