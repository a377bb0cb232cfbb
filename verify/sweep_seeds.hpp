// `verify sweep seeds` (docs/scale-out.md): the given claims run once per seed, as
// `verify run --seed S` runs them, one engine task per seed (verify/sweep_engine.hpp), so
// that how often a claim holds, and how its values spread, can be read across seeds.
// The records hold each claim's verdict and printed values, nothing of time or host, so
// every rank count writes the same bytes. Rendering: verify/sweep_seeds_report.hpp.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/claim_record.hpp"
#include "lemmas/claim_registry.hpp"
#include "verify/config.hpp"
#include "verify/sweep_engine.hpp"

namespace zg {

/// The most seeds one sweep takes: a bound on the records rank 0 gathers and renders.
inline constexpr std::uint64_t kMaxSweepSeeds = 100000;

/// What the user typed.
struct SeedSweepOptions {
  std::vector<std::string> claims;  ///< --claims ids, as typed (required)
  std::string seeds;                ///< --seeds text: "A..B" and comma lists (required)
  std::string config_path;          ///< "" = the embedded default
  unsigned digits = 0;              ///< starting working precision
  bool digits_given = false;        ///< false: the configuration's digits
  std::string out_dir = "sweep-seeds";
  std::string checkpoint;  ///< "" = <out_dir>/checkpoint (docs/scale-out.md)
  bool resume = false;
};

/// The seeds of --seeds, in the order written: comma-separated items, each a seed or an
/// inclusive range "A..B" (A <= B), seeds in decimal digits 0 .. 2^64 - 1 without a
/// leading zero. Throws InputError naming --seeds for an empty text or item, a malformed
/// or reversed item, a seed given twice, or more than kMaxSweepSeeds seeds.
std::vector<std::uint64_t> parse_seed_list(const std::string& text);

/// Everything a sweep runs, resolved and checked: what `verify run` resolves for one seed.
struct SeedSweepPlan {
  RunConfig config;
  std::vector<const ClaimSpec*> claims;  ///< in the order given
  std::vector<std::uint64_t> seeds;      ///< in the order given; task k runs seeds[k]
  std::string seeds_text;                ///< --seeds as typed, for the summary
  unsigned digits = 0;
  const ClaimRegistry* registry = nullptr;  ///< where `claims` and their requirements live
};

/// Resolves and checks the options against `registry`, before any work or any file:
/// throws InputError naming the option (--seeds, --claims, --config, --digits).
SeedSweepPlan plan_seed_sweep(const SeedSweepOptions& options, const ClaimRegistry& registry);

/// One claim's outcome on one seed: its verdict and its printed values (the measurements'
/// names and decimal texts, as report.json has them), in the claim's order.
struct SeedClaimOutcome {
  std::string id;
  Verdict verdict = Verdict::Inconclusive;
  std::vector<std::pair<std::string, std::string>> values;  ///< (name, decimal text)
};

/// One seed's run: every requested claim, in the order requested.
struct SeedRunRecord {
  std::uint64_t seed = 0;
  std::vector<SeedClaimOutcome> claims;
};

/// The record as the engine's text (JSON), and back. The parse throws
/// std::invalid_argument for a text of another shape.
std::string seed_run_record(const SeedRunRecord& record);
SeedRunRecord parse_seed_run_record(const std::string& text);

/// The claims, seeds, digits and configuration text every record depends on, as
/// canonical JSON (the checkpoint's fingerprint); the configuration's path aside.
std::string seed_sweep_fingerprint(const SeedSweepPlan& plan);

/// Runs the plan's claims for one seed as `verify run --seed` does (run_claims: the
/// requirements, the run's own shared products, precision escalation and the confirming
/// run of the printed values), keeping the requested claims' verdicts and values.
SeedRunRecord run_seed(const SeedSweepPlan& plan, std::uint64_t seed);

/// One engine task per seed on `ranks` (this process alone when null), with the
/// checkpoint and progress of `execution`. On rank 0 every seed's record in the plan's
/// order, on other ranks none.
std::vector<SeedRunRecord> run_seed_sweep(const SeedSweepPlan& plan,
                                          const SweepExecution& execution = {},
                                          SweepRanks* ranks = nullptr);

/// Adds `seeds` under an existing `sweep` command; returns it. After the parse,
/// note_seed_sweep_options fills digits_given.
CLI::App* add_sweep_seeds_command(CLI::App& sweep, SeedSweepOptions& options);
void note_seed_sweep_options(const CLI::App& seeds, SeedSweepOptions& options);

/// Runs the sweep, writes sweep_seeds.{csv,md} to --out, prints the table and the files
/// written to `out`, progress to `err` (when asked). Returns 0; throws InputError for a
/// bad option (before any file) or an unwritable folder, SweepFailure when a task failed.
int command_sweep_seeds(const SeedSweepOptions& options, std::ostream& out, std::ostream& err, bool progress);

}  // namespace zg
