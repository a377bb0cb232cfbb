// The finite-sample chain (core/sample_chain.hpp).
#include "core/sample_chain.hpp"

#include <chrono>

#include "core/empirical_loss.hpp"
#include "core/ridge_output.hpp"
#include "core/stage_one.hpp"
#include "core/student_geometry.hpp"

namespace zg {

SampleChainResult run_sample_chain(const Network<double>& teacher, const SampleChainOptions& o,
                                   const std::function<void(const EpochRecord&)>& progress) {
  const auto started = std::chrono::steady_clock::now();
  const SampleSet samples = make_samples(teacher, o.samples, o.seed);
  const Network<double> start = symmetric_init<double>(teacher.dim(), o.pairs, o.init_scale, o.seed + 1);
  const Network<double> one = stage_one_step(empirical_loss_gradient(start, samples), o.step);
  const Network<double> two = empirical_stage_two(one, samples.all(), o.ridge).network;

  double teacher_mass = 0;
  for (Eigen::Index i = 0; i < teacher.width(); ++i) teacher_mass += std::abs(teacher.a(i));
  StageThreeOptions s3;
  s3.schedule = o.schedule;
  s3.horizon = o.horizon;
  s3.stochastic = true;  // see the header: the empirical loss is only piecewise smooth
  const OptimumFn unknown = [](double) -> std::optional<double> { return std::nullopt; };
  const StageThreeRun run =
      run_stage_three(two, empirical_objective(samples, s3.stochastic ? o.batch_size : 0), unknown, teacher.W,
                      teacher_mass, s3, progress);

  SampleChainResult r;
  r.train_loss = empirical_loss(run.final_state, samples.all());
  r.test_error = population_loss(run.final_state, teacher);
  r.stage2_test_error = population_loss(two, teacher);
  const StudentGeometry<double> g =
      student_geometry(run.final_state, teacher.W, 1e-3 * teacher_mass, 10 * pi<double>() / 180);
  r.max_angle_deg = g.max_angle * 180 / pi<double>();
  r.far_mass = g.far_mass;
  for (const EpochRecord& e : run.epochs) r.steps += e.steps;
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return r;
}

}  // namespace zg
