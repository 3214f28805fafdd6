#!/usr/bin/env bash
# `ponder ask` as a user runs it: exit codes, stdout/stderr split, Ctrl-C closing the stream.
set -uo pipefail
source "$(dirname "$0")/../lib/e2e.sh"
start_scripted_server --rate 200
P="$BIN/ponder"
out="$E2E_TMP/out" err="$E2E_TMP/err"

"$P" ask --host "$SERVER_URL" --model qwen3:8b "What is the weather?" >"$out" 2>"$err"; code=$?
check "answer streams, exit 0" [ "$code" -eq 0 ]
check "answer on stdout" grep -q "That is all." "$out"
check "reasoning on stderr, not stdout" bash -c "grep -q 'Let me think' '$err' && ! grep -q 'Let me think' '$out'"
check "summary line with tok/s" grep -q "tok/s · first token" "$err"

"$P" ask --host "$SERVER_URL" --model nope hi >"$out" 2>"$err"; code=$?
check "unknown model exits 4" [ "$code" -eq 4 ]
check "unknown model names status and message" grep -q "HTTP 404.*model 'nope' not found" "$err"

"$P" ask --host "$SERVER_URL" --model qwen3:8b fail:midstream >"$out" 2>"$err"; code=$?
check "error line mid-stream exits 5" [ "$code" -eq 5 ]
"$P" ask --host "$SERVER_URL" --model llama3.2 fail:truncate >"$out" 2>"$err"; code=$?
check "truncated stream exits 5 with partial text" bash -c "[ $code -eq 5 ] && [ -s '$out' ]"
"$P" ask --host "$SERVER_URL" --model llama3.2 fail:reset >"$out" 2>"$err"; code=$?
check "connection reset exits 5" [ "$code" -eq 5 ]
"$P" ask --host http://127.0.0.1:1 --model x hi >"$out" 2>"$err"; code=$?
check "no server exits 3" [ "$code" -eq 3 ]
"$P" ask --think --no-think hi >"$out" 2>"$err"; code=$?
check "usage error exits 2" [ "$code" -eq 2 ]
echo "say hi from stdin" | "$P" ask --host "$SERVER_URL" --model llama3.2 - >"$out" 2>"$err"; code=$?
check "prompt from stdin" [ "$code" -eq 0 ]

"$P" ask --host "$SERVER_URL" --model qwen3:8b "a long story" >"$out" 2>"$err" &
ask_pid=$!
sleep 1
kill -INT "$ask_pid"; wait "$ask_pid"; code=$?
check "Ctrl-C exits 130" [ "$code" -eq 130 ]
sleep 0.3
check "the server saw the connection closed" grep -q "client closed the connection: /api/chat" "$SERVER_LOG"
finish
