// account-portal: builds the portal's handlers and prints the route table size.
// The HTTP server that would drive the router is not part of this demo.
#include <cstdio>

#include "minihttp/router.h"
#include "portal/database.h"
#include "portal/handlers.h"
#include "portal/redis_client.h"
#include "portal/session.h"

int main() {
  portal::Database db;
  portal::SessionStore sessions;
  portal::RedisClient redis("redis://cache.portal.internal:6379");
  minihttp::Router router;
  portal::RegisterRoutes(router, db, sessions, redis);
  std::printf("account-portal: %zu routes registered (cache at %s)\n", router.size(),
              redis.endpoint().c_str());
  return 0;
}
