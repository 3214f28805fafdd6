/* The floor for scripts/bench-live: a chat client that does nothing but print.
 *
 * rawprint HOST PORT MODEL PROMPT STATS_FILE
 *
 * Sends one streaming /api/chat request (Ollama's protocol), reads the chunked NDJSON answer and
 * writes each record's `thinking` and `content` text to stdout the moment it arrives, with no
 * buffering and no screen model. At the end it writes "CPU_SECONDS PEAK_RSS_KB" to STATS_FILE.
 */
#define _GNU_SOURCE
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

static char body[1 << 16];
static size_t bodyLength;

/* Writes the JSON string value of `key` in `line` (ASCII and the common escapes), if present. */
static void print_field(const char *line, const char *key) {
  const char *found = strstr(line, key);
  if (!found) return;
  const char *p = found + strlen(key);
  char out[4096];
  size_t n = 0;
  while (*p && *p != '"' && n < sizeof out - 4) {
    if (*p == '\\' && p[1]) {
      p++;
      switch (*p) {
        case 'n': out[n++] = '\n'; break;
        case 't': out[n++] = '\t'; break;
        case 'u': out[n++] = '?'; p += 4; break;
        default: out[n++] = *p;
      }
      p++;
    } else {
      out[n++] = *p++;
    }
  }
  if (n > 0 && write(1, out, n) < 0) exit(1);
}

/* Prints every complete NDJSON line in `body`, keeping the rest. */
static void drain_lines(void) {
  char *start = body;
  char *end;
  while ((end = memchr(start, '\n', bodyLength - (size_t)(start - body)))) {
    *end = 0;
    print_field(start, "\"thinking\":\"");
    print_field(start, "\"content\":\"");
    start = end + 1;
  }
  bodyLength -= (size_t)(start - body);
  memmove(body, start, bodyLength);
}

int main(int argc, char **argv) {
  if (argc != 6) {
    fprintf(stderr, "usage: rawprint HOST PORT MODEL PROMPT STATS_FILE\n");
    return 2;
  }
  struct addrinfo hints = {0}, *address;
  hints.ai_socktype = SOCK_STREAM;
  if (getaddrinfo(argv[1], argv[2], &hints, &address) != 0) return 3;
  int fd = socket(address->ai_family, SOCK_STREAM, 0);
  if (fd < 0 || connect(fd, address->ai_addr, address->ai_addrlen) != 0) return 3;
  char json[1024], request[2048];
  snprintf(json, sizeof json, "{\"model\":\"%s\",\"messages\":[{\"role\":\"user\",\"content\":\"%s\"}],\"stream\":true}",
           argv[3], argv[4]);
  int length = snprintf(request, sizeof request,
                        "POST /api/chat HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n"
                        "Connection: close\r\n\r\n%s", argv[1], strlen(json), json);
  if (write(fd, request, (size_t)length) != length) return 3;

  /* The response head, then chunked framing: a hex size line, the data, CRLF. */
  static char raw[1 << 16];
  size_t rawLength = 0;
  int inHead = 1;
  long chunkLeft = -1; /* -1: a size line is next */
  for (;;) {
    ssize_t got = read(fd, raw + rawLength, sizeof raw - rawLength);
    if (got <= 0) break;
    rawLength += (size_t)got;
    size_t at = 0;
    if (inHead) {
      char *blank = memmem(raw, rawLength, "\r\n\r\n", 4);
      if (!blank) continue;
      at = (size_t)(blank - raw) + 4;
      inHead = 0;
    }
    for (;;) {
      if (chunkLeft < 0) {
        char *lineEnd = memmem(raw + at, rawLength - at, "\r\n", 2);
        if (!lineEnd) break;
        chunkLeft = strtol(raw + at, NULL, 16);
        at = (size_t)(lineEnd - raw) + 2;
        if (chunkLeft == 0) goto done;
      }
      size_t take = rawLength - at < (size_t)chunkLeft ? rawLength - at : (size_t)chunkLeft;
      memcpy(body + bodyLength, raw + at, take);
      bodyLength += take;
      at += take;
      chunkLeft -= (long)take;
      if (chunkLeft > 0) break;
      if (rawLength - at < 2) { chunkLeft = 0; break; }
      at += 2; /* the CRLF after the data */
      chunkLeft = -1;
    }
    drain_lines();
    if (chunkLeft == 0) { /* waiting for the CRLF after a chunk's data */
      if (rawLength - at >= 2) { at += 2; chunkLeft = -1; }
    }
    memmove(raw, raw + at, rawLength - at);
    rawLength -= at;
  }
done:
  drain_lines();
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  FILE *stats = fopen(argv[5], "w");
  if (stats) {
    fprintf(stats, "%.3f %ld\n",
            usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6,
            usage.ru_maxrss);
    fclose(stats);
  }
  return 0;
}
