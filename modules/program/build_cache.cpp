#include "modules/program/build_cache.hpp"

#include <algorithm>
#include <fstream>

#include "lib/util/atomic_file.hpp"
#include "lib/util/error.hpp"
#include "lib/util/file_lock.hpp"
#include "lib/util/json_io.hpp"
#include "lib/util/safe_name.hpp"
#include "lib/util/sha256.hpp"

namespace fs = std::filesystem;

namespace request::program {

namespace {

// One length-prefixed field, so that no two different inputs hash alike.
void field(util::Sha256& h, std::string_view name, std::string_view value) {
  h.update(name);
  h.update(":" + std::to_string(value.size()) + ":");
  h.update(value);
  h.update("\n");
}

std::vector<std::string> entry_files(const store::Entry& program, const ProgramSpec& spec) {
  if (!spec.sources.empty()) return spec.sources;
  std::vector<std::string> files;
  for (const auto& f : fs::recursive_directory_iterator(program.path)) {
    if (!f.is_regular_file()) continue;
    fs::path rel = f.path().lexically_relative(program.path);
    if (f.path() == program.meta_path || rel.string().rfind('.', 0) == 0) continue;
    files.push_back(rel.generic_string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

std::string build_key(const store::Entry& program, const ProgramSpec& spec, const ChoiceValues& choices,
                      const BuildKeyInputs& inputs) {
  util::Sha256 h;
  field(h, "format", "request.build/1");
  for (const auto& rel : entry_files(program, spec)) {
    const fs::path file = program.path / rel;
    util::require_inside(program.path, file);
    field(h, "source", rel);
    field(h, "sha256", util::sha256_file(file));
  }
  for (const auto& b : spec.build) field(h, "build", b);
  field(h, "environments", inputs.environments.dump());
  for (const auto& [k, v] : inputs.variables) field(h, "variable", k + "=" + v);
  for (const auto& c : spec.choices) {
    if (!c.affects_build) continue;
    auto it = choices.find(c.name);
    field(h, "choice", c.name + "=" + (it == choices.end() ? std::string() : choice_text(it->second)));
  }
  return h.hex_digest();
}

std::string tail_lines(const fs::path& file, size_t lines) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return {};
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  while (!text.empty() && text.back() == '\n') text.pop_back();
  size_t pos = text.size();
  for (size_t n = 0; n < lines && pos != std::string::npos && pos > 0; ++n) pos = text.rfind('\n', pos - 1);
  if (pos == std::string::npos || pos == 0) return text;
  return text.substr(pos + 1);
}

BuildOutcome ensure_built(const ProgramSpec& spec, const std::string& key, const BuildRequest& request,
                          exec::CommandRunner& runner) {
  BuildOutcome o;
  o.key = key;
  o.out_dir = request.cache_root / key;
  o.log = o.out_dir / k_build_log;
  util::Variables vars = request.variables;
  vars["OUT"] = o.out_dir.string();
  std::vector<std::vector<std::string>> argvs;
  for (size_t i = 0; i < spec.build.size(); ++i) {
    const std::string where = request.where + ": build[" + std::to_string(i) + "]";
    argvs.push_back(util::split_command(util::expand_variables(spec.build[i], vars, where), where));
    o.commands.push_back(util::shell_join(argvs.back()));
  }
  fs::create_directories(request.cache_root);
  if (fs::exists(o.out_dir / k_build_marker)) {  // fast path: no lock needed to read a finished build
    o.cached = true;
    return o;
  }
  util::FileLock lock(request.cache_root);
  if (fs::exists(o.out_dir / k_build_marker)) {
    o.cached = true;
    return o;
  }
  fs::remove_all(o.out_dir);  // an unfinished or failed earlier attempt
  fs::create_directories(o.out_dir);
  for (size_t i = 0; i < argvs.size(); ++i) {
    {
      std::ofstream log(o.log, std::ios::app);
      log << "$ " << o.commands[i] << "\n";
    }
    exec::ProcessSpec ps;
    ps.argv = argvs[i];
    ps.env = request.env;
    ps.cwd = o.out_dir;
    ps.out = {exec::OutputMode::file, o.log, true, 0};
    ps.err = {exec::OutputMode::file, o.log, true, 0};
    exec::ProcessResult r = runner.run(ps);
    if (r.interrupted) throw Error(ExitCode::interrupted, request.where, "build interrupted");
    if (!r.ok()) {
      if (!r.spawn_error.empty()) {
        std::ofstream log(o.log, std::ios::app);
        log << r.spawn_error << "\n";
      }
      o.ok = false;
      o.reason = "build command " + std::to_string(i + 1) + " failed (" + r.describe() + "): " + o.commands[i];
      o.log_tail = tail_lines(o.log, 20);
      return o;
    }
  }
  util::Json marker = {{"key", key}, {"commands", o.commands}};
  util::write_file_atomic(o.out_dir / k_build_marker, util::dump_json(marker));
  return o;
}

}  // namespace request::program
