// Exact rank check (GMP) and interval Gram–Schmidt (MPFI) of the teacher directions.
#include "certificate_checker/span_basis.hpp"

#include <gmp.h>

#include <algorithm>
#include <string>
#include <vector>

#include "certificate_checker/decimal.hpp"

namespace zg::checker {
namespace {

class Rational {
 public:
  Rational() { mpq_init(q_); }
  Rational(const Rational& o) {
    mpq_init(q_);
    mpq_set(q_, o.q_);
  }
  Rational& operator=(const Rational& o) {
    mpq_set(q_, o.q_);
    return *this;
  }
  ~Rational() { mpq_clear(q_); }
  mpq_ptr get() { return q_; }
  mpq_srcptr get() const { return q_; }
  bool is_zero() const { return mpq_sgn(q_) == 0; }

 private:
  mpq_t q_;
};

// The exact value of a validated decimal.
Rational to_rational(const std::string& s) {
  const std::optional<DecimalParts> p = parse_decimal(s, nullptr);
  Rational r;
  mpz_t num, pow;
  mpz_init_set_str(num, p->digits.c_str(), 10);
  mpz_init(pow);
  mpz_ui_pow_ui(pow, 10, static_cast<unsigned long>(p->exponent < 0 ? -p->exponent : p->exponent));
  if (p->exponent >= 0) {
    mpz_mul(num, num, pow);
    mpq_set_z(r.get(), num);
  } else {
    mpq_set_num(r.get(), num);
    mpq_set_den(r.get(), pow);
    mpq_canonicalize(r.get());
  }
  if (p->negative) mpq_neg(r.get(), r.get());
  mpz_clear(num);
  mpz_clear(pow);
  return r;
}

}  // namespace

std::optional<std::string> check_basis_skips(const std::vector<std::vector<std::string>>& directions,
                                             const std::vector<int>& skips) {
  // Reduced rows with their pivot columns: a new direction is reduced against them; it is
  // dependent on the earlier ones iff the remainder is zero.
  std::vector<std::vector<Rational>> basis;
  std::vector<std::size_t> pivots;
  Rational t;
  for (std::size_t i = 0; i < directions.size(); ++i) {
    std::vector<Rational> row;
    row.reserve(directions[i].size());
    for (const std::string& s : directions[i]) row.push_back(to_rational(s));
    for (std::size_t b = 0; b < basis.size(); ++b) {
      const std::size_t p = pivots[b];
      if (row[p].is_zero()) continue;
      Rational factor = row[p];  // basis rows have pivot 1
      for (std::size_t k = 0; k < row.size(); ++k) {
        if (basis[b][k].is_zero()) continue;
        mpq_mul(t.get(), factor.get(), basis[b][k].get());
        mpq_sub(row[k].get(), row[k].get(), t.get());
      }
    }
    const auto nz = std::find_if(row.begin(), row.end(), [](const Rational& x) { return !x.is_zero(); });
    const bool dependent = nz == row.end();
    const bool listed = std::binary_search(skips.begin(), skips.end(), static_cast<int>(i));
    if (dependent && !listed)
      return "direction " + std::to_string(i) +
             " is a combination of the earlier directions but basis_skips does not list it";
    if (!dependent && listed)
      return "direction " + std::to_string(i) +
             " is not in the span of the earlier directions but basis_skips lists it";
    if (!dependent) {
      const std::size_t p = static_cast<std::size_t>(nz - row.begin());
      Rational inv;
      mpq_inv(inv.get(), row[p].get());
      for (Rational& x : row) mpq_mul(x.get(), x.get(), inv.get());
      basis.push_back(std::move(row));
      pivots.push_back(p);
    }
  }
  return std::nullopt;
}

std::vector<IvVec> span_coordinates(const std::vector<std::vector<std::string>>& directions,
                                    const std::vector<int>& skips,
                                    int rank) {
  const std::size_t m = directions.size();
  std::vector<IvVec> what(m);  // normalised directions in R^d
  for (std::size_t i = 0; i < m; ++i) {
    IvVec w;
    for (const std::string& s : directions[i]) w.push_back(decimal_enclosure(s));
    const Iv n = norm(w);
    for (Iv& x : w) x = x / n;
    what[i] = std::move(w);
  }
  // Gram–Schmidt on the kept directions, in order.
  std::vector<IvVec> q;
  std::vector<int> basis_index(m, -1);
  std::vector<Iv> own_norm(m);
  for (std::size_t i = 0; i < m; ++i) {
    if (std::binary_search(skips.begin(), skips.end(), static_cast<int>(i))) continue;
    IvVec v = what[i];
    for (const IvVec& qj : q) {
      const Iv c = dot(qj, what[i]);
      for (std::size_t k = 0; k < v.size(); ++k) v[k] -= c * qj[k];
    }
    const Iv n = norm(v);
    for (Iv& x : v) x = x / n;
    basis_index[i] = static_cast<int>(q.size());
    own_norm[i] = n;
    q.push_back(std::move(v));
  }
  std::vector<IvVec> u(m);
  for (std::size_t i = 0; i < m; ++i) {
    IvVec ui(static_cast<std::size_t>(rank));
    const int own = basis_index[i];
    for (int j = 0; j < rank; ++j) {
      if (own >= 0 && j > own) {
        ui[static_cast<std::size_t>(j)] = Iv(0);  // q_j ⊥ ŵ_i exactly for j after i's own
      } else if (own >= 0 && j == own) {
        // ŵ_i·q_own = |v_i| exactly; intersect with the direct product.
        ui[static_cast<std::size_t>(j)] = intersect(own_norm[i], dot(q[static_cast<std::size_t>(j)], what[i]));
      } else {
        ui[static_cast<std::size_t>(j)] = dot(q[static_cast<std::size_t>(j)], what[i]);
      }
    }
    if (own == 0) {  // u of the first basis direction is e_1 exactly
      ui[0] = Iv(1);
    }
    u[i] = std::move(ui);
  }
  return u;
}

}  // namespace zg::checker
