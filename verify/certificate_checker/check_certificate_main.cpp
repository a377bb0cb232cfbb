// zg-check-certificate FILE: the certificate checker on its own, until `verify
// check-certificate` calls the same function. Exit status 0 / 1 / 2 as documented there.
#include <iostream>
#include <string>

#include "certificate_checker/check_certificate.hpp"

int main(int argc, char** argv) {
  if (argc != 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") {
    std::cerr << "usage: zg-check-certificate FILE\n"
                 "  exit 0: the certificate proves its statement (or its witness holds)\n"
                 "  exit 1: an item does not hold (named on stderr)\n"
                 "  exit 2: the file is malformed (the field is named on stderr)\n";
    return 2;
  }
  return zg::checker::check_certificate_file(argv[1], std::cout, std::cerr);
}
