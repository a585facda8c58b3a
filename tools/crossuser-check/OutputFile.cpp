#include "Output.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace crossuser {

llvm::StringRef toolVersion() { return CROSSUSER_VERSION; }

std::optional<OutputFormat> parseOutputFormat(llvm::StringRef Name) {
  if (Name == "text")
    return OutputFormat::Text;
  if (Name == "sarif")
    return OutputFormat::Sarif;
  if (Name == "json")
    return OutputFormat::Json;
  if (Name == "codeclimate")
    return OutputFormat::CodeClimate;
  if (Name == "rdjson")
    return OutputFormat::Rdjson;
  return std::nullopt;
}

std::string failedFileMessage(const FailedFile &F) {
  return "'" + F.Path + "' was not analysed: " + F.Reason;
}

std::string formatText(const std::vector<ReportFinding> &Findings,
                       const ReportContext &Ctx) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  printText(OS, Findings, Ctx.Fixed);
  return Out;
}

std::string formatReport(OutputFormat Format,
                         const std::vector<ReportFinding> &Findings,
                         const ReportContext &Ctx) {
  switch (Format) {
  case OutputFormat::Text:
    return formatText(Findings, Ctx);
  case OutputFormat::Sarif:
    return formatSarif(Findings, Ctx);
  case OutputFormat::Json:
    return formatJson(Findings, Ctx);
  case OutputFormat::CodeClimate:
    return formatCodeClimate(Findings, Ctx);
  case OutputFormat::Rdjson:
    return formatRdjson(Findings, Ctx);
  }
  return "";
}

std::string uriEscapePath(llvm::StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || C == '-' || C == '.' || C == '_' || C == '~' ||
        C == '/') {
      Out.push_back(C);
    } else {
      Out += '%';
      Out += llvm::hexdigit(C >> 4, /*LowerCase=*/false);
      Out += llvm::hexdigit(C & 15, /*LowerCase=*/false);
    }
  }
  return Out;
}

std::string uriUnescape(llvm::StringRef Uri) {
  std::string Out;
  for (size_t I = 0; I < Uri.size(); ++I) {
    unsigned Hi, Lo;
    if (Uri[I] == '%' && I + 2 < Uri.size() &&
        (Hi = llvm::hexDigitValue(Uri[I + 1])) != ~0U &&
        (Lo = llvm::hexDigitValue(Uri[I + 2])) != ~0U) {
      Out.push_back(static_cast<char>(Hi * 16 + Lo));
      I += 2;
    } else {
      Out.push_back(Uri[I]);
    }
  }
  return Out;
}

std::string relativeToRoot(llvm::StringRef Abs, llvm::StringRef Root) {
  llvm::SmallString<256> Prefix(Root);
  if (!Prefix.empty() && !llvm::sys::path::is_separator(Prefix.back()))
    Prefix += llvm::sys::path::get_separator();
  if (Root.empty() || !Abs.startswith(Prefix))
    return llvm::sys::path::convert_to_slash(Abs);
  return llvm::sys::path::convert_to_slash(Abs.drop_front(Prefix.size()));
}

static llvm::Error writeError(llvm::StringRef Path, const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "cannot write '" + Path + "': " + Why);
}

llvm::Error checkWritable(llvm::StringRef Path) {
  if (Path == "-")
    return llvm::Error::success();
  if (llvm::sys::fs::is_directory(Path))
    return writeError(Path, "it is a directory");
  llvm::sys::fs::file_status St;
  if (!llvm::sys::fs::status(Path, St) &&
      llvm::sys::fs::exists(St) && !llvm::sys::fs::is_regular_file(St)) {
    // /dev/null or a FIFO is written in place: its directory does not
    // matter.
    if (llvm::sys::fs::access(Path, llvm::sys::fs::AccessMode::Write))
      return writeError(Path, "permission denied");
    return llvm::Error::success();
  }
  // A symlink is written through: the target's directory matters.
  llvm::SmallString<256> Real;
  if (llvm::sys::fs::is_symlink_file(Path)) {
    if (llvm::sys::fs::real_path(Path, Real))
      return writeError(Path, "it is a dangling symbolic link");
    Path = Real;
  }
  llvm::SmallString<256> Dir(llvm::sys::path::parent_path(Path));
  if (Dir.empty())
    Dir = ".";
  if (!llvm::sys::fs::is_directory(Dir))
    return writeError(Path, "directory '" + Dir + "' does not exist");
  if (llvm::sys::fs::exists(Path) &&
      llvm::sys::fs::access(Path, llvm::sys::fs::AccessMode::Write))
    return writeError(Path, "permission denied");
  // Renaming a temporary file needs a writable directory.
  if (llvm::sys::fs::access(Dir, llvm::sys::fs::AccessMode::Write))
    return writeError(Path, "directory '" + Dir + "' is not writable");
  return llvm::Error::success();
}

llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Content) {
  llvm::SmallString<256> Model(Path);
  Model += ".tmp-%%%%%%%%";
  int FD;
  llvm::SmallString<256> Temp;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(Model, FD, Temp))
    return writeError(Path, EC.message());
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Content;
    OS.close();
    if (OS.has_error()) {
      std::string Msg = OS.error().message();
      OS.clear_error();
      llvm::sys::fs::remove(Temp);
      return writeError(Path, Msg);
    }
  }
  if (std::error_code EC = llvm::sys::fs::rename(Temp, Path)) {
    llvm::sys::fs::remove(Temp);
    return writeError(Path, EC.message());
  }
  return llvm::Error::success();
}

llvm::Error writeOutputFile(llvm::StringRef Path, llvm::StringRef Content) {
  auto Write = [&](llvm::raw_ostream &OS) {
    OS << Content;
    return llvm::Error::success();
  };
  if (Path == "-" || Path == "/dev/null")
    return llvm::writeToOutput(Path, Write);
  llvm::sys::fs::file_status St;
  if (!llvm::sys::fs::status(Path, St) && llvm::sys::fs::exists(St) &&
      !llvm::sys::fs::is_regular_file(St)) {
    // A FIFO or a device (also behind a symlink, as /dev/stdout): written
    // in place, as it cannot be replaced.
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    if (EC)
      return writeError(Path, EC.message());
    OS << Content;
    OS.close();
    if (OS.has_error()) {
      std::string Msg = OS.error().message();
      OS.clear_error();
      return writeError(Path, Msg);
    }
    return llvm::Error::success();
  }
  // A symlink to a file: writeToOutput would rename its temporary file over
  // the link, so it writes to the target.
  llvm::SmallString<256> Target(Path);
  if (llvm::sys::fs::is_symlink_file(Path) && llvm::sys::fs::real_path(Path, Target))
    return writeError(Path, "it is a dangling symbolic link");
  if (llvm::Error E = llvm::writeToOutput(Target, Write))
    return writeError(Path, llvm::errorToErrorCode(std::move(E)).message());
  return llvm::Error::success();
}

std::string printJson(const llvm::json::Value &V) {
  return llvm::formatv("{0:2}", V).str() + "\n";
}

} // namespace crossuser
