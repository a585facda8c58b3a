// A minimal shape of jwt-cpp's public API (https://github.com/Thalhammer/jwt-cpp,
// as its documentation describes it), written for crossuser's tests:
// declarations only, with the library's names and signatures. Not
// jwt-cpp's code.
#pragma once

#include <set>
#include <string>

namespace jwt {

class claim {
public:
  std::string as_string() const;
  long long as_integer() const;
};

class payload {
public:
  std::string get_subject() const;
  std::string get_issuer() const;
  std::set<std::string> get_audience() const;
  bool has_payload_claim(const std::string &name) const;
  claim get_payload_claim(const std::string &name) const;
};

class header {
public:
  std::string get_algorithm() const;
};

class decoded_jwt : public header, public payload {
public:
  const std::string &get_token() const;
};

decoded_jwt decode(const std::string &token);

} // namespace jwt
