#include "service.h"

void Handle(const http::Request &req) {
  this_does_not_compile(req);
}
