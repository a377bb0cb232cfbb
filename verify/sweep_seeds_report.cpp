// The outputs of `verify sweep seeds` (verify/sweep_seeds_report.hpp).
#include "verify/sweep_seeds_report.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include <fmt/format.h>

#include "core/numeric_types.hpp"
#include "reports/aligned_table.hpp"

namespace zg {
namespace {

// The significant digits a decimal text holds (the digits of its mantissa), leading zeros
// included: an upper bound, which is all the working precision and the median's printing need.
unsigned mantissa_digits(const std::string& text) {
  const std::string mantissa = text.substr(0, text.find_first_of("eE"));
  return static_cast<unsigned>(
      std::count_if(mantissa.begin(), mantissa.end(), [](char c) { return c >= '0' && c <= '9'; }));
}

// Min, median and max of the numeric texts. Each text is read into MPFR at 10 digits more
// than the widest holds, so two different decimals of at most that many digits never
// round to the same number and the order is the decimals' own.
void summarize_numbers(const std::vector<std::string>& texts, SeedValueSummary& s) {
  unsigned widest = 1;
  for (const std::string& t : texts) widest = std::max(widest, mantissa_digits(t));
  const ScopedDigits working(std::min(widest + 10, kMaxDigits));
  std::vector<Mp> numbers;
  std::vector<std::string> numeric_texts;
  for (const std::string& t : texts) {
    try {
      numbers.push_back(parse_decimal<Mp>(t));
      numeric_texts.push_back(t);
    } catch (const std::invalid_argument&) {
      // text that is no number ("half-moments, quadrature", "nan"): counted, not summarized
    }
  }
  s.numeric = numbers.size();
  if (numbers.empty()) return;
  const auto as_text = [&](const Mp& q) {
    for (std::size_t k = 0; k < numbers.size(); ++k)
      if (numbers[k] == q) return numeric_texts[k];  // an order statistic: its own text
    return to_decimal(q, widest + 1);                // a midpoint: one digit more (exact for two texts of one exponent)
  };
  s.min = as_text(sample_quantile(numbers, 0));
  s.median = as_text(sample_quantile(numbers, 0.5));
  s.max = as_text(sample_quantile(numbers, 1));
}

std::string csv_cell(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string fraction_text(const Summary& v, std::uint64_t runs) {
  return runs == 0 ? std::string("-") : fmt::format("{:.4f}", double(v.pass) / double(runs));
}

std::string interval_text(const ProportionInterval& i) {
  return fmt::format("[{:.4f}, {:.4f}]", i.lower, i.upper);
}

}  // namespace

std::vector<SeedClaimSummary> summarize_seed_sweep(const std::vector<SeedRunRecord>& records) {
  std::vector<SeedClaimSummary> summaries;
  std::map<std::string, std::size_t> index_of;
  // Per claim, per value name: the texts over the seeds, names in first-seen order.
  std::vector<std::vector<std::pair<std::string, std::vector<std::string>>>> texts;
  for (const SeedRunRecord& record : records) {
    for (const SeedClaimOutcome& c : record.claims) {
      auto [it, added] = index_of.emplace(c.id, summaries.size());
      if (added) {
        summaries.push_back(SeedClaimSummary{c.id, 0, {}, {}, {}});
        texts.emplace_back();
      }
      SeedClaimSummary& s = summaries[it->second];
      ++s.runs;
      switch (c.verdict) {
        case Verdict::Pass:
          ++s.verdicts.pass;
          break;
        case Verdict::Fail:
          ++s.verdicts.fail;
          break;
        case Verdict::Inconclusive:
          ++s.verdicts.inconclusive;
          break;
        case Verdict::Skipped:
          ++s.verdicts.skipped;
          break;
      }
      auto& named = texts[it->second];
      for (const auto& [name, value] : c.values) {
        auto slot = std::find_if(named.begin(), named.end(), [&](const auto& p) { return p.first == name; });
        if (slot == named.end()) slot = named.insert(named.end(), {name, {}});
        slot->second.push_back(value);
      }
    }
  }
  for (std::size_t k = 0; k < summaries.size(); ++k) {
    SeedClaimSummary& s = summaries[k];
    s.pass_interval = wilson_interval(static_cast<std::uint64_t>(s.verdicts.pass), s.runs);
    for (const auto& [name, values] : texts[k]) {
      SeedValueSummary v;
      v.name = name;
      v.present = values.size();
      summarize_numbers(values, v);
      s.values.push_back(std::move(v));
    }
  }
  return summaries;
}

std::string seed_sweep_csv(const std::vector<SeedRunRecord>& records) {
  std::vector<std::string> names;
  for (const SeedRunRecord& record : records)
    for (const SeedClaimOutcome& c : record.claims)
      for (const auto& value : c.values)
        if (std::find(names.begin(), names.end(), value.first) == names.end()) names.push_back(value.first);
  std::string csv = "seed,claim,verdict";
  for (const std::string& n : names) csv += "," + csv_cell(n);
  csv += "\n";
  for (const SeedRunRecord& record : records) {
    for (const SeedClaimOutcome& c : record.claims) {
      csv += fmt::format("{},{},{}", record.seed, csv_cell(c.id), to_string(c.verdict));
      for (const std::string& n : names) {
        const auto v = std::find_if(c.values.begin(), c.values.end(), [&](const auto& p) { return p.first == n; });
        csv += "," + (v == c.values.end() ? std::string() : csv_cell(v->second));
      }
      csv += "\n";
    }
  }
  return csv;
}

std::string seed_sweep_markdown(const SeedSweepHeading& h, const std::vector<SeedRunRecord>& records) {
  std::string md = "# Seed sweep: how often each claim holds, and how its values spread over seeds\n\n";
  md += fmt::format(
      "Claims {} run once per seed, as `verify run --seed S` runs them (requirements, precision escalation from {} "
      "digits, the confirming run of the printed values), for {} seeds ({}); configuration {}.\n\n",
      h.claims,
      h.digits,
      h.seed_count,
      h.seeds,
      h.config_source);
  md +=
      "The pass fraction's interval is Wilson's 95% score interval. Min, median and max are over the seeds whose "
      "value is a decimal number, compared at full precision; the median of an even count interpolates.\n\n";
  const std::vector<detail::TableColumn> columns{{"value", detail::Align::Left},
                                                 {"numeric / runs", detail::Align::Right},
                                                 {"min", detail::Align::Right},
                                                 {"median", detail::Align::Right},
                                                 {"max", detail::Align::Right}};
  for (const SeedClaimSummary& s : summarize_seed_sweep(records)) {
    md += fmt::format("## {}\n\n", s.id);
    md += fmt::format(
        "{} runs: {} PASS, {} FAIL, {} INCONCLUSIVE, {} SKIPPED. Pass fraction {}, Wilson 95% interval {}.\n\n",
        s.runs,
        s.verdicts.pass,
        s.verdicts.fail,
        s.verdicts.inconclusive,
        s.verdicts.skipped,
        fraction_text(s.verdicts, s.runs),
        interval_text(s.pass_interval));
    if (s.values.empty()) {
      md += "(no values printed)\n\n";
      continue;
    }
    std::vector<std::vector<std::string>> rows;
    for (const SeedValueSummary& v : s.values) {
      const auto or_dash = [](const std::string& t) { return t.empty() ? std::string("-") : t; };
      rows.push_back(
          {v.name, fmt::format("{} / {}", v.numeric, s.runs), or_dash(v.min), or_dash(v.median), or_dash(v.max)});
    }
    md += detail::render_markdown_table(columns, rows) + "\n";
  }
  return md;
}

std::string seed_sweep_text_table(const std::vector<SeedRunRecord>& records) {
  std::vector<std::vector<std::string>> rows{
      {"claim", "runs", "PASS", "FAIL", "INCONCLUSIVE", "SKIPPED", "pass fraction", "Wilson 95%"}};
  for (const SeedClaimSummary& s : summarize_seed_sweep(records))
    rows.push_back({s.id,
                    std::to_string(s.runs),
                    std::to_string(s.verdicts.pass),
                    std::to_string(s.verdicts.fail),
                    std::to_string(s.verdicts.inconclusive),
                    std::to_string(s.verdicts.skipped),
                    fraction_text(s.verdicts, s.runs),
                    interval_text(s.pass_interval)});
  return detail::render_text_table(rows);
}

}  // namespace zg
