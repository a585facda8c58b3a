/// The small library users load (`-fplugin=`, `clang-tidy --load=`): it checks that the host is the LLVM major crossuser was built for, then loads the real module beside it.
//
// A module built against LLVM N links against libLLVM-N's versioned symbols;
// loaded into another major it fails inside dlopen with "version `LLVM_N'
// not found", which names neither crossuser nor the fix. This guard links
// nothing from LLVM, so it always loads, and says what is wrong instead.
// Built once per front end with:
//   CROSSUSER_GUARD_IMPL   file name of the real module, in the same directory
//   CROSSUSER_GUARD_HOST   "clang" or "clang-tidy", for messages
//   CROSSUSER_LLVM_MAJOR   the LLVM major the real module was built against
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <link.h>
#include <string>
#include <unistd.h>

namespace {

/// The first run of digits after \p Prefix in \p Name, or 0.
int majorAfter(const char *Name, const char *Prefix) {
  const char *P = std::strstr(Name, Prefix);
  if (!P)
    return 0;
  return std::atoi(P + std::strlen(Prefix));
}

/// The LLVM major of the process we were loaded into, from the shared
/// libLLVM / libclang-cpp it uses (Debian: libLLVM-16.so.1,
/// libclang-cpp.so.16); 0 when the host links LLVM statically.
int hostLLVMMajor() {
  int Major = 0;
  dl_iterate_phdr(
      [](dl_phdr_info *Info, size_t, void *Out) {
        const char *Name = Info->dlpi_name ? Info->dlpi_name : "";
        const char *Base = std::strrchr(Name, '/');
        Base = Base ? Base + 1 : Name;
        int M = majorAfter(Base, "libLLVM-");
        if (!M && std::strncmp(Base, "libLLVM.so.", 11) == 0)
          M = std::atoi(Base + 11);
        if (!M && std::strncmp(Base, "libclang-cpp.so.", 16) == 0)
          M = std::atoi(Base + 16);
        if (M) {
          *static_cast<int *>(Out) = M;
          return 1;
        }
        return 0;
      },
      &Major);
  return Major;
}

[[noreturn]] void refuse(const std::string &Msg) {
  std::fprintf(stderr, "error: crossuser: %s\n", Msg.c_str());
  std::fflush(stderr);
  // Not exit(): we are inside the host's dlopen, and its atexit handlers
  // must not run from here. The build must fail rather than skip analysis.
  _exit(1);
}

__attribute__((constructor)) void loadCrossUser() {
  const int Built = CROSSUSER_LLVM_MAJOR;
  const int Host = hostLLVMMajor();
  Dl_info Self;
  std::string Dir = ".";
  if (dladdr(reinterpret_cast<void *>(&loadCrossUser), &Self) && Self.dli_fname) {
    Dir = Self.dli_fname;
    size_t Slash = Dir.rfind('/');
    Dir = Slash == std::string::npos ? "." : Dir.substr(0, Slash);
  }
  if (Host && Host != Built)
    refuse(std::string("this ") + CROSSUSER_GUARD_HOST + " is LLVM " +
           std::to_string(Host) + ", but the crossuser module in '" + Dir +
           "' was built for LLVM " + std::to_string(Built) + "; use " +
           CROSSUSER_GUARD_HOST + "-" + std::to_string(Built) +
           ", or a crossuser built with -DCROSSUSER_LLVM_VERSION=" +
           std::to_string(Host));
  std::string Impl = Dir + "/" + CROSSUSER_GUARD_IMPL;
  if (!dlopen(Impl.c_str(), RTLD_NOW | RTLD_LOCAL))
    refuse(std::string("cannot load '") + Impl + "' into this " +
           CROSSUSER_GUARD_HOST + " (crossuser was built for LLVM " +
           std::to_string(Built) + "): " + dlerror());
}

} // namespace
