// Tests for verify/config.hpp: the embedded default and the example configs, exact
// numbers (TOML float vs decimal string), JSON against its TOML twin, the teacher
// generator, and one bad input per rule, each rejected with a one-line InputError that
// names the field.
#include "verify/config.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>

#include "core/input_error.hpp"
#include "tests/support/config_text.hpp"
#include "tests/support/within_eps.hpp"
#include "verify/random_teacher.hpp"

using Catch::Matchers::Contains;
using zg::Mp;
using zg::Network;
using zg::RunConfig;
using zg::SpecNumber;
using zg::test::WithinAbs;

namespace {

const std::string kConfigs = std::string(ZG_SOURCE_DIR) + "/configs/";

std::string file_text(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every number with its kind, doubles in hexadecimal: equal strings mean equal specs.
std::string exact(const SpecNumber& x) {
  if (const double* d = std::get_if<double>(&x.repr)) {
    std::ostringstream s;
    s << "double " << std::hexfloat << *d;
    return s.str();
  }
  return "decimal " + std::get<std::string>(x.repr);
}

std::string exact(const std::vector<SpecNumber>& xs) {
  std::string out = "[";
  for (const SpecNumber& x : xs) out += exact(x) + "; ";
  return out + "]";
}

std::string exact(const std::vector<std::vector<SpecNumber>>& rows) {
  std::string out;
  for (const std::vector<SpecNumber>& r : rows) out += exact(r) + "\n";
  return out;
}

std::string describe(const RunConfig& c) {
  std::ostringstream s;
  s << "digits " << c.digits << " seed " << c.seed << " lambda " << exact(c.problem.lambda) << "\nclaims";
  for (const std::string& id : c.claims) s << " " << id;
  const zg::TeacherSpec& t = c.problem.teacher;
  s << "\nteacher d " << t.dimension << " weights " << exact(t.weights) << "\n";
  if (const auto* p = std::get_if<zg::PlanarDirections>(&t.directions)) s << "angles " << exact(p->angles_deg);
  if (const auto* e = std::get_if<zg::ExplicitDirections>(&t.directions)) s << "directions\n" << exact(e->directions);
  if (!c.problem.student) return s.str() + "\nno student";
  if (const auto* e = std::get_if<zg::ExplicitStudent>(&*c.problem.student))
    s << "\nstudent\n" << exact(e->directions) << "weights " << exact(e->weights);
  if (const auto* n = std::get_if<zg::NearTeacherStudent>(&*c.problem.student))
    s << "\nstudent width " << n->width << " angle " << n->angle_deg << " seed " << n->seed;
  return s.str();
}

const char* const kTeacher = zg::test::kTeacherToml;
using zg::test::toml_error;

std::vector<std::vector<double>> generated_directions(const RunConfig& c) {
  std::vector<std::vector<double>> out;
  for (const std::vector<SpecNumber>& row : std::get<zg::ExplicitDirections>(c.problem.teacher.directions).directions) {
    out.emplace_back();
    for (const SpecNumber& x : row) out.back().push_back(std::get<double>(x.repr));
  }
  return out;
}

double line_separation_deg(const std::vector<double>& u, const std::vector<double>& v) {
  double uv = 0, uu = 0, vv = 0;
  for (std::size_t i = 0; i < u.size(); ++i) uv += u[i] * v[i], uu += u[i] * u[i], vv += v[i] * v[i];
  return std::acos(std::min(1.0, std::abs(uv) / std::sqrt(uu * vv))) * 180 / zg::pi<double>();
}

}  // namespace

TEST_CASE("the embedded default is configs/default.toml: d = 16, three planar teachers, six students",
          "[config][default]") {
  CHECK(zg::default_config_text() == file_text(kConfigs + "default.toml"));
  const RunConfig c = zg::default_config();
  CHECK(c.source == "<embedded default>");
  CHECK(c.digits == 50);
  CHECK(c.seed == 1);
  CHECK(c.claims.empty());
  CHECK(exact(c.problem.lambda) == "decimal 1e-3");
  REQUIRE(c.problem.teacher.dimension == 16);
  CHECK(exact(c.problem.teacher.weights) == "[decimal 1; decimal -1; decimal 1; ]");

  zg::ScopedDigits digits(c.digits);
  const Network<Mp> t = zg::build_teacher<Mp>(c.problem.teacher);
  REQUIRE(t.width() == 3);
  // 60 and 120 degrees apart: cos and sin at 50 digits, a few roundings.
  const Mp tol = 16 * zg::working_eps<Mp>();
  CHECK_THAT(Mp(t.W.col(0).dot(t.W.col(1))), WithinAbs(Mp("0.5"), tol));
  CHECK_THAT(Mp(t.W.col(1).dot(t.W.col(2))), WithinAbs(Mp("0.5"), tol));
  CHECK_THAT(Mp(t.W.col(0).dot(t.W.col(2))), WithinAbs(Mp("-0.5"), tol));
  CHECK(tol < Mp("1e-48"));

  REQUIRE(c.problem.student);
  const Network<Mp> s = zg::build_student<Mp>(*c.problem.student, t);
  REQUIRE(s.width() == 6);
  const Mp cos5 = cos(5 * zg::pi<Mp>() / 180);
  for (Eigen::Index j = 0; j < 6; ++j) {
    INFO("neuron " << j);
    const Mp norm = s.W.col(j).norm();
    CHECK_THAT(Mp(abs(s.a(j))), WithinAbs(norm, Mp(32 * zg::working_eps<Mp>())));
    CHECK(Mp(s.W.col(j).dot(t.W.col(j % 3)) / norm) >= cos5 - tol);
  }
}

TEST_CASE("every example in configs/ loads", "[config][examples]") {
  for (const auto& entry : std::filesystem::directory_iterator(kConfigs)) {
    INFO(entry.path());
    const RunConfig c = zg::load_config_file(entry.path().string());
    CHECK(c.source == entry.path().string());
    CHECK(c.text == file_text(entry.path().string()));
    zg::ScopedDigits digits(c.digits);
    const Network<Mp> t = zg::build_teacher<Mp>(c.problem.teacher);
    CHECK(t.dim() == c.problem.teacher.dimension);
    if (c.problem.student) CHECK(zg::build_student<Mp>(*c.problem.student, t).dim() == t.dim());
  }
}

TEST_CASE("a TOML float is its binary double, a decimal string is exact at working precision", "[config][numbers]") {
  const RunConfig binary = zg::parse_config_toml(std::string("lambda = 0.1\n") + kTeacher, "float.toml");
  const RunConfig decimal = zg::parse_config_toml(std::string("lambda = \"0.1\"\n") + kTeacher, "decimal.toml");
  zg::ScopedDigits digits(50);
  const Mp difference = binary.problem.lambda.as<Mp>() - decimal.problem.lambda.as<Mp>();
  // double(0.1) - 0.1 = 2^-4 * 0x1.999999999999ap0 - 0.1, exactly:
  CHECK_THAT(difference, WithinAbs(Mp("5.5511151231257827021181583404541015625e-18"), Mp("1e-50")));

  // Integers are kept as exact decimal text, beyond 2^53 too.
  const RunConfig big =
      zg::parse_config_toml("[teacher]\ndimension = 1\ndirections = [[1]]\nweights = [9007199254740993]\n", "big.toml");
  CHECK(exact(big.problem.teacher.weights) == "[decimal 9007199254740993; ]");
}

TEST_CASE("explicit directions state the dimension; teacher.dimension may be left out", "[config][dimension]") {
  const std::string rows = "directions = [[1, 0, 0], [0, \"0.6\", \"0.8\"]]\nweights = [1, -1]\n";
  const RunConfig inferred = zg::parse_config_toml("[teacher]\n" + rows, "inferred.toml");
  const RunConfig stated = zg::parse_config_toml("[teacher]\ndimension = 3\n" + rows, "stated.toml");
  CHECK(inferred.problem.teacher.dimension == 3);
  CHECK(describe(inferred) == describe(stated));
  const RunConfig json = zg::parse_config_json(
      R"({"teacher": {"directions": [[1, 0, 0], [0, "0.6", "0.8"]], "weights": [1, -1]}})", "inferred.json");
  CHECK(describe(json) == describe(stated));
  // A student given explicitly is read against the inferred dimension.
  const RunConfig with_student = zg::parse_config_toml(
      "[teacher]\n" + rows + "[student]\ndirections = [[1, 0, 0]]\nweights = [1]\n", "student.toml");
  CHECK(with_student.problem.teacher.dimension == 3);
  CHECK_THROWS_WITH(zg::parse_config_toml("[teacher]\n" + rows + "[student]\ndirections = [[1, 0]]\nweights = [1]\n",
                                          "student.toml"),
                    Catch::Contains("student.directions[0]: has 2 entries but teacher.dimension = 3"));
}

TEST_CASE("the JSON example equals its TOML twin", "[config][json]") {
  const RunConfig toml = zg::load_config_file(kConfigs + "explicit_small.toml");
  const RunConfig json = zg::load_config_file(kConfigs + "explicit_small.json");
  CHECK(describe(json) == describe(toml));
  CHECK(std::holds_alternative<zg::ExplicitStudent>(*toml.problem.student));
  CHECK(toml.claims == std::vector<std::string>{"H1", "H3"});
}

TEST_CASE("the teacher generator separates its directions and is reproducible", "[config][generate]") {
  const std::string base =
      "[teacher]\ndimension = 6\n[teacher.generate]\nwidth = 5\nrank = 3\nmin_separation_deg = 30\n";
  const RunConfig a = zg::parse_config_toml(base + "seed = 3\n", "gen.toml");
  const RunConfig again = zg::parse_config_toml(base + "seed = 3\n", "gen.toml");
  const RunConfig other = zg::parse_config_toml(base + "seed = 4\n", "gen.toml");
  CHECK(describe(a) == describe(again));
  CHECK(describe(a) != describe(other));

  const std::vector<std::vector<double>> w = generated_directions(a);
  REQUIRE(w.size() == 5);
  for (std::size_t i = 0; i < w.size(); ++i) {
    CHECK(w[i][3] == 0);  // outside span(e1, e2, e3)
    CHECK(w[i][5] == 0);
    for (std::size_t j = 0; j < i; ++j) {
      INFO("pair " << i << ", " << j);
      CHECK(line_separation_deg(w[i], w[j]) >= 30);
    }
  }
  // Default signs alternate, magnitude 1.
  CHECK(exact(a.problem.teacher.weights) ==
        "[double 0x1p+0; double -0x1p+0; double 0x1p+0; double -0x1p+0; double 0x1p+0; ]");

  const RunConfig listed =
      zg::parse_config_toml(base + "signs = [1, 1, -1, 1, -1]\nmagnitude = \"+0.5\"\n", "gen.toml");
  CHECK(exact(listed.problem.teacher.weights) ==
        "[decimal 0.5; decimal 0.5; decimal -0.5; decimal 0.5; decimal -0.5; ]");
  const RunConfig weighted = zg::parse_config_toml(
      "[teacher]\ndimension = 6\nweights = [1, 2, 3, 4, 5]\n[teacher.generate]\nwidth = 5\n", "gen.toml");
  CHECK(exact(weighted.problem.teacher.weights) == "[decimal 1; decimal 2; decimal 3; decimal 4; decimal 5; ]");
}

TEST_CASE("bad input gives one line that names the file, the field and the fix", "[config][errors]") {
  struct BadCase {
    const char* rule;
    std::string toml;
    std::vector<std::string> expected;  // substrings of the message
  };
  const std::string t = kTeacher;
  const std::vector<BadCase> cases{
      {"TOML syntax error with its line",
       "digits = 50\nseed = 1 2\nlambda = 1\n",
       {"bad.toml: line 2: TOML syntax error"}},
      {"duplicate key", "seed = 1\nseed = 2\n" + t, {"line 2", "already exists"}},
      {"unknown top-level key, close to a known one",
       "digts = 50\n" + t,
       {"digts = 50: unknown key", "did you mean 'digits'"}},
      {"unknown nested key", "[teacher]\ndimesion = 3\n", {"teacher.dimesion = 3: unknown key", "'dimension'"}},
      {"unknown key far from every known one",
       "colour = \"red\"\n" + t,
       {"colour", "keys allowed here are digits, seed"}},
      {"wrong type: string for an integer", "digits = \"50\"\n" + t, {"digits = \"50\": must be an integer"}},
      {"wrong type: float for an integer", "digits = 50.0\n" + t, {"digits = 50.0: must be an integer"}},
      {"wrong type: date", "seed = 1979-05-27\n" + t, {"seed: dates and times"}},
      {"teacher is not a table", "teacher = 3\n", {"teacher = 3: must be a table"}},
      {"missing teacher", "digits = 50\n", {"bad.toml: teacher: missing", "[teacher]"}},
      {"missing dimension", "[teacher]\nangles_deg = [0]\nweights = [1]\n", {"teacher.dimension: missing"}},
      {"dimension 0",
       "[teacher]\ndimension = 0\nangles_deg = [0]\nweights = [1]\n",
       {"teacher.dimension = 0: must be between 1"}},
      {"both angles_deg and directions",
       "[teacher]\ndimension = 2\nangles_deg = [0]\ndirections = [[1, 0]]\nweights = [1]\n",
       {"teacher: directions given more than one way", "exactly one of angles_deg, directions"}},
      {"no directions", "[teacher]\ndimension = 2\nweights = [1]\n", {"teacher: no directions"}},
      {"angles in dimension 1",
       "[teacher]\ndimension = 1\nangles_deg = [0]\nweights = [1]\n",
       {"teacher.angles_deg", "dimension >= 2"}},
      {"weights vs directions",
       "[teacher]\ndimension = 2\nangles_deg = [0, 60, 120]\nweights = [1, -1]\n",
       {"teacher.weights: has 2 weights for 3 directions", "one weight per direction"}},
      {"rows of two lengths, no dimension given",
       "[teacher]\ndirections = [[1, 0, 0], [0, 1]]\nweights = [1, 1]\n",
       {"teacher.directions[1]: has 2 entries but teacher.directions[0] has 3", "give 3 numbers per direction"}},
      {"an empty first row, no dimension given",
       "[teacher]\ndirections = [[]]\nweights = [1]\n",
       {"teacher.directions[0]: is empty"}},
      {"missing dimension with generated directions",
       "[teacher]\n[teacher.generate]\nwidth = 2\n",
       {"teacher.dimension: missing", "only with explicit directions"}},
      {"row length vs dimension",
       "[teacher]\ndimension = 3\ndirections = [[1, 0, 0], [0, 1]]\nweights = [1, 1]\n",
       {"teacher.directions[1]: has 2 entries but teacher.dimension = 3"}},
      {"zero direction",
       "[teacher]\ndimension = 2\ndirections = [[1, 0], [0, 1], [0, \"0.0e7\"]]\nweights = [1, 1, 1]\n",
       {"bad.toml: teacher.directions[2]: zero vector; give a nonzero direction"}},
      {"NaN entry",
       "[teacher]\ndimension = 2\ndirections = [[1, nan]]\nweights = [1]\n",
       {"teacher.directions[0][1] = nan: is not a finite number"}},
      {"infinite weight",
       "[teacher]\ndimension = 2\nangles_deg = [0]\nweights = [-inf]\n",
       {"teacher.weights[0] = -inf"}},
      {"zero teacher weight",
       "[teacher]\ndimension = 2\nangles_deg = [0, 90]\nweights = [1, 0.0]\n",
       {"teacher.weights[1] = 0.0: teacher weights must be nonzero"}},
      {"malformed decimal string", "lambda = \"1e\"\n" + t, {"lambda = \"1e\": is not a decimal number"}},
      {"decimal beyond double", "lambda = \"1e400\"\n" + t, {"lambda = \"1e400\": lies beyond the range of double"}},
      {"a boolean for a number", "lambda = true\n" + t, {"lambda = true: must be a number"}},
      {"digits too small", "digits = 5\n" + t, {"bad.toml: digits = 5: must be between 16 and 1000", "set digits"}},
      {"digits too large", "digits = 1001\n" + t, {"digits = 1001: must be between 16 and 1000"}},
      {"lambda zero",
       "lambda = 0\n" + t,
       {"lambda = 0: must be positive; give the weight decay as a positive number, e.g. \"1e-3\""}},
      {"lambda negative decimal", "lambda = \"-1e-3\"\n" + t, {"lambda = \"-1e-3\": must be positive"}},
      {"negative seed", "seed = -1\n" + t, {"seed = -1: must be between 0 and 18446744073709551615"}},
      {"claims not an array", "claims = \"H1\"\n" + t, {"claims = \"H1\": must be an array"}},
      {"empty claim id", "claims = [\"H1\", \"\"]\n" + t, {"claims[1] = \"\": must be a non-empty string"}},
      {"student width 0", t + "[student]\nwidth = 0\nangle_deg = 5\n", {"student.width = 0: must be between 1"}},
      {"student missing angle", t + "[student]\nwidth = 4\n", {"student.angle_deg: missing"}},
      {"student angle out of range",
       t + "[student]\nwidth = 4\nangle_deg = 100\n",
       {"student.angle_deg = 100: must be in [0, 90], i.e. 0 <= angle_deg <= 90; give the largest rotation away from "
        "the teacher direction, in degrees, e.g. 5"}},
      {"negative student seed",
       t + "[student]\nwidth = 4\nangle_deg = 5\nseed = -3\n",
       {"student.seed = -3: must be between 0 and 18446744073709551615"}},
      {"student both generated and explicit",
       t + "[student]\nwidth = 1\ndirections = [[1, 0, 0]]\nweights = [1]\n",
       {"student: mixes a generated student"}},
      {"student weights vs directions",
       t + "[student]\ndirections = [[1, 0, 0], [0, 1, 0]]\nweights = [1]\n",
       {"student.weights: has 1 weight for 2 directions"}},
      {"student zero direction",
       t + "[student]\ndirections = [[0, 0, 0]]\nweights = [1]\n",
       {"student.directions[0]: zero vector"}},
      {"student near a 1-d teacher",
       "[teacher]\ndimension = 1\ndirections = [[1]]\nweights = [1]\n[student]\nwidth = 2\nangle_deg = 1\n",
       {"student: a student near the teacher needs teacher.dimension >= 2"}},
      {"generator: missing width",
       "[teacher]\ndimension = 3\n[teacher.generate]\nrank = 2\n",
       {"teacher.generate.width: missing"}},
      {"generator: rank above dimension",
       "[teacher]\ndimension = 3\n[teacher.generate]\nwidth = 2\nrank = 4\n",
       {"teacher.generate.rank = 4: must be between 1 and 3"}},
      {"generator: separation above 90",
       "[teacher]\ndimension = 3\n[teacher.generate]\nwidth = 2\nmin_separation_deg = 95\n",
       {"teacher.generate.min_separation_deg = 95: must be in [0, 90], i.e. 0 <= min_separation_deg <= 90; give the "
        "smallest angle, in degrees, between the lines of any two directions"}},
      {"generator: unknown sign pattern",
       "[teacher]\ndimension = 3\n[teacher.generate]\nwidth = 2\nsigns = \"mixed\"\n",
       {"teacher.generate.signs = \"mixed\": unknown sign pattern"}},
      {"generator: sign 0",
       "[teacher]\ndimension = 3\n[teacher.generate]\nwidth = 2\nsigns = [1, 0]\n",
       {"teacher.generate.signs[1] = 0: must be 1 or -1"}},
      {"generator: signs vs width",
       "[teacher]\ndimension = 3\n[teacher.generate]\nwidth = 2\nsigns = [1]\n",
       {"teacher.generate.signs: has 1 sign for width = 2"}},
      {"generator: magnitude 0",
       "[teacher]\ndimension = 3\n[teacher.generate]\nwidth = 2\nmagnitude = 0\n",
       {"teacher.generate.magnitude = 0: must be positive; give the absolute value of every teacher weight, e.g. 1"}},
      {"generator: negative seed",
       "[teacher]\ndimension = 3\n[teacher.generate]\nwidth = 2\nseed = -1\n",
       {"teacher.generate.seed = -1: must be between 0 and 18446744073709551615"}},
      {"generator: weights and signs",
       "[teacher]\ndimension = 3\nweights = [1, 1]\n[teacher.generate]\nwidth = 2\nsigns = \"positive\"\n",
       {"teacher.generate: signs and magnitude conflict with teacher.weights"}},
      {"generator: impossible separation",
       "[teacher]\ndimension = 3\n[teacher.generate]\nwidth = 4\nrank = 2\nmin_separation_deg = 50\n",
       {"teacher.generate: found no 4 directions in rank 2 with min_separation_deg = 50", "lower min_separation_deg"}},
      {"network too large for memory",
       "[teacher]\ndimension = 1000000\nangles_deg = [0, 90]\nweights = [1, -1]\n"
       "[student]\nwidth = 1000000\nangle_deg = 5\n",
       {"student.width = 1000000: width x dimension = 1000000 x 1000000", "more than the 10000000"}},
  };
  for (const BadCase& c : cases) {
    INFO(c.rule << "\n" << c.toml);
    const std::string message = toml_error(c.toml);
    CHECK(message.find('\n') == std::string::npos);
    CHECK_THAT(message, Contains("bad.toml: "));
    for (const std::string& part : c.expected) CHECK_THAT(message, Contains(part));
  }
}

TEST_CASE("bad JSON and bad files are rejected with one line naming them", "[config][errors]") {
  auto json_error = [](const std::string& text) {
    try {
      zg::parse_config_json(text, "bad.json");
    } catch (const zg::InputError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  CHECK_THAT(json_error("{\"digits\": 50,\n \"teacher\": }"),
             Contains("bad.json: JSON syntax error") && Contains("line 2"));
  CHECK_THAT(json_error("[1, 2]"), Contains("bad.json: must be a table"));
  CHECK_THAT(json_error("{\"teacher\": {\"dimension\": 2, \"angles_deg\": [0], \"weights\": [1]}, \"sed\": 1}"),
             Contains("bad.json: sed = 1: unknown key; did you mean 'seed'?"));

  CHECK_THROWS_WITH(zg::load_config_file("no/such/config.toml"),
                    Contains("no/such/config.toml: cannot open") && Contains("check the path"));
  CHECK_THROWS_WITH(zg::load_config_file(kConfigs), Contains("is a directory"));
}

TEST_CASE("[algorithm] is read with its defaults, and a bad value names the field and the fix", "[config][algorithm]") {
  const RunConfig plain = zg::parse_config_toml(kTeacher, "plain.toml");
  CHECK(plain.problem.algorithm.pairs == zg::AlgorithmSettings{}.pairs);
  CHECK(plain.problem.algorithm.dimensions == zg::AlgorithmSettings{}.dimensions);

  const RunConfig set = zg::parse_config_toml(
      std::string(kTeacher) + "[algorithm]\npairs = 7\ndimensions = [8, 32]\nstep = 2.5\nbatch_size = 64\n", "set.toml");
  CHECK(set.problem.algorithm.pairs == 7);
  CHECK(set.problem.algorithm.dimensions == std::vector<int>{8, 32});
  CHECK(set.problem.algorithm.step == 2.5);
  CHECK(set.problem.algorithm.batch_size == 64);

  const std::string t = kTeacher;
  CHECK_THAT(toml_error(t + "[algorithm]\ninit_scale = 0\n"),
             Contains("bad.toml: algorithm.init_scale = 0: must be positive") && Contains("e.g. 1e-3"));
  CHECK_THAT(toml_error(t + "[algorithm]\ndimensions = [64, 32]\n"),
             Contains("algorithm.dimensions[1] = 32: must be larger than the entry before it"));
  CHECK_THAT(toml_error(t + "[algorithm]\ndimensions = [64]\n"), Contains("algorithm.dimensions: has fewer than 2"));
  CHECK_THAT(toml_error(t + "[algorithm]\nlambda_factor = 1\n"),
             Contains("algorithm.lambda_factor = 1: must be in (0, 1), i.e. 0 < lambda_factor < 1"));
  CHECK_THAT(toml_error(t + "[algorithm]\ncover_radius_deg = 95\n"), Contains("algorithm.cover_radius_deg = 95"));
  CHECK_THAT(toml_error(t + "[algorithm]\npair = 3\n"), Contains("did you mean 'pairs'"));
}

TEST_CASE("[landscape] sets L1's exponent, and a bad one names the field and the fix", "[config][landscape]") {
  CHECK(zg::parse_config_toml(kTeacher, "plain.toml").problem.landscape.lojasiewicz_exponent == 1);
  const RunConfig set =
      zg::parse_config_toml(std::string(kTeacher) + "[landscape]\nlojasiewicz_exponent = 1.5\n", "set.toml");
  CHECK(set.problem.landscape.lojasiewicz_exponent == 1.5);
  const std::string t = kTeacher;
  CHECK_THAT(toml_error(t + "[landscape]\nlojasiewicz_exponent = 0\n"),
             Contains("landscape.lojasiewicz_exponent = 0: must be in (0, 4]") && Contains("e.g. 1"));
  CHECK_THAT(toml_error(t + "[landscape]\nexponent = 1\n"), Contains("landscape"));
}

// Numbers the parsers would clamp (toml11 reads integers and floats with operator>>),
// saturate or round: each is refused as written, in the field that reads it, or kept.
TEST_CASE("a number beyond 64-bit integers or double is refused as written, not clamped", "[config][numbers]") {
  const std::string t = kTeacher;
  const std::string planar = "[teacher]\ndimension = 3\nangles_deg = [0, 90]\n";
  CHECK_THAT(toml_error("lambda = 1e400\n" + t), Contains("bad.toml: lambda = 1e400: lies beyond the range of double"));
  CHECK_THAT(toml_error(planar + "weights = [1, -1e400]\n"), Contains("teacher.weights[1] = -1e400: lies beyond"));
  CHECK_THAT(toml_error(planar + "weights = [1, -1e-400]\n"), Contains("teacher.weights[1] = -1e-400: lies beyond"));
  CHECK_THAT(toml_error("[teacher]\ndimension = 3\nangles_deg = [0, 1e400]\nweights = [1, -1]\n"),
             Contains("teacher.angles_deg[1] = 1e400: lies beyond the range of double"));
  CHECK_THAT(toml_error("[teacher]\ndimension = 2\ndirections = [[1, 0], [0, 1_0e400]]\nweights = [1, -1]\n"),
             Contains("teacher.directions[1][1] = 1_0e400: lies beyond the range of double"));
  CHECK_THAT(toml_error("digits = 99999999999999999999\n" + t),
             Contains("digits = 99999999999999999999: must be between 16 and 1000"));
  CHECK_THAT(toml_error("seed = 18446744073709551616\n" + t),
             Contains("seed = 18446744073709551616: must be between 0 and 18446744073709551615"));
  CHECK_THAT(toml_error("[teacher]\ndimension = -99999999999999999999\nangles_deg = [0]\nweights = [1]\n"),
             Contains("teacher.dimension = -99999999999999999999: must be between 1 and 1000000"));
  CHECK_THAT(toml_error(planar + "weights = [1, 1" + std::string(400, '0') + "]\n"),
             Contains("teacher.weights[1] = 1000") && Contains("lies beyond the range of double"));

  // The whole seed range, in TOML as in JSON; an integer weight of any size stays exact.
  CHECK(zg::parse_config_toml("seed = 18446744073709551615\n" + t, "s.toml").seed == 18446744073709551615u);
  const RunConfig big = zg::parse_config_toml(planar + "weights = [1, -100_000_000_000_000_000_000]\n", "big.toml");
  CHECK(exact(big.problem.teacher.weights) == "[decimal 1; decimal -100000000000000000000; ]");
}

TEST_CASE("every numeric field refuses inf, nan and out-of-range values, bare or quoted", "[config][numbers]") {
  // Each field with a template in which "@" is replaced by the value.
  const std::string t = kTeacher;
  std::vector<std::pair<std::string, std::string>> real_fields{
      {"lambda", "lambda = @\n" + t},
      {"teacher.weights[1]", "[teacher]\ndimension = 3\nangles_deg = [0, 90]\nweights = [1, @]\n"},
      {"teacher.angles_deg[1]", "[teacher]\ndimension = 3\nangles_deg = [0, @]\nweights = [1, -1]\n"},
      {"teacher.directions[0][2]", "[teacher]\ndimension = 3\ndirections = [[1, 0, @]]\nweights = [1]\n"},
      {"teacher.generate.min_separation_deg",
       "[teacher]\ndimension = 3\n[teacher.generate]\nwidth = 2\nmin_separation_deg = @\n"},
      {"teacher.generate.magnitude", "[teacher]\ndimension = 3\n[teacher.generate]\nwidth = 2\nmagnitude = @\n"},
      {"student.angle_deg", t + "[student]\nwidth = 2\nangle_deg = @\n"},
      {"student.directions[0][1]", t + "[student]\ndirections = [[1, @, 0]]\nweights = [1]\n"},
      {"student.weights[0]", t + "[student]\ndirections = [[1, 0, 0]]\nweights = [@]\n"},
      {"certificate.rho_floor", t + "[certificate]\nrho_floor = @\n"},
      {"certificate.far_radius_deg", t + "[certificate]\nfar_radius_deg = @\n"},
      {"certificate.certify_fraction", t + "[certificate]\ncertify_fraction = @\n"},
      {"landscape.lojasiewicz_exponent", t + "[landscape]\nlojasiewicz_exponent = @\n"},
  };
  for (const char* key : {"init_scale",
                          "step",
                          "exponent_tolerance",
                          "cover_radius_deg",
                          "ridge",
                          "stage2_loss_threshold",
                          "lambda_start",
                          "lambda_factor",
                          "final_loss_target",
                          "final_max_angle_deg",
                          "far_mass_target"})
    real_fields.emplace_back(std::string("algorithm.") + key, t + "[algorithm]\n" + key + " = @\n");
  const auto with = [](std::string text, const std::string& value) { return text.replace(text.find('@'), 1, value); };
  for (const auto& [path, text] : real_fields) {
    for (const std::string value : {"1e400", "-1e400", "1e-400", "\"1e400\"", "\"-1e-400\"", "inf", "-inf", "nan"}) {
      INFO(path << " = " << value);
      const std::string message = toml_error(with(text, value));
      CHECK_THAT(message, Contains("bad.toml: " + path + " = "));
      CHECK(message.find('\n') == std::string::npos);
    }
  }
  const std::vector<std::pair<std::string, std::string>> integer_fields{
      {"digits", "digits = @\n" + t},
      {"seed", "seed = @\n" + t},
      {"teacher.dimension", "[teacher]\ndimension = @\nangles_deg = [0]\nweights = [1]\n"},
      {"teacher.generate.width", "[teacher]\ndimension = 3\n[teacher.generate]\nwidth = @\n"},
      {"teacher.generate.rank", "[teacher]\ndimension = 3\n[teacher.generate]\nwidth = 2\nrank = @\n"},
      {"teacher.generate.seed", "[teacher]\ndimension = 3\n[teacher.generate]\nwidth = 2\nseed = @\n"},
      {"student.width", t + "[student]\nwidth = @\nangle_deg = 5\n"},
      {"student.seed", t + "[student]\nwidth = 2\nangle_deg = 5\nseed = @\n"},
      {"certificate.start_points", t + "[certificate]\nstart_points = @\n"},
      {"algorithm.pairs", t + "[algorithm]\npairs = @\n"},
      {"algorithm.dimensions[1]", t + "[algorithm]\ndimensions = [8, @]\n"},
      {"algorithm.widths[1]", t + "[algorithm]\nwidths = [8, @]\n"},
      {"algorithm.lambda_epochs", t + "[algorithm]\nlambda_epochs = @\n"},
      {"algorithm.sample_counts[1]", t + "[algorithm]\nsample_counts = [8, @]\n"},
      {"algorithm.batch_size", t + "[algorithm]\nbatch_size = @\n"},
  };
  for (const auto& [path, text] : integer_fields) {
    for (const std::string value : {"-1", "99999999999999999999", "-99999999999999999999", "1e400", "\"5\"", "inf"}) {
      INFO(path << " = " << value);
      const std::string message = toml_error(with(text, value));
      CHECK_THAT(message, Contains("bad.toml: " + path + " = "));
      CHECK(message.find('\n') == std::string::npos);
    }
  }
}

TEST_CASE("JSON: a repeated key and a number beyond double are refused, naming the field", "[config][json]") {
  auto json_error = [](const std::string& text) {
    try {
      zg::parse_config_json(text, "bad.json");
    } catch (const zg::InputError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  const std::string teacher = R"("teacher": {"dimension": 3, "angles_deg": [0, 90], "weights": [1, -1]})";
  CHECK_THAT(json_error("{\"digits\": 30, \"digits\": 40, " + teacher + "}"),
             Contains("bad.json: digits: key given twice in one object"));
  CHECK_THAT(json_error(R"({"teacher": {"dimension": 3, "angles_deg": [0, 90], "weights": [1, -1], "dimension": 4}})"),
             Contains("bad.json: teacher.dimension: key given twice"));
  CHECK_THAT(
      json_error(R"({"teacher": {"dimension": 2, "directions": [[1, 0], {"a": 1, "a": 2}], "weights": [1, 1]}})"),
      Contains("bad.json: teacher.directions[1].a: key given twice"));
  CHECK_THAT(json_error("{\"lambda\": 1e400, " + teacher + "}"),
             Contains("bad.json: lambda = 1e400: lies beyond the range of double"));
  CHECK_THAT(
      json_error(R"({"teacher": {"dimension": 3, "directions": [[1, 0, 0], [0, 1, -1e400]], "weights": [1, -1]}})"),
      Contains("bad.json: teacher.directions[1][2] = -1e400: lies beyond the range of double"));
  CHECK_THAT(json_error(R"({"teacher": {"dimension": 3, "angles_deg": [0, 90], "weights": [1, 1e-400]}})"),
             Contains("bad.json: teacher.weights[1] = 1e-400: lies beyond the range of double"));
  CHECK_THAT(json_error("{\"seed\": 18446744073709551616, " + teacher + "}"),
             Contains("bad.json: seed = 18446744073709551616: must be between 0 and 18446744073709551615"));
  CHECK_THAT(json_error("{\"digits\": 100000000000000000000, " + teacher + "}"),
             Contains("bad.json: digits = 100000000000000000000: must be between 16 and 1000"));
  // An integer beyond 64 bits is kept exactly, not rounded to a double.
  const RunConfig big = zg::parse_config_json(
      R"({"teacher": {"dimension": 3, "angles_deg": [0, 90], "weights": [1, -123456789012345678901234567]}})",
      "big.json");
  CHECK(exact(big.problem.teacher.weights) == "[decimal 1; decimal -123456789012345678901234567; ]");
}

TEST_CASE("nesting deeper than 32 levels is refused before the parser recurses", "[config][errors]") {
  const std::string deep_arrays = "a = " + std::string(20000, '[') + std::string(20000, ']') + "\n";
  std::string inline_tables = "a = ";
  for (int i = 0; i < 7000; ++i) inline_tables += "{x=";
  inline_tables += "1" + std::string(7000, '}') + "\n";
  std::string dotted_key = "a", header = "[a";
  for (int i = 0; i < 50000; ++i) dotted_key += ".a", header += ".a";
  const std::string refusal = "line 1: arrays, tables and dotted keys nest more than 32 levels deep";
  for (const std::string& text : {deep_arrays, inline_tables, dotted_key + " = 1\n", header + "]\n"}) {
    INFO(text.substr(0, 40));
    const std::string message = toml_error(text);
    CHECK_THAT(message, Contains("bad.toml: " + refusal));
    CHECK(message.find('\n') == std::string::npos);
  }
  CHECK_THROWS_WITH(
      zg::parse_config_json("{\"a\": " + std::string(100000, '[') + std::string(100000, ']') + "}", "bad.json"),
      Contains("bad.json: " + refusal));
  // 32 levels are allowed (and then refused as an unknown key, by the schema).
  CHECK_THAT(toml_error("a = " + std::string(32, '[') + std::string(32, ']') + "\n" + kTeacher),
             Contains("a: unknown key"));

  // Brackets in strings and comments do not count.
  const std::string b(40, '[');
  const RunConfig quoted = zg::parse_config_toml("# " + b + "\nclaims = [\"" + b + "\\\"" + b + "\", '" + b +
                                                     "', '''\n" + b + "''', \"\"\"" + b + "\"\"\"]\n" + kTeacher,
                                                 "quoted.toml");
  CHECK(quoted.claims.size() == 4);
  const RunConfig json =
      zg::parse_config_json("{\"claims\": [\"" + b + "\\\"" + b +
                                "\"], \"teacher\": {\"dimension\": 2, \"angles_deg\": [0], \"weights\": [1]}}",
                            "quoted.json");
  CHECK(json.claims.size() == 1);
}

TEST_CASE("the teacher generator reaches its documented widths and states its real limits", "[config][generate]") {
  // Without a separation every draw is kept: 1001 directions (refused before, when every
  // round had 1000 draws) up to the 10^6 of docs/config.md.
  const RunConfig wide =
      zg::parse_config_toml("[teacher]\ndimension = 3\n[teacher.generate]\nwidth = 1001\n", "wide.toml");
  CHECK(generated_directions(wide).size() == 1001);
  const RunConfig widest =
      zg::parse_config_toml("[teacher]\ndimension = 2\n[teacher.generate]\nwidth = 1000000\n", "widest.toml");
  CHECK(generated_directions(widest).size() == 1000000);
  // With a separation: thousands of directions, every pair of lines at least that far apart.
  const RunConfig separated = zg::parse_config_toml(
      "[teacher]\ndimension = 3\n[teacher.generate]\nwidth = 3000\nmin_separation_deg = 1\n", "separated.toml");
  const std::vector<std::vector<double>> w = generated_directions(separated);
  REQUIRE(w.size() == 3000);
  double closest = 90;
  for (std::size_t i = 0; i < w.size(); ++i)
    for (std::size_t j = 0; j < i; ++j) closest = std::min(closest, line_separation_deg(w[i], w[j]));
  CHECK(closest >= 1);

  // Where the separation test runs out of its budget (in rank 40 the grid on three
  // coordinates prunes little), it says so, and the fix is not a different seed.
  CHECK_THAT(toml_error("[teacher]\ndimension = 40\n[teacher.generate]\nwidth = 100000\nmin_separation_deg = 1\n"),
             Contains("teacher.generate: gave up on 100000 directions in rank 40 with min_separation_deg = 1") &&
                 Contains("budget of 1e9 coordinate products") && Contains("min_separation_deg = 0 skips the test"));
  // Only a positive separation is suggested to be lowered.
  CHECK_THAT(toml_error("[teacher]\ndimension = 2\n[teacher.generate]\nwidth = 10\nmin_separation_deg = 20\n"),
             Contains("lower min_separation_deg") && Contains("at most 180 / min_separation_deg lines fit"));
  CHECK_THAT(toml_error("[teacher]\ndimension = 16\n[teacher.generate]\nwidth = 1000000\n"),
             Contains("teacher.generate: width x dimension = 1000000 x 16 = 16000000 weights"));
}

// Inputs tests/fuzz found (kept in tests/fuzz/regressions/), each now a one-line refusal.
TEST_CASE("fuzz regressions: invalid UTF-8 in TOML and JSON integers below their range", "[config][fuzz]") {
  const std::string regressions = std::string(ZG_SOURCE_DIR) + "/tests/fuzz/regressions/";
  // toml11 3.7 read past its buffer on invalid UTF-8 inside a ''' string (issue #199).
  CHECK_THAT(toml_error(file_text(regressions + "config_toml/invalid_utf8_in_ml_literal_string.toml")),
             Contains("bad.toml: line 2: not valid UTF-8 (byte 28)"));
  CHECK_THAT(toml_error("a = '''\xff'''\n" + std::string(kTeacher)), Contains("line 1: not valid UTF-8 (byte 8)"));
  CHECK_THAT(toml_error(std::string(kTeacher) + "# \xed\xa0\x80 a surrogate\n"), Contains("line 5: not valid UTF-8"));
  CHECK(zg::parse_config_toml("claims = [\"\xef\xbf\xbd \xce\xbb\"]\n" + std::string(kTeacher), "ok.toml").claims.size() == 1);

  // JSON's non-negative integers are unsigned in nlohmann::json: the lower bound was not
  // applied to them, and "rank": 0 divided by zero.
  const auto json_error = [](const std::string& text) -> std::string {
    try {
      zg::parse_config_json(text, "bad.json");
    } catch (const zg::InputError& e) {
      return e.what();
    }
    return "";
  };
  CHECK_THAT(json_error(file_text(regressions + "config_json/generate_rank_zero.json")),
             Contains("bad.json: teacher.generate.rank = 0: must be between 1 and 40"));
  const std::string teacher = R"("teacher": {"dimension": 3, "angles_deg": [0, 90], "weights": [1, -1]})";
  CHECK_THAT(json_error("{\"digits\": 0, " + teacher + "}"), Contains("digits = 0: must be between 16 and 1000"));
  CHECK_THAT(json_error(R"({"teacher": {"dimension": 0, "angles_deg": [0], "weights": [1]}})"),
             Contains("teacher.dimension = 0: must be between 1 and"));
  CHECK_THAT(json_error("{\"algorithm\": {\"pairs\": 0}, " + teacher + "}"),
             Contains("algorithm.pairs = 0: must be between 1 and 100000"));
  CHECK(zg::parse_config_json("{\"digits\": 16, " + teacher + "}", "ok.json").digits == 16);
}

namespace {

// min over pairs of the line separation, in degrees, by a sweep over the points +-w sorted
// by their first coordinate (two points closer than c differ there by less than c): the
// test's own check of widths too large for the plain double loop above.
double closest_lines_deg(const std::vector<std::vector<double>>& w) {
  std::vector<std::pair<double, std::size_t>> points;  // (first coordinate of +-w_i, 2 i + negated)
  for (std::size_t i = 0; i < w.size(); ++i) {
    points.emplace_back(w[i][0], 2 * i);
    points.emplace_back(-w[i][0], 2 * i + 1);
  }
  std::sort(points.begin(), points.end());
  double best_chord = 2;
  for (std::size_t a = 0; a < points.size(); ++a)
    for (std::size_t b = a + 1; b < points.size() && points[b].first - points[a].first < best_chord; ++b) {
      const std::size_t i = points[a].second / 2, j = points[b].second / 2;
      if (i == j) continue;
      const double sign = points[a].second % 2 == points[b].second % 2 ? 1 : -1;
      double sum = 0;
      for (std::size_t k = 0; k < w[i].size(); ++k) sum += (w[i][k] - sign * w[j][k]) * (w[i][k] - sign * w[j][k]);
      best_chord = std::min(best_chord, std::sqrt(sum));
    }
  return 2 * std::asin(best_chord / 2) * 180 / zg::pi<double>();
}

// The sampler without its grid (every candidate compared with every kept direction, the
// same rounds and the same test), to show the grid changes no draw.
std::vector<std::vector<double>> plain_sampler(int dimension, int width, int rank, double min_deg, std::uint64_t seed) {
  boost::random::mt19937_64 engine(seed);
  boost::random::normal_distribution<double> normal;
  const double cos_min = std::cos(min_deg * zg::pi<double>() / 180);
  const zg::detail::DirectionBudget budget = zg::detail::direction_budget(width);
  std::vector<std::vector<double>> kept;
  for (long draw = 0; draw < budget.max_draws; ++draw) {
    if (draw % budget.draws_per_round == 0) kept.clear();
    std::vector<double> v(static_cast<std::size_t>(rank));
    double norm2 = 0;
    for (double& x : v) x = normal(engine), norm2 += x * x;
    if (norm2 == 0) continue;
    for (double& x : v) x /= std::sqrt(norm2);
    const bool apart = std::all_of(kept.begin(), kept.end(), [&](const std::vector<double>& u) {
      double dot = 0;
      for (std::size_t i = 0; i < u.size(); ++i) dot += u[i] * v[i];
      const double abs_dot = std::abs(dot);
      if (abs_dot < cos_min - 1e-9) return true;
      if (abs_dot > cos_min + 1e-9) return false;
      double minus = 0, plus = 0;
      for (std::size_t i = 0; i < u.size(); ++i)
        minus += (u[i] - v[i]) * (u[i] - v[i]), plus += (u[i] + v[i]) * (u[i] + v[i]);
      return 2 * std::asin(std::min(1.0, std::sqrt(std::min(minus, plus)) / 2)) * 180 / zg::pi<double>() >= min_deg;
    });
    if (!apart) continue;
    kept.push_back(v);
    if (static_cast<int>(kept.size()) == width) break;
  }
  for (std::vector<double>& w : kept) w.resize(static_cast<std::size_t>(dimension), 0.0);
  return kept;
}

}  // namespace

// Scale: a positive separation with 10^5 directions was refused up front (more than
// sqrt(2e9 / rank) = 25819 in rank 3, every pair compared); the grid takes it in about a
// second. And 10^6 directions in the plane, where a sorted sweep can still check them.
TEST_CASE("the teacher generator separates 10^5 directions in rank 3 and 10^6 in the plane",
          "[config][generate][scale]") {
  const RunConfig space = zg::parse_config_toml(
      "[teacher]\ndimension = 5\n[teacher.generate]\nwidth = 100000\nrank = 3\nmin_separation_deg = 0.1\n",
      "space.toml");
  const std::vector<std::vector<double>> w3 = generated_directions(space);
  REQUIRE(w3.size() == 100000);
  CHECK(closest_lines_deg(w3) >= 0.1);
  const RunConfig plane = zg::parse_config_toml(
      "[teacher]\ndimension = 2\n[teacher.generate]\nwidth = 1000000\nmin_separation_deg = 1e-5\n", "plane.toml");
  const std::vector<std::vector<double>> w2 = generated_directions(plane);
  REQUIRE(w2.size() == 1000000);
  CHECK(closest_lines_deg(w2) >= 1e-5);
}

TEST_CASE("the teacher generator's grid changes no draw: same directions as comparing every pair",
          "[config][generate]") {
  struct Case {
    int dimension, width, rank;
    const char* min_deg;  // as written in the file
  };
  // Crowded (many rejections, fresh rounds), tiny separations, and rank above the grid's 3.
  for (const Case& c :
       {Case{3, 1500, 2, "0.08"}, Case{4, 3000, 3, "1"}, Case{6, 2000, 5, "3e-7"}, Case{6, 400, 6, "20"}}) {
    const std::string text = "[teacher]\ndimension = " + std::to_string(c.dimension) +
                             "\n[teacher.generate]\nwidth = " + std::to_string(c.width) +
                             "\nrank = " + std::to_string(c.rank) + "\nmin_separation_deg = " + c.min_deg +
                             "\nseed = 11\n";
    INFO(text);
    const std::vector<std::vector<double>> expected =
        plain_sampler(c.dimension, c.width, c.rank, std::stod(c.min_deg), 11);
    REQUIRE(expected.size() == static_cast<std::size_t>(c.width));
    CHECK(generated_directions(zg::parse_config_toml(text, "grid.toml")) == expected);
  }
}

// toml11 rescans a value's line for every value on it: 10^5 angles on one line would
// parse for minutes. A line beyond 256 KiB is refused before the parser, naming the fix;
// the same numbers, one per line, are read.
TEST_CASE("a TOML line longer than 256 KiB is refused up front; the array over many lines is read", "[config][scale]") {
  std::string one_line, many_lines, weights;
  for (int i = 0; i < 25000; ++i) {
    const std::string angle = std::to_string(i) + ".0000072";  // with its ", " up to 15 bytes a number
    one_line += (i == 0 ? "" : ", ") + angle;
    many_lines += (i == 0 ? "\n  " : ",\n  ") + angle;
    weights += i == 0 ? "1" : ", 1";
  }
  const std::string head = "[teacher]\ndimension = 2\nweights = [\n" + weights + "]\nangles_deg = [";
  REQUIRE(one_line.size() > (std::size_t{1} << 18));
  CHECK_THAT(toml_error(head + one_line + "]\n"),
             Contains("bad.toml: line 5: has ") && Contains("bytes, more than the 262144 a TOML line may have") &&
                 Contains("break long arrays over several lines"));
  const RunConfig read = zg::parse_config_toml(head + many_lines + "]\n", "long.toml");
  CHECK(std::get<zg::PlanarDirections>(read.problem.teacher.directions).angles_deg.size() == 25000);
}
