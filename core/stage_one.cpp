// Stage 1 (core/stage_one.hpp): the symmetric start and the one weight-decayed step.
#include "core/stage_one.hpp"

#include <stdexcept>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>

namespace zg {

template <class T>
Network<T> symmetric_init(Eigen::Index d, Eigen::Index pairs, const T& scale, std::uint64_t seed) {
  if (d < 1 || pairs < 1) throw std::invalid_argument("symmetric_init needs d >= 1 and pairs >= 1");
  if (!(scale > 0)) throw std::invalid_argument("symmetric_init needs a positive scale");
  boost::random::mt19937_64 engine(seed);
  boost::random::normal_distribution<double> normal(0.0, 1.0);
  Network<T> n{Vec<T>(2 * pairs), Mat<T>(d, 2 * pairs)};
  Vec<T> u(d);
  for (Eigen::Index p = 0; p < pairs; ++p) {
    do {
      for (Eigen::Index r = 0; r < d; ++r) u(r) = T(normal(engine));
    } while (!(u.norm() > 0));
    const Vec<T> w = (scale / u.norm()) * u;
    n.W.col(2 * p) = w;
    n.W.col(2 * p + 1) = w;
    n.a(2 * p) = scale;
    n.a(2 * p + 1) = -scale;
  }
  return n;
}

template <class T>
Network<T> stage_one_step(const Network<T>& start, const Network<T>& teacher, const T& eta) {
  if (!(eta > 0)) throw std::invalid_argument("stage_one_step needs a positive step eta");
  return stage_one_step(population_loss_gradient(start, teacher), eta);
}

template Network<double> symmetric_init(Eigen::Index, Eigen::Index, const double&, std::uint64_t);
template Network<Mp> symmetric_init(Eigen::Index, Eigen::Index, const Mp&, std::uint64_t);
template Network<double> stage_one_step(const Network<double>&, const Network<double>&, const double&);
template Network<Mp> stage_one_step(const Network<Mp>&, const Network<Mp>&, const Mp&);

}  // namespace zg
