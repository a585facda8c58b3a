// A minimal shape of userver's component base (see
// userver/server/handlers/http_handler_base.hpp in this tree). Not
// userver's code.
// userver declares ComponentContext in userver/components/component_context.hpp,
// which component_base.hpp includes.
#pragma once

#include <string_view>

namespace userver {
namespace components {

class ComponentConfig;

/// What a component's constructor sees of the others.
class ComponentContext final {
public:
  template <typename T> T &FindComponent() const;
  template <typename T> T &FindComponent(std::string_view name) const;
};

class RawComponentBase {
public:
  virtual ~RawComponentBase();
};

/// The base of every component: the component system makes one instance
/// of each for the whole service.
class ComponentBase : public RawComponentBase {
public:
  ComponentBase(const ComponentConfig &, const ComponentContext &);
  ~ComponentBase() override = default;
};
using LoggableComponentBase = ComponentBase;

} // namespace components
} // namespace userver
