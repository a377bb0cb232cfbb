// Checkpoint shards of a sweep (verify/sweep_checkpoint.hpp).
#include "verify/sweep_checkpoint.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/input_error.hpp"

namespace zg {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const char* const kOption = "--checkpoint";
constexpr int kFormat = 1;

[[noreturn]] void refuse(const std::string& where, const std::string& problem, const std::string& fix) {
  throw InputError(kOption, where, problem, fix);
}

double steady_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string header_line(const CheckpointHeader& h) {
  return json{{"verify_sweep_checkpoint", kFormat}, {"sweep", h.sweep}, {"tasks", h.tasks}, {"fingerprint", h.fingerprint}}
      .dump();
}

// run-<run>-rank-<rank>.jsonl: the run number, or 0 when the name is not a shard's.
unsigned shard_run(const fs::path& file) {
  static const std::regex pattern(R"(run-([0-9]{1,9})-rank-[0-9]{1,9}\.jsonl)");
  std::smatch m;
  const std::string name = file.filename().string();
  if (!std::regex_match(name, m, pattern)) return 0;
  return static_cast<unsigned>(std::stoul(m[1].str()));
}

void read_shard(const fs::path& file, const CheckpointHeader& expected, CheckpointState& state) {
  std::ifstream in(file, std::ios::binary);
  if (!in) refuse(file.string(), "cannot be read", "check its permissions, or remove the checkpoint folder");
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  std::size_t begin = 0;
  for (std::size_t line_number = 1; begin < text.size(); ++line_number) {
    const std::size_t end = text.find('\n', begin);
    if (end == std::string::npos) return;  // the writer was killed mid-line: not a finished task
    const std::string line = text.substr(begin, end - begin);
    begin = end + 1;
    const std::string where = file.string() + ": line " + std::to_string(line_number);
    const json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (line_number == 1) {
      const std::string expected_line = header_line(expected);
      if (j.is_discarded() || j != json::parse(expected_line))
        refuse(where,
               "was written by another sweep or with other options: it states " + line + ", this run " + expected_line,
               "rerun with that sweep's options, or give another --checkpoint (or remove this one) to start afresh");
      continue;
    }
    if (j.is_discarded() || !j.is_object() || j.size() != 2 || !j.contains("task") || !j.contains("record") ||
        !j["task"].is_number_unsigned() || !j["record"].is_string())
      refuse(where, "is not a task line {\"task\": i, \"record\": \"...\"}", "remove the checkpoint folder to start afresh");
    const auto task = j["task"].get<std::uint64_t>();
    if (task >= expected.tasks)
      refuse(where,
             "task " + std::to_string(task) + " is out of range: the sweep has " + std::to_string(expected.tasks),
             "remove the checkpoint folder to start afresh");
    const std::string record = j["record"].get<std::string>();
    const auto [it, inserted] = state.done.emplace(task, record);
    if (!inserted && it->second != record)
      refuse(where,
             "task " + std::to_string(task) + " has a record that differs from another shard's",
             "the results are not reproducible across runs; remove the checkpoint folder and report this");
  }
}

}  // namespace

CheckpointState read_checkpoint(const std::string& dir, const CheckpointHeader& expected, bool resume) {
  CheckpointState state;
  std::error_code ec;
  if (!fs::exists(dir, ec)) return state;
  if (!fs::is_directory(dir, ec)) refuse(dir, "is not a folder", "give a folder for the checkpoint");
  std::vector<fs::path> shards;
  for (const fs::directory_entry& e : fs::directory_iterator(dir, ec))
    if (const unsigned run = shard_run(e.path()); run > 0 && e.is_regular_file()) {
      shards.push_back(e.path());
      state.next_run = std::max(state.next_run, run + 1);
    }
  if (ec) refuse(dir, "cannot be listed: " + ec.message(), "check its permissions");
  std::sort(shards.begin(), shards.end());
  for (const fs::path& shard : shards) read_shard(shard, expected, state);
  if (!resume && !shards.empty())
    refuse(dir,
           "holds " + std::to_string(state.done.size()) + " finished tasks of an earlier run of this sweep",
           "pass --resume to continue it, or remove the folder to start afresh");
  return state;
}

CheckpointWriter::CheckpointWriter(const std::string& dir, const CheckpointHeader& header, unsigned run, int rank) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) refuse(dir, "cannot be made: " + ec.message(), "give a folder you can write to");
  path_ = (fs::path(dir) / ("run-" + std::to_string(run) + "-rank-" + std::to_string(rank) + ".jsonl")).string();
  file_ = std::fopen(path_.c_str(), "wx");  // never over an earlier run's shard
  if (file_ == nullptr) refuse(path_, "cannot be created", "give a checkpoint folder you can write to");
  write_line(header_line(header));
  sync();
}

CheckpointWriter::~CheckpointWriter() {
  if (file_ == nullptr) return;
  ::fsync(fileno(file_));
  std::fclose(file_);
}

void CheckpointWriter::append(std::uint64_t task, const std::string& record) {
  write_line(json{{"task", task}, {"record", record}}.dump());
  if (steady_seconds() - last_sync_ >= 1) sync();
}

void CheckpointWriter::write_line(const std::string& line) {
  const std::string text = line + "\n";
  if (std::fwrite(text.data(), 1, text.size(), file_) != text.size() || std::fflush(file_) != 0)
    refuse(path_, "cannot be written", "free space on its disk, then rerun with --resume");
}

void CheckpointWriter::sync() {
  ::fsync(fileno(file_));
  last_sync_ = steady_seconds();
}

void remove_checkpoint(const std::string& dir) noexcept {
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(dir, ec))
    if (shard_run(e.path()) > 0) fs::remove(e.path(), ec);
  fs::remove(dir, ec);  // only when empty
}

}  // namespace zg
