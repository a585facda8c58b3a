// A key-value client whose Put has a sharded overload: the key is the
// first argument of one and the second of the other.
#include <string>

namespace acme {
class Call {
public:
  std::string caller() const;
  std::string arg(const std::string &name) const;
};
class Kv {
public:
  void Put(const std::string &key, const std::string &value);
  void Put(int shard, const std::string &key, const std::string &value,
           int ttl = 60);
  void Exec(const char *format, ...);
};
} // namespace acme

std::string LoadStatement(const std::string &who, const std::string &month);

void Statement(const acme::Call &call, acme::Kv &kv) {
  std::string who = call.caller();
  std::string month = call.arg("month");
  std::string text = LoadStatement(who, month);
  kv.Put(month, text);
  kv.Put(3, month, text);
  kv.Put(3, who + ":" + month, text);
  kv.Exec("SETEX %s 60 %s", month.c_str(), text.c_str());
  kv.Exec("SETEX %s:%s 60 %s", who.c_str(), month.c_str(), text.c_str());
}
