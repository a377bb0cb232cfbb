// The declarations of [algorithm] (lemmas/algorithm_settings.hpp): how the stages run
// (lemmas/algorithm_checks.cpp, lemmas/stage_three_check.cpp) and what S1-S3 demand.
#include "lemmas/algorithm_settings.hpp"

namespace zg {
namespace {

// Upper bounds as the hand-written reader had them (verify/config_schema.cpp before the
// settings were declared): the largest dimension a teacher may have, the largest number of
// pairs, the largest sample count and batch.
constexpr double kMaxDimension = 1e6;
constexpr double kMaxPairs = 1e5;
constexpr double kMaxSamples = 1e8;

// A sweep's axis: an exponent is fitted over its values.
ArrayRule sweep_axis() {
  return ArrayRule{2, true, "an exponent is fitted over them"};
}

}  // namespace

const SettingTable<AlgorithmSettings>& algorithm_setting_declarations() {
  using S = AlgorithmSettings;
  static const SettingTable<S> table{
      "algorithm",
      {
          Setting<S>("init_scale", &S::init_scale)
              .in(positive())
              .means("norm of every initial `w_j` and `|a_j|`")
              .fix_hint("give the norm of the initial weights"),
          Setting<S>("pairs", &S::pairs)
              .in(integers(1, kMaxPairs))
              .measured_in("pairs")
              .means("symmetric pairs; the width is `m = 2 × pairs` for all three stages (stage 3's cost grows like "
                     "`m²`: about 7 s at 64 neurons, 3 min at 256)"),
          Setting<S>("step", &S::step)
              .in(positive())
              .means("stage-1 step `η`; its weight decay is `1/η`")
              .fix_hint("give the stage-1 step eta (its weight decay is 1/eta)"),
          Setting<S>("dimensions", &S::dimensions)
              .in(integers(1, kMaxDimension))
              .entries(sweep_axis())
              .means("S1's sweep of the input dimension; the teacher keeps its geometry (its span coordinates on the "
                     "first `r` axes)")
              .checked_at_run("each > the teacher's rank"),
          Setting<S>("exponent_tolerance", &S::exponent_tolerance)
              .in(positive())
              .means("S1 passes when the fitted exponent of the mean out-of-span fraction in `d` is within this of "
                     "`−1/2`; S2 needs the stage-2 loss's exponent in the covering radius to exceed `1 −` this")
              .fix_hint("give the allowed distance of the fitted exponent from -1/2"),
          Setting<S>("cover_radius_deg", &S::cover_radius_deg)
              .in(between(open_end(0), closed_end(90)))
              .measured_in("degrees")
              .means("S1 passes when the covering radius (up to sign) of the projected stage-1 neurons on the span's "
                     "unit sphere, at the teacher's dimension and `pairs`, median over 16 seeded runs, is at most "
                     "this (at the defaults over 60 master seeds: median 18.3°, largest 21.9°)")
              .fix_hint("give the covering radius the stage-1 neurons must reach, in degrees"),
          Setting<S>("widths", &S::widths)
              .in(integers(1, kMaxPairs))
              .entries(sweep_axis())
              .measured_in("pairs")
              .means("pairs per run of the sweeps against the width: S1's covering radius against `m`, S2's loss "
                     "against the covering radius"),
          Setting<S>("ridge", &S::ridge)
              .in(positive())
              .means("stage 2 minimises `L(a) + ridge ‖a‖²` over the output weights, on the unit first layer (so on "
                     "neuron masses)")
              .fix_hint("give the stage-2 ridge parameter"),
          Setting<S>("stage2_loss_threshold", &S::stage2_loss_threshold)
              .in(positive())
              .means("S2 passes when the loss after stage 2 is at most this (the threshold stage 3 needs; T1's "
                     "measured map will supply it)")
              .fix_hint("give the loss stage 2 must reach"),
          Setting<S>("lambda_start", &S::lambda_start)
              .in(positive())
              .means("stage 3: weight decay of the first epoch")
              .fix_hint("give the first epoch's weight decay"),
          Setting<S>("lambda_factor", &S::lambda_factor)
              .in(between(open_end(0), open_end(1)))
              .means("stage 3: `λ_{k+1} = lambda_factor × λ_k`")
              .fix_hint("give the factor lambda shrinks by per epoch"),
          Setting<S>("lambda_epochs", &S::lambda_epochs)
              .in(integers(1, 1000))
              .measured_in("epochs")
              .means("stage 3: number of epochs (11 halvings from 10⁻² end at λ ≈ 10⁻⁵, where the loss of the "
                     "λ-optimum is about 3·10⁻⁹)"),
          Setting<S>("final_loss_target", &S::final_loss_target)
              .in(positive())
              .means("S3: the final population loss must be at most this")
              .fix_hint("give the final population loss stage 3 must reach"),
          Setting<S>("final_max_angle_deg", &S::final_max_angle_deg)
              .in(between(open_end(0), closed_end(90)))
              .measured_in("degrees")
              .means("S3: every non-negligible neuron must end this close to some `±w_i*`")
              .fix_hint("give the largest final angle to +-w_i*, in degrees"),
          Setting<S>("far_mass_target", &S::far_mass_target)
              .in(positive())
              .means("S3: mass far from every teacher line must end at most this")
              .fix_hint("give the largest final mass far from every teacher line"),
          Setting<S>("sample_counts", &S::sample_counts)
              .in(integers(2, kMaxSamples))
              .entries(sweep_axis())
              .measured_in("samples")
              .means("finite samples: the sample sizes `n` of the chain"),
          Setting<S>("batch_size", &S::batch_size)
              .in(integers(0, kMaxSamples))
              .measured_in("samples")
              .means("finite samples: mini-batch size; `0` is the full batch"),
      }};
  return table;
}

}  // namespace zg
