// Tests for core/decay_charts.hpp: every piece of box geometry encloses the exact set,
// checked at corners, centres and seeded random dyadic points of the box against
// 100-digit MPFR values of the same maps (x/|x|, z/|z|, the Householder frame), on boxes
// of a whole face, at 0, at the edges and tiny boxes at depth 40.
#include "core/decay_charts.hpp"

#include <cmath>
#include <random>

#include <catch2/catch.hpp>

using zg::ArbBall;
using zg::Mp;
using zg::bnb::Box;
using zg::bnb::Range;
using zg::decay::BallVec;

namespace {

constexpr long kPrec = 64;

// The reference has 100 digits; the balls have 64 bits: a slack of 1e-90 decides nothing.
bool encloses(const ArbBall& b, const Mp& ref) {
  const Mp slack("1e-90");
  return b.lower() <= ref + slack && ref - slack <= b.upper();
}

// Points of the box: its corners (2^n), its centre and `random` dyadic points inside.
std::vector<std::vector<double>> sample_points(const Box& box, std::mt19937_64& rng, int random) {
  std::vector<std::vector<double>> out;
  const std::size_t n = box.size();
  for (std::size_t mask = 0; mask < (std::size_t(1) << n); ++mask) {
    std::vector<double> p;
    for (std::size_t k = 0; k < n; ++k) p.push_back((mask >> k) & 1 ? box[k].hi : box[k].lo);
    out.push_back(p);
  }
  std::vector<double> c;
  for (const Range& r : box) c.push_back(r.mid());
  out.push_back(c);
  std::uniform_int_distribution<int> u(0, 1 << 20);
  for (int k = 0; k < random; ++k) {
    std::vector<double> p;
    for (const Range& r : box) p.push_back(r.lo + (r.hi - r.lo) * std::ldexp(u(rng), -20));
    out.push_back(p);
  }
  return out;
}

// x / |x| at 100 digits, x_face = face_value and the free coordinates from p.
std::vector<Mp> normalised_reference(int r, int face, int face_value, const std::vector<double>& p) {
  std::vector<Mp> x;
  std::size_t next = 0;
  Mp n2 = 0;
  for (int l = 0; l < r; ++l) {
    x.push_back(l == face ? Mp(face_value) : Mp(p[next++]));
    n2 += x.back() * x.back();
  }
  const Mp n = sqrt(n2);
  for (Mp& xl : x) xl /= n;
  return x;
}

std::vector<Box> test_boxes(int r) {
  const std::size_t n = static_cast<std::size_t>(r - 1);
  std::vector<Box> boxes;
  boxes.push_back(Box(n, Range{-1, 1}));                            // a whole face
  boxes.push_back(Box(n, Range{-0x1p-10, 0x1p-10}));                // at 0
  boxes.push_back(Box(n, Range{1 - 0x1p-30, 1}));                   // at the upper edge
  boxes.push_back(Box(n, Range{-1, -1 + 0x1p-30}));                 // at the lower edge
  Box mixed(n, Range{0.25, 0.25 + 0x1p-40});                        // tiny, depth 40
  mixed[0] = {-0.625 - 0x1p-40, -0.625};
  boxes.push_back(mixed);
  boxes.push_back(Box(n, Range{0, 0x1p-40}));                       // tiny at a corner of 0
  return boxes;
}

}  // namespace

TEST_CASE("chart points x/|x| of half-sphere faces enclose the exact image", "[decay_charts]") {
  zg::ScopedDigits digits(100);
  std::mt19937_64 rng(11);
  for (int r : {2, 3, 4}) {
    for (int face = 0; face < r; ++face) {
      for (const Box& box : test_boxes(r)) {
        const zg::decay::ChartPoint cp = zg::decay::normalised_face_point(r, face, 1, box, kPrec);
        for (const std::vector<double>& p : sample_points(box, rng, 8)) {
          const std::vector<Mp> ref = normalised_reference(r, face, 1, p);
          Mp n2 = 1;
          for (double x : p) n2 += Mp(x) * Mp(x);
          INFO("r = " << r << ", face " << face << ", box [" << box[0].lo << ", " << box[0].hi << "]");
          CHECK(encloses(cp.norm, Mp(sqrt(n2))));
          for (int l = 0; l < r; ++l) CHECK(encloses(cp.v[static_cast<std::size_t>(l)], ref[static_cast<std::size_t>(l)]));
          // The exact centre point too.
          const zg::decay::ChartPoint c = zg::decay::normalised_face_centre(r, face, 1, p, kPrec);
          for (int l = 0; l < r; ++l) CHECK(encloses(c.v[static_cast<std::size_t>(l)], ref[static_cast<std::size_t>(l)]));
        }
        // Tightness: each coordinate is enclosed by its exact range, so a box of width w
        // gives balls of width at most about w (the map is 1-Lipschitz per coordinate).
        double w = 0;
        for (const Range& range : box) w = std::max(w, range.width());
        for (const ArbBall& vl : cp.v) CHECK(vl.width_upper() <= 2 * w + 1e-15);
      }
    }
  }
}

TEST_CASE("ray directions of the full sphere S^{r-2} enclose z/|z| on both signs of each face", "[decay_charts]") {
  zg::ScopedDigits digits(100);
  std::mt19937_64 rng(12);
  for (int sign : {1, -1}) {
    const BallVec z2 = zg::decay::ray_direction(2, 0, sign, Box{}, kPrec);  // r = 2: the points +-1
    REQUIRE(z2.size() == 1);
    CHECK(encloses(z2[0], Mp(sign)));
    CHECK(z2[0].width_upper() == 0);
    for (int r : {3, 4}) {
      for (int face = 0; face < r - 1; ++face) {
        for (const Box& box : test_boxes(r - 1)) {
          const BallVec z = zg::decay::ray_direction(r, face, sign, box, kPrec);
          REQUIRE(z.size() == static_cast<std::size_t>(r - 1));
          for (const std::vector<double>& p : sample_points(box, rng, 4)) {
            const std::vector<Mp> ref = normalised_reference(r - 1, face, sign, p);
            for (std::size_t l = 0; l < z.size(); ++l) CHECK(encloses(z[l], ref[l]));
          }
        }
      }
    }
  }
}

TEST_CASE("the cap frame H is orthogonal and maps e_1 to sigma u within the enclosure", "[decay_charts]") {
  zg::ScopedDigits digits(100);
  const std::vector<std::vector<std::string>> directions = {
      {"0.3", "-0.2", "0.933"}, {"-0.6", "0.8"}, {"1", "0", "0", "0"}, {"-1", "1e-30", "0"}, {"0.5", "0.5", "0.5", "-0.5"}};
  for (const std::vector<std::string>& d : directions) {
    const std::size_t r = d.size();
    // u enclosed from the normalised decimal, and its 100-digit reference.
    std::vector<Mp> ref;
    Mp n2 = 0;
    for (const std::string& s : d) {
      ref.push_back(zg::parse_decimal<Mp>(s));
      n2 += ref.back() * ref.back();
    }
    for (Mp& x : ref) x /= sqrt(n2);
    BallVec u;
    ArbBall b2 = ArbBall::zero(128);
    for (const std::string& s : d) {
      u.push_back(ArbBall::decimal(s, 128));
      b2 += sqr(u.back());
    }
    for (ArbBall& x : u) x /= sqrt(b2);
    const zg::decay::CapFrame f = zg::decay::cap_frame(u);
    INFO("u = " << d[0] << ", " << d[1] << " ...");
    CHECK(f.sigma == (ref[0] <= 0 ? 1 : -1));
    CHECK(zg::certainly_ge(f.wtw, ArbBall(2, 128)));  // 2 - 2 sigma u_1 >= 2
    std::vector<BallVec> columns;
    for (std::size_t k = 0; k < r; ++k) {
      BallVec e(r, ArbBall::zero(128));
      e[k] = ArbBall(1, 128);
      columns.push_back(zg::decay::apply_frame(f, e));
    }
    for (std::size_t l = 0; l < r; ++l) CHECK(encloses(columns[0][l], Mp(f.sigma * ref[l])));  // H e_1 = sigma u
    for (std::size_t k = 0; k < r; ++k)
      for (std::size_t l = 0; l < r; ++l) {
        CHECK(encloses(zg::decay::dot(columns[k], columns[l]), Mp(k == l ? 1 : 0)));  // H^T H = I
        CHECK(zg::contains(columns[k][l] - columns[l][k], 0.0));                      // symmetric
      }
    // A cap point at angle t along a ray: its cosine with sigma u is cos t.
    if (r >= 3) {
      const ArbBall t(0.125, 128);
      BallVec zhat(r - 1, ArbBall::zero(128));
      zhat[0] = ArbBall(1, 128);
      const BallVec y = zg::decay::cap_point(f, cos(t), sin(t), zhat);
      BallVec su;
      for (const ArbBall& x : u) su.push_back(f.sigma * x);
      CHECK(encloses(zg::decay::dot(y, su), Mp(cos(Mp(0.125)))));
      CHECK(encloses(zg::decay::dot(y, y), Mp(1)));
    }
  }
}

TEST_CASE("ranges become balls containing them, exactly for dyadic halvings", "[decay_charts]") {
  const ArbBall a = zg::decay::ball_of({-1, 1}, kPrec);
  CHECK(a.lower() == -1);
  CHECK(a.upper() == 1);
  const ArbBall b = zg::decay::ball_of({0.25, 0.25 + 0x1p-40}, kPrec);
  CHECK(b.lower() == 0.25);
  CHECK(b.upper() == 0.25 + 0x1p-40);
  const ArbBall c = zg::decay::ball_of({0, 0.05224609375}, kPrec);  // a cap's T: not a power of 2 wide
  CHECK(c.lower() <= 0);
  CHECK(c.upper() >= 0.05224609375);
  CHECK(c.width_upper() < 0.0523);
  CHECK(zg::decay::ball_of({0.5, 0.5}, kPrec).width_upper() == 0);
}
