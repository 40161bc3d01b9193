#pragma once
// How entries appear in output: the find row, the show document, and text forms.
#include <nlohmann/json.hpp>

#include "lib/store/entry.hpp"

namespace request::cli {

// {"cid","repo","module","alias","uid","tags","path"}
nlohmann::json entry_summary_json(const store::Entry& e);
// {"cid","repo","module","alias","uid","path","repo_commit","repo_dirty","meta"}
nlohmann::json entry_detail_json(const store::Entry& e);
// Human form of entry_detail_json.
std::string entry_detail_text(const nlohmann::json& detail);

}  // namespace request::cli
