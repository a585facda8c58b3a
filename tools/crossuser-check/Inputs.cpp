#include "Inputs.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include <optional>
#include <vector>

namespace crossuser {

llvm::Expected<std::string> readInput(llvm::StringRef Path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buf =
      Path == "-" ? llvm::MemoryBuffer::getSTDIN()
                  : llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buf)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "'" + Path + "': cannot read: " +
                                       Buf.getError().message());
  return (*Buf)->getBuffer().str();
}

llvm::Expected<std::string> runCommand(llvm::ArrayRef<llvm::StringRef> Args,
                                       llvm::StringRef Dir) {
  auto Fail = [&](const llvm::Twine &Why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "'" + llvm::join(Args, " ") + "' " + Why);
  };
  llvm::ErrorOr<std::string> Program = llvm::sys::findProgramByName(Args[0]);
  if (!Program)
    return Fail("failed: " + Args[0] + " not found");
  llvm::SmallString<128> Out, Err;
  int FD;
  if (llvm::sys::fs::createTemporaryFile("crossuser-out", "txt", FD, Out))
    return Fail("failed: cannot create a temporary file");
  llvm::sys::Process::SafelyCloseFileDescriptor(FD);
  if (llvm::sys::fs::createTemporaryFile("crossuser-err", "txt", FD, Err)) {
    llvm::sys::fs::remove(Out);
    return Fail("failed: cannot create a temporary file");
  }
  llvm::sys::Process::SafelyCloseFileDescriptor(FD);
  std::vector<llvm::StringRef> Full{*Program, "-C", Dir};
  Full.insert(Full.end(), Args.begin() + 1, Args.end());
  std::optional<llvm::StringRef> Redirects[] = {llvm::StringRef(""),
                                                Out.str(), Err.str()};
  std::string ExecError;
  int RC = llvm::sys::ExecuteAndWait(*Program, Full, std::nullopt, Redirects,
                                     0, 0, &ExecError);
  llvm::Expected<std::string> Stdout = readInput(Out);
  llvm::Expected<std::string> Stderr = readInput(Err);
  llvm::sys::fs::remove(Out);
  llvm::sys::fs::remove(Err);
  if (!Stdout || !Stderr) {
    llvm::consumeError(Stdout.takeError());
    llvm::consumeError(Stderr.takeError());
    return Fail("failed: cannot read its output");
  }
  if (RC != 0)
    return Fail("failed" + (Stderr->empty()
                                ? (ExecError.empty() ? std::string()
                                                     : ": " + ExecError)
                                : ": " + llvm::StringRef(*Stderr)
                                             .split('\n')
                                             .first.trim()
                                             .str()));
  return std::move(*Stdout);
}

} // namespace crossuser
