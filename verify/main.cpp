// Entry point of `verify` (see verify/cli.hpp).
#include <iostream>

#include "verify/cli.hpp"

int main(int argc, char** argv) {
  return zg::run_cli(argc, argv, std::cout, std::cerr);
}
