// The outputs of `verify sweep seeds` (verify/sweep_seeds.hpp), rendered from the records
// alone: the CSV (a row per seed and claim), the per-claim summary (verdict counts, the
// pass fraction with its Wilson 95% interval, min / median / max of each numeric value
// over the seeds, compared in MPFR) as Markdown and as the terminal's table.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "verify/sample_statistics.hpp"
#include "verify/sweep_seeds.hpp"

namespace zg {

/// A value's spread over the seeds: min, median and max (sample_quantile at 0, 1/2, 1)
/// of the texts that are decimal numbers, each compared in MPFR at more digits than the
/// widest text holds. An order statistic is printed as its own text; an interpolated
/// median (the midpoint of the middle two) with one digit more than the widest text, which
/// is exact when the two share an exponent.
struct SeedValueSummary {
  std::string name;
  std::uint64_t present = 0;     ///< seeds whose run printed this value
  std::uint64_t numeric = 0;     ///< of those, the texts that are decimal numbers
  std::string min, median, max;  ///< "" when no text is numeric
};

struct SeedClaimSummary {
  std::string id;
  std::uint64_t runs = 0;
  Summary verdicts;
  ProportionInterval pass_interval;      ///< Wilson 95% of verdicts.pass out of runs
  std::vector<SeedValueSummary> values;  ///< in the order the names first appear
};

/// One summary per claim, in the records' claim order.
std::vector<SeedClaimSummary> summarize_seed_sweep(const std::vector<SeedRunRecord>& records);

/// Header "seed,claim,verdict," then every value name in the order it first appears
/// (claims in order, then each claim's values); a cell a claim lacks is empty, and a cell
/// with a comma, quote or line break is quoted (RFC 4180).
std::string seed_sweep_csv(const std::vector<SeedRunRecord>& records);

/// What the summary says about the sweep besides the records: its options.
struct SeedSweepHeading {
  std::string claims;  ///< "T1,S3"
  std::string seeds;   ///< as typed
  std::uint64_t seed_count = 0;
  unsigned digits = 0;
  std::string config_source;
};

/// The Markdown summary: the options, then per claim its counts, pass fraction with the
/// Wilson interval, and a table of each value's min / median / max.
std::string seed_sweep_markdown(const SeedSweepHeading& heading, const std::vector<SeedRunRecord>& records);

/// The terminal's table: per claim its runs, counts, pass fraction and Wilson interval.
std::string seed_sweep_text_table(const std::vector<SeedRunRecord>& records);

}  // namespace zg
