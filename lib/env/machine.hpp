#pragma once
// A description of the machine for results: CPU, caches, memory, OS, kernel,
// libc, frequency governor, whether RAPL energy counters are readable. The host
// name only when asked for.
#include <nlohmann/json.hpp>

namespace request::env {

// {"cpu_model", "architecture", "cores", "threads", "sockets", "caches": [{"level","type","size_bytes"}],
//  "memory_bytes", "os", "os_id", "os_version", "kernel", "libc", "governor", "rapl_readable",
//  ["hostname"]}. Fields that cannot be read are null, never guessed.
nlohmann::json describe_machine(bool record_hostname = false);

// "32K" / "1024 kB" / "8M" as bytes; 0 when unreadable.
unsigned long long parse_size(const std::string& text);

}  // namespace request::env
