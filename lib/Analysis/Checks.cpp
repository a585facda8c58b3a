#include "Analysis/Checks.h"
#include "Analysis/Trace.h"
#include "Analysis/CacheKey.h"
#include "Analysis/CacheableResponse.h"
#include "Analysis/SharedState.h"
#include "Analysis/TUContext.h"

namespace crossuser {

llvm::ArrayRef<CheckInfo> allChecks() {
  static const CheckInfo Checks[] = {
      {CacheKeyCheckName,
       "A cache lookup or insert whose key does not identify the user, on a "
       "cache that holds per-user data.",
       "The operation runs where a user identity is available, the cache "
       "holds per-user data (an insert stores per-user data, or the value "
       "type is per-user), and the key carries no user, tenant or session "
       "identity: one user's entry can be served to another.",
       findCacheKeyIssues},
      {CacheableResponseCheckName,
       "A response built for a signed-in user is made storable by shared "
       "caches, or stored in a response cache that every user reads.",
       "A Cache-Control (public, s-maxage, max-age without private/no-store/"
       "no-cache), a future Expires or a caching helper is set on a response "
       "built where a user identity is available and carrying per-user data, "
       "and no Vary on Authorization or Cookie separates users; or such a "
       "response is stored in a response cache inside the service under a "
       "key without the user; or a per-user Set-Cookie is set on a response "
       "object that other users' requests reuse. A CDN or reverse proxy then "
       "serves one user's page to everyone (Steam 2015, Klarna 2021).",
       findCacheableResponseIssues},
      {SharedStateCheckName,
       "Per-user data written into storage that every request shares.",
       "A value derived from a user's identity is written into a global, a "
       "static, a thread_local that is not reset per request, or a member of "
       "a long-lived object (a handler, service or singleton): the next "
       "request, from any user, can read it.",
       findSharedStateIssues},
  };
  return Checks;
}

std::vector<Finding> CheckInfo::Run(clang::ASTContext &Ctx,
                                    const Config &Cfg) const {
  std::vector<Finding> Out = RunIn(TUContext::get(Ctx, Cfg), Cfg);
  // A finding rests on its weakest evidence; below MinimumEvidence it is
  // not reported (CROSSUSER_TRACE says which were dropped).
  llvm::erase_if(Out, [&](Finding &F) {
    for (const FindingNote &N : F.Notes)
      F.Evidence = weakest(F.Evidence, N.Kind);
    if (F.Evidence <= Cfg.MinimumEvidence)
      return false;
    trace(Ctx.getSourceManager(), F.Loc, F.Check,
          "rests on " + llvm::Twine(evidenceName(F.Evidence)) +
              " evidence only, below MinimumEvidence");
    return true;
  });
  return Out;
}

const CheckInfo *findCheck(llvm::StringRef Name) {
  for (const CheckInfo &C : allChecks())
    if (C.Name == Name)
      return &C;
  return nullptr;
}

} // namespace crossuser
