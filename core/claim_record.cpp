// Names, counts and exit status for claim results (core/claim_record.hpp): the text forms
// of Verdict and Rigor used by every report and by parse_report_json, the per-verdict
// Summary, and the exit status the command line returns for a finished run.
#include "core/claim_record.hpp"

#include <array>
#include <cstddef>

namespace zg {
namespace {

// Indexed by enumerator value: keep in the order the enums declare.
constexpr std::array<const char*, 4> kVerdictNames = {"PASS", "FAIL", "INCONCLUSIVE", "SKIPPED"};
constexpr std::array<const char*, 6> kRigorNames = {
    "identity", "statistical", "sampled", "certified", "measured", "audit"};

template <class Enum, std::size_t N>
std::optional<Enum> enum_from_name(const std::array<const char*, N>& names, const std::string& s) {
  for (std::size_t i = 0; i < N; ++i)
    if (s == names[i]) return static_cast<Enum>(i);
  return std::nullopt;
}

}  // namespace

const char* to_string(Verdict v) {
  return kVerdictNames[static_cast<std::size_t>(v)];
}
const char* to_string(Rigor r) {
  return kRigorNames[static_cast<std::size_t>(r)];
}

std::optional<Verdict> verdict_from_string(const std::string& s) {
  return enum_from_name<Verdict>(kVerdictNames, s);
}
std::optional<Rigor> rigor_from_string(const std::string& s) {
  return enum_from_name<Rigor>(kRigorNames, s);
}

Summary summarize(const std::vector<ClaimResult>& claims) {
  Summary s;
  for (const ClaimResult& c : claims) {
    switch (c.verdict) {
      case Verdict::Pass:
        ++s.pass;
        break;
      case Verdict::Fail:
        ++s.fail;
        break;
      case Verdict::Inconclusive:
        ++s.inconclusive;
        break;
      case Verdict::Skipped:
        ++s.skipped;
        break;
    }
  }
  return s;
}

int exit_code_for(const Summary& s) {
  if (s.fail > 0) return 1;
  if (s.inconclusive > 0) return 3;
  return 0;  // skipped claims were not asked for; they do not count against the run
}

}  // namespace zg
