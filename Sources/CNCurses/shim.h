// The one C header Ponder includes for curses: wide-character ncurses (ncursesw), with the C
// globals Swift 6 cannot read safely (stdscr, LINES, COLS, COLORS) wrapped in inline functions.
#ifndef PONDER_CNCURSES_SHIM_H
#define PONDER_CNCURSES_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <wchar.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <ncursesw/curses.h>

static inline WINDOW *ponder_stdscr(void) { return stdscr; }
static inline int ponder_lines(void) { return LINES; }
static inline int ponder_cols(void) { return COLS; }
static inline int ponder_colors(void) { return COLORS; }
static inline int ponder_color_pairs(void) { return COLOR_PAIRS; }
static inline int ponder_key_code_yes(void) { return KEY_CODE_YES; }
static inline WINDOW *ponder_curscr(void) { return curscr; }
/// Where curses believes the terminal's cursor is (after an update): row and column.
static inline int ponder_physical_cursor_y(void) { return getcury(curscr); }
static inline int ponder_physical_cursor_x(void) { return getcurx(curscr); }
static inline FILE *ponder_stdout(void) { return stdout; }
static inline FILE *ponder_stdin(void) { return stdin; }
/// The code ncurses reports for function key `n` (the `KEY_F(n)` macro).
static inline int ponder_key_f(int n) { return KEY_F(n); }

/// Columns the C library gives a character (what ncurses uses); -1 when unprintable.
static inline int ponder_wcwidth(unsigned int scalar) { return wcwidth((wchar_t)scalar); }

/// The attribute bits for a style (`A_*` are macros Swift cannot import).
static inline attr_t ponder_attributes(int bold, int dim, int italic, int underline, int reverse) {
  attr_t attrs = A_NORMAL;
  if (bold) attrs |= A_BOLD;
  if (dim) attrs |= A_DIM;
#ifdef A_ITALIC
  if (italic) attrs |= A_ITALIC;
#else
  (void)italic;
#endif
  if (underline) attrs |= A_UNDERLINE;
  if (reverse) attrs |= A_REVERSE;
  return attrs;
}

/// Applies the user's locale; if its character set is not UTF-8, falls back to C.UTF-8 for
/// LC_CTYPE so wide characters can still be written. Returns 1 when the result is UTF-8.
static inline int ponder_setup_locale(void) {
  setlocale(LC_ALL, "");
  if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0) return 1;
  if (setlocale(LC_CTYPE, "C.UTF-8") == NULL && setlocale(LC_CTYPE, "C.utf8") == NULL) return 0;
  return strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
}

/// Installs `handler` for `sig` (on the alternate signal stack if there is one) and stores the
/// previous action in `previous`, so it can be put back with `sigaction`. Returns 0 on success.
static inline int ponder_set_signal_handler(int sig, void (*handler)(int), struct sigaction *previous) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_ONSTACK;
  return sigaction(sig, &action, previous);
}

// From <term.h>, which is not included: its capability macros (`lines`, `columns`, …) would
// clash with ordinary names.
struct term;
extern int setupterm(const char *, int, int *);
extern struct term *set_curterm(struct term *);
extern int del_curterm(struct term *);

/// Whether terminal `name` can draw a full screen, asked of terminfo before curses starts:
/// 1 when it can move the cursor (`cup`), 0 when it cannot (`dumb`, hard-copy terminals),
/// -1 when terminfo does not know it.
static inline int ponder_terminal_can_address(const char *name) {
  int status = 0;
  if (setupterm(name, 1, &status) != 0) return -1;
  char *cup = tigetstr("cup");
  int can = cup != NULL && cup != (char *)-1;
  del_curterm(set_curterm(NULL));
  return can;
}

/// The size of the terminal on `fd` (TIOCGWINSZ). Returns 0 on success.
static inline int ponder_window_size(int fd, int *rows, int *cols) {
  struct winsize size;
  if (ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) return -1;
  *rows = size.ws_row;
  *cols = size.ws_col;
  return 0;
}

/// Writes one cell: a spacing character plus up to 4 combining characters, with attributes and
/// a colour pair. Returns ERR when curses refuses (e.g. the bottom-right cell); callers ignore it.
static inline int ponder_put_cell(int y, int x, const wchar_t *text, attr_t attrs, int pair) {
  cchar_t cell;
  if (setcchar(&cell, text, attrs, (short)pair, NULL) == ERR) return ERR;
  return mvadd_wch(y, x, &cell);
}

/// The terminal's sequence for cursor shape `shape` (DECSCUSR through terminfo's `Ss`: 0 the
/// user's default, 1 a blinking block), or NULL when the terminal does not describe one.
static inline const char *ponder_cursor_shape(int shape) {
  char *capability = tigetstr("Ss");
  if (capability == NULL || capability == (char *)-1) return NULL;
  return tiparm(capability, shape);
}

#endif
