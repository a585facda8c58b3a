/// Adapts a compilation database's command lines to the clang crossuser is built with: drops the arguments it does not know (GCC-only flags of a g++ database) and adds --extra-arg and --extra-arg-before.
#ifndef CROSSUSER_TOOL_COMPILEARGS_H
#define CROSSUSER_TOOL_COMPILEARGS_H

#include <string>
#include <vector>

namespace crossuser {

/// Removes from \p CommandLine (argv[0] first) every argument that clang's
/// driver does not know and would reject with "unknown argument"
/// (`-fno-canonical-system-headers`, `-fconcepts-diagnostics-depth=3`,
/// `-mno-direct-extern-access`...), and returns them. GCC-only flags that
/// clang accepts and ignores (`-Wno-maybe-uninitialized`) stay.
std::vector<std::string> dropUnknownArguments(std::vector<std::string> &CommandLine);

/// As clang-tidy's --extra-arg-before (after argv[0]) and --extra-arg (at
/// the end, before a `--`).
void addExtraArguments(std::vector<std::string> &CommandLine,
                       const std::vector<std::string> &Before,
                       const std::vector<std::string> &After);

} // namespace crossuser

#endif
