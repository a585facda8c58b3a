// A minimal shape of userver's coroutine mutex (see
// userver/server/handlers/http_handler_base.hpp in this tree). Not
// userver's code.
#pragma once

namespace userver {
namespace engine {

class Mutex final {
public:
  Mutex();
  ~Mutex();
  void lock();
  void unlock();
  bool try_lock();
};

} // namespace engine
} // namespace userver
