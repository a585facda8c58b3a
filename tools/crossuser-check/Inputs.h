/// Reading the tool's inputs: whole files or stdin, and the output of a command such as `git diff`.
#ifndef CROSSUSER_TOOL_INPUTS_H
#define CROSSUSER_TOOL_INPUTS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>

namespace crossuser {

/// Reads \p Path ("-": stdin) whole; the error is
/// `'<path>': cannot read: <reason>`.
llvm::Expected<std::string> readInput(llvm::StringRef Path);

/// Runs \p Args (Args[0] is found on PATH) with `-C Dir` inserted after
/// the program, as git takes it, and returns its stdout; on failure an
/// error with the command and the first line of its stderr.
llvm::Expected<std::string> runCommand(llvm::ArrayRef<llvm::StringRef> Args,
                                       llvm::StringRef Dir);

} // namespace crossuser

#endif
