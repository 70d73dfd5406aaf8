// What a rule set reads of a pattern's syntax before it compiles it. Private to the library.
#pragma once

#include <string>
#include <string_view>

namespace pith::internal {

// Whether `pattern` can only match at the start of the text: it begins with ^ (not repeated)
// and has no alternative outside parentheses (in "^a|b", b matches anywhere). Patterns with
// \Q...\E or POSIX classes count as matching anywhere, which is always correct, only slower.
bool MatchesAtStartOnly(std::string_view pattern);

// A part of `pattern` that every match of it holds and that has no gap, when the pattern has a
// gap; otherwise empty. A gap is a wide atom (., [^...], \S, \w, \W, \D, \pX, \PX) repeated by
// *, + or a count of more than eight, at the top level of a pattern with no alternative there.
// The part is the first run of tokens between gaps with a letter or a character beyond ASCII to
// look for: the beginning of the pattern, up to its first gap, or a later run that repeats no
// wide atom even inside its groups (it matches anywhere, where the pattern began with a gap).
// Patterns with \Q...\E or POSIX classes are not read: empty.
std::string GapFreePart(std::string_view pattern);

}  // namespace pith::internal
