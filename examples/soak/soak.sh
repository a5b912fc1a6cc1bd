#!/usr/bin/env bash
# A soak run: the soak server's echo route on one JVM, the call simulator churning calls through it on another.
# Usage: examples/soak/soak.sh [CHURN [CALLS [SAMPLE]]]   (defaults: 30m, 200 calls up, a sample every 1m)
# Each call lasts a random 1 s to 20 s and is replaced by a new one when it ends. The server prints a sample
# (heap after GC, threads, file descriptors, direct memory) every SAMPLE, and at the end the first, middle and last.
set -euo pipefail
cd "$(dirname "$0")/../.."

churn=${1:-30m}
calls=${2:-200}
sample=${3:-1m}
port=${SOAK_PORT:-9092}
server_jar=examples/soak/target/soak-server.jar
simulator_jar=examples/call-simulator/target/call-simulator.jar
log=examples/soak/target/soak-server.txt

if [[ ! -f $server_jar || ! -f $simulator_jar ]]; then
    ./mvnw -B -q install -DskipTests
fi

java -Xms512m -Xmx512m -jar "$server_jar" --port "$port" --sample "$sample" > "$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
    grep -q "listening on port" "$log" && break
    kill -0 "$server" 2>/dev/null || { cat "$log"; exit 1; }
    sleep 0.1
done
echo "Soak server (pid $server) samples: $log"

status=0
java -jar "$simulator_jar" --port "$port" --calls "$calls" --ramp 10s --churn "$churn" --duration 20s \
    --echo-check --progress 1m || status=$?

sleep 5 # the last calls' sockets close; the final sample is of the server at rest
kill -TERM "$server"
wait "$server" || true
trap - EXIT
echo
cat "$log"
exit "$status"
