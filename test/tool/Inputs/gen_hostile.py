#!/usr/bin/env python3
"""Writes the generated hostile inputs of hostile-sources.test, so that no
large file is committed:
  gen_hostile.py big N       a file of N lines: handlers with caches whose
                             keys go through a helper; every 1000th key
                             lacks the user
  gen_hostile.py chain D E   mutually recursive key helpers, a chain of D
                             helpers, and a key expression of E operands
  gen_hostile.py binary      4 KiB of pseudo-random bytes (with NULs)
  gen_hostile.py templates N a macro that declares handlers, and a class
                             template instantiated N times"""
import random, sys

def big(n):
    out = ['#include "service.h"']
    i = 0
    while len(out) < n - 20:
        key = 'req.path()' if i % 1000 == 0 else 's.user_id() + req.path()'
        out += ['std::string Key%d(const std::string &p) {' % i,
                '  std::string k = "k%d:";' % i, '  k += p;', '  return k;', '}',
                'struct Handler%d : http::Handler {' % i,
                '  LruCache<std::string, Profile> cache_;', '  int hits_ = 0;',
                '  void Handle(const http::Request &req, http::Response &resp) override {',
                '    Session s = ResolveSession(req);',
                '    std::string k = Key%d(%s);' % (i, key), '    Profile p;',
                '    p.display_name = s.user().name;', '    cache_.Put(k, p);',
                '    ++hits_;', '    resp.body = p.display_name;', '  }', '};', '', '']
        i += 1
    out += ['// filler'] * (n - len(out))
    return '\n'.join(out) + '\n'

def chain(depth, operands):
    out = ['#include "service.h"',
           'std::string KeyB(const std::string &p, int n);',
           'std::string KeyA(const std::string &p, int n) { return n ? KeyB(p + "a", n - 1) : p; }',
           'std::string KeyB(const std::string &p, int n) { return n ? KeyA(p + "b", n - 1) : p; }',
           'std::string Self(const std::string &p, int n) { return n ? Self(p, n - 1) : p; }',
           'std::string Chain%d(const std::string &p) { return p; }' % depth]
    for i in range(depth - 1, -1, -1):
        out.append('std::string Chain%d(const std::string &p) { return Chain%d(p + "x"); }' % (i, i + 1))
    out += ['struct H : http::Handler {',
            '  LruCache<std::string, Profile> cache_;',
            '  void Handle(const http::Request &req, http::Response &resp) override {',
            '    Session s = ResolveSession(req);',
            '    Profile p;',
            '    p.display_name = s.user().name;',
            '    cache_.Put(KeyA(req.path(), 3), p); // MUTUAL',
            '    cache_.Put(KeyA(s.user_id(), 3), p);',
            '    cache_.Put(Self(req.path(), 3), p); // SELF',
            '    cache_.Put(Chain0(req.path()), p); // CHAIN',
            '    cache_.Put(%s, p); // LONG' % ' + '.join(['req.path()'] * operands),
            '  }', '};']
    return '\n'.join(out) + '\n'

def templates(n):
    return '''#include "service.h"
#define DECLARE_HANDLER(Name, KeyExpr)                                        \\
  struct Name : http::Handler {                                               \\
    LruCache<std::string, Profile> cache_;                                    \\
    void Handle(const http::Request &req, http::Response &resp) override {    \\
      Session s = ResolveSession(req);                                        \\
      Profile p;                                                              \\
      p.display_name = s.user().name;                                         \\
      cache_.Put(KeyExpr, p);                                                 \\
    }                                                                         \\
  };
DECLARE_HANDLER(MacroA, req.path())
DECLARE_HANDLER(MacroB, req.path())
DECLARE_HANDLER(MacroSafe, s.user_id())

template <typename T, int N>
struct TemplHandler : http::Handler {
  LruCache<std::string, Profile> cache_;
  void Handle(const http::Request &req, http::Response &resp) override {
    Session s = ResolveSession(req);
    Profile v;
    v.display_name = s.user().name;
    cache_.Put(req.path() + std::to_string(N), v);
  }
};
template <int N> struct Inst : Inst<N - 1> { TemplHandler<Profile, N> h; };
template <> struct Inst<0> {};
Inst<%d> all;
''' % n

kind = sys.argv[1]
if kind == 'big':
    sys.stdout.write(big(int(sys.argv[2])))
elif kind == 'chain':
    sys.stdout.write(chain(int(sys.argv[2]), int(sys.argv[3])))
elif kind == 'templates':
    sys.stdout.write(templates(int(sys.argv[2])))
elif kind == 'binary':
    rnd = random.Random(6)
    sys.stdout.buffer.write(bytes(rnd.randrange(256) for _ in range(4096)))
