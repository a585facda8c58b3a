#include "CompileArgs.h"
#include "clang/Driver/Options.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"

namespace crossuser {

std::vector<std::string> dropUnknownArguments(std::vector<std::string> &CommandLine) {
  if (CommandLine.size() < 2)
    return {};
  namespace options = clang::driver::options;
  std::vector<const char *> Argv;
  for (size_t I = 1; I < CommandLine.size(); ++I)
    Argv.push_back(CommandLine[I].c_str());
  // The driver's own masks outside clang-cl, DXC and flang mode.
  unsigned MissingIndex = 0, MissingCount = 0;
  llvm::opt::InputArgList Args = clang::driver::getDriverOptTable().ParseArgs(
      Argv, MissingIndex, MissingCount, /*FlagsToInclude=*/0,
      options::NoDriverOption | options::CLOption | options::DXCOption |
          options::FlangOnlyOption);
  std::vector<bool> Drop(CommandLine.size());
  for (const llvm::opt::Arg *A : Args.filtered(options::OPT_UNKNOWN))
    Drop[A->getIndex() + 1] = true;
  std::vector<std::string> Kept, Dropped;
  for (size_t I = 0; I < CommandLine.size(); ++I)
    (Drop[I] ? Dropped : Kept).push_back(std::move(CommandLine[I]));
  CommandLine = std::move(Kept);
  return Dropped;
}

void addExtraArguments(std::vector<std::string> &CommandLine,
                       const std::vector<std::string> &Before,
                       const std::vector<std::string> &After) {
  using namespace clang::tooling;
  if (!Before.empty())
    CommandLine = getInsertArgumentAdjuster(Before, ArgumentInsertPosition::BEGIN)(
        CommandLine, "");
  if (!After.empty())
    CommandLine = getInsertArgumentAdjuster(After, ArgumentInsertPosition::END)(
        CommandLine, "");
}

} // namespace crossuser
