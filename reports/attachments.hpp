// Files a claim produced whole (proof certificates, core/claim_record.hpp AttachedFile),
// written beside the report before the reports themselves, so that report.json can name
// each certificate with the SHA-256 of the bytes on disk.
#pragma once

#include <string>

#include "core/claim_record.hpp"

namespace zg {

/// Writes every claim's attachments under `dir` (creating sub-folders), each atomically,
/// appends them to the claim's artefacts and, for kind "certificate", sets
/// claim.certificate to {path, sha256 of the content}. Clears the attachments' contents
/// once written (the files hold them). Throws InputError naming the file when one cannot
/// be written, or when a path is not a relative path inside `dir` (a programming error
/// upstream, but refused rather than followed).
void write_claim_attachments(RunReport& report, const std::string& dir);

}  // namespace zg
