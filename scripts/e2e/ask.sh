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
echo "the piped text about otters" | "$P" ask --host "$SERVER_URL" --model llama3.2 "summarize this" >"$out" 2>"$err"; code=$?
check "piped stdin and a prompt together: exit 0" [ "$code" -eq 0 ]
check "the request holds the prompt, a blank line, then the piped text" \
  grep -qF '"content":"summarize this\n\nthe piped text about otters' "$SERVER_LOG"

"$P" ask --host "$SERVER_URL" --model llama3.2 cut:length >"$out" 2>"$err"; code=$?
check "an answer cut off by the length limit exits 6" [ "$code" -eq 6 ]
check "the cut-off answer is printed" [ -s "$out" ]
check "stderr warns it was cut off and how to give it room" \
  grep -q "warning: the answer was cut off by the length limit (length).*--option num_predict=" "$err"
"$P" ask --host "$SERVER_URL" --model qwen3:8b cut:thinking >"$out" 2>"$err"; code=$?
check "a thinking model that spent its budget reasoning exits 6 with no answer" bash -c "[ $code -eq 6 ] && [ ! -s '$out' ]"
check "stderr says there is no answer and offers --no-think" grep -q "warning: no answer: .*--no-think" "$err"
"$P" ask --host "$SERVER_URL" --model qwen3:8b --option num_predict=2048 cut:thinking >"$out" 2>"$err"; code=$?
check "the same prompt with more room answers (exit 0)" bash -c "[ $code -eq 0 ] && grep -q 'That is all.' '$out'"

"$P" ask --host "$SERVER_URL" --model qwen3:8b "a long story" >"$out" 2>"$err" &
ask_pid=$!
sleep 1
kill -INT "$ask_pid"; wait "$ask_pid"; code=$?
check "Ctrl-C exits 130" [ "$code" -eq 130 ]
sleep 0.3
check "the server saw the connection closed" grep -q "client closed the connection: /api/chat" "$SERVER_LOG"
# An impossible address is a usage error with one line, never a crash; a password is not repeated.
said="$("$BIN/ponder" ask --host http://127.0.0.1:99999 hi 2>&1 </dev/null)"; code=$?
check "a port out of range exits 2" [ "$code" -eq 2 ]
check "and says which port" grep -q "the port 99999 is not a number from 1 to 65535" <<<"$said"
said="$("$BIN/ponder" ask --host http://me:hunter2@127.0.0.1 hi 2>&1 </dev/null)"; code=$?
check "a password in --host exits 2 without repeating it" bash -c '[ "$1" -eq 2 ] && ! grep -q hunter2 <<<"$2"' _ "$code" "$said"
# Nobody reads the answer: a full disk or a closed pipe ends ask at once, with exit 1.
"$BIN/ponder" ask --host "$SERVER_URL" --model qwen3:8b "a long story for a full disk" >/dev/full 2>"$E2E_TMP/full.err" </dev/null; code=$?
check "ask > /dev/full exits 1" [ "$code" -eq 1 ]
check "and says the answer could not be written" grep -q "cannot write the answer" "$E2E_TMP/full.err"
start=$SECONDS
"$BIN/ponder" ask --host "$SERVER_URL" --model qwen3:8b "a long story for head" 2>"$E2E_TMP/head.err" </dev/null | head -c 50 >/dev/null
code=${PIPESTATUS[0]}
check "ask | head stops the stream instead of generating for nobody" [ $((SECONDS - start)) -lt 5 ]
check "and exits 1 saying the reader closed the pipe (not killed by SIGPIPE)" \
  bash -c '[ "$1" -eq 1 ] && grep -q "the reader closed the pipe" "$2"' _ "$code" "$E2E_TMP/head.err"
# A server that stalls mid-stream: ask ends after the idle timeout with exit 5, the partial
# answer printed and the cause named — not a hang.
start=$SECONDS
"$BIN/ponder" ask --host "$SERVER_URL" --model llama3.2:latest --idle-timeout 2 "fail:stall please" >"$E2E_TMP/stall.out" 2>"$E2E_TMP/stall.err" </dev/null; code=$?
check "a stalled stream exits 5 after the idle timeout" bash -c "[ $code -eq 5 ] && [ $((SECONDS - start)) -lt 10 ]"
check "and says how long the server was silent" grep -q "no data from the server for 2 s" "$E2E_TMP/stall.err"
check "with the partial answer kept" [ -s "$E2E_TMP/stall.out" ]
# The config file: each problem is one line on stderr naming the file, the line and the key, and
# the rest of the file still applies; a file that is not TOML is one line and the defaults; a
# $PONDER_CONFIG that does not exist is exit 2.
cfg="$E2E_TMP/config.toml"
printf 'model = "llama3.2"\nmodle = "x"\nidle_timeout = "300"\n' >"$cfg"
PONDER_CONFIG="$cfg" "$P" ask --host "$SERVER_URL" "hello from the config" >"$out" 2>"$err"; code=$?
check "a config with an unknown key and a wrong type still answers (exit 0)" [ "$code" -eq 0 ]
check "the unknown key: file, line and a suggestion" \
  grep -qxF "ponder: config: $cfg:2: unknown key \`modle\` (did you mean \`model\`?); ignored" "$err"
check "the wrong type: key, what was expected, the default" \
  grep -qF "ponder: config: $cfg:3: idle_timeout: expected a number above 0 (at most 1000000000), found a string (\"300\"); the default (300) applies" "$err"
check "the rest of the file applied (its model, not the server's first)" \
  bash -c "! grep -q 'no --model given' '$err' && tail -n 20 '$SERVER_LOG' | grep -q '/api/chat {\"model\":\"llama3.2\".*hello from the config'"
printf 'model = "m"\nhost =\n' >"$cfg"
PONDER_CONFIG="$cfg" "$P" ask --host "$SERVER_URL" --model llama3.2 hi >"$out" 2>"$err"; code=$?
check "a malformed config: one line with its place, then the defaults (exit 0)" \
  bash -c "[ $code -eq 0 ] && [ \$(grep -c '^ponder: config:' '$err') -eq 1 ] && grep -q '^ponder: config: $cfg:2:[0-9]*: not valid TOML (.*); nothing in this file applies, Ponder uses its defaults$' '$err'"
PONDER_CONFIG="$E2E_TMP/missing.toml" "$P" ask --host "$SERVER_URL" --model llama3.2 hi >"$out" 2>"$err"; code=$?
check "a PONDER_CONFIG that does not exist exits 2 with one line" \
  bash -c "[ $code -eq 2 ] && [ \$(wc -l <'$err') -eq 1 ] && grep -q 'PONDER_CONFIG names .*missing.toml, which does not exist' '$err'"

# Small usage errors: one line, exit 2, nothing sent.
chats_before=$(grep -c "request POST /api/chat" "$SERVER_LOG")
"$P" ask --host "$SERVER_URL" --model llama3.2 "  " >"$out" 2>"$err"; code=$?
check "a blank prompt exits 2 with one line" \
  bash -c "[ $code -eq 2 ] && [ \$(wc -l <'$err') -eq 1 ] && grep -q 'the prompt is empty (nothing was sent)' '$err'"
check "and is never sent" [ "$(grep -c "request POST /api/chat" "$SERVER_LOG")" -eq "$chats_before" ]
"$P" ask --max-tool-steps -3 hi >"$out" 2>"$err"; code=$?
check "a negative --max-tool-steps says what is wrong" bash -c "[ $code -eq 2 ] && grep -q -- '--max-tool-steps takes 0 or more' '$err'"
"$P" ask --host "$SERVER_URL" --model llama3.2 --api-key-env PONDER_E2E_UNSET_KEY hi >"$out" 2>"$err"; code=$?
check "an unset --api-key-env variable is named in one warning" \
  grep -qx "ponder: PONDER_E2E_UNSET_KEY (named by --api-key-env) is not set: requests are sent without an API key" "$err"
# Servers that are not model servers: every cause named in Ponder's words, never markup or a dump.
for mode in page404 page200 gzip; do
  python3 "$PONDER_ROOT/scripts/lib/odd-server.py" "$E2E_TMP/odd-$mode" "$mode" &
  E2E_PIDS+=($!)
done
for mode in page404 page200 gzip; do for _ in $(seq 1 100); do [ -s "$E2E_TMP/odd-$mode" ] && break; sleep 0.05; done; done
odd() { echo "http://127.0.0.1:$(cat "$E2E_TMP/odd-$1")"; }
"$P" ask --no-save --host "$(odd page404)" --model m hi >"$out" 2>"$err"; code=$?
check "a web server's 404 page: exit 4, the missing endpoint named" bash -c \
  "[ $code -eq 4 ] && grep -q 'there is no /[a-z0-9/]* here (it says \"404 Not Found\"): is this a model server' '$err'"
check "and no markup on stderr" bash -c "! grep -q '<' '$err'"
"$P" ask --no-save --host "$(odd page200)" --model m hi >"$out" 2>"$err"; code=$?
check "a web page served as success is named with its title" bash -c \
  "[ $code -eq 5 ] && grep -q 'answered with a web page (\"Router login\"), not a model stream' '$err'"
"$P" ask --no-save --host "$(odd gzip)" --model m hi >"$out" 2>"$err"; code=$?
check "a compressed reply is named" bash -c "[ $code -eq 5 ] && grep -q 'compressed its reply (gzip)' '$err'"
"$P" ask --no-save --host "https://127.0.0.1:$(cat "$E2E_TMP/odd-page404")" --model m hi >"$out" 2>"$err"; code=$?
check "HTTPS to an HTTP server: exit 3 and one line about TLS, no library dump" bash -c \
  "[ $code -eq 3 ] && grep -q 'TLS handshake failed: is the server serving HTTPS on this port' '$err' && ! grep -q 'BoringSSL' '$err'"
"$P" ask --no-save --host "http://no-such-host.invalid:11434" --model m hi >"$out" 2>"$err"; code=$?
check "an unknown host is named" bash -c "[ $code -eq 3 ] && grep -q 'unknown host no-such-host.invalid' '$err'"
finish
