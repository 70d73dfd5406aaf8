// The page dumps of testdata/pages/, which several test files read.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

// The whole of testdata/pages/`name`; the test fails when it cannot be read.
inline std::string ReadPage(const std::string& name) {
  std::ifstream in(std::string(PITH_TESTDATA_DIR) + "/pages/" + name, std::ios::binary);
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
