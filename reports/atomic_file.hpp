// Whole-or-nothing file output: write to a temporary name in the same folder, then
// rename over the target (atomic on POSIX within one file system).
#pragma once

#include <string>

namespace zg {

/// Writes `contents` to a temporary file beside `path` and returns the temporary name.
/// Throws InputError naming `path` when it cannot be written.
std::string write_temporary_beside(const std::string& path, const std::string& contents);

/// Renames `temporary` onto `path`. Throws InputError on failure (and removes `temporary`).
void commit_temporary(const std::string& temporary, const std::string& path);

/// Creates the output folder `dir` (and its parents) of a command's `--out`. Throws
/// InputError naming --out when it cannot be created or is not a folder.
void create_out_folder(const std::string& dir);

/// Removes a temporary file; never throws.
void discard_temporary(const std::string& temporary) noexcept;

}  // namespace zg
