// `verify sweep seeds` (verify/sweep_seeds.hpp).
#include "verify/sweep_seeds.hpp"

#include <charconv>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <system_error>
#include <unordered_set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/input_error.hpp"
#include "reports/atomic_file.hpp"
#include "verify/cli.hpp"
#include "verify/command_common.hpp"
#include "verify/runner.hpp"
#include "verify/sweep_cli_common.hpp"
#include "verify/sweep_seeds_report.hpp"

namespace zg {
namespace {

constexpr const char* kStem = "sweep_seeds";
const std::string kSeedsFix = "write seeds as A..B or a comma list, e.g. --seeds 1..50 or --seeds 3,7,11";

InputError seeds_error(const std::string& problem, const std::string& fix = kSeedsFix) {
  return InputError("--seeds", "", problem, fix);
}

// A seed in decimal digits, as `verify run --seed` takes it.
std::uint64_t parse_seed(const std::string& text, const std::string& item) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos)
    throw seeds_error(fmt::format("'{}' in '{}' is not a seed", text, item),
                      "give seeds as whole numbers in decimal digits, e.g. 1..50 or 3,7,11");
  if (text.size() > 1 && text.front() == '0')
    throw seeds_error(fmt::format("'{}' has a leading zero", text), "write the seed without it");
  std::uint64_t seed = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seed);
  if (error != std::errc() || end != text.data() + text.size())
    throw seeds_error(fmt::format("'{}' is beyond the largest seed, 2^64 - 1", text), "give smaller seeds");
  return seed;
}

// The seed list as runs of consecutive seeds, [first, last] each: the same text for the
// same seeds however they were written ("1..3" or "1,2,3").
nlohmann::json seed_runs(const std::vector<std::uint64_t>& seeds) {
  nlohmann::json runs = nlohmann::json::array();
  for (std::size_t k = 0; k < seeds.size();) {
    std::size_t last = k;
    while (last + 1 < seeds.size() && seeds[last] != UINT64_MAX && seeds[last + 1] == seeds[last] + 1) ++last;
    runs.push_back({seeds[k], seeds[last]});
    k = last + 1;
  }
  return runs;
}

}  // namespace

std::vector<std::uint64_t> parse_seed_list(const std::string& text) {
  if (text.empty()) throw seeds_error("no seeds");
  std::vector<std::uint64_t> seeds;
  std::unordered_set<std::uint64_t> seen;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = text.find(',', start);
    const std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (item.empty()) throw seeds_error(fmt::format("an empty item in '{}'", text));
    const std::size_t dots = item.find("..");
    const std::uint64_t first = parse_seed(item.substr(0, dots), item);
    const std::uint64_t last = dots == std::string::npos ? first : parse_seed(item.substr(dots + 2), item);
    if (last < first)
      throw seeds_error(fmt::format("the range '{}' is reversed", item),
                        fmt::format("write it as {}..{}", last, first));
    if (last - first >= kMaxSweepSeeds || seeds.size() + (last - first + 1) > kMaxSweepSeeds)
      throw seeds_error(fmt::format("more than {} seeds", kMaxSweepSeeds),
                        fmt::format("sweep at most {} seeds at a time", kMaxSweepSeeds));
    for (std::uint64_t s = first;; ++s) {
      if (!seen.insert(s).second) throw seeds_error(fmt::format("seed {} is given twice", s), "list each seed once");
      seeds.push_back(s);
      if (s == last) break;
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return seeds;
}

SeedSweepPlan plan_seed_sweep(const SeedSweepOptions& o, const ClaimRegistry& registry) {
  SeedSweepPlan plan;
  plan.seeds = parse_seed_list(o.seeds);
  plan.seeds_text = o.seeds;
  if (o.claims.empty())
    throw InputError("--claims", "", "no claims to sweep", "give their ids, e.g. --claims T1,S3 (see 'verify list')");
  plan.claims = resolve_claims(registry, o.claims, "--claims");
  plan.registry = &registry;
  plan.config = load_config_or_default(o.config_path);
  plan.digits = o.digits_given ? o.digits : plan.config.digits;
  check_digits(plan.digits, o.digits_given ? "--digits" : plan.config.source + ": digits");
  return plan;
}

std::string seed_run_record(const SeedRunRecord& record) {
  nlohmann::json claims = nlohmann::json::array();
  for (const SeedClaimOutcome& c : record.claims)
    claims.push_back({{"id", c.id}, {"verdict", to_string(c.verdict)}, {"values", c.values}});
  return nlohmann::json{{"seed", record.seed}, {"claims", claims}}.dump();
}

SeedRunRecord parse_seed_run_record(const std::string& text) {
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) throw std::invalid_argument("seed sweep record: not a JSON object");
  try {
    SeedRunRecord record;
    record.seed = j.at("seed").get<std::uint64_t>();
    for (const nlohmann::json& c : j.at("claims")) {
      SeedClaimOutcome outcome;
      outcome.id = c.at("id").get<std::string>();
      const std::string verdict = c.at("verdict").get<std::string>();
      const std::optional<Verdict> v = verdict_from_string(verdict);
      if (!v) throw std::invalid_argument("seed sweep record: unknown verdict '" + verdict + "'");
      outcome.verdict = *v;
      outcome.values = c.at("values").get<std::vector<std::pair<std::string, std::string>>>();
      record.claims.push_back(std::move(outcome));
    }
    return record;
  } catch (const nlohmann::json::exception& e) {
    throw std::invalid_argument(std::string("seed sweep record: ") + e.what());
  }
}

std::string seed_sweep_fingerprint(const SeedSweepPlan& plan) {
  std::vector<std::string> ids;
  for (const ClaimSpec* c : plan.claims) ids.push_back(c->id);
  const RunRequest defaults;  // the escalation and confirmation of `verify run`, which every seed's run uses
  return nlohmann::json{{"claims", ids},
                        {"seeds", seed_runs(plan.seeds)},
                        {"digits", plan.digits},
                        {"max_escalations", defaults.max_escalations},
                        {"confirm_values", defaults.confirm_values},
                        {"config_text", plan.config.text}}
      .dump();
}

SeedRunRecord run_seed(const SeedSweepPlan& plan, std::uint64_t seed) {
  RunRequest request;  // as command_run fills it: nothing but the seed differs between tasks
  request.config = &plan.config;
  request.claims = plan.claims;
  request.registry = plan.registry;
  request.digits = plan.digits;
  request.seed = seed;
  const RunReport report = run_claims(request, {});
  SeedRunRecord record;
  record.seed = seed;
  // run_claims reports the requested claims first, in order, then any requirement that
  // failed unrequested; the sweep keeps the requested ones.
  for (std::size_t k = 0; k < plan.claims.size(); ++k) {
    const ClaimResult& r = report.claims.at(k);
    if (r.id != plan.claims[k]->id) throw std::logic_error("run_claims reported " + r.id + " out of order");
    SeedClaimOutcome outcome{r.id, r.verdict, {}};
    for (const Measurement& m : r.measurements) outcome.values.emplace_back(m.name, m.value);
    record.claims.push_back(std::move(outcome));
  }
  return record;
}

std::vector<SeedRunRecord> run_seed_sweep(const SeedSweepPlan& plan,
                                          const SweepExecution& execution,
                                          SweepRanks* ranks) {
  SweepJob job;
  job.name = "seeds";
  job.fingerprint = seed_sweep_fingerprint(plan);
  job.tasks = plan.seeds.size();
  job.compute = [&](std::uint64_t task) { return seed_run_record(run_seed(plan, plan.seeds[task])); };
  std::unique_ptr<SweepRanks> alone;
  if (ranks == nullptr) ranks = (alone = single_process_ranks()).get();
  std::vector<SeedRunRecord> records;
  for (const std::string& text : run_sweep_job(job, execution, *ranks)) records.push_back(parse_seed_run_record(text));
  return records;
}

CLI::App* add_sweep_seeds_command(CLI::App& sweep, SeedSweepOptions& o) {
  CLI::App* cmd = sweep.add_subcommand(
      "seeds", "Run claims once per seed, as 'verify run --seed' does: pass fraction and values' spread over seeds");
  cmd->add_option("--claims", o.claims, "Comma-separated claim ids (see 'verify list')")->delimiter(',')->required();
  cmd->add_option("--seeds", o.seeds, "Seeds: A..B and comma lists, e.g. 1..50 or 3,7,11 (at most 100000)")->required();
  cmd->add_option("--config", o.config_path, "TOML or JSON configuration (default: the embedded default)");
  cmd->add_option(
      "--digits", o.digits, "Working precision in significant decimal digits (default: the configuration's)");
  cmd->add_option("--out", o.out_dir, "Folder for sweep_seeds.{csv,md}")->capture_default_str();
  add_checkpoint_options(cmd, o.checkpoint, o.resume);
  return cmd;
}

void note_seed_sweep_options(const CLI::App& seeds, SeedSweepOptions& o) {
  o.digits_given = seeds.count("--digits") > 0;
}

int command_sweep_seeds(const SeedSweepOptions& o, std::ostream& out, std::ostream& err, bool progress) {
  // Validate everything before any work or any file: bad input leaves nothing behind.
  check_out_dir(o.out_dir);
  const SeedSweepPlan plan = plan_seed_sweep(o, ClaimRegistry::builtin());

  SweepSession session(o.checkpoint, o.resume, o.out_dir, err, progress, "seeds");
  std::vector<SeedRunRecord> records;
  if (!session.run([&] { records = run_seed_sweep(plan, session.execution(), &session.ranks()); })) return kExitUsage;
  if (!session.is_root()) return 0;

  SeedSweepHeading heading;
  for (const ClaimSpec* c : plan.claims) heading.claims += (heading.claims.empty() ? "" : ",") + c->id;
  heading.seeds = plan.seeds_text;
  heading.seed_count = plan.seeds.size();
  heading.digits = plan.digits;
  heading.config_source = plan.config.source;

  create_out_folder(o.out_dir);
  const std::string csv_path = (std::filesystem::path(o.out_dir) / (std::string(kStem) + ".csv")).string();
  const std::string md_path = (std::filesystem::path(o.out_dir) / (std::string(kStem) + ".md")).string();
  const std::string csv_tmp = write_temporary_beside(csv_path, seed_sweep_csv(records));
  std::string md_tmp;
  try {
    md_tmp = write_temporary_beside(md_path, seed_sweep_markdown(heading, records));
  } catch (...) {
    discard_temporary(csv_tmp);
    throw;
  }
  commit_temporary(csv_tmp, csv_path);
  commit_temporary(md_tmp, md_path);

  out << seed_sweep_text_table(records) << "\n";
  out << "wrote " << csv_path << "\n"
      << "wrote " << md_path << "\n";
  session.outputs_written();
  return 0;
}

}  // namespace zg
