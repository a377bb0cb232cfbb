// Tests for verify/sweep_engine and verify/sweep_checkpoint on one process: records come
// back in task order whatever order they were drawn in; a resumed run computes exactly the
// tasks the checkpoint lacks and returns what an uninterrupted run returns; a checkpoint
// of another sweep, one left without --resume, a conflicting or corrupt shard and a task
// that throws are each refused (must-fail cases). The MPI side is tests/verify/sweep_mpi_test.sh.
#include "verify/sweep_engine.hpp"

#include <filesystem>
#include <fstream>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "core/input_error.hpp"
#include "tests/support/shell.hpp"
#include "verify/sweep_checkpoint.hpp"

namespace {

namespace fs = std::filesystem;

// Task i's record: a text that depends on i alone, so an answer in the wrong order shows.
std::string record_of(std::uint64_t i) { return "{\"square\":" + std::to_string(i * i) + "}"; }

zg::SweepJob squares(std::uint64_t tasks, std::set<std::uint64_t>* computed = nullptr) {
  zg::SweepJob job;
  job.name = "squares";
  job.fingerprint = "{\"tasks\":" + std::to_string(tasks) + "}";
  job.tasks = tasks;
  job.compute = [computed](std::uint64_t i) {
    if (computed != nullptr) computed->insert(i);
    return record_of(i);
  };
  return job;
}

std::vector<std::string> expected_records(std::uint64_t tasks) {
  std::vector<std::string> out;
  for (std::uint64_t i = 0; i < tasks; ++i) out.push_back(record_of(i));
  return out;
}

std::vector<std::string> run(const zg::SweepJob& job, const zg::SweepExecution& execution) {
  const auto ranks = zg::single_process_ranks();
  return zg::run_sweep_job(job, execution, *ranks);
}

// A shard as an interrupted run leaves it: its header, then the given task lines.
void write_shard(const fs::path& dir, unsigned run, int rank, const zg::SweepJob& job, const std::string& lines) {
  { zg::CheckpointWriter writer(dir.string(), {job.name, job.tasks, job.fingerprint}, run, rank); }
  std::ofstream(dir / ("run-" + std::to_string(run) + "-rank-" + std::to_string(rank) + ".jsonl"), std::ios::app)
      << lines;
}

}  // namespace

TEST_CASE("the engine returns every record in task order", "[sweep][engine]") {
  CHECK(run(squares(7), {}) == expected_records(7));
  CHECK(run(squares(0), {}).empty());
}

TEST_CASE("a resumed run computes only what its checkpoint lacks", "[sweep][engine][checkpoint]") {
  const fs::path dir = zg::test::fresh_dir("sweep-engine", "resume");
  const zg::SweepJob job = squares(6);
  // Tasks 1 and 4 finished, and a line cut off mid-write by a kill (no newline: not counted).
  write_shard(dir, 1, 0, job,
              "{\"task\":1,\"record\":\"" + std::string("{\\\"square\\\":1}") + "\"}\n" +
                  "{\"task\":4,\"record\":\"{\\\"square\\\":16}\"}\n{\"task\":5,\"rec");
  std::set<std::uint64_t> computed;
  zg::SweepExecution execution;
  execution.checkpoint_dir = dir.string();
  execution.resume = true;
  CHECK(run(squares(6, &computed), execution) == expected_records(6));
  CHECK(computed == std::set<std::uint64_t>{0, 2, 3, 5});
  // The new run's shard is run 2: the first run's is never written over.
  CHECK(fs::exists(dir / "run-2-rank-0.jsonl"));
  CHECK(zg::read_checkpoint(dir.string(), {job.name, job.tasks, job.fingerprint}, true).done.size() == 6);
  zg::remove_checkpoint(dir.string());
  CHECK_FALSE(fs::exists(dir));
}

TEST_CASE("a checkpoint is refused when it cannot be continued", "[sweep][engine][checkpoint][must-fail]") {
  const zg::SweepJob job = squares(4);
  zg::SweepExecution execution;
  execution.checkpoint_dir = zg::test::fresh_dir("sweep-engine", "refuse").string();

  SECTION("left by an earlier run, without --resume") {
    write_shard(execution.checkpoint_dir, 1, 0, job, "{\"task\":2,\"record\":\"x\"}\n");
    CHECK_THROWS_WITH(run(job, execution),
                      Catch::Contains("holds 1 finished tasks of an earlier run") && Catch::Contains("--resume"));
  }
  SECTION("written by a sweep with other options") {
    write_shard(execution.checkpoint_dir, 1, 0, squares(5), "");
    execution.resume = true;
    CHECK_THROWS_WITH(run(job, execution), Catch::Contains("another sweep or with other options"));
  }
  SECTION("two shards disagree on a task") {
    write_shard(execution.checkpoint_dir, 1, 0, job, "{\"task\":2,\"record\":\"x\"}\n");
    write_shard(execution.checkpoint_dir, 2, 1, job, "{\"task\":2,\"record\":\"y\"}\n");
    execution.resume = true;
    CHECK_THROWS_WITH(run(job, execution), Catch::Contains("differs from another shard's"));
  }
  SECTION("a corrupt line before the last") {
    write_shard(execution.checkpoint_dir, 1, 0, job, "garbage\n{\"task\":1,\"record\":\"x\"}\n");
    execution.resume = true;
    CHECK_THROWS_WITH(run(job, execution), Catch::Contains("line 2: is not a task line"));
  }
  SECTION("a task index beyond the sweep") {
    write_shard(execution.checkpoint_dir, 1, 0, job, "{\"task\":4,\"record\":\"x\"}\n");
    execution.resume = true;
    CHECK_THROWS_WITH(run(job, execution), Catch::Contains("task 4 is out of range"));
  }
  CHECK_THROWS_AS(run(job, execution), zg::InputError);
  fs::remove_all(execution.checkpoint_dir);
}

TEST_CASE("a task that throws fails the sweep and keeps what finished", "[sweep][engine][must-fail]") {
  zg::SweepJob job = squares(5);
  job.compute = [](std::uint64_t i) -> std::string {
    if (i == 3) throw std::domain_error("no square for 3");
    return record_of(i);
  };
  zg::SweepExecution execution;
  execution.checkpoint_dir = zg::test::fresh_dir("sweep-engine", "throw").string();
  CHECK_THROWS_AS(run(job, execution), zg::SweepFailure);
  CHECK_THROWS_WITH(run(squares(5), execution), Catch::Contains("holds 3 finished tasks"));
  execution.resume = true;
  CHECK(run(squares(5), execution) == expected_records(5));
  fs::remove_all(execution.checkpoint_dir);
}

TEST_CASE("the progress line states tasks, rate, time left and resumed tasks", "[sweep][progress]") {
  CHECK(zg::progress_line({3, 10, 0, 1.5, 1}, "points") == "[3/10] 2 points/s, 4 s left");
  CHECK(zg::progress_line({10, 10, 4, 2.0, 2}, "teachers") == "[10/10] 3 teachers/s, 4 resumed (2 ranks)");
  CHECK(zg::progress_line({0, 10, 0, 0.0, 1}, "points") == "[0/10] 0 points/s");
  // Groups of consecutive tasks (an atlas's cells of 4 teachers): where the draw is, and
  // every group once all is done; a last group may be short (10 = 4 + 4 + 2).
  CHECK(zg::progress_line({3, 10, 0, 1.5, 1, 5}, "teachers", {4, "cell"}) ==
        "[3/10] 2 teachers/s, 4 s left, cell 2/3");
  CHECK(zg::progress_line({10, 10, 0, 5.0, 1, 9}, "teachers", {4, "cell"}) == "[10/10] 2 teachers/s, cell 3/3");
}
