// Baseline comparison (reports/baseline.hpp). Decimals are parsed into zg::Mp at a
// precision above the digits they carry, so parsing adds no error that matters next to
// the tolerance 10^-d · max(|a|, |b|) with d below those digits.
#include "reports/baseline.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "core/numeric_types.hpp"

namespace zg {
namespace {

/// [sign] digits [. digits] [e [sign] digits], or "." digits: what MPFR reads exactly.
bool plain_decimal(const std::string& s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  std::size_t digits = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    const std::size_t begin = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i == begin || i - begin > 9) return false;
  }
  return i == s.size();
}

/// Digits in the mantissa: the precision a decimal string carries (an upper bound).
unsigned mantissa_digits(const std::string& s) {
  unsigned n = 0;
  for (const char c : s) {
    if (c == 'e' || c == 'E') break;
    if (std::isdigit(static_cast<unsigned char>(c))) ++n;
  }
  return n;
}

// Boost counts digits after the point in scientific form: 2 of them, 3 significant.
std::string three_digits(const Mp& x) { return x.str(2, std::ios_base::scientific); }

const Measurement* find(const std::vector<Measurement>& ms, const std::string& name) {
  for (const Measurement& m : ms)
    if (m.name == name) return &m;
  return nullptr;
}

const ClaimResult* find(const std::vector<ClaimResult>& cs, const std::string& id) {
  for (const ClaimResult& c : cs)
    if (c.id == id) return &c;
  return nullptr;
}

bool verdict_regressed(Verdict before, Verdict after) {
  return (before == Verdict::Pass && after != Verdict::Pass) || (after == Verdict::Fail && before != Verdict::Fail);
}

/// One measurement present in both runs: a ValueMoved change, or nothing.
std::optional<BaselineChange> compare_values(const std::string& claim_id,
                                             const Measurement& before,
                                             const Measurement& after,
                                             unsigned relative_digits) {
  BaselineChange change{claim_id, after.name, BaselineChange::Kind::ValueMoved, before.value, after.value, "", "", true};
  const bool numeric = plain_decimal(before.value) && plain_decimal(after.value) &&
                       (before.error.empty() || plain_decimal(before.error)) &&
                       (after.error.empty() || plain_decimal(after.error));
  if (!numeric) {
    if (before.value == after.value) return std::nullopt;
    return change;
  }
  const unsigned carried = std::max({mantissa_digits(before.value), mantissa_digits(after.value), relative_digits});
  const ScopedDigits precision(std::min(kMaxDigits, carried + 10) + 10);
  const Mp a(before.value), b(after.value);
  const Mp ea = before.error.empty() ? Mp(0) : abs(Mp(before.error));
  const Mp eb = after.error.empty() ? Mp(0) : abs(Mp(after.error));
  const Mp scale = std::max(abs(a), abs(b));
  const Mp tolerance = std::max(ea, eb) + scale * pow(Mp(10), -static_cast<int>(relative_digits));
  const Mp difference = abs(b - a);
  if (difference <= tolerance) return std::nullopt;
  change.difference = three_digits(difference);
  change.tolerance = three_digits(tolerance);
  return change;
}

}  // namespace

bool is_wall_clock(const Measurement& m) { return m.unit == "s"; }

BaselineComparison compare_with_baseline(const RunReport& current,
                                         const RunReport& baseline,
                                         const std::string& source,
                                         const BaselineOptions& options) {
  BaselineComparison out;
  out.source = source;
  out.git_commit = baseline.git_commit;
  out.started_at = baseline.started_at;
  using Kind = BaselineChange::Kind;
  for (const ClaimResult& now : current.claims) {
    const ClaimResult* old = find(baseline.claims, now.id);
    if (old == nullptr) {
      out.changes.push_back({now.id, "", Kind::ClaimAdded, "", to_string(now.verdict), "", "", false});
      continue;
    }
    if (old->verdict != now.verdict)
      out.changes.push_back({now.id,
                             "verdict",
                             Kind::VerdictChanged,
                             to_string(old->verdict),
                             to_string(now.verdict),
                             "",
                             "",
                             verdict_regressed(old->verdict, now.verdict)});
    if (old->verdict == Verdict::Skipped || now.verdict == Verdict::Skipped) continue;
    const unsigned working = std::min(old->digits, now.digits);
    const unsigned digits = options.compare_digits.value_or(
        working > BaselineOptions::kGuardDigits ? working - BaselineOptions::kGuardDigits : 1);
    for (const Measurement& m : now.measurements) {
      if (is_wall_clock(m)) continue;
      const Measurement* before = find(old->measurements, m.name);
      if (before == nullptr) {
        out.changes.push_back({now.id, m.name, Kind::MeasurementAdded, "", m.value, "", "", false});
      } else if (std::optional<BaselineChange> moved = compare_values(now.id, *before, m, digits)) {
        out.changes.push_back(std::move(*moved));
      }
    }
    for (const Measurement& m : old->measurements)
      if (!is_wall_clock(m) && find(now.measurements, m.name) == nullptr)
        out.changes.push_back({now.id, m.name, Kind::MeasurementMissing, m.value, "", "", "", true});
  }
  for (const ClaimResult& old : baseline.claims)
    if (find(current.claims, old.id) == nullptr)
      out.changes.push_back({old.id, "", Kind::ClaimMissing, to_string(old.verdict), "", "", "", false});
  return out;
}

}  // namespace zg
