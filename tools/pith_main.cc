#include "cmd_common.h"

int main(int argc, char** argv) { return pith::tools::Run(argc, argv); }
