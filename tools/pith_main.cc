#include "cmd_common.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

int main(int argc, char** argv) {
#if defined(__GLIBC__)
  // Each batch of records allocates and frees buffers of a few hundred KB. By default glibc
  // serves those with mmap and hands freed memory back to the kernel at once, so every batch
  // pays page faults to zero fresh pages again (about a tenth of strip's time). Keeping them in
  // the heap costs at most the largest batch's memory, which the runner bounds.
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 128 << 20);
#endif
  return pith::tools::Run(argc, argv);
}
