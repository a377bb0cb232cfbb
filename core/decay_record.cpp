// Certificate records from engine results (core/decay_record.hpp).
#include "core/decay_record.hpp"

#include <cmath>
#include <cstdlib>

namespace zg::decay {

int decimal_digits(long prec) { return static_cast<int>(std::ceil(static_cast<double>(prec) * 0.30102999566398120)) + 2; }

DecimalBox decimal_box(const bnb::Box& box) {
  DecimalBox out;
  out.reserve(box.size());
  for (const bnb::Range& r : box) out.push_back({exact_decimal(r.lo), exact_decimal(r.hi)});
  return out;
}

std::vector<DecayLeaf> leaf_records(const std::vector<bnb::Root>& roots, const bnb::Result& result) {
  std::vector<DecayLeaf> out;
  out.reserve(result.leaves.size());
  for (const bnb::Leaf& leaf : result.leaves) {
    DecayLeaf l;
    l.face = roots[leaf.root].tag;
    l.box = decimal_box(leaf.box);
    l.method = static_cast<LeafMethod>(leaf.proof.method);
    l.index = l.method == LeafMethod::Enclosure ? -1 : leaf.proof.index;
    if (l.method == LeafMethod::Enclosure) l.bound = exact_decimal(leaf.proof.bound);
    out.push_back(std::move(l));
  }
  return out;
}

DecayCap cap_record(int touching, double T, const CapConstants& constants, long prec,
                    const std::vector<bnb::Root>& roots, const bnb::Result& result) {
  DecayCap cap;
  cap.touching = touching;
  cap.T = exact_decimal(T);
  const int digits = decimal_digits(prec);
  cap.h0_upper = upper_decimal(constants.h0, digits);
  cap.h0_lower = lower_decimal(constants.h0, digits);
  cap.slope_upper = upper_decimal(constants.gamma, 6);
  for (const bnb::Leaf& leaf : result.leaves) {
    const int tag = roots[leaf.root].tag;
    cap.pieces.push_back(
        {std::abs(tag), tag > 0 ? 1 : -1, decimal_box(leaf.box), exact_decimal(leaf.proof.bound), exact_decimal(leaf.proof.second)});
  }
  return cap;
}

DecayStrip strip_record(int touching, double s0, double T, const std::vector<bnb::Root>& roots,
                        const bnb::Result& result) {
  DecayStrip strip;
  strip.touching = touching;
  strip.s0 = exact_decimal(s0);
  strip.T = exact_decimal(T);
  for (const bnb::Leaf& leaf : result.leaves) {
    const int tag = roots[leaf.root].tag;
    strip.pieces.push_back(
        {std::abs(tag), tag > 0 ? 1 : -1, decimal_box(leaf.box), exact_decimal(leaf.proof.bound), exact_decimal(leaf.proof.second)});
  }
  return strip;
}

}  // namespace zg::decay
