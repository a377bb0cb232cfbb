// `verify list` (verify/list_command.hpp).
#include "verify/list_command.hpp"

#include <ostream>
#include <string>
#include <vector>

#include "lemmas/claim_registry.hpp"
#include "reports/aligned_table.hpp"

namespace zg {

CLI::App* add_list_command(CLI::App& app) {
  return app.add_subcommand("list", "List the registered claims: id, title, kind of check, paper location");
}

int command_list(std::ostream& out) {
  std::vector<std::vector<std::string>> rows{{"id", "title", "kind", "paper"}};
  for (const ClaimSpec& c : ClaimRegistry::builtin().claims())
    rows.push_back({c.id, c.title, to_string(c.rigor), c.paper_location});
  out << detail::render_text_table(rows);
  return 0;
}

}  // namespace zg
