// `verify check-certificate FILE`: the independent checker of proof certificates
// (docs/proofs.md, issue 10). It re-verifies a certificate with its own MPFI arithmetic
// and its own implementation of every formula; it shares no code with the prover.
#pragma once

#include <iosfwd>
#include <string>

namespace zg::checker {

/// Reads and checks the certificate at `path`. Returns
///   0 — every leaf, cap and strip holds (or the witness holds); a short summary on `out`;
///   1 — the first item that does not hold (or a gap in a cover), one paragraph on `err`;
///   2 — the file is malformed or unreadable; one line on `err` naming the field.
int check_certificate_file(const std::string& path, std::ostream& out, std::ostream& err);

}  // namespace zg::checker
