// Strict reader of the certificate file of docs/proofs.md §7. Every field is checked
// (type, range, array length implied by the header, exact doubles for box corners);
// the first problem throws one CertificateFormatError naming the field.
#pragma once

#include <string>

#include "certificate_checker/certificate_data.hpp"

namespace zg::checker {

/// Limits that keep a hostile file from costing memory or time before it is checked.
inline constexpr std::size_t kMaxFileBytes = std::size_t{1} << 30;
inline constexpr int kMaxJsonDepth = 8;  // the deepest §7 value is caps[].pieces[].box[][]: 6
inline constexpr int kMaxTeachers = 256;
inline constexpr int kMaxDimension = 10000;
inline constexpr long kMinPrecisionBits = 53;
inline constexpr long kMaxPrecisionBits = 8192;
inline constexpr std::size_t kMaxLeaves = 4000000;
inline constexpr std::size_t kMaxPieces = 1000000;

/// Parses certificate JSON text. Throws CertificateFormatError.
Certificate read_certificate_text(const std::string& text);

/// Reads and parses a certificate file. Throws CertificateFormatError (field "file" when
/// it cannot be read).
Certificate read_certificate_file(const std::string& path);

}  // namespace zg::checker
