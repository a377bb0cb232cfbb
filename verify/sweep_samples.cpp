// `verify sweep samples` (verify/sweep_samples.hpp).
#include "verify/sweep_samples.hpp"

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <ostream>
#include <system_error>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/input_error.hpp"
#include "reports/aligned_table.hpp"
#include "reports/atomic_file.hpp"
#include "reports/plot.hpp"
#include "verify/cli.hpp"
#include "verify/config.hpp"
#include "verify/sweep_cli_common.hpp"

namespace zg {
namespace {

constexpr const char* kStem = "sweep_samples";
constexpr const char* kPlotStem = "sweep_samples_error";

// The configured teacher in R^d: the embedding of claims S1 and S2 (lemmas/span_teacher.hpp),
// refused with a message naming --dimensions when d is below the teacher's span.
Network<double> embed_teacher(const SpanTeacher& teacher, int d) {
  const Eigen::Index r = teacher.coords.rows();
  if (d < r)
    throw InputError("--dimensions", "", fmt::format("d = {} is below the teacher's {} directions' span", d, r),
                     "give dimensions of at least " + std::to_string(r));
  return embedded_teacher(teacher, d);
}

std::vector<std::string> row_of(const SampleSweepPoint& p) {
  const SampleChainResult& r = p.result;
  return {std::to_string(p.dimension), std::to_string(p.samples),   fmt::format("{:.3e}", r.train_loss),
          fmt::format("{:.3e}", r.test_error), fmt::format("{:.3e}", r.stage2_test_error),
          fmt::format("{:.3f}", r.max_angle_deg), fmt::format("{:.2e}", r.far_mass), std::to_string(r.steps),
          fmt::format("{:.1f}", r.seconds)};
}

const std::vector<std::string> kHeader = {"d", "n", "train loss", "test error", "after stage 2", "max angle (deg)",
                                          "far mass", "steps", "time (s)"};

PlotSpec error_plot(const std::vector<SampleSweepPoint>& points) {
  PlotSpec plot;
  plot.name = kPlotStem;
  plot.title = "Finite samples: test error (population loss) and direction error against n";
  plot.xlabel = {"samples n", "samples $n$"};
  plot.ylabel = "test error / max angle (deg)";
  plot.log_x = plot.log_y = true;
  std::map<int, std::pair<PlotSeries, PlotSeries>> by_d;
  for (const SampleSweepPoint& p : points) {
    auto& [err, angle] = by_d[p.dimension];
    err.label = {fmt::format("test error, d = {}", p.dimension), fmt::format("test error, $d = {}$", p.dimension)};
    angle.label = {fmt::format("max angle (deg), d = {}", p.dimension),
                   fmt::format("max angle (deg), $d = {}$", p.dimension)};
    err.style = angle.style = PlotSeries::Style::LinesPoints;
    if (p.result.test_error > 0) err.x.push_back(double(p.samples)), err.y.push_back(p.result.test_error);
    if (p.result.max_angle_deg > 0) angle.x.push_back(double(p.samples)), angle.y.push_back(p.result.max_angle_deg);
  }
  for (auto& [d, pair] : by_d) {
    plot.series.push_back(pair.first);
    plot.series.push_back(pair.second);
  }
  return plot;
}

std::string markdown(const SampleSweepOptions& o, const std::vector<SampleSweepPoint>& points, const PlotOutcome& plot) {
  std::string md = "# Finite samples: the three stages on n Gaussian samples\n\n";
  md += fmt::format(
      "Stage 1 from {} symmetric pairs, stage 2's ridge solve and stage 3's {} epochs (lambda from 1e-2, halving; "
      "each epoch {} / lambda_k of time, {}) run on the empirical loss of n samples; the **test error** is the "
      "population loss of the result in closed form. Seed {}.\n\n",
      o.pairs, o.epochs, o.horizon,
      o.batch_size > 0 ? fmt::format("mini-batches of {}", o.batch_size) : std::string("full batch"), o.seed);
  std::vector<detail::TableColumn> columns;
  for (std::size_t k = 0; k < kHeader.size(); ++k)
    columns.push_back({kHeader[k], k < 2 ? detail::Align::Left : detail::Align::Right});
  std::vector<std::vector<std::string>> rows;
  for (const SampleSweepPoint& p : points) rows.push_back(row_of(p));
  md += detail::render_markdown_table(columns, rows) + "\n";
  if (plot.status == PlotStatus::Rendered)
    md += fmt::format("![test error against n]({}.svg)\n", kPlotStem);
  else
    md += "(no figure: " + plot.message + ")\n";
  return md;
}

}  // namespace

void validate_sample_sweep(const SampleSweepOptions& o) {
  if (o.samples.empty()) throw InputError("--samples", "", "no sample sizes", "give at least one, e.g. 100,1000");
  for (std::size_t k = 0; k < o.samples.size(); ++k) {
    if (o.samples[k] < 10 || o.samples[k] > 10000000)
      throw InputError("--samples", "", fmt::format("{} is outside 10 .. 10^7", o.samples[k]), "use sizes in range");
    if (k > 0 && o.samples[k] <= o.samples[k - 1])
      throw InputError("--samples", "", "sizes must increase", "list them in increasing order");
  }
  if (o.dimensions.empty()) throw InputError("--dimensions", "", "no dimensions", "give at least one, e.g. 16");
  for (int d : o.dimensions)
    if (d < 2 || d > 4096) throw InputError("--dimensions", "", fmt::format("{} is outside 2 .. 4096", d), "use 2 .. 4096");
  if (o.batch_size < 0) throw InputError("--batch", "", "negative", "use 0 (full batch) or a positive size");
  if (o.pairs < 1 || o.pairs > 4096) throw InputError("--pairs", "", "outside 1 .. 4096", "use 1 .. 4096");
  if (o.epochs < 1 || o.epochs > 40) throw InputError("--epochs", "", "outside 1 .. 40", "use 1 .. 40");
  if (!(o.horizon > 0)) throw InputError("--horizon", "", "not positive", "use a positive number, e.g. 10");
}

std::string sample_sweep_fingerprint(const SampleSweepOptions& o, const SpanTeacher& teacher) {
  const Network<double> t = embedded_teacher(teacher, teacher.coords.rows());
  std::vector<double> weights(t.a.data(), t.a.data() + t.a.size());
  std::vector<double> coords(t.W.data(), t.W.data() + t.W.size());  // column-major, r x m*
  return nlohmann::json{{"samples", o.samples},
                        {"dimensions", o.dimensions},
                        {"batch", o.batch_size},
                        {"pairs", o.pairs},
                        {"epochs", o.epochs},
                        {"horizon", o.horizon},
                        {"seed", o.seed},
                        {"teacher_weights", weights},
                        {"teacher_span_coords", coords}}
      .dump();
}

std::string sample_point_record(const SampleSweepPoint& p) {
  const SampleChainResult& r = p.result;
  return nlohmann::json{{"dimension", p.dimension},
                        {"samples", p.samples},
                        {"train_loss", r.train_loss},
                        {"test_error", r.test_error},
                        {"stage2_test_error", r.stage2_test_error},
                        {"max_angle_deg", r.max_angle_deg},
                        {"far_mass", r.far_mass},
                        {"steps", r.steps},
                        {"seconds", r.seconds}}
      .dump();
}

SampleSweepPoint parse_sample_point_record(const std::string& record) {
  const nlohmann::json j = nlohmann::json::parse(record, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) throw std::invalid_argument("sample sweep record: not a JSON object");
  try {
    SampleSweepPoint p;
    p.dimension = j.at("dimension").get<int>();
    p.samples = j.at("samples").get<long>();
    SampleChainResult& r = p.result;
    r.train_loss = j.at("train_loss").get<double>();
    r.test_error = j.at("test_error").get<double>();
    r.stage2_test_error = j.at("stage2_test_error").get<double>();
    r.max_angle_deg = j.at("max_angle_deg").get<double>();
    r.far_mass = j.at("far_mass").get<double>();
    r.steps = j.at("steps").get<long>();
    r.seconds = j.at("seconds").get<double>();
    return p;
  } catch (const nlohmann::json::exception& e) {
    throw std::invalid_argument(std::string("sample sweep record: ") + e.what());
  }
}

std::vector<SampleSweepPoint> run_sample_sweep(const SampleSweepOptions& o,
                                               const SpanTeacher& teacher,
                                               const SweepExecution& execution,
                                               SweepRanks* ranks) {
  // Task k is dimension k / |samples| at sample size k % |samples|: d outermost.
  SweepJob job;
  job.name = "samples";
  job.fingerprint = sample_sweep_fingerprint(o, teacher);
  job.tasks = o.samples.size() * o.dimensions.size();
  job.compute = [&](std::uint64_t task) {
    const int d = o.dimensions[task / o.samples.size()];
    const long n = o.samples[task % o.samples.size()];
    SampleChainOptions c;
    c.samples = n;
    c.batch_size = o.batch_size;
    c.pairs = o.pairs;
    c.schedule = {1e-2, 0.5, o.epochs};
    c.horizon = o.horizon;
    c.seed = o.seed;
    return sample_point_record(SampleSweepPoint{n, d, run_sample_chain(embed_teacher(teacher, d), c)});
  };
  std::unique_ptr<SweepRanks> alone;
  if (ranks == nullptr) ranks = (alone = single_process_ranks()).get();
  std::vector<SampleSweepPoint> points;
  for (const std::string& record : run_sweep_job(job, execution, *ranks))
    points.push_back(parse_sample_point_record(record));
  return points;
}

std::string sample_sweep_csv(const std::vector<SampleSweepPoint>& points) {
  std::string csv = "dimension,samples,train_loss,test_error,stage2_test_error,max_angle_deg,far_mass,steps,seconds\n";
  for (const SampleSweepPoint& p : points) {
    const SampleChainResult& r = p.result;
    csv += fmt::format("{},{},{:.17g},{:.17g},{:.17g},{:.17g},{:.17g},{},{:.3f}\n", p.dimension, p.samples,
                       r.train_loss, r.test_error, r.stage2_test_error, r.max_angle_deg, r.far_mass, r.steps,
                       r.seconds);
  }
  return csv;
}

CLI::App* add_sweep_samples_command(CLI::App& sweep, SampleSweepOptions& o) {
  CLI::App* cmd = sweep.add_subcommand(
      "samples", "The three stages on n Gaussian samples: test error and direction error against n and d");
  cmd->add_option("--samples", o.samples, "Comma-separated sample sizes n, increasing")->delimiter(',')->capture_default_str();
  cmd->add_option("--dimensions", o.dimensions, "Comma-separated input dimensions d")->delimiter(',')->capture_default_str();
  cmd->add_option("--batch", o.batch_size, "Stage-3 mini-batch size (0: full batch)")->capture_default_str();
  cmd->add_option("--pairs", o.pairs, "Stage-1 symmetric pairs (width 2 x pairs)")->capture_default_str();
  cmd->add_option("--epochs", o.epochs, "Stage-3 epochs, lambda halving from 1e-2")->capture_default_str();
  cmd->add_option("--horizon", o.horizon, "Each epoch's time budget in units of 1/lambda")->capture_default_str();
  cmd->add_option("--seed", o.seed, "Seed of the samples and the initial directions")->capture_default_str();
  cmd->add_option("--config", o.config_path, "Configuration whose teacher is used (default: the embedded one)");
  cmd->add_option("--out", o.out_dir, "Folder for sweep_samples.{csv,md} and the plot")->capture_default_str();
  add_checkpoint_options(cmd, o.checkpoint, o.resume);
  return cmd;
}

int command_sweep_samples(const SampleSweepOptions& o, std::ostream& out, std::ostream& err, bool progress) {
  validate_sample_sweep(o);
  const RunConfig config = o.config_path.empty() ? default_config() : load_config_file(o.config_path);
  // The teacher's span is found at the configuration's digits; from there the sweep runs
  // in double end to end.
  const SpanTeacher teacher = [&] {
    const ScopedDigits working(config.digits);
    return span_teacher(config.problem.teacher, config.digits);
  }();
  for (int d : o.dimensions) embed_teacher(teacher, d);  // a bad dimension fails before any work

  SweepSession session(o.checkpoint, o.resume, o.out_dir, err, progress);
  std::vector<SampleSweepPoint> points;
  if (!session.run([&] { points = run_sample_sweep(o, teacher, session.execution(), &session.ranks()); }))
    return kExitUsage;
  if (!session.is_root()) return 0;

  create_out_folder(o.out_dir);
  const PlotOutcome plot = render_plot(error_plot(points), o.out_dir);
  std::vector<std::string> written;
  for (const Artefact& a : plot.artefacts) written.push_back((std::filesystem::path(o.out_dir) / a.path).string());
  const std::string csv_path = (std::filesystem::path(o.out_dir) / (std::string(kStem) + ".csv")).string();
  const std::string md_path = (std::filesystem::path(o.out_dir) / (std::string(kStem) + ".md")).string();
  const std::string csv_tmp = write_temporary_beside(csv_path, sample_sweep_csv(points));
  std::string md_tmp;
  try {
    md_tmp = write_temporary_beside(md_path, markdown(o, points, plot));
  } catch (...) {
    discard_temporary(csv_tmp);
    throw;
  }
  commit_temporary(csv_tmp, csv_path);
  commit_temporary(md_tmp, md_path);
  written.push_back(csv_path);
  written.push_back(md_path);

  std::vector<std::vector<std::string>> rows{kHeader};
  for (const SampleSweepPoint& p : points) rows.push_back(row_of(p));
  out << detail::render_text_table(rows) << "\n";
  if (plot.status != PlotStatus::Rendered) err << "verify: warning: plot " << kPlotStem << ": " << plot.message << "\n";
  for (const std::string& path : written) out << "wrote " << path << "\n";
  session.outputs_written();
  return 0;
}

}  // namespace zg
