#!/usr/bin/env python3
"""Writes one C++17 translation unit of a given shape and size for bench/shapes.py.

Each shape stretches one dimension of the engine's work while the rest of
the file stays small, so that a cost growing faster than the code shows up
as a cliff in that shape alone:

  long-function   one handler with N statements (string work on locals,
                  one badly keyed cache lookup at the end)
  reassign-chain  one key reassigned N times, a cache lookup after each
                  reassignment
  accumulate      one local accumulated N times: `s += part; log.push_back(s);`
                  then a cache lookup keyed by it
  helper-chain    N helpers, each calling the next (depth N), the last one
                  builds the key; the handler calls the first
  mutual-recursion N helpers calling each other in a cycle, the key comes
                  out of the cycle
  caches-handlers N/10 per-user caches and N/10 handlers, ten lookups per
                  handler on ten different caches

Two more shapes take `reassign-chain` apart (shapes.py runs them only when
named with --shapes):

  reassign-only   one key reassigned N times, one lookup at the end
  lookups-one-key N lookups on one key that never changes

Every shape has about N statements, so the parse grows linearly with N and
the growth exponent of the analysis time can be read against it. The output
depends only on --shape and -n.

  python3 bench/gen_shapes.py --shape accumulate -n 4000 -o /tmp/acc.cpp
"""

import argparse
import sys

SHAPES = ("long-function", "reassign-chain", "accumulate", "helper-chain",
          "mutual-recursion", "caches-handlers")
PARTS = ("reassign-only", "lookups-one-key")

PRELUDE = r"""#include <map>
#include <optional>
#include <string>
#include <vector>

namespace web {
class Request {
 public:
  const std::string& path() const { return path_; }
  const std::string& query() const { return query_; }
  std::string header(const std::string& name) const {
    auto it = headers_.find(name);
    return it == headers_.end() ? std::string() : it->second;
  }
  std::string user_id() const { return header("X-User-Id"); }

 private:
  std::string path_;
  std::string query_;
  std::map<std::string, std::string> headers_;
};
struct Response {
  int status = 200;
  std::string body;
  void set_header(const std::string& name, const std::string& value) { headers[name] = value; }
  std::map<std::string, std::string> headers;
};
class Handler {
 public:
  virtual ~Handler() = default;
  virtual void Handle(const Request& req, Response& resp) = 0;
};
}  // namespace web

template <typename K, typename V>
class LruCache {
 public:
  std::optional<V> Get(const K& key) {
    auto it = entries_.find(key);
    if (it == entries_.end()) return std::nullopt;
    return it->second;
  }
  void Put(const K& key, V value) { entries_[key] = std::move(value); }

 private:
  std::map<K, V> entries_;
};

struct Profile {
  std::string name;
  std::string email;
};
inline Profile LoadProfile(const std::string& uid) { return Profile{uid, uid + "@example.com"}; }

"""


def long_function(n):
    out = ["LruCache<std::string, Profile> g_profiles;", "",
           "void LongHandler(const web::Request& req, web::Response& resp) {",
           "  const std::string uid = req.user_id();",
           "  std::string acc = req.path();"]
    body = n - 4
    for i in range(body):
        k = i % 4
        if k == 0:
            out.append("  std::string t%d = acc + \"/%d\";" % (i, i))
        elif k == 1:
            out.append("  acc = t%d.substr(0, %d);" % (i - 1, 1 + i % 9))
        elif k == 2:
            out.append("  if (acc.size() > %d) resp.status = %d;" % (i % 50, 200 + i % 3))
        else:
            out.append("  resp.body += t%d;" % (i - 3))
    out += ["  if (auto hit = g_profiles.Get(req.path())) resp.body = hit->name;",
            "  g_profiles.Put(req.path(), LoadProfile(uid));", "}"]
    return out


def reassign_chain(n):
    out = ["LruCache<std::string, Profile> g_profiles;", "",
           "void ChainHandler(const web::Request& req, web::Response& resp) {",
           "  const std::string uid = req.user_id();",
           "  std::string key = req.path();"]
    for i in range((n - 3) // 2):
        out.append("  key = key + \"/%d\";" % i)
        out.append("  if (auto hit = g_profiles.Get(key)) resp.body += hit->name;")
    out += ["  g_profiles.Put(key, LoadProfile(uid));", "}"]
    return out


def reassign_only(n):
    out = ["LruCache<std::string, Profile> g_profiles;", "",
           "void ChainHandler(const web::Request& req, web::Response& resp) {",
           "  const std::string uid = req.user_id();",
           "  std::string key = req.path();"]
    for i in range(n - 4):
        out.append("  key = key + \"/%d\";" % i)
    out += ["  if (auto hit = g_profiles.Get(key)) resp.body += hit->name;",
            "  g_profiles.Put(key, LoadProfile(uid));", "}"]
    return out


def lookups_one_key(n):
    out = ["LruCache<std::string, Profile> g_profiles;", "",
           "void LookupHandler(const web::Request& req, web::Response& resp) {",
           "  const std::string uid = req.user_id();",
           "  const std::string key = req.path();"]
    for _ in range(n - 4):
        out.append("  if (auto hit = g_profiles.Get(key)) resp.body += hit->name;")
    out += ["  g_profiles.Put(key, LoadProfile(uid));", "}"]
    return out


def accumulate(n):
    out = ["LruCache<std::string, Profile> g_profiles;", "",
           "void AccumulateHandler(const web::Request& req, web::Response& resp) {",
           "  const std::string uid = req.user_id();",
           "  std::vector<std::string> log;",
           "  std::string s = req.path();"]
    for i in range((n - 4) // 3):
        out.append("  const std::string part%d = req.query().substr(%d, 1);" % (i, i % 16))
        out.append("  s += part%d;" % i)
        out.append("  log.push_back(s);")
    out += ["  if (auto hit = g_profiles.Get(s)) resp.body = hit->name;",
            "  g_profiles.Put(s, LoadProfile(uid));", "}"]
    return out


def helper_chain(n):
    depth = n - 4
    out = ["LruCache<std::string, Profile> g_profiles;", ""]
    out.append("std::string Helper%d(const web::Request& req) { return req.path() + \"/leaf\"; }"
               % (depth - 1))
    for i in range(depth - 2, -1, -1):
        out.append("std::string Helper%d(const web::Request& req) { return Helper%d(req) + \".%d\"; }"
                   % (i, i + 1, i % 10))
    out += ["", "void ChainHandler(const web::Request& req, web::Response& resp) {",
            "  const std::string uid = req.user_id();",
            "  const std::string key = Helper0(req);",
            "  if (auto hit = g_profiles.Get(key)) resp.body = hit->name;",
            "  g_profiles.Put(key, LoadProfile(uid));", "}"]
    return out


def mutual_recursion(n):
    count = n - 4
    out = ["LruCache<std::string, Profile> g_profiles;", ""]
    for i in range(count):
        out.append("std::string Step%d(const web::Request& req, int depth);" % i)
    for i in range(count):
        nxt = (i + 1) % count
        out.append("std::string Step%d(const web::Request& req, int depth) { "
                   "return depth <= 0 ? req.path() : Step%d(req, depth - 1) + \"%d\"; }"
                   % (i, nxt, i % 10))
    out += ["", "void CycleHandler(const web::Request& req, web::Response& resp) {",
            "  const std::string uid = req.user_id();",
            "  const std::string key = Step0(req, %d);" % count,
            "  if (auto hit = g_profiles.Get(key)) resp.body = hit->name;",
            "  g_profiles.Put(key, LoadProfile(uid));", "}"]
    return out


def caches_handlers(n):
    caches = max(10, n // 10)
    handlers = max(1, n // 10)
    out = []
    for c in range(caches):
        out.append("LruCache<std::string, Profile> g_cache%d;" % c)
    out.append("")
    for h in range(handlers):
        out.append("class Handler%d : public web::Handler {" % h)
        out.append(" public:")
        out.append("  void Handle(const web::Request& req, web::Response& resp) override {")
        out.append("    const std::string uid = req.user_id();")
        for j in range(10):
            c = (h * 7 + j * 13) % caches
            # One handler in ten keys its lookups by the path alone.
            key = "req.path()" if h % 10 == 0 else "uid + req.path()"
            out.append("    if (auto hit = g_cache%d.Get(%s)) resp.body += hit->name;" % (c, key))
        out.append("  }")
        out.append("};")
    return out


GENERATORS = {
    "long-function": long_function,
    "reassign-chain": reassign_chain,
    "accumulate": accumulate,
    "helper-chain": helper_chain,
    "mutual-recursion": mutual_recursion,
    "caches-handlers": caches_handlers,
    "reassign-only": reassign_only,
    "lookups-one-key": lookups_one_key,
}


def generate(shape, n):
    return ("// Generated by bench/gen_shapes.py (shape %s, N = %d). Do not edit.\n"
            % (shape, n)) + PRELUDE + "\n".join(GENERATORS[shape](n)) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shape", required=True, choices=SHAPES + PARTS)
    ap.add_argument("-n", type=int, required=True, help="size (about N statements)")
    ap.add_argument("-o", "--output", default="-", help="output file ('-': stdout)")
    args = ap.parse_args()
    if args.n < 16:
        sys.exit("gen_shapes: -n must be at least 16")
    text = generate(args.shape, args.n)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
