// Test helper: `verify` run in-process through zg::run_cli, its exit code and both streams
// captured (the tests of the command line that need no separate process).
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "verify/cli.hpp"

namespace zg::test {

struct CliResult {
  int code;
  std::string out, err;
};

/// `verify <prefix...> <args...>`, e.g. run_cli({"sweep", "atlas"}, {"--teachers", "3"}).
inline CliResult run_cli(std::vector<std::string> prefix, const std::vector<std::string>& args) {
  prefix.insert(prefix.begin(), "verify");
  prefix.insert(prefix.end(), args.begin(), args.end());
  std::vector<const char*> argv;
  for (const std::string& a : prefix) argv.push_back(a.c_str());
  std::ostringstream out, err;
  const int code = zg::run_cli(static_cast<int>(argv.size()), argv.data(), out, err);
  return {code, out.str(), err.str()};
}

}  // namespace zg::test
