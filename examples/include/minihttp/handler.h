#pragma once

#include "minihttp/request.h"
#include "minihttp/response.h"

namespace minihttp {

// A handler is created once at start-up and then serves every request routed
// to it, concurrently, from the server's worker threads.
class Handler {
 public:
  virtual ~Handler() = default;
  virtual void Handle(const Request& req, Response& resp) = 0;
};

}  // namespace minihttp
