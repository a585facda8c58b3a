/// Fuzzes the .clang-tidy reader: a configuration file is untrusted input in CI.
#include "Options/ConfigFile.h"
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  llvm::Expected<crossuser::ConfigFile> CF =
      crossuser::parseConfigFile(Text, "fuzz/.clang-tidy");
  if (!CF)
    llvm::consumeError(CF.takeError());
  return 0;
}
