"""Figures for one stream of scripts/bench-live: Ponder beside the raw printer, and the ratio.

analyse.py LABEL KIND FOLDER KEY RUNS, where FOLDER holds, per client and run,
{ponder,raw}-KEY-RUN.{server,tap,terminal,stats}:
  .server   one line per token the server wrote: CLOCK_MONOTONIC ns, TAB, the token as JSON
  .tap      one line per read of the terminal's output: CLOCK_MONOTONIC ns, bytes so far
  .terminal what the client wrote to its terminal
  .stats    CPU seconds, peak RSS in KB, idle CPU share
Display lag of a token: from the server writing it to the first terminal read after which it is
on screen (every bench token is unique; tokens are looked for in order).
"""
import json
import re
import statistics
import sys

import pyte  # pip install pyte: a terminal emulator, to see what the screen showed


def lags(folder, client, key, run):
    """Replays what the client wrote to its terminal, read by read, through a terminal emulator
    (pyte) and notes the read after which each token is first on screen."""
    base = f"{folder}/{client}-{key}-{run}"
    sent = []
    with open(base + ".server") as server:
        for line in server:
            ns, token = line.rstrip("\n").split("\t", 1)
            sent.append((int(ns), json.loads(token)))
    terminal = open(base + ".terminal", "rb").read()
    text_bytes = sum(len(token.encode()) for _, token in sent)
    screen = pyte.Screen(120, 40)
    stream = pyte.ByteStream(screen)
    wanted = [(ns, re.compile(r"(?<![0-9a-z])" + re.escape(token.strip()) + r"(?![0-9a-z])"))
              for ns, token in sent if token.strip()]
    found, next_token, offset = [], 0, 0
    for line in open(base + ".tap"):
        time, total = map(int, line.split())
        stream.feed(terminal[offset:total])
        offset = total
        rows = [row.rstrip() for row in screen.display]
        # Tokens cut at the right margin (a raw printer) or wrapped at a space (Ponder).
        shown = " ".join(rows) + "\n" + "".join(row.ljust(120) for row in screen.display)
        while next_token < len(wanted) and wanted[next_token][1].search(shown):
            found.append((time - wanted[next_token][0]) / 1e6)
            next_token += 1
    return found, len(wanted) - next_token, text_bytes, len(terminal)


def main():
    label, kind, folder, key, runs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
    figures = {}
    for client in ("ponder", "raw"):
        cpu, rss, idle, median, p95, per_byte, missing = [], [], [], [], [], [], 0
        for run in range(1, runs + 1):
            stats = open(f"{folder}/{client}-{key}-{run}.stats").read().split()
            cpu.append(float(stats[0]))
            rss.append(float(stats[1]) / 1024)
            idle.append(float(stats[2]))
            found, gone, text_bytes, terminal_bytes = lags(folder, client, key, run)
            per_byte.append(terminal_bytes / max(1, text_bytes))
            missing += gone
            if kind == "lag" and found:
                found.sort()
                median.append(statistics.median(found))
                p95.append(found[min(len(found) - 1, int(len(found) * 0.95))])
        figures[client] = {
            "cpu": statistics.median(cpu), "rss": statistics.median(rss), "idle": statistics.median(idle),
            "median": statistics.median(median) if median else None, "p95": statistics.median(p95) if p95 else None,
            "bytes": statistics.median(per_byte), "missing": missing,
        }
    ponder, raw = figures["ponder"], figures["raw"]

    def row(name, unit, field, fmt, difference=False):
        mine, floor = ponder[field], raw[field]
        if mine is None or floor is None:
            return
        compare = f"+{mine - floor:{fmt}} {unit}" if difference else f"{mine / floor:.2f}x" if floor else "-"
        print(f"live    {label}: {name:<22} ponder {mine:{fmt}} {unit:<3} raw {floor:{fmt}} {unit:<3} -> {compare}")

    row("CPU seconds", "s", "cpu", ".3f")
    if kind == "lag":
        row("display lag median", "ms", "median", ".1f", difference=True)
        row("display lag p95", "ms", "p95", ".1f", difference=True)
    row("peak RSS", "MB", "rss", ".1f")
    row("terminal bytes/text byte", "", "bytes", ".2f")
    print(f"live    {label}: ponder idle after the stream {100 * ponder['idle']:.2f}% of a core"
          + (f"; tokens not found on screen: ponder {ponder['missing']}, raw {raw['missing']}" if kind == "lag" else ""))


main()
