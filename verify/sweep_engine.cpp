// The sweep engine (verify/sweep_engine.hpp).
#include "verify/sweep_engine.hpp"

#include <chrono>
#include <cmath>
#include <map>
#include <memory>
#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/input_error.hpp"
#include "verify/sweep_checkpoint.hpp"

namespace zg {
namespace {

using nlohmann::json;

// What rank 0 tells every rank before the work: the run number and the tasks left, or the
// refusal of the checkpoint (every rank then throws it, and rank 0 alone prints it).
std::string plan_message(const SweepJob& job, const SweepExecution& execution, CheckpointState& state) {
  try {
    if (!execution.checkpoint_dir.empty())
      state = read_checkpoint(execution.checkpoint_dir, {job.name, job.tasks, job.fingerprint}, execution.resume);
  } catch (const InputError& e) {
    return json{{"error", e.what()}}.dump();
  }
  json remaining = json::array();
  for (std::uint64_t i = 0; i < job.tasks; ++i)
    if (state.done.count(i) == 0) remaining.push_back(i);
  return json{{"run", state.next_run}, {"remaining", std::move(remaining)}}.dump();
}

}  // namespace

std::vector<std::string> run_sweep_job(const SweepJob& job, const SweepExecution& execution, SweepRanks& ranks) {
  const auto start = std::chrono::steady_clock::now();
  CheckpointState state;
  const std::string plan_text = ranks.broadcast(ranks.rank() == 0 ? plan_message(job, execution, state) : "");
  const json plan = json::parse(plan_text);
  if (plan.contains("error")) throw InputError(plan["error"].get<std::string>());
  const auto remaining = plan["remaining"].get<std::vector<std::uint64_t>>();
  const auto resumed = static_cast<std::uint64_t>(job.tasks - remaining.size());

  // This rank's share, drawn one task at a time; a task that throws ends this rank's share
  // (the others go on drawing) and its message reaches rank 0 with the records.
  json mine = json::array();
  std::string failure;
  bool input_failure = false;
  try {
    std::unique_ptr<CheckpointWriter> writer;
    if (!execution.checkpoint_dir.empty())
      writer = std::make_unique<CheckpointWriter>(
          execution.checkpoint_dir, CheckpointHeader{job.name, job.tasks, job.fingerprint}, plan["run"].get<unsigned>(),
          ranks.rank());
    for (std::uint64_t k = ranks.draw(); k < remaining.size(); k = ranks.draw()) {
      const std::uint64_t task = remaining[k];
      std::string record = job.compute(task);
      if (writer) writer->append(task, record);
      mine.push_back(json::array({task, std::move(record)}));
      const std::uint64_t done = resumed + ranks.finish_one();
      if (ranks.rank() == 0 && execution.progress)
        execution.progress({done, job.tasks, resumed,
                            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
                            ranks.size(), task});
    }
  } catch (const InputError& e) {
    failure = e.what();
    input_failure = true;
  } catch (const std::exception& e) {
    failure = e.what();
  }

  const std::vector<std::string> parts =
      ranks.gather(json{{"error", failure}, {"input_error", input_failure}, {"records", std::move(mine)}}.dump());
  if (ranks.rank() != 0) return {};
  std::map<std::uint64_t, std::string> records = std::move(state.done);
  for (std::size_t r = 0; r < parts.size(); ++r) {
    const json part = json::parse(parts[r]);
    if (const std::string e = part["error"].get<std::string>(); !e.empty()) {
      const std::string message = parts.size() == 1 ? e : fmt::format("rank {} of {}: {}", r, parts.size(), e);
      if (part["input_error"].get<bool>()) throw InputError(message);
      throw SweepFailure("sweep " + job.name + ": " + message);
    }
    for (const json& entry : part["records"]) records.emplace(entry[0].get<std::uint64_t>(), entry[1].get<std::string>());
  }
  if (records.size() != job.tasks)
    throw std::logic_error(fmt::format("sweep {}: {} of {} records gathered", job.name, records.size(), job.tasks));
  std::vector<std::string> in_order;
  in_order.reserve(records.size());
  for (auto& [task, record] : records) in_order.push_back(std::move(record));
  return in_order;
}

std::string progress_line(const SweepProgressInfo& info, const std::string& unit, const ProgressGroups& groups) {
  const double fresh = static_cast<double>(info.done - info.resumed);
  const double rate = info.seconds > 0 ? fresh / info.seconds : 0;
  std::string line = fmt::format("[{}/{}] {:.3g} {}/s", info.done, info.total, rate, unit);
  if (rate > 0 && info.done < info.total)
    line += fmt::format(", {:.0f} s left", std::ceil(static_cast<double>(info.total - info.done) / rate));
  if (groups.size > 0) {
    const std::uint64_t count = (info.total + groups.size - 1) / groups.size;
    const std::uint64_t at = info.done == info.total ? count : info.latest / groups.size + 1;
    line += fmt::format(", {} {}/{}", groups.name, at, count);
  }
  if (info.resumed > 0) line += fmt::format(", {} resumed", info.resumed);
  if (info.ranks > 1) line += fmt::format(" ({} ranks)", info.ranks);
  return line;
}

}  // namespace zg
