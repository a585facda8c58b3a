#include "Analysis/TUContext.h"
#include <mutex>

using namespace clang;

namespace crossuser {

TUContext::TUContext(ASTContext &Ctx, const Config &Cfg)
    : Ctx(Ctx), Cfg(Cfg), M(Ctx, this->Cfg), Flows(Ctx), P(M, &Flows) {
  P.setFunctions([this]() -> const std::vector<const FunctionDecl *> & {
    return functions();
  });
}

const std::vector<const FunctionDecl *> &TUContext::functions() {
  if (!Functions)
    Functions = functionsToAnalyse(Ctx);
  return *Functions;
}

namespace {
/// The live contexts, by translation unit and configuration. Front ends
/// analyse one translation unit per thread at a time, but the tool runs
/// several threads: one registry for all, behind a lock.
struct Registry {
  std::mutex Lock;
  struct Entry {
    ASTContext *Ctx;
    std::string Options;
    const void *Summaries;
    std::unique_ptr<TUContext> Context;
  };
  std::vector<Entry> Entries;
};

Registry &registry() {
  static Registry R;
  return R;
}
} // namespace

TUContext &TUContext::get(ASTContext &Ctx, const Config &Cfg) {
  Registry &R = registry();
  std::lock_guard<std::mutex> Guard(R.Lock);
  for (Registry::Entry &E : R.Entries)
    if (E.Ctx == &Ctx && E.Options == Cfg.OptionsText &&
        E.Summaries == Cfg.Summaries.get())
      return *E.Context;
  R.Entries.push_back({&Ctx, Cfg.OptionsText, Cfg.Summaries.get(),
                       std::make_unique<TUContext>(Ctx, Cfg)});
  return *R.Entries.back().Context;
}

void TUContext::release(ASTContext &Ctx) {
  Registry &R = registry();
  std::lock_guard<std::mutex> Guard(R.Lock);
  llvm::erase_if(R.Entries,
                 [&](const Registry::Entry &E) { return E.Ctx == &Ctx; });
}

} // namespace crossuser
