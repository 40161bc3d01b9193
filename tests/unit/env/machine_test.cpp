#include <unistd.h>

#include <catch2/catch.hpp>

#include "lib/env/machine.hpp"

TEST_CASE("machine description has the documented fields", "[env][machine]") {
  nlohmann::json m = request::env::describe_machine(false);
  for (const char* key : {"cpu_model", "architecture", "cores", "threads", "caches", "memory_bytes", "os", "kernel",
                          "libc", "governor", "rapl_readable"})
    CHECK(m.contains(key));
  CHECK_FALSE(m.contains("hostname"));
  CHECK(m["threads"].get<long>() == ::sysconf(_SC_NPROCESSORS_ONLN));
  CHECK(m["cores"].get<long>() >= 1);
  CHECK(m["memory_bytes"].get<unsigned long long>() > (64ull << 20));
  CHECK(m["libc"].get<std::string>().rfind("glibc ", 0) == 0);
  CHECK(m["rapl_readable"].is_boolean());
  char host[256] = {};
  ::gethostname(host, sizeof host - 1);
  CHECK(request::env::describe_machine(true)["hostname"] == host);
}

TEST_CASE("cache and memory sizes parse with their units", "[env][machine]") {
  CHECK(request::env::parse_size("32K") == 32768);
  CHECK(request::env::parse_size("16384 kB") == 16384ull * 1024);
  CHECK(request::env::parse_size("8M") == 8ull << 20);
  CHECK(request::env::parse_size("") == 0);
  CHECK(request::env::parse_size("12") == 12);
}
