/// Names the function a finding is in, for fingerprints that survive file moves and line shifts.
#ifndef CROSSUSER_TOOL_ENCLOSINGFUNCTION_H
#define CROSSUSER_TOOL_ENCLOSINGFUNCTION_H

#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include <string>
#include <vector>

namespace crossuser {

/// The bodies of a translation unit's functions and lambdas, indexed once.
class FunctionIndex {
public:
  explicit FunctionIndex(clang::ASTContext &Ctx);

  /// The qualified name of the innermost function whose body contains
  /// \p Loc (`ns::Class::Method`); a lambda is named after the function
  /// it is written in plus `::<lambda>`, never by its line. Empty at
  /// namespace scope.
  std::string nameAt(clang::SourceLocation Loc) const;

  struct Body {
    clang::FileID File;
    unsigned Begin, End;
    std::string Name;
  };

private:
  const clang::SourceManager &SM;
  std::vector<Body> Bodies;
};

} // namespace crossuser

#endif
