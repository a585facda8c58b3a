/// The checks' documentation pages, embedded at build time, turned into SARIF rule help.
#ifndef CROSSUSER_TOOL_CHECKDOCS_H
#define CROSSUSER_TOOL_CHECKDOCS_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace crossuser {

/// docs/checks/<Check>.md as it was when the tool was built, or empty.
llvm::StringRef checkDocPage(llvm::StringRef Check);

/// \p Markdown with its relative links made absolute against \p UriBase
/// (the directory of the check pages), or replaced by their text when
/// \p UriBase is empty: a link to a page the reader does not have is noise.
std::string resolveDocLinks(llvm::StringRef Markdown, llvm::StringRef UriBase);

/// \p Markdown as plain text: no code fences (code indented instead), no
/// heading marks, no emphasis marks, links as "text (uri)".
std::string markdownToText(llvm::StringRef Markdown);

} // namespace crossuser

#endif
