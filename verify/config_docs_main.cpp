// config_docs: regenerates the settings tables of docs/config.md from their declarations
// (verify/settings_docs.hpp). `config_docs FILE` rewrites FILE in place (atomically);
// `config_docs --check FILE` only compares, exiting 1 when FILE is out of date.
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "core/input_error.hpp"
#include "reports/atomic_file.hpp"
#include "verify/settings_docs.hpp"

int main(int argc, char** argv) {
  const bool check = argc == 3 && std::string(argv[1]) == "--check";
  if (argc != 2 && !check) {
    std::cerr << "usage: config_docs [--check] docs/config.md\n";
    return 2;
  }
  const std::string path = argv[argc - 1];
  try {
    std::ifstream in(path);
    if (!in) throw zg::InputError(path, "", "cannot be read", "give the path of docs/config.md");
    std::ostringstream text;
    text << in.rdbuf();
    const std::string rendered = zg::detail::with_rendered_tables(text.str(), path);
    if (rendered == text.str()) return 0;
    if (check) {
      std::cerr << path << ": the settings tables differ from their declarations; run config_docs " << path << "\n";
      return 1;
    }
    zg::commit_temporary(zg::write_temporary_beside(path, rendered), path);
    std::cout << "rewrote the settings tables of " << path << "\n";
  } catch (const zg::InputError& e) {
    std::cerr << e.what() << "\n";
    return 2;
  }
  return 0;
}
