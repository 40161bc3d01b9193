#pragma once
// Command templates of program entries: `$NAME`/`${NAME}` substitution
// (`$$` is a literal `$`) and splitting into argv with shell-like quoting,
// without running a shell.
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace request::util {

using Variables = std::map<std::string, std::string>;

// Replace $NAME and ${NAME} by their values. An unknown name throws
// Error(invalid_data) naming `where` and the variable.
std::string expand_variables(std::string_view text, const Variables& vars, const std::string& where);

// Split into words: blanks separate; '...' is literal; "..." groups and allows
// \" and \\; a backslash outside quotes escapes the next character. Unbalanced
// quotes throw Error(invalid_data) naming `where`.
std::vector<std::string> split_command(std::string_view text, const std::string& where);

// Quote one word so a POSIX shell reads it back unchanged (for recorded commands).
std::string shell_quote(std::string_view word);
std::string shell_join(const std::vector<std::string>& argv);

}  // namespace request::util
