// Tests for core/problem_spec.hpp: teachers come out unit and at the stated angles at
// 50 digits, decimal text is read at full precision, the near-teacher student is balanced,
// close to its teacher direction, splits each teacher weight, is reproducible, and is the
// same network at double, Mp and (as an enclosure) Mpi.
#include "core/problem_spec.hpp"

#include <cmath>
#include <stdexcept>

#include "tests/support/within_eps.hpp"

using zg::Mp;
using zg::Mpi;
using zg::Network;
using zg::SpecNumber;
using zg::test::WithinAbs;

namespace {

constexpr unsigned kDigits = 50;

zg::TeacherSpec planar_teacher(int d, std::vector<SpecNumber> angles, std::vector<SpecNumber> weights) {
  zg::TeacherSpec t;
  t.dimension = d;
  t.directions = zg::PlanarDirections{std::move(angles)};
  t.weights = std::move(weights);
  return t;
}

// 0, 60, 120 degrees in R^16 with weights 1, -1, 1 (the embedded default's teacher).
zg::TeacherSpec hexagonal_teacher() {
  return planar_teacher(16, {0.0, 60.0, 120.0}, {1.0, -1.0, 1.0});
}

template <class T>
T column_dot(const Network<T>& n, Eigen::Index i, const Network<T>& m, Eigen::Index j) {
  T s(0);
  for (Eigen::Index k = 0; k < n.dim(); ++k) s += n.W(k, i) * m.W(k, j);
  return s;
}

// Both ends of the enclosure x lie within tol of the MPFR value v.
bool encloses_near(const Mpi& x, const Mp& v, const Mp& tol) {
  return abs(Mp(lower(x)) - v) <= tol && abs(Mp(upper(x)) - v) <= tol;
}

}  // namespace

TEST_CASE("planar teacher directions are unit and at the stated angles to 50 digits", "[problem_spec]") {
  zg::ScopedDigits digits(kDigits);
  const Network<Mp> t = zg::build_teacher<Mp>(hexagonal_teacher());
  REQUIRE(t.dim() == 16);
  REQUIRE(t.width() == 3);
  // cos and sin of t*pi/180 and one normalisation: a few roundings of O(1) values.
  const Mp tol = 16 * zg::working_eps<Mp>();
  CHECK_THAT(column_dot(t, 0, t, 1), WithinAbs(Mp("0.5"), tol));
  CHECK_THAT(column_dot(t, 1, t, 2), WithinAbs(Mp("0.5"), tol));
  CHECK_THAT(column_dot(t, 0, t, 2), WithinAbs(Mp("-0.5"), tol));
  for (Eigen::Index i = 0; i < 3; ++i) CHECK_THAT(column_dot(t, i, t, i), WithinAbs(Mp(1), tol));
  CHECK(t.W.bottomRows(14).isZero(0));
  CHECK(t.a(1) == -1);
}

TEST_CASE("explicit teacher directions are normalised, decimal text read at full precision", "[problem_spec]") {
  zg::ScopedDigits digits(kDigits);
  zg::TeacherSpec spec;
  spec.dimension = 2;
  spec.directions = zg::ExplicitDirections{{{std::string("0.3"), std::string("0.4")}, {1.0, 0.1}}};
  spec.weights = {std::string("-2.5"), 1.0};
  const Network<Mp> t = zg::build_teacher<Mp>(spec);
  const Mp tol = 8 * zg::working_eps<Mp>();
  CHECK_THAT(Mp(t.W(0, 0)), WithinAbs(Mp("0.6"), tol));
  CHECK_THAT(Mp(t.W(1, 0)), WithinAbs(Mp("0.8"), tol));
  CHECK(t.a(0) == Mp("-2.5"));
  // The float 0.1 is its binary double, 0.1 + 5.55e-18: the normalised direction shows it.
  const Mp exact_decimal = Mp("0.1") / sqrt(Mp("1.01"));
  CHECK(abs(Mp(t.W(1, 1)) - exact_decimal) > Mp("5e-18"));
}

TEST_CASE("zero, non-finite or mismatched teacher specifications are rejected", "[problem_spec]") {
  zg::TeacherSpec zero;
  zero.dimension = 2;
  zero.directions = zg::ExplicitDirections{{{1.0, 0.0}, {0.0, 0.0}}};
  zero.weights = {1.0, 1.0};
  CHECK_THROWS_AS(zg::build_teacher<double>(zero), std::invalid_argument);

  zg::TeacherSpec nan = zero;
  nan.directions = zg::ExplicitDirections{{{1.0, 0.0}, {std::nan(""), 1.0}}};
  CHECK_THROWS_AS(zg::build_teacher<double>(nan), std::invalid_argument);

  CHECK_THROWS_AS(zg::build_teacher<double>(planar_teacher(2, {0.0, 90.0}, {1.0})), std::invalid_argument);
  CHECK_THROWS_AS(zg::build_teacher<double>(planar_teacher(1, {0.0}, {1.0})), std::invalid_argument);
}

TEST_CASE("the near-teacher student is balanced, close to its teacher and splits its weight", "[problem_spec]") {
  zg::ScopedDigits digits(kDigits);
  const Network<Mp> t = zg::build_teacher<Mp>(hexagonal_teacher());
  const double angle_deg = 5;
  // Width 7 over 3 teacher directions: the first gets 3 copies, the others 2.
  const Network<Mp> s = zg::build_student<Mp>(zg::NearTeacherStudent{7, angle_deg, 11}, t);
  REQUIRE(s.width() == 7);
  REQUIRE(s.dim() == 16);

  const Mp tol = 32 * zg::working_eps<Mp>();  // a dozen roundings of O(1) values
  const Mp cos_bound = cos(Mp(angle_deg) * zg::pi<Mp>() / 180);
  Mp largest_angle_cos(1);
  zg::Vec<Mp> mass = zg::Vec<Mp>::Zero(3);
  for (Eigen::Index j = 0; j < s.width(); ++j) {
    INFO("neuron " << j);
    const Mp norm = sqrt(column_dot(s, j, s, j));
    CHECK_THAT(Mp(abs(s.a(j))), WithinAbs(norm, tol));
    const Mp cos_to_teacher = column_dot(s, j, t, j % 3) / norm;
    CHECK(cos_to_teacher >= cos_bound - tol);
    largest_angle_cos = std::min(largest_angle_cos, cos_to_teacher);
    mass(j % 3) += s.a(j) * norm;
  }
  // The rotations are real: some neuron is turned by more than a degree.
  CHECK(largest_angle_cos < cos(zg::pi<Mp>() / 180));
  for (Eigen::Index i = 0; i < 3; ++i) CHECK_THAT(Mp(mass(i)), WithinAbs(Mp(t.a(i)), tol));
}

TEST_CASE("the near-teacher student is reproducible and the same at double, Mp and Mpi", "[problem_spec]") {
  zg::ScopedDigits digits(kDigits);
  const zg::StudentSpec spec = zg::NearTeacherStudent{6, 5.0, 11};
  const Network<double> sd = zg::build_student<double>(spec, zg::build_teacher<double>(hexagonal_teacher()));
  const Network<double> again = zg::build_student<double>(spec, zg::build_teacher<double>(hexagonal_teacher()));
  CHECK(sd.W == again.W);
  CHECK(sd.a == again.a);
  const Network<double> other_seed =
      zg::build_student<double>(zg::NearTeacherStudent{6, 5.0, 12}, zg::build_teacher<double>(hexagonal_teacher()));
  CHECK(sd.W != other_seed.W);

  const Network<Mp> sm = zg::build_student<Mp>(spec, zg::build_teacher<Mp>(hexagonal_teacher()));
  const Network<Mpi> si = zg::build_student<Mpi>(spec, zg::build_teacher<Mpi>(hexagonal_teacher()));
  // The double path rounds a few dozen O(1) operations: 64 double epsilons. The Mpi
  // enclosure and the MPFR value both carry a few dozen roundings at 50 digits.
  const Mp tol_double(64 * std::numeric_limits<double>::epsilon());
  const Mp tol_mp = 64 * zg::working_eps<Mp>();
  for (Eigen::Index j = 0; j < sm.width(); ++j) {
    INFO("neuron " << j);
    CHECK_THAT(Mp(sd.a(j)), WithinAbs(sm.a(j), tol_double));
    CHECK(encloses_near(si.a(j), sm.a(j), tol_mp));
    for (Eigen::Index k = 0; k < sm.dim(); ++k) {
      CHECK_THAT(Mp(sd.W(k, j)), WithinAbs(sm.W(k, j), tol_double));
      CHECK(encloses_near(si.W(k, j), sm.W(k, j), tol_mp));
    }
  }
}

TEST_CASE("an explicit student is taken as given, without normalisation", "[problem_spec]") {
  zg::ScopedDigits digits(kDigits);
  const Network<Mp> t = zg::build_teacher<Mp>(planar_teacher(2, {0.0}, {1.0}));
  zg::ExplicitStudent given;
  given.directions = {{3.0, std::string("4.5")}, {0.0, -2.0}};
  given.weights = {std::string("0.1"), -1.0};
  const Network<Mp> s = zg::build_student<Mp>(given, t);
  CHECK(s.W(0, 0) == 3);
  CHECK(s.W(1, 0) == Mp("4.5"));
  CHECK(s.W(1, 1) == -2);
  CHECK(s.a(0) == Mp("0.1"));

  given.directions = {{1.0, 0.0, 0.0}, {0.0, 1.0, 0.0}};
  CHECK_THROWS_AS(zg::build_student<Mp>(given, t), std::invalid_argument);
}

TEST_CASE("SpecNumber keeps decimal text as written and doubles to 17 digits", "[problem_spec]") {
  CHECK(SpecNumber(std::string("1e-3")).text() == "1e-3");
  CHECK(SpecNumber(0.1).text() == "1.0000000000000001e-01");
}
