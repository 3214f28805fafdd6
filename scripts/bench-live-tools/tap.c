/* tap OUT LOG: copies stdin (tmux pipe-pane's copy of what a program wrote to its terminal) to
 * OUT, and for every read appends "CLOCK_MONOTONIC_NS TOTAL_BYTES_SO_FAR" to LOG, so
 * scripts/bench-live can tell when each token reached the terminal. */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc != 3) return 2;
  FILE *out = fopen(argv[1], "w"), *log = fopen(argv[2], "w");
  if (!out || !log) return 1;
  char buffer[1 << 16];
  long long total = 0;
  ssize_t got;
  while ((got = read(0, buffer, sizeof buffer)) > 0) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    fwrite(buffer, 1, (size_t)got, out);
    total += got;
    fprintf(log, "%lld %lld\n", (long long)now.tv_sec * 1000000000LL + now.tv_nsec, total);
  }
  fclose(out);
  fclose(log);
  return 0;
}
