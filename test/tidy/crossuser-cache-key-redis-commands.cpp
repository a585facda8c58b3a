// RedisLookupCommands and RedisInsertCommands say which redis commands read
// and store a key (a model option, compared without case). By default a
// RedisJSON command is unknown, so its calls are not cache operations;
// added to the options, they are.
// RUN: %clang_tidy -checks='-*,crossuser-cache-key' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %clang_tidy -checks='-*,crossuser-cache-key' \
// RUN:   -config="{CheckOptions: {RedisLookupCommands: '+json.get', RedisInsertCommands: '+JSON.SET'}}" %s -- %mock_flags \
// RUN:   | FileCheck %s --check-prefixes=CHECK,ADDED --implicit-check-not='{{warning|error}}:'
// RUN: rm -rf %t && mkdir -p %t
// RUN: printf "CheckOptions:\n  RedisLookupCommands: '+json.get'\n  RedisInsertCommands: '+JSON.SET'\n" > %t/json.yaml
// RUN: not %crossuser_check --checks='-*,crossuser-cache-key' --config-file=%t/json.yaml %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --check-prefixes=CHECK,ADDED --implicit-check-not='{{warning|error}}:'

#include "service.h"

redisContext *g_redis;
redisContext *g_docs;

void ServeWallet(const http::Request &req, http::Response &resp, Database &db) {
  std::string auth = req.header("Authorization");
  void *reply = redisCommand(g_redis, "GET wallet:%s", req.path().c_str());
  // CHECK: :[[@LINE-1]]:17: warning: cache 'g_redis' is keyed by 'req.path().c_str()', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-3]]:22: note: user identity 'req.header("Authorization")' is available here
  // CHECK: :[[@LINE+2]]:65: note: per-user data 'body.c_str()' is stored in 'g_redis' here
  std::string body = db.Query("SELECT balance FROM wallets WHERE token = ?", auth);
  redisCommand(g_redis, "SET wallet:%s %s", req.path().c_str(), body.c_str());
  // CHECK: :[[@LINE-1]]:3: warning: cache 'g_redis' is keyed by 'req.path().c_str()', which does not identify the user [crossuser-cache-key]
  // CHECK: :[[@LINE-8]]:22: note: user identity 'req.header("Authorization")' is available here
  // CHECK: :[[@LINE-3]]:65: note: per-user data 'body.c_str()' is stored in 'g_redis' here
  resp.body = body;
}

void ServeWalletDoc(const http::Request &req, http::Response &resp, Database &db) {
  std::string auth = req.header("Authorization");
  void *reply = redisCommand(g_docs, "JSON.GET wallet:%s", req.path().c_str());
  // ADDED: :[[@LINE-1]]:17: warning: cache 'g_docs' is keyed by 'req.path().c_str()', which does not identify the user [crossuser-cache-key]
  // ADDED: :[[@LINE-3]]:22: note: user identity 'req.header("Authorization")' is available here
  // ADDED: :[[@LINE+2]]:71: note: per-user data 'body.c_str()' is stored in 'g_docs' here
  std::string body = db.Query("SELECT balance FROM wallets WHERE token = ?", auth);
  redisCommand(g_docs, "JSON.SET wallet:%s $ %s", req.path().c_str(), body.c_str());
  // ADDED: :[[@LINE-1]]:3: warning: cache 'g_docs' is keyed by 'req.path().c_str()', which does not identify the user [crossuser-cache-key]
  // ADDED: :[[@LINE-8]]:22: note: user identity 'req.header("Authorization")' is available here
  // ADDED: :[[@LINE-3]]:71: note: per-user data 'body.c_str()' is stored in 'g_docs' here
  resp.body = body;
}
