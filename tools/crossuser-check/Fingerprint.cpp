#include "Fingerprint.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/SHA256.h"
#include <cctype>
#include <map>

namespace crossuser {

std::string normalizeSourceLine(llvm::StringRef Line) {
  std::string Out;
  for (char C : Line)
    if (!isspace(static_cast<unsigned char>(C)))
      Out.push_back(C);
  return Out;
}

std::string fingerprintBase(llvm::StringRef Check, llvm::StringRef Function,
                            llvm::StringRef Message,
                            llvm::StringRef SourceLine) {
  // The message quotes source text (the key expression), so it is
  // normalised like the line: re-spacing the expression keeps the hash.
  std::string NormalizedMessage = normalizeSourceLine(Message);
  std::string Normalized = normalizeSourceLine(SourceLine);
  llvm::SHA256 Hash;
  // Each part is followed by a NUL so that moving text between parts
  // changes the hash.
  for (llvm::StringRef Part :
       {Check, Function, llvm::StringRef(NormalizedMessage),
        llvm::StringRef(Normalized)}) {
    Hash.update(Part);
    Hash.update(llvm::StringRef("\0", 1));
  }
  std::array<uint8_t, 32> Digest = Hash.final();
  return llvm::toHex(llvm::ArrayRef<uint8_t>(Digest).take_front(16),
                     /*LowerCase=*/true);
}

std::string codeQualityFingerprint(llvm::StringRef Path,
                                   llvm::StringRef Fingerprint) {
  llvm::SHA256 Hash;
  for (llvm::StringRef Part : {Path, Fingerprint}) {
    Hash.update(Part);
    Hash.update(llvm::StringRef("\0", 1));
  }
  std::array<uint8_t, 32> Digest = Hash.final();
  return llvm::toHex(llvm::ArrayRef<uint8_t>(Digest).take_front(16),
                     /*LowerCase=*/true);
}

void assignOccurrences(std::vector<ReportFinding> &Findings) {
  std::map<std::pair<std::string, std::string>, unsigned> Seen;
  for (ReportFinding &F : Findings) {
    unsigned N = Seen[{F.Loc.Path, F.BaseFingerprint}]++;
    F.Fingerprint = F.BaseFingerprint + ":" + std::to_string(N);
  }
}

llvm::StringRef baseOfFingerprint(llvm::StringRef Fingerprint) {
  size_t Colon = Fingerprint.rfind(':');
  return Colon == llvm::StringRef::npos ? Fingerprint
                                        : Fingerprint.take_front(Colon);
}

} // namespace crossuser
