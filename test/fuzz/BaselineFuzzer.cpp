/// Fuzzes the --baseline parser: a baseline file is untrusted input in CI.
#include "Baseline.h"
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  auto Entries = crossuser::parseBaseline(Text);
  if (!Entries) {
    llvm::consumeError(Entries.takeError());
    return 0;
  }
  // What the parser accepts must survive the round trip through the writer.
  std::vector<crossuser::ReportFinding> Findings;
  for (const crossuser::BaselineEntry &E : *Entries) {
    crossuser::ReportFinding F;
    F.Fingerprint = E.Fingerprint;
    F.Check = E.Check;
    F.Loc.Path = E.Path;
    F.Loc.Line = E.Line;
    F.Message = E.Message;
    Findings.push_back(F);
  }
  auto Again = crossuser::parseBaseline(crossuser::formatBaseline(Findings));
  if (!Again || Again->size() != Entries->size())
    __builtin_trap();
  for (size_t I = 0; I < Entries->size(); ++I)
    if ((*Again)[I].Path != (*Entries)[I].Path ||
        (*Again)[I].Message != (*Entries)[I].Message)
      __builtin_trap();
  return 0;
}
