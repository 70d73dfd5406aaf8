// What a rule set reads of a pattern's syntax before it compiles it. Private to the library.
#pragma once

#include <string>
#include <string_view>

namespace pith::internal {

// Whether `pattern` can only match at the start of the text: it begins with ^ (not repeated)
// and has no alternative outside parentheses (in "^a|b", b matches anywhere). Patterns with
// \Q...\E or POSIX classes count as matching anywhere, which is always correct, only slower.
bool MatchesAtStartOnly(std::string_view pattern);

// The part of `pattern` before its first gap, when that part has a letter or a character beyond
// ASCII to look for; otherwise empty. A gap is a wide atom (., [^...], \S, \w, \W, \D, \pX, \PX)
// repeated by *, + or a count of more than eight, at the top level of a pattern with no
// alternative there; every match of the pattern begins with a match of what comes before it.
// Patterns with \Q...\E or POSIX classes are not read: empty.
std::string GapFreePrefix(std::string_view pattern);

}  // namespace pith::internal
