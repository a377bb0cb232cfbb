// The shared products of lemmas/claim_products.hpp: how each is computed, and the key that
// names everything it depends on within a run.
#include "lemmas/claim_products.hpp"

#include <stdexcept>
#include <tuple>
#include <utility>

#include "core/problem_spec.hpp"
#include "core/stage_one.hpp"
#include "lemmas/certificate_checks.hpp"
#include "lemmas/claim_results.hpp"

namespace zg {
namespace {

using CertificateOrFailure = std::variant<Certificate<Mp>, CheckOutcome>;
// Digits and seed: what the certificate products depend on besides the run's problem.
using DigitsSeed = std::pair<unsigned, std::uint64_t>;

// Newton's optimum: the digits and the exact lambda and tolerance (compared as numbers,
// so "1e-3" from the configuration and from a claim's list meet in one slot).
struct NewtonKey {
  unsigned digits;
  Mp lambda;
  Mp tol;
  bool operator<(const NewtonKey& o) const { return std::tie(digits, lambda, tol) < std::tie(o.digits, o.lambda, o.tol); }
};

// The run's copy through the check's grant, or a private one without a grant.
template <class T, class Key, class Compute>
std::shared_ptr<const T> product(const CheckContext& ctx, Product kind, const Key& key, Compute&& compute) {
  if (ctx.results == nullptr) return std::make_shared<const T>(compute());
  return ctx.results->get<T>(kind, key, std::forward<Compute>(compute));
}

const Certificate<Mp>& certificate_in(const CertificateOrFailure& built) {
  if (const Certificate<Mp>* c = std::get_if<Certificate<Mp>>(&built)) return *c;
  throw std::logic_error("a certificate product was asked for a teacher without a certificate "
                         "(check certificate_or_failure first)");
}

}  // namespace

std::shared_ptr<const CertificateOrFailure> shared_certificate(const CheckContext& ctx) {
  return product<CertificateOrFailure>(ctx, Product::Certificate, ctx.digits,
                                       [&] { return build_certificate_or_failure(ctx.problem, ctx.digits); });
}

std::shared_ptr<const DecaySearchResult> shared_decay_search(const CheckContext& ctx) {
  return product<DecaySearchResult>(ctx, Product::DecaySearch, DigitsSeed{ctx.digits, ctx.seed}, [&] {
    const auto built = shared_certificate(ctx);
    return decay_search_for(certificate_in(*built), ctx.problem, ctx.seed);
  });
}

std::shared_ptr<const DecayCertificate> shared_decay_proof(const CheckContext& ctx) {
  return product<DecayCertificate>(ctx, Product::DecayProof, DigitsSeed{ctx.digits, ctx.seed}, [&] {
    const auto built = shared_certificate(ctx);
    return prove_certificate_decay(certificate_in(*built), ctx, shared_decay_search(ctx)->rho_eta);
  });
}

std::shared_ptr<const TestFunctionBound> shared_test_function_bound(const CheckContext& ctx) {
  return product<TestFunctionBound>(ctx, Product::TestFunctionBound, DigitsSeed{ctx.digits, ctx.seed}, [&] {
    const auto built = shared_certificate(ctx);
    const Certificate<Mp>& c = certificate_in(*built);
    TestFunctionBound b;
    b.rho = shared_decay_search(ctx)->rho_eta;
    if (b.rho > 0) {  // any rank: D2c's proof (docs/proofs.md); only a positive constant is worth proving
      const std::shared_ptr<const DecayCertificate> proof = shared_decay_proof(ctx);
      if (proof->outcome == DecayOutcome::Proved) b.rho = parse_decimal<Mp>(proof->rho), b.certified = true;
    }
    b.p_norm_sq = test_function_norm_sq(c);
    const Network<Mp> teacher = build_teacher<Mp>(ctx.problem.teacher);
    b.teacher_mass = Mp(0);
    for (Eigen::Index i = 0; i < teacher.width(); ++i) b.teacher_mass += abs(teacher.a(i));
    return b;
  });
}

std::shared_ptr<const OptimumResult> shared_newton_optimum(const CheckContext& ctx, const Mp& lambda, const Mp& tol) {
  return product<OptimumResult>(ctx, Product::NewtonOptimum, NewtonKey{ctx.digits, lambda, tol}, [&] {
    const auto built = shared_certificate(ctx);
    return newton_optimum(build_teacher<Mp>(ctx.problem.teacher), certificate_in(*built).basis, lambda, tol);
  });
}

std::shared_ptr<const StageTwoRun> shared_stage_two(const CheckContext& ctx, std::uint64_t seed) {
  return product<StageTwoRun>(ctx, Product::StageTwoNetwork, DigitsSeed{ctx.digits, seed}, [&] {
    const AlgorithmSettings& a = ctx.problem.algorithm;
    const Network<Mp> teacher = build_teacher<Mp>(ctx.problem.teacher);
    const Network<double> teacher_d = network_cast<double>(teacher);
    const Network<double> start = symmetric_init<double>(teacher_d.dim(), a.pairs, a.init_scale, seed);
    StageTwoRun run{stage_one_step(start, teacher_d, a.step), {}};
    run.two = stage_two(network_cast<Mp>(run.stage_one), teacher, Mp(a.ridge));
    return run;
  });
}

}  // namespace zg
