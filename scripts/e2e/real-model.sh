#!/usr/bin/env bash
# A real model end to end: llama.cpp's llama-server with SmolLM2-135M (scripts/demo-server,
# built once into the cache), over the OpenAI-compatible and Anthropic APIs, in `ask` and in
# the TUI; and a cancelled request really stops generation on the server.
set -uo pipefail
source "$(dirname "$0")/../lib/e2e.sh"
trap 'stop_tmux; "$PONDER_ROOT/scripts/demo-server" --stop >/dev/null 2>&1; cleanup' EXIT

started=$(date +%s)
URL="$("$PONDER_ROOT/scripts/demo-server" 2>"$E2E_TMP/demo.log" | tail -1)"
check "the demo server starts (install and start took $(( $(date +%s) - started )) s)" [ -n "$URL" ]
[ -n "$URL" ] || { tail -20 "$E2E_TMP/demo.log"; finish; exit 1; }
SERVER_LOG="${PONDER_CACHE}/demo-server.log"
out="$E2E_TMP/out" err="$E2E_TMP/err"

for api in openai anthropic; do
  "$BIN/ponder" ask --host "$URL" --api "$api" "Name three colors." >"$out" 2>"$err"; code=$?
  # Exit 6 is an answer cut by the length limit: the tiny model sometimes rambles to it.
  check "ask over $api: exit 0 (or 6, cut by the length limit)" bash -c "[ $code -eq 0 ] || [ $code -eq 6 ]"
  check "ask over $api: a non-empty answer" [ -s "$out" ]
  check "ask over $api: statistics (tokens, tok/s, done)" grep -qE "[0-9]+ tokens · [0-9.]+ tok/s.* · done: (stop|end_turn|length|max_tokens)" "$err"
  echo "    $api: $(tail -1 "$err")"
done
"$BIN/ponder" ask --host "$URL" --api auto "Say hi." >"$out" 2>"$err"; code=$?
# Exit 6 is an answer cut by the length limit: the tiny model sometimes rambles to it on "Say hi."
check "--api auto finds the OpenAI-compatible API" bash -c "{ [ $code -eq 0 ] || [ $code -eq 6 ]; } && grep -q 'found an OpenAI-compatible server' '$err'"
echo "    auto: exit $code, $(head -3 "$err" | tr '\n' ' ')"

# Cancel: a long generation, interrupted; the server's log shows the task cancelled.
lines_before=$(wc -l <"$SERVER_LOG")
"$BIN/ponder" ask --host "$URL" --api openai "Write a very long essay about the history of the sea, with many chapters." >"$out" 2>"$err" &
ask_pid=$!
sleep 0.7
kill -INT "$ask_pid"; wait "$ask_pid"; code=$?
check "Ctrl-C ends ask with 130" [ "$code" -eq 130 ]
sleep 0.5
check "the server stopped generating (its log says the task was cancelled)" bash -c "tail -n +$((lines_before + 1)) '$SERVER_LOG' | grep -qE 'cancel task|stop processing'"
# The slot stops at its next token, which on a loaded machine can take a few seconds.
for _ in $(seq 1 100); do
  slots=$(curl -s "$URL/slots" 2>/dev/null || true)
  grep -q '"is_processing":true' <<<"$slots" || break
  sleep 0.1
done
check "no slot is still processing" bash -c "! grep -q '\"is_processing\":true' <<<'$slots'"

tmux_cmd -f /dev/null new-session -d -s e2e -x 100 -y 30 "TERM=xterm-256color $BIN/ponder --host $URL; echo PONDER-EXIT=\$?; sleep 60"
check "the TUI connects to the real server" wait_for_screen "smollm2-135m" 15
tmux_cmd send-keys -t e2e "Write one sentence about the moon." Enter
check "the TUI streams a real answer with the server's tok/s" wait_for_screen "✓ done \((stop|length)\) · [0-9]+ tok · [0-9.]+ tok/s \(server\)" 300
tmux_cmd send-keys -t e2e C-q
check "the TUI quits cleanly" wait_for_screen "PONDER-EXIT=0" 5
finish
