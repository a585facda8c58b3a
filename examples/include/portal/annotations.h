#pragma once

// Marks a cache or variable whose contents are the same for every user, so
// crossuser does not treat it as per-user storage.
#if defined(__clang__)
#define PORTAL_SHARED_OK [[clang::annotate("crossuser::shared_ok")]]
#else
#define PORTAL_SHARED_OK
#endif
