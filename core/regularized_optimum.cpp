// Damped Newton for the regularised optimum and the lambda-certificate
// (core/regularized_optimum.hpp).
#include "core/regularized_optimum.hpp"

#include "core/finite_difference.hpp"

namespace zg {
namespace {

// Span parameters p = (a, vec(V)) with W = Q V: V is r x m.
Network<Mp> from_span(const Vec<Mp>& p, const Mat<Mp>& basis, Eigen::Index m) {
  const Network<Mp> span = unflatten_parameters(p, basis.cols(), m);
  return Network<Mp>{span.a, basis * span.W};
}

struct ObjectiveGradient {
  Mp value;
  Vec<Mp> grad;  // with respect to the span parameters
};

ObjectiveGradient objective_gradient(const Vec<Mp>& p, const Network<Mp>& teacher, const Mat<Mp>& basis,
                                     const Mp& lambda, Eigen::Index m) {
  const Network<Mp> s = from_span(p, basis, m);
  const LossGradient<Mp> g = population_loss_gradient(s, teacher);
  // d/dV of L(Q V) = Q^T dL/dW; the decay term's gradient is lambda p (Q has orthonormal columns).
  const Network<Mp> span_grad{g.grad_a, basis.transpose() * g.grad_W};
  return {g.loss + weight_decay(s, lambda), Vec<Mp>(flatten_parameters(span_grad) + lambda * p)};
}

}  // namespace

OptimumResult newton_optimum(const Network<Mp>& teacher, const Mat<Mp>& basis, const Mp& lambda, const Mp& tol,
                             int max_iterations) {
  const Eigen::Index m = teacher.width();
  Network<Mp> start{Vec<Mp>(m), Mat<Mp>(basis.cols(), m)};
  for (Eigen::Index j = 0; j < m; ++j) {
    const Mp root = sqrt(abs(teacher.a(j)));
    start.a(j) = teacher.a(j) < 0 ? Mp(-root) : root;
    start.W.col(j) = root * (basis.transpose() * teacher.W.col(j));
  }
  Vec<Mp> p = flatten_parameters(start);
  const Mp eps = working_eps<Mp>();
  OptimumResult out;
  ObjectiveGradient here = objective_gradient(p, teacher, basis, lambda, m);
  for (out.iterations = 0; out.iterations < max_iterations; ++out.iterations) {
    if (here.grad.norm() <= tol) {
      out.converged = true;
      break;
    }
    // Hessian by central differences of the exact gradient, symmetrised.
    const Eigen::Index n = p.size();
    Mat<Mp> H(n, n);
    Vec<Mp> q = p;
    for (Eigen::Index k = 0; k < n; ++k) {
      const Mp h = central_difference_step(p(k), eps);
      q(k) = p(k) + h;
      const Vec<Mp> up = objective_gradient(q, teacher, basis, lambda, m).grad;
      q(k) = p(k) - h;
      const Vec<Mp> down = objective_gradient(q, teacher, basis, lambda, m).grad;
      q(k) = p(k);
      H.col(k) = (up - down) / (2 * h);
    }
    const Mat<Mp> Hs = (H + H.transpose()) / 2;
    const Vec<Mp> direction = -Hs.fullPivLu().solve(here.grad);
    // Damping: halve the step until the objective does not rise (a safeguard far from the
    // optimum; near it the full Newton step is taken).
    Mp t(1);
    ObjectiveGradient next = objective_gradient(Vec<Mp>(p + direction), teacher, basis, lambda, m);
    for (int halvings = 0; next.value > here.value && halvings < 40; ++halvings) {
      t /= 2;
      next = objective_gradient(Vec<Mp>(p + t * direction), teacher, basis, lambda, m);
    }
    if (next.value > here.value && next.grad.norm() >= here.grad.norm()) {
      out.detail = "no descent along the Newton direction";
      break;
    }
    p += t * direction;
    here = next;
  }
  out.student = from_span(p, basis, m);
  out.objective = here.value;
  out.grad_norm = here.grad.norm();
  if (out.detail.empty()) out.detail = out.converged ? "gradient below tolerance" : "iteration budget exhausted";
  return out;
}

Mp eta_lambda(const Network<Mp>& teacher, const Network<Mp>& student, const Mat<Mp>& basis, const Mp& lambda,
              const Vec<Mp>& y) {
  Mp sum(0);
  for (Eigen::Index i = 0; i < teacher.width(); ++i) {
    const Vec<Mp> u = basis.transpose() * teacher.W.col(i);
    sum += teacher.a(i) * relu_ge2_kernel(angle_from_cosine<Mp>(Mp(u.dot(y) / u.norm())));
  }
  for (Eigen::Index j = 0; j < student.width(); ++j) {
    const Mp norm = student.W.col(j).norm();
    const Vec<Mp> v = basis.transpose() * student.W.col(j) / norm;
    sum -= student.a(j) * norm * relu_ge2_kernel(angle_from_cosine<Mp>(Mp(v.dot(y))));
  }
  return 2 * sum / lambda;
}

}  // namespace zg
