/// Fuzzes the unified-diff parser behind --diff: a diff is untrusted input in code review.
#include "DiffFilter.h"
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  auto Changed = crossuser::parseUnifiedDiff(Text);
  if (!Changed) {
    llvm::consumeError(Changed.takeError());
    return 0;
  }
  (void)Changed->contains("a.cpp", 1);
  (void)Changed->contains("src/x.cpp", 4000000000u);
  return 0;
}
