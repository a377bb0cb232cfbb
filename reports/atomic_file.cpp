// Whole-or-nothing file output (reports/atomic_file.hpp). The temporary is
// "<dir>/.<name>.tmp.<pid>": hidden, in the target's folder so that rename(2) stays
// within one file system, and unique per process.
#include "reports/atomic_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <system_error>

#include <unistd.h>

#include "core/input_error.hpp"

namespace zg {
namespace {

std::string temporary_name(const std::string& path) {
  const std::filesystem::path target(path);
  const std::string name = "." + target.filename().string() + ".tmp." + std::to_string(::getpid());
  return (target.parent_path() / name).string();
}

}  // namespace

std::string write_temporary_beside(const std::string& path, const std::string& contents) {
  const std::string temporary = temporary_name(path);
  std::FILE* file = std::fopen(temporary.c_str(), "wb");
  if (file == nullptr) throw InputError(path, "", "cannot create " + temporary + ": " + std::strerror(errno), "");
  const bool written = std::fwrite(contents.data(), 1, contents.size(), file) == contents.size();
  const int write_error = errno;
  const bool closed = std::fclose(file) == 0;  // fclose flushes: a full disk may show only here
  if (!written || !closed) {
    const int error = written ? errno : write_error;
    discard_temporary(temporary);
    throw InputError(path, "", "cannot write " + temporary + ": " + std::strerror(error), "");
  }
  return temporary;
}

void commit_temporary(const std::string& temporary, const std::string& path) {
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    const int error = errno;
    discard_temporary(temporary);
    throw InputError(path, "", std::string("cannot rename the temporary file into place: ") + std::strerror(error), "");
  }
}

void discard_temporary(const std::string& temporary) noexcept {
  std::error_code ignored;  // nothing useful to do if it is already gone
  std::filesystem::remove(temporary, ignored);
}

void create_out_folder(const std::string& dir) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error || !std::filesystem::is_directory(dir))
    throw InputError("--out", "", "cannot create the folder '" + dir + "'", "choose a writable folder");
}

}  // namespace zg
