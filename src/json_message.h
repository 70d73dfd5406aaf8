// The message of a nlohmann/json parse error, cut to a length a person can read. Private to the
// library.
#pragma once

#include <string>
#include <string_view>

namespace pith::internal {

// `message` (a parse error's what()) with the token it quotes as read last cut to its first 80
// bytes, between characters: for a string left open, that token is the rest of the input, which
// can run to megabytes. What the parser says after the token stays.
std::string ParseErrorMessage(std::string_view message);

}  // namespace pith::internal
