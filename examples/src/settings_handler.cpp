#include <optional>
#include <string>
#include <utility>

#include "portal/handlers.h"
#include "portal/render.h"

namespace portal {
namespace {

std::string BrandingKey(const Session& session) { return "branding:" + session.tenant_id(); }

Settings DefaultSettings(const std::string& section) {
  Settings defaults;
  defaults.section = section;
  if (section == "billing") defaults.values["currency"] = "EUR";
  if (section == "sso") defaults.values["enabled"] = "false";
  if (section == "notifications") defaults.values["digest"] = "weekly";
  return defaults;
}

std::string SettingsJson(const Settings& settings) {
  std::string json = "{";
  for (const auto& [name, value] : settings.values) {
    if (json.size() > 1) json += ",";
    json += "\"" + JsonEscape(name) + "\":\"" + JsonEscape(value) + "\"";
  }
  return json + "}";
}

}  // namespace

void SettingsHandler::Handle(const minihttp::Request& req, minihttp::Response& resp) {
  std::optional<Session> session = sessions_.Resolve(req);
  if (!session) {
    resp.status = 401;
    return;
  }
  resp.set_header("Content-Type", "application/json");
  resp.set_header("Cache-Control", "private, no-cache");
  const std::string section = PathTail(req.path(), "/settings/");

  if (section == "branding") {
    std::optional<Branding> branding = branding_cache_.Get(BrandingKey(*session));
    if (!branding) {
      branding = db_.LoadBranding(session->tenant_id()).value_or(Branding{});
      branding_cache_.Put(BrandingKey(*session), *branding);
    }
    resp.body = "{\"logo\":\"" + JsonEscape(branding->logo_url) + "\",\"accent\":\"" +
                JsonEscape(branding->accent_color) + "\"}";
    return;
  }

  if (section == "preferences") {
    const auto prefs_key = std::make_pair(session->tenant_id(), session->user_id());
    std::optional<Preferences> prefs = prefs_cache_.Get(prefs_key);
    if (!prefs) {
      prefs = db_.LoadPreferences(session->tenant_id(), session->user_id());
      prefs_cache_.Put(prefs_key, *prefs);
    }
    resp.body = "{\"locale\":\"" + JsonEscape(prefs->locale) + "\",\"newsletter\":" +
                (prefs->newsletter ? "true" : "false") + "}";
    return;
  }

  const std::string key = "settings:" + section;
  std::optional<Settings> settings = settings_cache_.Get(key);
  if (!settings) {
    settings = db_.LoadSettings(session->tenant_id(), section);
    if (!settings) {
      // Sections the tenant never saved fall back to the product defaults.
      settings = defaults_cache_.Get(section);
      if (!settings) {
        settings = DefaultSettings(section);
        defaults_cache_.Put(section, *settings);
      }
    }
    settings_cache_.Put(key, *settings);
  }
  resp.body = SettingsJson(*settings);
}

}  // namespace portal
