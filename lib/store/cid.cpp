#include "lib/store/cid.hpp"

#include "lib/util/error.hpp"
#include "lib/util/strings.hpp"

namespace request::store {

std::string Cid::str() const { return (repo ? *repo + ":" : std::string()) + module + ":" + name; }

bool Cid::has_wildcards() const {
  return util::has_wildcards(name) || util::has_wildcards(module) || (repo && util::has_wildcards(*repo));
}

Cid parse_cid(std::string_view text) {
  auto parts = util::split(text, ':', /*skip_empty=*/false);
  Cid cid;
  if (parts.size() == 2) {
    cid.module = parts[0];
    cid.name = parts[1];
  } else if (parts.size() == 3) {
    cid.repo = parts[0];
    cid.module = parts[1];
    cid.name = parts[2];
  } else {
    throw Error(ExitCode::usage, "'" + std::string(text) + "'", "not a CID",
                "a CID is [repo:]module:name, e.g. program:matmul or local:result:*");
  }
  if (cid.module.empty() || cid.name.empty() || (cid.repo && cid.repo->empty()))
    throw Error(ExitCode::usage, "'" + std::string(text) + "'", "not a CID: empty part",
                "a CID is [repo:]module:name");
  return cid;
}

}  // namespace request::store
