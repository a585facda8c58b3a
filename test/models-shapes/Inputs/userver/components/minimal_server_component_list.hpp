// A minimal shape of userver's component list (see
// userver/server/handlers/http_handler_base.hpp in this tree). Not
// userver's code.
// userver declares ComponentList in userver/components/component_list.hpp.
#pragma once

namespace userver {
namespace components {

class ComponentList final {
public:
  /// Adds component T: the service makes one instance of it.
  template <typename Component> ComponentList &Append() &;
  template <typename Component> ComponentList &&Append() &&;
};

ComponentList MinimalServerComponentList();

} // namespace components
} // namespace userver
