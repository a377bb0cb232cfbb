// Tests for verify/sweep_point_record: a point read back from its record equals the point
// bit for bit (values compared as Mp at the working precision, never through double), NaN
// included, at 30 and at 300 digits; a record of another shape is refused.
#include "verify/sweep_point_record.hpp"

#include <limits>
#include <stdexcept>

#include <catch2/catch.hpp>

using zg::Mp;

namespace {

bool same(const Mp& a, const Mp& b) {
  using boost::multiprecision::isnan;
  return (isnan(a) && isnan(b)) || a == b;
}

}  // namespace

TEST_CASE("a sweep point survives its record exactly", "[sweep][record]") {
  for (unsigned digits : {30u, 300u}) {
    INFO("digits " << digits);
    zg::ScopedDigits precision(digits);
    zg::SweepPoint p;
    p.family = zg::SweepFamily::Three;
    p.delta_deg = 0.1 + 0.2;  // a double with no short decimal
    p.rho_eta = Mp(1) / 3;
    p.worst_angle_deg = zg::pi<Mp>() * 1e7;
    p.max_abs_eta = Mp(1) - Mp(1) / Mp(1e20) / Mp(1e20);
    p.condition = std::numeric_limits<Mp>::quiet_NaN();
    p.note = "limit at w_2*; \"quoted\"";
    const zg::SweepPoint q = zg::parse_sweep_point_record(zg::sweep_point_record(p));
    CHECK(q.family == p.family);
    CHECK(q.delta_deg == p.delta_deg);
    CHECK(q.singular == p.singular);
    CHECK(same(q.rho_eta, p.rho_eta));
    CHECK(same(q.worst_angle_deg, p.worst_angle_deg));
    CHECK(same(q.max_abs_eta, p.max_abs_eta));
    CHECK(same(q.condition, p.condition));
    CHECK(q.note == p.note);
    // One digit fewer than round_trip_decimal gives does not always read back (must-fail
    // evidence that the digit count is the bound, not slack): 1/3 needs them all.
    const std::string text = zg::round_trip_decimal(p.rho_eta);
    const std::size_t significant = text.find('e') - 1;  // "d.ddd…e-01": digits without the point
    CHECK(zg::parse_decimal<Mp>(zg::to_decimal(p.rho_eta, static_cast<unsigned>(significant) - 2)) != p.rho_eta);
  }
}

TEST_CASE("a record of another shape is refused", "[sweep][record][must-fail]") {
  zg::ScopedDigits precision(30);
  CHECK_THROWS_AS(zg::parse_sweep_point_record("not json"), std::invalid_argument);
  CHECK_THROWS_AS(zg::parse_sweep_point_record("{\"family\":\"square\"}"), std::invalid_argument);
  CHECK_THROWS_AS(zg::parse_sweep_point_record("{\"family\":\"equal\"}"), std::invalid_argument);
}
