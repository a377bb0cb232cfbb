// check_certificate_file: read, check, print, and the exit status of docs/proofs.md §7.
#include "certificate_checker/check_certificate.hpp"

#include <exception>
#include <new>
#include <ostream>
#include <string>

#include "certificate_checker/certificate_reader.hpp"
#include "certificate_checker/checker.hpp"

namespace zg::checker {

int check_certificate_file(const std::string& path, std::ostream& out, std::ostream& err) {
  try {
    const Certificate c = read_certificate_file(path);
    const CheckResult r = check_certificate(c);
    if (r.status == CheckResult::Status::failed) {
      err << "check-certificate: " << path << ": NOT PROVED: " << r.failure << "\n";
      return 1;
    }
    out << "check-certificate: " << path << ": " << r.summary << "\n";
    return 0;
  } catch (const CertificateFormatError& e) {
    err << "check-certificate: " << path << ": malformed: " << e.what() << "\n";
    return 2;
  } catch (const std::bad_alloc&) {
    err << "check-certificate: " << path << ": malformed: file: too large to check in memory\n";
    return 2;
  } catch (const std::exception& e) {
    err << "check-certificate: " << path << ": NOT PROVED: internal error: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace zg::checker
