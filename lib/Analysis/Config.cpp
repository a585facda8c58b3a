#include "Analysis/Config.h"
#include "Analysis/Models.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <cstdlib>
#include <ctime>
#include <map>
#include <mutex>

namespace crossuser {

static const OptionSpec Specs[] = {
    {"IdentityNames",
     "user;uid;userid;username;account;accountid;customer;tenant;org;"
     "organization;principal;subject;session;sid;member;owner;viewer;login;"
     "email",
     "Words that make a variable, field, parameter or accessor name a user "
     "identity (`user_id`, `GetTenant()`, `sessionToken`)."},
    {"IdentityTypes",
     "User;Session;Principal;Tenant;Account;Customer;Claims;Identity;"
     "Credential;Credentials;Viewer;Member;Owner",
     "Words that make a record type an identity type (`UserId`, "
     "`AuthSession`, `JwtClaims`)."},
    {"NonIdentityTypes",
     "repository;repo;service;manager;store;storage;db;database;client;cache;"
     "lru;factory;provider;handler;controller;dao;registry;pool;loader;api;"
     "server;gateway;table;index;map;list;set;vector;lock;mutex;stats;"
     "metrics;config;options;builder;ssl;tls;socket",
     "Words that keep a type out of IdentityTypes even when it has an "
     "identity word (`UserRepository`, `SessionStore`)."},
    {"IdentifyingMembers",
     "id;uid;uuid;guid;key;name;email;login;handle;token;sub;subject",
     "Words that make a member of an identity object identify the user "
     "(`user.id`, `session.token()`), as opposed to per-user attributes "
     "such as `user.country`."},
    {"IdentityHeaders",
     "Authorization;Proxy-Authorization;Cookie;X-User-Id;X-Tenant-Id;"
     "X-Account-Id;X-Session-Id;X-Auth-Token;X-Api-Key;X-Forwarded-User;"
     "X-Remote-User",
     "Request headers whose value identifies the user; reading one makes the "
     "identity available (an X- header named with an IdentityNames word "
     "does too, as word evidence)."},
    {"PerUserTypes",
     "Profile;Cart;Basket;Order;Orders;Purchase;Invoice;Payment;Wallet;"
     "Address;Inbox;Message;Notification;Preferences;Settings;"
     "Recommendation;Recommendations;Balance;Statement;Subscription",
     "Words that make a record type per-user data (`UserProfile`, "
     "`CartItems`); identity types are per-user data too."},
    {"CacheTypes", "cache;lru;memo;memoizer;evicting",
     "Words that make a type a cache wherever it lives (`LruCache<K, V>`, "
     "`ResponseCache`)."},
    {"AssociativeContainers",
     "map;unordered_map;multimap;unordered_multimap;set;unordered_set;"
     "flat_map;flat_hash_map;node_hash_map;btree_map;dense_hash_map;"
     "sparse_hash_map;F14FastMap;F14NodeMap;F14ValueMap;robin_map;"
     "concurrent_hash_map;ConcurrentHashMap",
     "Container class names that act as caches when they live in shared "
     "storage."},
    {"RemoteCacheTypes", "redis;memcache;memcached;valkey;keydb",
     "Words that make a client type a remote cache (`RedisClient`)."},
    {"HandlerBases",
     "handler;controller;service;servlet;server;endpoint;resource;router;"
     "component;manager;repository;registry;provider;gateway;app;"
     "application;module;plugin;singleton;backend;filter;middleware;"
     "interceptor;listener",
     "Words that make a class (or one of its bases) long-lived, so that its "
     "members are shared between requests."},
    {"PerRequestTypes",
     "request;req;context;ctx;scope;call;transaction;txn;task;job;frame",
     "Words that make a class per-request, so that its members are not "
     "shared."},
    {"LookupMethods",
     "Get;get;GetIfPresent;Find;find;Lookup;lookup;Fetch;fetch;Peek;peek;at;"
     "count;contains;Contains;operator[];hget;hgetall;hmget;mget;exists",
     "Member functions that look a key up in a cache."},
    {"InsertMethods",
     "Put;put;Set;set;Insert;insert;Emplace;emplace;try_emplace;"
     "insert_or_assign;Add;Store;store;Update;Upsert;setex;psetex;setnx;"
     "hset;hmset;mset",
     "Member functions that store a value under a key in a cache."},
    {"RedisCommandFunctions", "",
     "Further functions taking a redis command format string (`\"GET %s\"`) "
     "whose first argument after the command is the key; hiredis's are rows "
     "of the shipped model hiredis.yaml."},
    {"MemcachedFunctions", "",
     "Further libmemcached-style functions whose second argument is the key "
     "(a name ending in `_get` looks up, any other inserts its fourth "
     "argument); libmemcached's are rows of the shipped model "
     "libmemcached.yaml."},
    {"RedisLookupCommands",
     "GET;MGET;HGET;HMGET;HGETALL;GETEX;EXISTS;LRANGE;SMEMBERS;ZRANGE;GETDEL",
     "Redis commands that read a key (compared without case), in a command "
     "format (`\"GET %s\"`) or a client's `command(\"GET\", key)`."},
    {"RedisInsertCommands",
     "SET;SETEX;PSETEX;SETNX;HSET;HMSET;MSET;LPUSH;RPUSH;SADD;ZADD;APPEND;"
     "GETSET",
     "Redis commands that store a value under a key (compared without "
     "case)."},
    {"ThreadLocalIsShared", "true",
     "Whether `thread_local` variables are shared between requests (true: "
     "thread-pool servers reuse threads across users). Scratch that every "
     "request resets before reading it is not shared either way."},
    {"MinimumEvidence", "identity-name",
     "The weakest evidence a reported finding may rest on: `annotation`, "
     "`structure` (storage, ownership, registration, data flow), `model` "
     "(library model rows), `identity-name` (words, but only for who the "
     "user is) or `name` (words for anything: a class that lives long or "
     "data that is per-user by its name; for audits).",
     /*Rule=*/"*"},
    {"WriteMethods",
     "push_back;emplace_back;push_front;emplace_front;push;insert;emplace;"
     "append;assign;swap;store;exchange;reset;add;Add;Append;Push;Insert;"
     "Emplace;Assign;Swap;Store;Reset",
     "Member functions that write their arguments into the object they are "
     "called on; setters (`set_user`, `SetUser`) count as writes too."},
    {"SetupMethods",
     "init;initialize;initialise;setup;configure;startup;bootstrap;main",
     "Words that make a function one-time setup: fields and globals written "
     "only there (and in constructors) are configuration, not per-user "
     "state."},
    {"NonUserStorageNames",
     "log;logger;logging;audit;metric;metrics;stats;statistics;counter;"
     "counters;histogram;gauge;trace;tracer;telemetry;monitor",
     "Words in the name of a variable, a field or its type that mark "
     "logging, metrics and audit storage, which is never served to users."},
    {"RegistrationFunctions",
     "register;route;mount;subscribe;handler;handlers;controller;servlet;"
     "endpoint",
     "Words in the name of a function that registers an object to serve "
     "requests (`AddHandler(std::make_shared<X>())`), which makes the "
     "object's class long-lived."},
    {"HeaderSetters",
     "addHeader;setHeader;set_header;add_header;AddHeader;SetHeader;"
     "append_header;insert;emplace;set",
     "Member functions that set a response header from a name and a value "
     "(`resp.set_header(\"Cache-Control\", ...)`, `res.headers.emplace(...)`); "
     "container-like names (`insert`, `emplace`) count only on an object "
     "named like headers.",
     /*Rule=*/"crossuser-cacheable-response"},
    {"CacheHelpers", "setExpiredTime;CacheFor;cacheFor;cache_for",
     "Framework helpers that make a response cacheable for a number of "
     "seconds (`resp->setExpiredTime(300)`, `CacheFor(resp, 300)`); a "
     "constant of 0 or less leaves the response uncached.",
     /*Rule=*/"crossuser-cacheable-response"},
    {"ModelFiles", "none",
     "Model files (YAML, docs/models.md) describing further libraries: "
     "identity sources, lifetimes, caches, remote caches and response "
     "headers, read in addition to the models shipped with crossuser. "
     "`none` (or empty): the shipped models only. A malformed file is an "
     "error naming its line."},
    {"SummaryDirectory", "none",
     "A directory of whole-program summaries written by `crossuser-check "
     "--summaries DIR`: calls to functions defined in other translation "
     "units are judged by their summaries (docs/whole-program.md). `none` "
     "(or empty): per-translation-unit analysis. A corrupt, stale or "
     "other-version summary is an error."},
};

llvm::ArrayRef<OptionSpec> optionSpecs() { return Specs; }

const OptionSpec *findOption(llvm::StringRef Name) {
  for (const OptionSpec &S : Specs)
    if (Name == S.Name)
      return &S;
  return nullptr;
}

std::optional<std::string> localModelOptionMessage(llvm::StringRef Key) {
  if (!Key.startswith("crossuser-"))
    return std::nullopt;
  llvm::StringRef Name = Key.split('.').second;
  if (!isModelOption(Name))
    return std::nullopt;
  return ("option '" + Key + "' is a model option, shared by every check: " +
          "set it once as '" + Name + "'")
      .str();
}

static llvm::StringSet<> toSet(llvm::StringRef List) {
  llvm::StringSet<> S;
  for (const std::string &W : splitList(List))
    S.insert(W);
  return S;
}

std::optional<bool> parseBool(llvm::StringRef Value) {
  std::string V = Value.trim().lower();
  if (V == "true" || V == "1" || V == "yes" || V == "on")
    return true;
  if (V == "false" || V == "0" || V == "no" || V == "off")
    return false;
  return std::nullopt;
}

std::optional<std::string> validateOption(llvm::StringRef Name,
                                          llvm::StringRef Value) {
  if (Name == "MinimumEvidence" && !parseMinimumEvidence(Value))
    return "invalid value '" + Value.str() +
           "'; expected annotation, structure, model, identity-name or name";
  if (Name == "ThreadLocalIsShared" && !parseBool(Value))
    return "invalid value '" + Value.str() + "'; expected true or false";
  if (Name == "ModelFiles") {
    auto Loaded = loadModels(Value);
    if (!Loaded)
      return llvm::toString(Loaded.takeError());
  }
  return std::nullopt;
}

llvm::Expected<std::shared_ptr<const Models>>
loadModels(llvm::StringRef FileList) {
  static std::mutex Lock;
  static std::map<std::string, std::shared_ptr<const Models>> Loaded;
  std::string Key = FileList.trim().str();
  if (Key == "none")
    Key.clear();
  std::lock_guard<std::mutex> Guard(Lock);
  auto It = Loaded.find(Key);
  if (It != Loaded.end())
    return It->second;
  auto M = std::make_shared<Models>(Models::shipped());
  for (const std::string &Path : splitList(Key))
    if (llvm::Error E = M->load(Path))
      return std::move(E);
  Loaded[Key] = M;
  return std::shared_ptr<const Models>(M);
}

/// The year dates in the code are judged against: from
/// `SOURCE_DATE_EPOCH` when it is set (reproducible builds, and the test
/// suite, which must not change meaning with the year), else today's.
/// Read here, once per configuration, so the rules never read the clock.
static int referenceYear() {
  std::time_t When = std::time(nullptr);
  if (const char *Epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    long long Seconds = 0;
    if (!llvm::StringRef(Epoch).getAsInteger(10, Seconds) && Seconds >= 0)
      When = static_cast<std::time_t>(Seconds);
  }
  std::tm Parts{};
  gmtime_r(&When, &Parts);
  return Parts.tm_year + 1900;
}

Config Config::fromOptions(
    const std::function<std::optional<std::string>(llvm::StringRef)> &Get) {
  auto Value = [&](llvm::StringRef Name) -> std::string {
    if (Get)
      if (std::optional<std::string> V = Get(Name))
        return *V;
    for (const OptionSpec &S : Specs)
      if (Name == S.Name)
        return S.Default;
    llvm_unreachable("unknown crossuser option");
  };
  Config C;
  C.ReferenceYear = referenceYear();
  C.IdentityNames = WordSet(Value("IdentityNames"));
  C.IdentityTypes = WordSet(Value("IdentityTypes"));
  C.NonIdentityTypes = WordSet(Value("NonIdentityTypes"));
  C.IdentifyingMembers = WordSet(Value("IdentifyingMembers"));
  C.IdentityHeaders = WordSet(Value("IdentityHeaders"));
  C.PerUserTypes = WordSet(Value("PerUserTypes"));
  C.CacheTypes = WordSet(Value("CacheTypes"));
  C.AssociativeContainers = WordSet(Value("AssociativeContainers"));
  C.RemoteCacheTypes = WordSet(Value("RemoteCacheTypes"));
  C.HandlerBases = WordSet(Value("HandlerBases"));
  C.PerRequestTypes = WordSet(Value("PerRequestTypes"));
  C.LookupMethods = toSet(Value("LookupMethods"));
  C.InsertMethods = toSet(Value("InsertMethods"));
  C.RedisCommandFunctions = toSet(Value("RedisCommandFunctions"));
  C.MemcachedFunctions = toSet(Value("MemcachedFunctions"));
  for (auto [Set, Name] :
       {std::pair{&C.RedisLookupCommands, "RedisLookupCommands"},
        std::pair{&C.RedisInsertCommands, "RedisInsertCommands"}})
    for (const auto &Cmd : toSet(Value(Name)))
      Set->insert(Cmd.getKey().upper());
  C.ThreadLocalIsShared = parseBool(Value("ThreadLocalIsShared")).value_or(true);
  C.MinimumEvidence = parseMinimumEvidence(Value("MinimumEvidence"))
                          .value_or(EvidenceKind::IdentityName);
  C.WriteMethods = toSet(Value("WriteMethods"));
  C.SetupMethods = WordSet(Value("SetupMethods"));
  C.NonUserStorageNames = WordSet(Value("NonUserStorageNames"));
  C.RegistrationFunctions = WordSet(Value("RegistrationFunctions"));
  C.HeaderSetters = toSet(Value("HeaderSetters"));
  C.CacheHelpers = toSet(Value("CacheHelpers"));
  if (auto Lib = loadModels(Value("ModelFiles")))
    C.Library = std::move(*Lib);
  else {
    // The front end has reported it (validateOption); analyse with the
    // shipped models rather than none.
    llvm::consumeError(Lib.takeError());
    C.Library = std::make_shared<Models>(Models::shipped());
  }
  C.SummaryDirectory = Value("SummaryDirectory");
  if (C.SummaryDirectory == "none")
    C.SummaryDirectory.clear();
  // What the shared analysis depends on: the model options (a rule
  // option changes one rule's verdicts only); the summaries' place
  // is not part of what they mean.
  for (const OptionSpec &S : Specs)
    if (!S.Rule && llvm::StringRef(S.Name) != "SummaryDirectory")
      C.OptionsText += std::string(S.Name) + "=" + Value(S.Name) + "\n";
  return C;
}

Config Config::defaults() { return fromOptions(nullptr); }

/// The option name of \p Key without its check prefix.
static llvm::StringRef optionName(llvm::StringRef Key) {
  return Key.startswith("crossuser-") ? Key.split('.').second : Key;
}

/// A relative path in `ModelFiles` (each entry) or `SummaryDirectory` is
/// relative to the directory of the .clang-tidy that sets it, so that the
/// result does not depend on where the tool, the compiler or CMake runs.
std::string resolveConfigPaths(llvm::StringRef ConfigPath, llvm::StringRef Key,
                               llvm::StringRef Value) {
  llvm::StringRef Name = optionName(Key);
  if (Name != "ModelFiles" && Name != "SummaryDirectory")
    return Value.str();
  llvm::SmallString<256> Dir(llvm::sys::path::parent_path(ConfigPath));
  llvm::sys::fs::make_absolute(Dir);
  auto Resolve = [&](llvm::StringRef Entry) {
    Entry = Entry.trim();
    if (Entry.empty() || Entry == "none" || llvm::sys::path::is_absolute(Entry))
      return Entry.str();
    llvm::SmallString<256> Abs(Dir);
    llvm::sys::path::append(Abs, Entry);
    llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
    return std::string(Abs);
  };
  if (Name == "SummaryDirectory")
    return Resolve(Value);
  // `+more.yaml` adds to the default list (ListValue.h); the `+` stays.
  llvm::StringRef Trimmed = Value.ltrim();
  bool Extends = Trimmed.consume_front("+");
  llvm::SmallVector<llvm::StringRef, 4> Entries;
  Trimmed.split(Entries, ';', -1, /*KeepEmpty=*/false);
  std::string Out = Extends ? "+" : "";
  bool First = true;
  for (llvm::StringRef E : Entries)
    if (!E.trim().empty()) {
      Out += (First ? "" : ";") + Resolve(E);
      First = false;
    }
  return Out;
}

} // namespace crossuser
