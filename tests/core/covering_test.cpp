// Tests for core/covering.hpp: the span basis, out-of-span fractions and the covering
// radius up to sign (exact on the circle; the sphere's estimate against known nets).
#include "core/covering.hpp"

#include <cmath>

#include "tests/support/within_eps.hpp"

using zg::Mat;
using zg::Mp;
using zg::Vec;
using zg::test::WithinAbs;

TEST_CASE("span basis and out-of-span fractions", "[covering]") {
  zg::ScopedDigits digits(zg::test::kTestDigits);
  Mat<Mp> W = Mat<Mp>::Zero(4, 3);
  W(0, 0) = 1;
  W(0, 1) = 1, W(1, 1) = 1;
  W(0, 2) = 2, W(1, 2) = -3;  // in the span of the first two: rank 2
  const Mat<Mp> Q = zg::span_basis(W, Mp("1e-30"));
  REQUIRE(Q.cols() == 2);
  const Mp eps = zg::working_eps<Mp>();
  CHECK_THAT(Mp((Q.transpose() * Q - Mat<Mp>::Identity(2, 2)).cwiseAbs().maxCoeff()), WithinAbs(Mp(0), Mp(16 * eps)));
  Mat<Mp> probe(4, 2);
  probe.col(0) << 3, 4, 0, 0;  // in the span
  probe.col(1) << 0, 1, 1, 1;  // |perp| / |w| = sqrt(2) / sqrt(3)
  const Vec<Mp> f = zg::out_of_span_fractions(probe, Q);
  CHECK_THAT(Mp(f(0)), WithinAbs(Mp(0), Mp(16 * eps)));
  CHECK_THAT(Mp(f(1)), WithinAbs(Mp(sqrt(Mp(2) / 3)), Mp(16 * eps)));
}

TEST_CASE("covering radius on the circle is exact, up to sign", "[covering]") {
  zg::ScopedDigits digits(zg::test::kTestDigits);
  const Mp pi = zg::pi<Mp>();
  // Lines at 0, 30 and 100 degrees: gaps 30, 70 and 80 (wrap-around, 100 -> 180); radius 40.
  // The second column points the other way (210 deg = line at 30): signs do not matter.
  Mat<Mp> C(2, 3);
  const Mp t[] = {Mp(0), Mp(210) * pi / 180, Mp(100) * pi / 180};
  for (int j = 0; j < 3; ++j) C(0, j) = cos(t[j]), C(1, j) = sin(t[j]);
  const zg::CoverRadius<Mp> c = zg::cover_radius(C);
  CHECK(c.exact);
  CHECK_THAT(Mp(c.radius * 180 / pi), WithinAbs(Mp(40), Mp(1000 * zg::working_eps<Mp>())));
  CHECK_THAT(Mp(atan2(c.worst(1), c.worst(0)) * 180 / pi), WithinAbs(Mp(140), Mp(1000 * zg::working_eps<Mp>())));
  // A regular set of k lines: radius 90/k degrees.
  Mat<double> R(2, 12);
  for (int j = 0; j < 12; ++j) R(0, j) = std::cos(j * M_PI / 12), R(1, j) = std::sin(j * M_PI / 12);
  CHECK(std::abs(zg::cover_radius<double>(R).radius * 180 / M_PI - 7.5) < 1e-12);
}

TEST_CASE("covering radius on the sphere: a lower-bound estimate close to the truth", "[covering]") {
  // The three axes of R^3: the farthest direction up to sign is (1,1,1)/sqrt 3, at
  // arccos(1/sqrt 3) = 54.7356 deg from each axis.
  const Mat<double> axes = Mat<double>::Identity(3, 3);
  const zg::CoverRadius<double> c = zg::cover_radius<double>(axes, 20000);
  const double truth = std::acos(1 / std::sqrt(3.0));
  CHECK_FALSE(c.exact);
  CHECK(c.radius <= truth + 1e-12);  // a lower bound
  CHECK(c.radius >= truth - 0.02);   // within the probe set's own radius (~ (4/20000)^(1/2) rad)
  // The six lines through the icosahedron's vertices: known radius 37.3774 deg (the face
  // centres), again approached from below.
  const double g = (1 + std::sqrt(5.0)) / 2;
  Mat<double> ico(3, 6);
  ico << 0, 0, 1, -1, g, g, 1, -1, g, g, 0, 0, g, g, 0, 0, 1, -1;
  const double face = std::acos(std::sqrt((3 * g + 2) / (3 * (g + 2))));  // vertex to face centre
  const zg::CoverRadius<double> ci = zg::cover_radius<double>(ico, 20000);
  CHECK(ci.radius <= face + 1e-12);
  CHECK(ci.radius >= face - 0.02);
}
