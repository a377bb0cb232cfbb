// The content of a decay certificate (docs/proofs.md §7): plain data, filled by the Arb
// prover (core/decay_proof.hpp) and written to JSON by reports/; the independent MPFI
// checker reads the JSON back into its own structures. Every number is a decimal string:
// inputs and box corners are exact decimals (a box corner is exactly a double), proved
// bounds are rounded outward. No arithmetic here.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace zg {

/// The domain of docs/proofs.md §1: the unit sphere S^{r-1} of the span (d = r) or its
/// closed unit ball B^r (d > r). JSON: "sphere" / "ball".
enum class DecayDomain { Sphere, Ball };

/// How a leaf of the main cover is proved (docs/proofs.md §3). JSON: "enclosure", "cap",
/// "strip".
enum class LeafMethod { Enclosure, Cap, Strip };

/// How the proof ended (docs/proofs.md §6). Proved: every leaf, cap and strip holds.
/// Violated: `witness` holds. Budget: boxes or seconds ran out, or a box reached the
/// smallest width unsettled; `statistics` says how far the proof got, and the file proves
/// nothing (the checker reports it as not a proof).
enum class DecayOutcome { Proved, Violated, Budget };

/// One coordinate range of a box: exact decimals of two doubles, lo <= hi.
struct DecimalRange {
  std::string lo, hi;
};
using DecimalBox = std::vector<DecimalRange>;

/// A touching point: the centre it sits at (0-based index into the centres) and the sign
/// s_j of eta there (+1 or -1).
struct DecayTouching {
  int centre = 0;
  int sign = 1;
};

/// A kernel dipole (D3 only; empty for D2c): the term mass (K(y.u_a) - K(y.u_b)) added to
/// the kernel sum, a and b 0-based centre indices. The prover encloses it through the gap
/// form intersected with the direct difference; the function is the same either way.
struct DecayDipole {
  int a = 0, b = 0;
  std::string mass;  ///< exact decimal
};

/// A leaf of the main cover. `face` is k (1-based, docs/proofs.md §2); `box` lists the
/// free coordinates in increasing index order, the radius s first on the ball.
/// `index` is the cap or strip's touching index (0-based into `touching`) for method Cap
/// or Strip, -1 for Enclosure. `bound` is the proved sup F (F = |eta~| + rho delta^2 - 1)
/// rounded up, for Enclosure leaves; empty otherwise.
struct DecayLeaf {
  int face = 1;
  DecimalBox box;
  LeafMethod method = LeafMethod::Enclosure;
  int index = -1;
  std::string bound;
};

/// A piece of a cap (docs/proofs.md §4): face (k, ±) of S^{r-2} as `face` = k (1-based)
/// and `face_sign` = +1/-1; `box` = t first, then the face's free coordinates. For r = 2
/// the box is [t] alone. `d2_upper` is the proved sup h'' on the piece rounded up; also
/// recorded: `d2_lower`, the proved inf h'' rounded down (condition (c) uses the minimum
/// over pieces).
struct CapPiece {
  int face = 1;
  int face_sign = 1;
  DecimalBox box;
  std::string d2_upper;
  std::string d2_lower;
};

/// The cap at touching point `touching` (0-based into DecayCertificate::touching), half
/// width T (exact decimal of a double). h0_upper / h0_lower: the proved sup / inf of
/// h(0) = s_j eta~(u_j); slope_upper: the proved gamma = sup |g| (docs/proofs.md §4), all
/// rounded outward, at the header's precision.
struct DecayCap {
  int touching = 0;
  std::string T;
  std::string h0_upper, h0_lower, slope_upper;
  std::vector<CapPiece> pieces;
};

/// A piece of a strip (docs/proofs.md §5): box = s, then t, then the face's free
/// coordinates; face as in CapPiece. `ds_lower`: the proved inf dG/ds (>= 0), rounded
/// down; `h_lower`: the proved inf h (> 0), rounded down.
struct StripPiece {
  int face = 1;
  int face_sign = 1;
  DecimalBox box;
  std::string ds_lower;
  std::string h_lower;
};

/// The strip of touching point `touching`: s in [s0, 1], t in [0, T] (both exact decimals
/// of doubles; T equals that cap's T).
struct DecayStrip {
  int touching = 0;
  std::string s0;
  std::string T;
  std::vector<StripPiece> pieces;
};

/// A violated proof: a box of the main chart (face k, box as in DecayLeaf) on which
/// inf (|eta~| + rho delta^2 - 1) > sum_i sup |e_i| / 4 is proved; excess_lower is the
/// proved inf of |eta~| + rho delta^2 - 1 there, rounded down.
struct DecayWitness {
  int face = 1;
  DecimalBox box;
  std::string excess_lower;
};

/// The hardest box of a proof that ran out of budget: where it is and the largest upper
/// bound of the quantity to prove there (rounded up). `part` names which cover it is in:
/// "main", "cap <j>" or "strip <j>" (for people; not parsed).
struct HardestBox {
  std::string part;
  int face = 1;
  int face_sign = 1;
  DecimalBox box;
  std::string upper;
};

/// What the proof did (for reports; the checker ignores it).
struct DecayStatistics {
  long long boxes = 0;              ///< boxes examined, all covers together
  int max_depth = 0;                ///< deepest halving below a root box
  double seconds = 0;               ///< wall time of the proof
  double fraction_proved = 0;       ///< fraction of the main chart's volume in proved leaves
  long long unsettled = 0;          ///< boxes refused at the smallest width (2^-50)
  std::optional<HardestBox> hardest;  ///< Budget: the unsettled box with the largest upper bound
  std::string detail;               ///< what stopped a proof, for people
};

/// The certificate (docs/proofs.md §7). Field names follow the JSON keys.
struct DecayCertificate {
  std::string claim;                ///< e.g. "D2c"; set by the caller
  long precision_bits = 0;          ///< Arb precision of the inputs and of the cap constants
  /// Centre directions w_i in R^d as exact decimals (not necessarily unit: the
  /// proof normalises them), one row per centre, `dimension` entries each. For D2c these
  /// are the teacher directions; JSON "teacher": {"directions": ...}.
  std::vector<std::vector<std::string>> directions;
  std::vector<std::string> weights;  ///< teacher weights a_i* (exact decimals), as given
  std::vector<int> basis_skips;      ///< 0-based directions left out of Gram-Schmidt
  int rank = 0;
  int dimension = 0;
  DecayDomain domain = DecayDomain::Sphere;
  std::vector<std::string> alpha;              ///< one per centre, exact decimals
  std::vector<std::vector<std::string>> beta;  ///< b_i in span coordinates: one row per centre, rank entries
  std::vector<DecayDipole> dipoles;            ///< empty for D2c
  /// delta(y) = min over touching points j of arccos |y.u_c(j)|: for D2c every centre is a
  /// touching point; for D3 only the optimum's neurons are.
  std::vector<DecayTouching> touching;
  std::string rho, tau_prime, tau;  ///< exact decimals: |eta| <= 1 + tau - rho delta^2
  DecayOutcome outcome = DecayOutcome::Budget;
  /// Faces in increasing order; each face's leaves in tree order (left child, the lower
  /// half of the halved coordinate, first), so the checker can rebuild the halving tree.
  std::vector<DecayLeaf> leaves;
  std::vector<DecayCap> caps;
  std::vector<DecayStrip> strips;
  std::optional<DecayWitness> witness;
  DecayStatistics statistics;
};

/// JSON spellings of the enums (docs/proofs.md §7).
inline const char* to_json_name(DecayDomain d) { return d == DecayDomain::Sphere ? "sphere" : "ball"; }
inline const char* to_json_name(LeafMethod m) {
  switch (m) {
    case LeafMethod::Enclosure: return "enclosure";
    case LeafMethod::Cap: return "cap";
    case LeafMethod::Strip: return "strip";
  }
  return "enclosure";
}

}  // namespace zg
