// Claim attachments beside the report (reports/attachments.hpp).
#include "reports/attachments.hpp"

#include <filesystem>
#include <system_error>

#include "core/input_error.hpp"
#include "reports/atomic_file.hpp"
#include "reports/sha256.hpp"

namespace zg {

namespace fs = std::filesystem;

namespace {

// Relative, no "..", no empty or absolute component: stays inside the report folder.
bool inside_folder(const std::string& path) {
  if (path.empty()) return false;
  const fs::path p(path);
  if (p.is_absolute() || p.has_root_name()) return false;
  for (const fs::path& part : p)
    if (part == ".." || part == "." || part.empty()) return false;
  return true;
}

}  // namespace

void write_claim_attachments(RunReport& report, const std::string& dir) {
  for (ClaimResult& claim : report.claims) {
    for (AttachedFile& file : claim.attachments) {
      if (!inside_folder(file.path))
        throw InputError(file.path, "", "claim " + claim.id + " attaches a file outside the report folder",
                         "attachments must be relative paths without '..'");
      const fs::path target = fs::path(dir) / file.path;
      std::error_code ec;
      fs::create_directories(target.parent_path(), ec);
      if (ec)
        throw InputError(target.parent_path().string(), "", "cannot create the folder: " + ec.message(),
                         "choose a writable --out folder");
      const std::string temporary = write_temporary_beside(target.string(), file.content);
      commit_temporary(temporary, target.string());
      if (file.kind == "certificate") {
        claim.certificates.push_back(CertificateRef{file.path, sha256_hex(file.content)});
        if (!claim.certificate) claim.certificate = claim.certificates.front();
      }
      claim.artefacts.push_back(Artefact{file.path, file.kind, file.description});
      file.content.clear();
      file.content.shrink_to_fit();
    }
  }
}

}  // namespace zg
