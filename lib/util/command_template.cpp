#include "lib/util/command_template.hpp"

#include "lib/util/error.hpp"

namespace request::util {

namespace {
bool is_name_char(char c, bool first) {
  return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9');
}
}  // namespace

std::string expand_variables(std::string_view text, const Variables& vars, const std::string& where) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c != '$') {
      out += c;
      continue;
    }
    if (i + 1 < text.size() && text[i + 1] == '$') {
      out += '$';
      ++i;
      continue;
    }
    std::string name;
    size_t end = i + 1;
    if (end < text.size() && text[end] == '{') {
      size_t close = text.find('}', end);
      if (close == std::string_view::npos)
        throw Error(ExitCode::invalid_data, where, "unterminated '${' in '" + std::string(text) + "'");
      name = std::string(text.substr(end + 1, close - end - 1));
      end = close + 1;
    } else {
      while (end < text.size() && is_name_char(text[end], end == i + 1)) ++end;
      name = std::string(text.substr(i + 1, end - i - 1));
    }
    if (name.empty()) throw Error(ExitCode::invalid_data, where, "a '$' without a variable name", "write $$ for a literal $");
    auto it = vars.find(name);
    if (it == vars.end())
      throw Error(ExitCode::invalid_data, where, "unknown variable '$" + name + "'",
                  "known: choices, resolved dependency variables and the built-in SRC, OUT, SCRATCH, DATASET, MODEL");
    out += it->second;
    i = end - 1;
  }
  return out;
}

std::vector<std::string> split_command(std::string_view text, const std::string& where) {
  std::vector<std::string> words;
  std::string cur;
  bool in_word = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n') {
      if (in_word) words.push_back(std::move(cur));
      cur.clear();
      in_word = false;
    } else if (c == '\'') {
      size_t close = text.find('\'', i + 1);
      if (close == std::string_view::npos) throw Error(ExitCode::invalid_data, where, "unbalanced ' in command");
      cur += text.substr(i + 1, close - i - 1);
      in_word = true;
      i = close;
    } else if (c == '"') {
      size_t j = i + 1;
      for (; j < text.size() && text[j] != '"'; ++j) {
        if (text[j] == '\\' && j + 1 < text.size() && (text[j + 1] == '"' || text[j + 1] == '\\')) ++j;
        cur += text[j];
      }
      if (j >= text.size()) throw Error(ExitCode::invalid_data, where, "unbalanced \" in command");
      in_word = true;
      i = j;
    } else if (c == '\\' && i + 1 < text.size()) {
      cur += text[++i];
      in_word = true;
    } else {
      cur += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(std::move(cur));
  if (words.empty()) throw Error(ExitCode::invalid_data, where, "empty command");
  return words;
}

std::string shell_quote(std::string_view word) {
  if (!word.empty() && word.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./=:,+@%") ==
                           std::string_view::npos)
    return std::string(word);
  std::string out = "'";
  for (char c : word) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

std::string shell_join(const std::vector<std::string>& argv) {
  std::string out;
  for (size_t i = 0; i < argv.size(); ++i) {
    if (i) out += ' ';
    out += shell_quote(argv[i]);
  }
  return out;
}

}  // namespace request::util
