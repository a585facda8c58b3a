// RUN: %clang_tidy -checks='-*,crossuser-cache-key' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: not %crossuser_check %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'

// Regressions for keys the engine used to report although they identify the
// user: the `value` member of a strong id type (UserId, TenantId) is the
// identity itself. Only the control case at the end may warn.

#include "service.h"

class ReportService {
public:
  // A strong tenant id's `value` member, plus a report name, identifies.
  Profile A(const TenantId &tenant, const std::string &name) {
    return *cache_.Get(tenant.value + ":" + name);
  }
  // A strong user id's `value` member alone identifies.
  Profile B(const UserId &uid) {
    return *cache_.Get(uid.value);
  }
  LruCache<std::string, Profile> cache_;
};

// Positive control: a member of a type that is not an id does not identify.
class ReportControl {
public:
  Profile C(const UserId &uid, const User &user) {
    return *cache_.Get(user.country);
    // CHECK: :[[@LINE-1]]:13: warning: cache 'cache_' is keyed by 'user.country', which does not identify the user [crossuser-cache-key]
    // CHECK: :[[@LINE-3]]:27: note: user identity 'uid' is available here
    // CHECK: :[[@LINE+2]]:34: note: 'cache_' holds values of per-user type 'Profile'
  }
  LruCache<std::string, Profile> cache_;
};
