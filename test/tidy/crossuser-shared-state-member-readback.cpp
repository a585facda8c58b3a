// RUN: %clang_tidy -checks='-*,crossuser-shared-state' %s -- %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: not %crossuser_check --checks='-*,crossuser-shared-state' %s -- %mock_flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

// A member that a method assigns and then reads back holds, at the read,
// what the method wrote: a per-request object that copies it into a
// static member shares the user's data with every request. Silent: a
// member read before this method writes it, or written only by another
// method (that write may belong to another call).

#include "service.h"

class Vault {
public:
  std::string put(const std::string &signer, const std::string &doc);
};
std::string SignerFor(const std::string &bearer);

class Upload {
public:
  explicit Upload(Vault &vault) : vault_(vault) {}
  void Run(const http::Request &req, http::Response &resp) {
    signer_ = SignerFor(req.header("Authorization"));
    doc_id_ = vault_.put(signer_, req.body());
    s_last_doc = doc_id_;
    // CHECK: :[[@LINE-1]]:5: warning: per-user data 'doc_id_' is written to 's_last_doc', which is shared between requests [crossuser-shared-state]
    // CHECK: :[[@LINE-4]]:25: note: per-user data comes from 'req.header("Authorization")'
    // CHECK: :[[@LINE+15]]:22: note: 's_last_doc' is shared between requests: a static data member
    resp.body = doc_id_;
  }
  void SetNote(const http::Request &req) {
    note_ = SignerFor(req.header("Authorization"));
  }
  void Later() { s_last_note = note_; }
  void Reorder(const http::Request &req) {
    s_last_seen = seen_;
    seen_ = SignerFor(req.header("Authorization"));
  }

private:
  Vault &vault_;
  std::string signer_, doc_id_, note_, seen_;
  static std::string s_last_doc, s_last_note, s_last_seen;
};

void Serve(Vault &vault, const http::Request &req, http::Response &resp) {
  Upload upload(vault);
  upload.Run(req, resp);
}
