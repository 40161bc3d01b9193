#include <catch2/catch.hpp>

#include "modules/result/recorded_env.hpp"

using namespace request;

TEST_CASE("secret-looking names are recognised in any case", "[result]") {
  for (const char* n : {"GITHUB_TOKEN", "aws_secret_access_key", "DB_PASSWORD", "PASSWD", "API_KEY", "ssh_key_path"})
    CHECK(result::is_secret_name(n));
  for (const char* n : {"PATH", "OMP_NUM_THREADS", "HOME", "CXX"}) CHECK_FALSE(result::is_secret_name(n));
}

TEST_CASE("only allowlisted variables are recorded and secrets are redacted", "[result]") {
  std::map<std::string, std::string> env = {{"PATH", "/usr/bin"},      {"HOME", "/home/me"},
                                            {"OMP_NUM_THREADS", "4"}, {"AWS_SECRET_ACCESS_KEY", "hunter22"},
                                            {"SERVICE_TOKEN", "abcd1234"}, {"MKL_KEY", "mkl-secret"},
                                            {"LC_ALL", "C"}};
  auto rec = result::recorded_environment(env, {"SERVICE_TOKEN"});
  CHECK(rec.at("PATH") == "/usr/bin");
  CHECK(rec.at("OMP_NUM_THREADS") == "4");
  CHECK(rec.at("LC_ALL") == "C");
  CHECK(rec.count("HOME") == 0);
  CHECK(rec.count("AWS_SECRET_ACCESS_KEY") == 0);
  CHECK(rec.at("SERVICE_TOKEN") == "<redacted>");  // asked for, but still redacted
  CHECK(rec.at("MKL_KEY") == "<redacted>");         // allowlisted prefix, secret name
}

TEST_CASE("secret values are removed from recorded command lines", "[result]") {
  std::map<std::string, std::string> env = {{"API_TOKEN", "s3cr3t-value"}, {"SHORT_KEY", "ab"}, {"N", "s3cr3t-value2"}};
  CHECK(result::redact_secrets("prog --token s3cr3t-value --x ab", env) == "prog --token <redacted> --x ab");
}
