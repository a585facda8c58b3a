// An in-house plugin host whose callbacks Inputs/models/plugins.yaml names
// as entry points (test/tool/model-entry-point.test).
#include <string>
namespace acme {
struct Call {
  std::string host() const;
};
class Plugin {
public:
  virtual ~Plugin() = default;
  virtual void OnCall(const Call &call) = 0;
};
} // namespace acme

class ZonePlugin : public acme::Plugin {
public:
  void OnCall(const acme::Call &call) override { current_tenant_ = call.host(); }

private:
  std::string current_tenant_;
};

ZonePlugin g_plugin;

void OnFrame(const acme::Call &call);
std::string g_last_tenant;
void OnFrame(const acme::Call &call) { g_last_tenant = call.host(); }

// Not an entry point: configuration read once at start-up.
std::string g_default_tenant;
void Configure(const std::string &host) { g_default_tenant = host; }
