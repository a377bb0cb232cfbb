// Baseline comparison (reports/baseline.hpp). Decimals are parsed into MPFR numbers at a
// precision above the digits they carry, so parsing adds no error that matters next to
// the tolerance 10^-d · max(|a|, |b|) with d below those digits. Each number carries its
// own precision: reports/ never reads or sets the process's working precision.
#include "reports/baseline.hpp"

#include <mpfr.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>
#include <vector>

#include "core/numeric_types.hpp"  // kMaxDigits only

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

/// An MPFR number at an explicit precision (RAII). Every operation below rounds to
/// nearest at that precision.
class Number {
 public:
  explicit Number(mpfr_prec_t bits) {
    mpfr_init2(v_, bits);
    mpfr_set_zero(v_, 1);
  }
  /// Precondition: plain_decimal(text).
  Number(const std::string& text, mpfr_prec_t bits) {
    mpfr_init2(v_, bits);
    mpfr_set_str(v_, text.c_str(), 10, MPFR_RNDN);
  }
  Number(const Number&) = delete;
  Number& operator=(const Number&) = delete;
  ~Number() { mpfr_clear(v_); }
  mpfr_ptr get() { return v_; }
  mpfr_srcptr get() const { return v_; }

 private:
  mpfr_t v_;
};

// Three significant digits in scientific form ("1.00e-42").
std::string three_digits(const Number& x) {
  char* text = nullptr;
  mpfr_asprintf(&text, "%.2Re", x.get());
  std::string out(text);
  mpfr_free_str(text);
  return out;
}

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
  // 20 digits above what the decimals carry (at most kMaxDigits + 10 of them).
  const unsigned digits = std::min(kMaxDigits, carried + 10) + 10;
  const auto bits = static_cast<mpfr_prec_t>(std::ceil(digits * 3.3219280948873623)) + 8;
  const Number a(before.value, bits), b(after.value, bits);
  Number ea(bits), eb(bits), scale(bits), tolerance(bits), difference(bits), t(bits);
  if (!before.error.empty()) mpfr_set_str(ea.get(), before.error.c_str(), 10, MPFR_RNDN);
  if (!after.error.empty()) mpfr_set_str(eb.get(), after.error.c_str(), 10, MPFR_RNDN);
  mpfr_abs(ea.get(), ea.get(), MPFR_RNDN);
  mpfr_abs(eb.get(), eb.get(), MPFR_RNDN);
  // tolerance = max(|ea|, |eb|) + max(|a|, |b|) 10^-relative_digits
  mpfr_abs(scale.get(), a.get(), MPFR_RNDN);
  mpfr_abs(t.get(), b.get(), MPFR_RNDN);
  mpfr_max(scale.get(), scale.get(), t.get(), MPFR_RNDN);
  mpfr_ui_pow_ui(t.get(), 10, relative_digits, MPFR_RNDN);
  mpfr_div(t.get(), scale.get(), t.get(), MPFR_RNDN);
  mpfr_max(tolerance.get(), ea.get(), eb.get(), MPFR_RNDN);
  mpfr_add(tolerance.get(), tolerance.get(), t.get(), MPFR_RNDN);
  mpfr_sub(difference.get(), b.get(), a.get(), MPFR_RNDN);
  mpfr_abs(difference.get(), difference.get(), MPFR_RNDN);
  if (mpfr_lessequal_p(difference.get(), tolerance.get())) return std::nullopt;
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
