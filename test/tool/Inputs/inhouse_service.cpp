// A service on an in-house framework that no shipped model describes.
#include <optional>
#include <string>

namespace acme {
class Call {
public:
  std::string caller() const;
  std::string arg(const std::string &name) const;
};
class Reply {
public:
  void Meta(const std::string &name, const std::string &value);
  void Body(const std::string &text);
};
template <class K, class V> class TtlMap {
public:
  std::optional<V> FetchIfFresh(const K &key);
  void StoreWithTtl(const K &key, int ttl, const V &value);
};
class Endpoint {
public:
  virtual ~Endpoint();
  virtual void Serve(const Call &call, Reply &reply) = 0;
};
class CallScope {
public:
  std::string last;
};
} // namespace acme

std::string LoadStatement(const std::string &who, const std::string &month);

class StatementEndpoint : public acme::Endpoint {
public:
  void Serve(const acme::Call &call, acme::Reply &reply) override {
    std::string who = call.caller();
    std::string month = call.arg("month");
    if (auto hit = statements_.FetchIfFresh(month)) {
      reply.Body(*hit);
      return;
    }
    std::string text = LoadStatement(who, month);
    statements_.StoreWithTtl(month, 60, text);
    last_caller_ = who;
    reply.Meta("Cache-Control", "public, max-age=60");
    reply.Body(text);
  }

private:
  acme::TtlMap<std::string, std::string> statements_;
  std::string last_caller_;
};

class ScopedWork : public acme::CallScope {
public:
  void Run(const acme::Call &call) { last = call.caller(); }
};
