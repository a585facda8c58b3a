// REQUIRES: grpcpp
// RUN: not %crossuser_check --root=%S %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
// RUN: %clang_tidy -checks='-*,crossuser-*' %s -- -std=c++17 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='note:'
//
// A quota service on gRPC C++, compiled against the real <grpcpp/*.h>. The
// service base below has the shape protoc generates (a grpc::Service with
// one virtual method per RPC); the messages are plain structs. One service
// object serves every RPC on every server thread. Leaks: quota reports
// cached by project while the peer's identity is at hand, and the peer's
// identity kept in the service. Silent: the cache keyed by the peer, and
// the public plan limits cached under the plan's name.
#include <grpcpp/grpcpp.h>
#include <grpcpp/impl/service_type.h>
#include <grpcpp/security/auth_context.h>

#include <map>
#include <mutex>
#include <string>

namespace quota {

struct QuotaRequest { std::string project; std::string plan; };
struct QuotaReply { std::string report; };

class QuotaService : public grpc::Service {
public:
  virtual grpc::Status GetQuota(grpc::ServerContext *context, const QuotaRequest *request,
                                QuotaReply *reply) = 0;
  virtual grpc::Status GetMyQuota(grpc::ServerContext *context, const QuotaRequest *request,
                                  QuotaReply *reply) = 0;
  virtual grpc::Status GetPlanLimits(grpc::ServerContext *context,
                                     const QuotaRequest *request, QuotaReply *reply) = 0;
};

} // namespace quota

std::string BuildReport(const std::string &peer, const std::string &project);
std::string BuildLimits(const std::string &plan);

class QuotaImpl final : public quota::QuotaService {
public:
  grpc::Status GetQuota(grpc::ServerContext *context, const quota::QuotaRequest *request,
                        quota::QuotaReply *reply) override {
    std::shared_ptr<const grpc::AuthContext> auth = context->auth_context();
    std::vector<grpc::string_ref> ids = auth->GetPeerIdentity();
    std::string peer = ids.empty() ? "" : std::string(ids[0].data(), ids[0].size());
    std::lock_guard<std::mutex> lock(mu_);
    auto hit = reports_.find(request->project);
    // CHECK: grpc.cpp:[[@LINE-1]]:16: warning: cache 'reports_' is keyed by 'request->project', which does not identify the user [crossuser-cache-key]
    // CHECK: grpc.cpp:[[@LINE-6]]:53: note: user identity 'context->auth_context()' is available here (model grpc, grpc.yaml:14)
    // CHECK: grpc.cpp:[[@LINE+2]]:34: note: per-user data 'reply->report' is stored in 'reports_' here
    reply->report = hit != reports_.end() ? hit->second : BuildReport(peer, request->project);
    reports_[request->project] = reply->report;
    // CHECK: grpc.cpp:[[@LINE-1]]:5: warning: cache 'reports_' is keyed by 'request->project', which does not identify the user [crossuser-cache-key]
    // CHECK: grpc.cpp:[[@LINE-11]]:53: note: user identity 'context->auth_context()' is available here (model grpc, grpc.yaml:14)
    // CHECK: grpc.cpp:[[@LINE-3]]:34: note: per-user data 'reply->report' is stored in 'reports_' here
    last_peer_ = peer;
    // CHECK: grpc.cpp:[[@LINE-1]]:5: warning: per-user data 'peer' is written to 'last_peer_', which is shared between requests [crossuser-shared-state]
    // CHECK: grpc.cpp:[[@LINE-14]]:41: note: per-user data comes from 'auth->GetPeerIdentity()' (model grpc, grpc.yaml:16)
    // CHECK: grpc.cpp:[[@LINE+33]]:15: note: 'last_peer_' is shared between requests: a member of 'QuotaImpl', which derives from 'grpc::Service': the framework makes one for the whole server (model grpc, grpc.yaml:6)
    // CHECK: grpc.cpp:[[@LINE+39]]:3: note: 'QuotaImpl' is registered here; one instance serves every request{{( \(model [a-z]+, [a-z]+\.yaml:[0-9]+\))?}}
    return grpc::Status::OK;
  }

  // Silent: cached under the peer and the project.
  grpc::Status GetMyQuota(grpc::ServerContext *context, const quota::QuotaRequest *request,
                          quota::QuotaReply *reply) override {
    std::vector<grpc::string_ref> ids = context->auth_context()->GetPeerIdentity();
    std::string peer = ids.empty() ? "" : std::string(ids[0].data(), ids[0].size());
    std::string key = peer + "/" + request->project;
    std::lock_guard<std::mutex> lock(mu_);
    auto hit = by_peer_.find(key);
    reply->report = hit != by_peer_.end() ? hit->second : BuildReport(peer, request->project);
    by_peer_[key] = reply->report;
    return grpc::Status::OK;
  }

  // Silent: plan limits are the same for every peer.
  grpc::Status GetPlanLimits(grpc::ServerContext *context, const quota::QuotaRequest *request,
                             quota::QuotaReply *reply) override {
    std::lock_guard<std::mutex> lock(mu_);
    auto hit = limits_.find(request->plan);
    reply->report = hit != limits_.end() ? hit->second : BuildLimits(request->plan);
    limits_[request->plan] = reply->report;
    return grpc::Status::OK;
  }

private:
  std::mutex mu_;
  std::map<std::string, std::string> reports_;
  std::map<std::string, std::string> by_peer_;
  std::map<std::string, std::string> limits_;
  std::string last_peer_;
};

int main() {
  QuotaImpl service;
  grpc::ServerBuilder builder;
  builder.AddListeningPort("0.0.0.0:50051", grpc::SslServerCredentials({}));
  builder.RegisterService(&service);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  server->Wait();
}
