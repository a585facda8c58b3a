/// Fuzzes the model file reader: a team's model files are untrusted input in CI.
#include "Analysis/Models.h"
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  crossuser::Models M;
  if (llvm::Error E = M.parse(Text, "fuzz/models.yaml"))
    llvm::consumeError(std::move(E));
  return 0;
}
