// Tests for lemmas/span_teacher.cpp: the span's rank is the directions' rank (not m*),
// and the embedded teacher keeps the configured geometry at every dimension: the same
// Gram matrix of directions, the same output weights, nothing outside the first r axes.
#include "lemmas/span_teacher.hpp"

#include <limits>

#include <catch2/catch.hpp>

#include "tests/support/problems.hpp"

namespace {

TEST_CASE("the embedded teacher keeps the directions' angles and lies on the first r axes", "[span_teacher]") {
  const zg::ScopedDigits digits(40);
  // Three planar directions at 0/60/120 deg in R^16: rank 2, though m* = 3.
  const zg::ProblemSpec p = zg::test::planar_problem(16, {0, 60, 120}, {1, -1, 1});
  const zg::SpanTeacher s = zg::span_teacher(p.teacher, 40);
  REQUIRE(s.coords.rows() == 2);
  REQUIRE(s.coords.cols() == 3);
  // The reference Gram matrix comes from the configured teacher itself, in R^16.
  const zg::Mat<double> gram = zg::Mat<zg::Mp>(s.teacher.W.transpose() * s.teacher.W).cast<double>();
  for (Eigen::Index d : {2, 5, 64}) {
    INFO("d = " << d);
    const zg::Network<double> t = zg::embedded_teacher(s, d);
    REQUIRE(t.W.rows() == d);
    CHECK((t.W.transpose() * t.W - gram).cwiseAbs().maxCoeff() < 8 * std::numeric_limits<double>::epsilon());
    if (d > 2) CHECK(t.W.bottomRows(d - 2).cwiseAbs().maxCoeff() == 0);
    CHECK(t.a == s.teacher.a.cast<double>());
  }
}

TEST_CASE("a teacher with independent directions has a span of rank m*", "[span_teacher]") {
  const zg::ScopedDigits digits(40);
  zg::ProblemSpec p;
  p.teacher.dimension = 4;
  p.teacher.directions = zg::ExplicitDirections{{{1.0, 0.0, 0.0, 0.0}, {1.0, 1.0, 0.0, 0.0}, {0.0, 0.0, 1.0, 1.0}}};
  p.teacher.weights = {1.0, 1.0, 1.0};
  const zg::SpanTeacher s = zg::span_teacher(p.teacher, 40);
  CHECK(s.coords.rows() == 3);
}

}  // namespace
