// A hermetic stand-in for the parts of the standard library the tests use:
// the tests must not depend on the host's libstdc++ layout.
#pragma once

typedef unsigned long size_t;
typedef long ptrdiff_t;

namespace std {
using size_t = ::size_t;
using uint64_t = unsigned long;
using int64_t = long;
using uint32_t = unsigned int;
using int32_t = int;

template <class T> struct remove_reference { typedef T type; };
template <class T> struct remove_reference<T &> { typedef T type; };
template <class T> struct remove_reference<T &&> { typedef T type; };
template <class T> typename remove_reference<T>::type &&move(T &&t) {
  return static_cast<typename remove_reference<T>::type &&>(t);
}
template <class T> T &&forward(typename remove_reference<T>::type &t) {
  return static_cast<T &&>(t);
}

class string_view {
public:
  string_view();
  string_view(const char *);
  const char *data() const;
  size_t size() const;
};

class string {
public:
  static const size_t npos = -1;
  string();
  string(const char *);
  string(const char *, size_t);
  string(string_view);
  string(const string &);
  string(string &&);
  ~string();
  string &operator=(const string &);
  string &operator=(string &&);
  string &operator=(const char *);
  string &operator+=(const string &);
  string &operator+=(const char *);
  string &operator+=(char);
  string &append(const string &);
  string &append(const char *);
  string &append(const char *, size_t);
  string &assign(const string &);
  void swap(string &);
  void push_back(char);
  const char *c_str() const;
  const char *data() const;
  size_t size() const;
  size_t length() const;
  bool empty() const;
  void clear();
  string substr(size_t pos = 0, size_t n = npos) const;
  size_t find(const string &, size_t pos = 0) const;
  operator string_view() const;
};
string operator+(const string &, const string &);
string operator+(const string &, const char *);
string operator+(const char *, const string &);
string operator+(const string &, char);
bool operator==(const string &, const string &);
bool operator==(const string &, const char *);
bool operator!=(const string &, const string &);
bool operator!=(const string &, const char *);
bool operator<(const string &, const string &);

string to_string(int);
string to_string(long);
string to_string(unsigned long);
string to_string(long long);
string to_string(unsigned long long);
string to_string(double);

template <class T> struct hash {
  size_t operator()(const T &) const;
};
template <class T> struct less {
  bool operator()(const T &, const T &) const;
};
template <class T> struct equal_to {
  bool operator()(const T &, const T &) const;
};

template <class A, class B> struct pair {
  A first;
  B second;
  pair();
  pair(const A &a, const B &b);
  template <class U, class V> pair(U &&u, V &&v);
};
template <class A, class B> pair<A, B> make_pair(A a, B b);

template <class... T> class tuple {
public:
  tuple();
  tuple(const T &...);
};
template <class... T> tuple<T...> make_tuple(T... t);

struct nullopt_t {};
inline constexpr nullopt_t nullopt{};
template <class T> class optional {
public:
  optional();
  optional(nullopt_t);
  optional(const T &);
  optional(T &&);
  bool has_value() const;
  explicit operator bool() const;
  T &operator*();
  const T &operator*() const;
  T *operator->();
  const T *operator->() const;
  T &value();
  const T &value() const;
};

template <class T> class vector {
public:
  vector();
  vector(const vector &);
  void push_back(const T &);
  template <class... A> T &emplace_back(A &&...);
  T *insert(const T *pos, const T &value);
  template <class... A> T *emplace(const T *pos, A &&...);
  void assign(size_t n, const T &value);
  void swap(vector &);
  size_t size() const;
  bool empty() const;
  void clear();
  T &operator[](size_t);
  const T &operator[](size_t) const;
  T &back();
  T *begin();
  T *end();
  const T *begin() const;
  const T *end() const;
};

template <class T> class deque {
public:
  deque();
  void push_back(const T &);
  void push_front(const T &);
  template <class... A> T &emplace_front(A &&...);
  void pop_front();
  size_t size() const;
  void clear();
};

template <class K, class V> struct __map_iterator {
  pair<const K, V> &operator*() const;
  pair<const K, V> *operator->() const;
  __map_iterator &operator++();
  bool operator==(const __map_iterator &) const;
  bool operator!=(const __map_iterator &) const;
};

#define CROSSUSER_MOCK_MAP(NAME)                                               \
  template <class K, class V, class H = hash<K>, class E = equal_to<K>>        \
  class NAME {                                                                 \
  public:                                                                      \
    using iterator = __map_iterator<K, V>;                                     \
    using const_iterator = __map_iterator<K, V>;                               \
    NAME();                                                                    \
    iterator find(const K &);                                                  \
    const_iterator find(const K &) const;                                      \
    iterator begin();                                                          \
    iterator end();                                                            \
    const_iterator begin() const;                                              \
    const_iterator end() const;                                                \
    size_t count(const K &) const;                                             \
    bool contains(const K &) const;                                            \
    V &at(const K &);                                                          \
    const V &at(const K &) const;                                              \
    V &operator[](const K &);                                                  \
    V &operator[](K &&);                                                       \
    pair<iterator, bool> insert(const pair<const K, V> &);                     \
    template <class... A> pair<iterator, bool> emplace(A &&...);               \
    template <class... A> pair<iterator, bool> try_emplace(const K &, A &&...);\
    template <class M> pair<iterator, bool> insert_or_assign(const K &, M &&); \
    size_t erase(const K &);                                                   \
    size_t size() const;                                                       \
    bool empty() const;                                                        \
    void clear();                                                              \
  };
CROSSUSER_MOCK_MAP(unordered_map)
CROSSUSER_MOCK_MAP(map)
#undef CROSSUSER_MOCK_MAP

#define CROSSUSER_MOCK_SET(NAME)                                               \
  template <class K, class H = hash<K>> class NAME {                           \
  public:                                                                      \
    using iterator = const K *;                                                \
    NAME();                                                                    \
    iterator find(const K &) const;                                            \
    iterator end() const;                                                      \
    size_t count(const K &) const;                                             \
    bool contains(const K &) const;                                            \
    pair<iterator, bool> insert(const K &);                                    \
    template <class... A> pair<iterator, bool> emplace(A &&...);               \
    void clear();                                                              \
  };
CROSSUSER_MOCK_SET(unordered_set)
CROSSUSER_MOCK_SET(set)
#undef CROSSUSER_MOCK_SET

template <class T> class shared_ptr {
public:
  shared_ptr();
  explicit shared_ptr(T *);
  void reset();
  void reset(T *);
  T *operator->() const;
  T &operator*() const;
  T *get() const;
  explicit operator bool() const;
};
template <class T> class unique_ptr {
public:
  unique_ptr();
  explicit unique_ptr(T *);
  void reset();
  void reset(T *);
  T *operator->() const;
  T &operator*() const;
  T *get() const;
};
template <class T, class... A> shared_ptr<T> make_shared(A &&...);
template <class T, class... A> unique_ptr<T> make_unique(A &&...);

class ostringstream {
public:
  ostringstream();
  ostringstream &operator<<(const string &);
  ostringstream &operator<<(const char *);
  ostringstream &operator<<(char);
  ostringstream &operator<<(int);
  ostringstream &operator<<(long);
  ostringstream &operator<<(unsigned long);
  string str() const;
};

class mutex {
public:
  void lock();
  void unlock();
};
template <class M> class lock_guard {
public:
  explicit lock_guard(M &);
  ~lock_guard();
};

template <class T> class atomic {
public:
  atomic();
  atomic(T);
  T load() const;
  void store(T);
  T exchange(T);
  T operator=(T);
  T operator++(int);
  T fetch_add(T);
};

template <class T> void swap(T &a, T &b);

template <class Sig> class function;
template <class R, class... A> class function<R(A...)> {
public:
  function();
  // Defined: a lambda has no linkage, so its conversion must be.
  template <class F> function(F) {}
  R operator()(A...) const;
};
} // namespace std

extern "C" {
int snprintf(char *, size_t, const char *, ...);
int sprintf(char *, const char *, ...);
}
