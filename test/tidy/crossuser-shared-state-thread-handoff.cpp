// RUN: %clang_tidy -checks='-*,crossuser-shared-state' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-shared-state' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

// A thread-per-connection server: the object the accept loop hands to
// every connection thread (a shared_ptr or pointer copied, a std::ref, or
// a lambda capturing one) is one instance for all the requests those
// threads serve. An object made inside the loop, or copied into each
// thread, is the thread's own.

#include "service.h"
#include <thread>

struct Socket {
  std::string read();
  void write(const std::string &);
};
Socket Accept();
std::string UserFor(const std::string &token);
std::string Export(const std::string &user);

struct ExportState {
  std::string last_export;
  long exports = 0;
};

void Session(Socket s, std::shared_ptr<ExportState> state) {
  const std::string user = UserFor(s.read());
  const std::string csv = Export(user);
  state->last_export = csv;
  // CHECK: :[[@LINE-1]]:3: warning: per-user data 'csv' is written to 'state->last_export', which is shared between requests [crossuser-shared-state]
  // CHECK: :[[@LINE-4]]:21: note: per-user data comes from 'user'
  // CHECK: :[[@LINE-10]]:15: note: 'last_export' is shared between requests: a member of 'ExportState', whose instance 'state' is handed to every thread started in a loop, so the requests those threads serve share it
  // CHECK: :[[@LINE+8]]:5: note: 'state' is handed to a new thread here, on every iteration
  state->exports++;
  s.write(csv);
}

void Serve() {
  auto state = std::make_shared<ExportState>();
  for (;;)
    std::thread(Session, Accept(), state).detach();
}

struct Greeter {
  std::string last_name;
};

void GreetLoop(Greeter &g) {
  for (;;) {
    Socket s = Accept();
    std::thread([&g, s]() mutable {
      const std::string user = UserFor(s.read());
      g.last_name = user;
      // CHECK: :[[@LINE-1]]:7: warning: per-user data 'user' is written to 'g.last_name', which is shared between requests [crossuser-shared-state]
      // CHECK: :[[@LINE-3]]:25: note: per-user data comes from 'user'
      // CHECK: :[[@LINE-8]]:25: note: 'g' is shared between requests: a local of 'GreetLoop' captured by reference by a callback that outlives it, so every call of the callback shares it
      // CHECK: :[[@LINE-6]]:17: note: 'g' is captured by reference here, by a callback stored beyond the call that creates it
    }).detach();
  }
}

struct Audit {
  std::string last_user;
};

void AuditSession(Socket s, Audit &audit) { audit.last_user = UserFor(s.read()); }
// CHECK: :[[@LINE-1]]:45: warning: per-user data 'UserFor(s.read())' is written to 'audit.last_user', which is shared between requests [crossuser-shared-state]
// CHECK: :[[@LINE-2]]:63: note: per-user data comes from 'UserFor(s.read())'
// CHECK: :[[@LINE-6]]:15: note: 'last_user' is shared between requests: a member of 'Audit', whose instance 'audit' is handed to every thread started in a loop, so the requests those threads serve share it
// CHECK: :[[@LINE+5]]:5: note: 'audit' is handed to a new thread here, on every iteration

void ServeAudited() {
  Audit audit;
  while (true)
    std::thread(AuditSession, Accept(), std::ref(audit)).detach();
}

// Negative: each connection gets a state of its own.
struct ConnState {
  std::string user;
};

void ConnSession(Socket s, std::shared_ptr<ConnState> conn) {
  conn->user = UserFor(s.read());
  s.write(Export(conn->user));
}

void ServeConnections() {
  for (;;) {
    auto conn = std::make_shared<ConnState>();
    std::thread(ConnSession, Accept(), conn).detach();
  }
}

// Negative: copied into the thread, not shared.
struct Settings {
  std::string greeting;
};

void Greet(Socket s, Settings settings) {
  settings.greeting = UserFor(s.read());
  s.write(settings.greeting);
}

void ServeGreetings() {
  Settings settings;
  for (;;)
    std::thread(Greet, Accept(), settings).detach();
}
