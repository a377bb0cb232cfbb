// Tests for core/lambda_certificate_proof.hpp: eta_lambda's angle form encloses the MPFR
// eta_lambda of core/regularized_optimum.hpp (values, and first and second derivatives
// against difference quotients, which equal the derivative at an inner point by the mean
// value theorem); the proof succeeds at Newton's optimum on the default-like teacher and
// on the circle; a perturbed "optimum" is not certified (STYLE.md habit 12).
#include "core/lambda_certificate_proof.hpp"

#include "core/regularized_optimum.hpp"
#include "tests/support/problems.hpp"
#include "tests/support/within_eps.hpp"

using zg::Mp;
using zg::Mpi;
using zg::Network;
using zg::Vec;
using zg::DecayProofResult;
using namespace zg::detail::interval;

namespace {

struct Optimum {
  Network<Mp> teacher, student;
  zg::Mat<Mp> basis;
};

Optimum optimum_for(int dimension, const Mp& lambda) {
  const Network<Mp> teacher = zg::test::planar_teacher(dimension, {0, 60, 120}, {1, -1, 1});
  const zg::Certificate<Mp> c = zg::build_precertificate(teacher, Mp("1e-20"));
  const zg::OptimumResult o = zg::newton_optimum(teacher, c.basis, lambda, Mp("1e-28"));
  REQUIRE(o.converged);
  return {teacher, o.student, c.basis};
}

Vec<Mp> on_circle(const Mp& theta) {
  Vec<Mp> y(2);
  y << cos(theta), sin(theta);
  return y;
}

zg::DecayProofOptions lambda_options(const Mp& rho) {
  zg::DecayProofOptions o;
  o.rho = rho;
  o.tau = Mp("1e-20");  // ceiling; Newton's residual 1e-28 / lambda gives ~1e-25
  o.derive_tau = true;
  return o;
}

}  // namespace

TEST_CASE("eta_lambda's angle form encloses eta_lambda and its derivatives", "[lambda-proof][interval]") {
  for (const char* lambda_text : {"1e-2", "1e-3"}) {
    zg::ScopedDigits digits(40);
    const Mp lambda(lambda_text);
    const Optimum opt = optimum_for(2, lambda);
    const AngleTerms t = lambda_angle_terms(opt.teacher, opt.student, opt.basis, lambda);
    REQUIRE(t.dipoles.size() == 3);
    REQUIRE(t.touching.size() == 3);
    // Angles: a regular grid plus points between each neuron and its teacher line, where
    // the dipoles' gap form is at its most delicate.
    std::vector<Mp> angles;
    for (int k = 0; k < 90; ++k) angles.push_back(Mp(k) * zg::pi<Mp>() / 90 + Mp("0.001"));
    for (const KernelDipole& d : t.dipoles)
      for (int k = -2; k <= 3; ++k) angles.push_back(Mp(lo(d.phi_b) + (lo(d.phi_a) - lo(d.phi_b)) * k / 2));
    for (const Mp& theta : angles) {
      INFO("lambda = " << lambda_text << ", theta = " << theta);
      // Point values at 80 digits from the same Mp network (its numbers are exact inputs).
      zg::ScopedDigits wide(80);
      auto f = [&](const Mp& x) { return zg::eta_lambda(opt.teacher, opt.student, opt.basis, lambda, on_circle(x)); };
      const Mp h("1e-12");
      const Mp f0 = f(theta), fp = f(Mp(theta + h)), fm = f(Mp(theta - h));
      const Mp d1 = (fp - fm) / (2 * h), d2 = (fp - 2 * f0 + fm) / (h * h);
      // Rounding of the quotients at 80 digits: |terms| ~ 2/lambda times 1e-80 / h^2.
      const Mp slack = Mp("1e-50");
      Mpi value, e1(0), e2(0);
      {
        zg::ScopedDigits digits40(40);
        value = sum_value(t, Mpi(theta));
        const Mpi around = hull(Mp(theta - h), Mp(theta + h));
        for (std::size_t i = 0; i < t.centres.size(); ++i) {
          const DerivativeTerms dt = term_derivatives(t, i, Mpi(around - t.centres[i].phi), 0);
          e1 += dt.d1;
          e2 += dt.d2;
        }
        for (std::size_t p = 0; p < t.dipoles.size(); ++p) {
          const DipoleTerms dd = dipole_terms(t, p, around);
          e1 += dd.d1;
          e2 += dd.d2;
        }
      }
      CHECK(lo(value) <= f0);
      CHECK(f0 <= hi(value));
      CHECK(hi(value) - lo(value) < Mp("1e-30"));
      CHECK(lo(e1) - slack <= d1);
      CHECK(d1 <= hi(e1) + slack);
      CHECK(lo(e2) - slack <= d2);
      CHECK(d2 <= hi(e2) + slack);
    }
  }
}

TEST_CASE("the disc enclosures of eta_lambda contain its values and partial derivatives", "[lambda-proof][interval]") {
  // Inside the disc (d > r): the value at a thin box, and the difference quotients in |y|
  // and in the angle inside the enclosures of the partials over the box they span.
  zg::ScopedDigits digits(40);
  const Mp lambda("1e-2");
  const Optimum opt = optimum_for(16, lambda);
  const AngleTerms t = lambda_angle_terms(opt.teacher, opt.student, opt.basis, lambda);
  const Mp h("1e-12");
  for (const char* radius : {"0.3", "0.9", "0.999"})
    for (int k = 0; k < 60; ++k) {
      const Mp r(radius), theta = Mp(k) * zg::pi<Mp>() / 60 + Mp("0.002");
      INFO("|y| = " << radius << ", theta index " << k);
      zg::ScopedDigits wide(80);
      auto f = [&](const Mp& s, const Mp& x) {
        return zg::eta_lambda(opt.teacher, opt.student, opt.basis, lambda, Vec<Mp>(s * on_circle(x)));
      };
      const Mp f0 = f(r, theta);
      const Mp ds = (f(Mp(r + h), theta) - f(Mp(r - h), theta)) / (2 * h);
      const Mp dt = (f(r, Mp(theta + h)) - f(r, Mp(theta - h))) / (2 * h);
      const Mp slack("1e-60");  // rounding of the quotients: (2/lambda) 1e-80 / h
      zg::DiscEnclosure point, box_s, box_t;
      {
        zg::ScopedDigits digits40(40);
        point = zg::enclose_kernel_sum_on_disc(t, r, r, theta, theta);
        box_s = zg::enclose_kernel_sum_on_disc(t, Mp(r - h), Mp(r + h), theta, theta);
        box_t = zg::enclose_kernel_sum_on_disc(t, r, r, Mp(theta - h), Mp(theta + h));
      }
      CHECK(lo(point.value) <= f0);
      CHECK(f0 <= hi(point.value));
      CHECK(hi(point.value) - lo(point.value) < Mp("1e-30"));
      CHECK(lo(box_s.d_s) - slack <= ds);
      CHECK(ds <= hi(box_s.d_s) + slack);
      CHECK(lo(box_t.d_theta) - slack <= dt);
      CHECK(dt <= hi(box_t.d_theta) + slack);
    }
}

TEST_CASE("the excess enclosure of eta_lambda contains point values on thin and wide intervals",
          "[lambda-proof][interval]") {
  zg::ScopedDigits digits(40);
  const Mp lambda("1e-3"), rho("0.05");
  const Optimum opt = optimum_for(2, lambda);
  const AngleTerms t = lambda_angle_terms(opt.teacher, opt.student, opt.basis, lambda);
  for (int k = 1; k < 120; ++k) {
    const Mp theta = Mp(k) * zg::pi<Mp>() / 121;
    zg::ScopedDigits wide(80);
    const Mp delta = zg::lambda_touching_delta(opt.student, opt.basis, on_circle(theta));
    const Mp point =
        abs(zg::eta_lambda(opt.teacher, opt.student, opt.basis, lambda, on_circle(theta))) + rho * delta * delta - 1;
    for (const char* half : {"1e-30", "1e-4", "1e-2"}) {
      Mpi enc;
      {
        zg::ScopedDigits digits40(40);
        enc = zg::enclose_kernel_sum_excess(t, Mp(theta - Mp(half)), Mp(theta + Mp(half)), rho);
      }
      INFO("theta index " << k << ", half-width " << half);
      CHECK(lo(enc) <= point);
      CHECK(point <= hi(enc));
    }
  }
}

TEST_CASE("the lambda-certificate is proved at Newton's optimum on the default-like teacher",
          "[lambda-proof][D3]") {
  zg::ScopedDigits digits(40);
  for (const char* lambda_text : {"1e-2", "1e-3"}) {
    const Mp lambda(lambda_text);
    for (int dimension : {16, 2}) {
      const Optimum opt = optimum_for(dimension, lambda);
      // rho: 0.9 of the sampled constant on 720 points of the circle, as D3 does.
      std::vector<Vec<Mp>> grid;
      for (int k = 0; k < 720; ++k) grid.push_back(on_circle(Mp(k) * zg::pi<Mp>() / 720));
      const Mp sampled = zg::sampled_lambda_decay(opt.teacher, opt.student, opt.basis, lambda, grid);
      REQUIRE(sampled > 0);
      const Mp rho = Mp("0.9") * sampled;
      const DecayProofResult r =
          zg::prove_lambda_certificate(opt.teacher, opt.student, opt.basis, lambda, lambda_options(rho));
      INFO("lambda = " << lambda_text << ", d = " << dimension << ", rho = " << rho << ": " << r.detail << ", boxes "
                       << r.boxes << ", counter " << r.counter_lo << " excess " << r.counter_excess << ", tau " << r.tau_used
                       << ", seconds " << r.seconds);
      CHECK(r.status == DecayProofResult::Status::Proved);
      CHECK(r.tau_used <= Mp("1e-20"));
    }
  }
}

TEST_CASE("a perturbed optimum is not certified", "[lambda-proof][must-fail]") {
  // Neuron 1's mass scaled by 1.01: eta_lambda at neuron 2 (opposite sign, 60 degrees away)
  // moves past -1 by about (2/lambda) 0.01 K(1/2) ~ 0.04 at lambda = 1e-2.
  zg::ScopedDigits digits(40);
  const Mp lambda("1e-2");
  for (int dimension : {16, 2}) {
    Optimum opt = optimum_for(dimension, lambda);
    opt.student.a(0) *= Mp("1.01");
    const DecayProofResult r =
        zg::prove_lambda_certificate(opt.teacher, opt.student, opt.basis, lambda, lambda_options(Mp(0)));
    INFO("d = " << dimension << ": " << r.detail);
    CHECK(r.status == DecayProofResult::Status::Violated);
    CHECK(r.counter_excess > Mp("0.01"));
  }
}

