// A minimal shape of userver's service entry point (see
// userver/server/handlers/http_handler_base.hpp in this tree). Not
// userver's code.
#pragma once

#include <userver/components/minimal_server_component_list.hpp>

namespace userver {
namespace utils {

int DaemonMain(int argc, const char *const argv[],
               const components::ComponentList &components_list);

} // namespace utils
} // namespace userver
