// The content of a decay certificate (docs/proofs.md §7) as read by the checker: every
// number is kept as its validated decimal string and turned into an interval only when
// the check runs, at the check's precision. Box corners are exact doubles.
#pragma once

#include <array>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace zg::checker {

/// The one exception for a malformed certificate (exit 2): `field` is the JSON path,
/// e.g. "leaves[17].box[0][1]", `problem` what is wrong with it.
class CertificateFormatError : public std::runtime_error {
 public:
  CertificateFormatError(const std::string& field, const std::string& problem)
      : std::runtime_error(field + ": " + problem), field_(field), problem_(problem) {}
  const std::string& field() const { return field_; }
  const std::string& problem() const { return problem_; }

 private:
  std::string field_;
  std::string problem_;
};

/// Largest rank handled (a box has at most rank coordinates).
inline constexpr int kMaxRank = 6;

/// An axis-aligned box with exact double corners, lo[k] < hi[k] (lo <= hi for a witness).
struct Box {
  int dims = 0;
  std::array<double, kMaxRank> lo{};
  std::array<double, kMaxRank> hi{};
};

enum class Domain { sphere, ball };
enum class LeafMethod { enclosure, cap, strip };

struct Leaf {
  int face = 0;  // k, 1-based
  Box box;
  LeafMethod method = LeafMethod::enclosure;
  int index = -1;     // touching point (cap, strip)
  std::string bound;  // recorded sup F (enclosure)
};

/// A piece of a cap or strip cover: face (k, ±1) of S^{r-2}, k 1-based.
struct Piece {
  int face = 0;
  int face_sign = 1;
  Box box;
  std::string recorded;         // d2_upper (cap) or ds_lower (strip)
  std::string recorded_second;  // d2_lower (cap) or h_lower (strip); empty when absent
};

struct Cap {
  int touching = 0;  // index into Certificate::touching
  double T = 0;
  std::string h0_upper;
  std::string h0_lower;  // empty when absent
  std::string slope_upper;
  std::vector<Piece> pieces;
};

struct Strip {
  int touching = 0;
  double s0 = 0;
  std::vector<Piece> pieces;
};

/// A kernel dipole (the prover's writer, D3): the term mass (K(y·u_a) − K(y·u_b)) of η̃.
struct Dipole {
  int a = 0;
  int b = 0;
  std::string mass;
};

/// "outcome" as the prover's writer states it; `unstated` when the file has no such key.
enum class Outcome { unstated, proved, violated, budget };

struct Touching {
  int centre = 0;  // 0-based teacher index
  int sign = 1;
};

struct Witness {
  int face = 0;
  Box box;
  std::string excess_lower;
};

struct Certificate {
  Outcome outcome = Outcome::unstated;
  std::string claim;
  std::string arithmetic;
  long precision_bits = 0;
  std::vector<std::vector<std::string>> directions;  // m rows of `dimension` decimals
  std::vector<std::string> weights;                  // m decimals, nonzero
  std::vector<int> basis_skips;                      // sorted, 0-based
  int rank = 0;
  int dimension = 0;
  Domain domain = Domain::sphere;
  std::vector<std::string> alpha;              // m
  std::vector<std::vector<std::string>> beta;  // m rows of `rank`
  std::vector<Dipole> dipoles;
  std::vector<Touching> touching;
  std::string rho;
  std::string tau_prime;
  std::string tau;
  std::vector<Leaf> leaves;
  std::vector<Cap> caps;
  std::vector<Strip> strips;
  std::optional<Witness> witness;
};

}  // namespace zg::checker
