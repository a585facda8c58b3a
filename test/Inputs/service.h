// A mock service framework for the tests: HTTP requests and responses,
// sessions and users, a database, caches and cache clients.
#pragma once
#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace http {
class Request {
public:
  std::string path() const;
  std::string query() const;
  std::string url() const;
  std::string method() const;
  std::string body() const;
  std::string header(const std::string &name) const;
  std::string cookie(const std::string &name) const;
  std::string param(const std::string &name) const;
  std::uint64_t connection_id() const;
};
struct Response {
  std::string body;
  int status = 200;
  void set_header(const std::string &name, const std::string &value);
};
class Handler {
public:
  virtual ~Handler();
  virtual void Handle(const Request &req, Response &resp) = 0;
};
} // namespace http

struct UserId {
  std::string value;
};
struct TenantId {
  std::string value;
};
struct User {
  UserId id;
  std::string name;
  std::string email;
  std::string country;
};
class Session {
public:
  std::string user_id() const;
  std::string tenant_id() const;
  std::string token() const;
  std::string locale() const;
  const User &user() const;
};
Session ResolveSession(const http::Request &req);

struct Profile {
  std::string user_id;
  std::string display_name;
  std::string address;
};
struct Order {
  int id;
  std::string customer_id;
  double total;
};
struct Product {
  int id;
  std::string title;
  double price;
};
struct FeatureFlag {
  std::string name;
  bool enabled;
};
struct Regex {
  explicit Regex(const std::string &pattern);
};

class Database {
public:
  Profile LoadProfile(const std::string &user_id);
  std::vector<Order> LoadOrders(const std::string &user_id);
  Product LoadProduct(int product_id);
  std::string LoadConfig(const std::string &name);
  std::string Query(const std::string &sql, const std::string &bound);
  std::string QueryPublic(const std::string &sql);
};

std::string RenderProfile(const Profile &p);
std::string RenderProduct(const Product &p);
std::string Format(const char *fmt, ...);

template <class K, class V> class LruCache {
public:
  explicit LruCache(std::size_t capacity = 128);
  std::optional<V> Get(const K &key);
  void Put(const K &key, const V &value);
};

class RedisClient {
public:
  std::optional<std::string> get(const std::string &key);
  void set(const std::string &key, const std::string &value);
  void setex(const std::string &key, int ttl, const std::string &value);
};

extern "C" {
struct redisContext;
void *redisCommand(redisContext *c, const char *format, ...);
struct memcached_st;
char *memcached_get(memcached_st *m, const char *key, std::size_t key_length,
                    std::size_t *value_length, unsigned *flags, int *error);
int memcached_set(memcached_st *m, const char *key, std::size_t key_length,
                  const char *value, std::size_t value_length, long expiration,
                  unsigned flags);
}
