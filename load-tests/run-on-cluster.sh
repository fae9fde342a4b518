#!/usr/bin/env bash
# Starts a local PaxCare cluster (the product's exec:exec@cluster: CLUSTER_NODES nodes, 3 by default, on HTTP ports
# from CLUSTER_PORT, 8081, over one embedded PostgreSQL, the demo airline loaded), runs one Gatling simulation against
# all its nodes, prints each node's resident memory after the run, and stops the cluster. From the repository root:
#
#   load-tests/run-on-cluster.sh UrgentEventsSimulation -Drate=100 -Dseconds=20
#
# Arguments after the simulation's name go to Gatling. Exits with Gatling's status. WARMUP_SECONDS (0) first sends
# urgent events at 50/s for that long (not reported) and lets the plans finish: three fresh JVMs compiling their hot
# code on a small machine otherwise dominate the first seconds of the measured run.
set -uo pipefail
cd "$(dirname "$0")/.."
simulation=${1:?usage: load-tests/run-on-cluster.sh SimulationName [-Dname=value ...]}
shift
log=$(mktemp /tmp/paxcare-local-cluster-XXXXXX.log)

./mvnw -q -B test-compile exec:exec@cluster -Dcluster.nodes="${CLUSTER_NODES:-3}" \
  -Dcluster.port="${CLUSTER_PORT:-8081}" >"$log" 2>&1 &
maven=$!
launcher=
stop_cluster() {
  # SIGTERM to the launcher itself: it stops its nodes, then PostgreSQL, then exits, and Maven with it.
  if [[ -n $launcher ]]; then kill "$launcher" 2>/dev/null; else kill "$maven" 2>/dev/null; fi
  wait "$maven" 2>/dev/null
  echo "Cluster stopped (its output: $log)"
}
trap stop_cluster EXIT

echo "Starting the cluster (output in $log)"
deadline=$((SECONDS + 600))
until grep -q '^ready' "$log"; do
  if ! kill -0 "$maven" 2>/dev/null || ((SECONDS > deadline)); then
    echo "The cluster did not start:" >&2
    cat "$log" >&2
    exit 1
  fi
  launcher=$(sed -n 's/^cluster launcher pid \([0-9]*\)$/\1/p' "$log")
  sleep 1
done
launcher=$(sed -n 's/^cluster launcher pid \([0-9]*\)$/\1/p' "$log")
grep -E '^(node-|PostgreSQL|ready)' "$log"
urls=$(sed -n 's/^-Dpaxcare.urls=//p' "$log")

if ((${WARMUP_SECONDS:-0} > 0)); then
  echo "Warming up: urgent events at 50/s for $WARMUP_SECONDS s (output in $log.warmup)"
  ./mvnw -q -B -f load-tests/pom.xml gatling:test -Dgatling.simulationClass=com.paxcare.load.UrgentEventsSimulation \
    -Dpaxcare.urls="$urls" -Drate=50 -Dseconds="$WARMUP_SECONDS" >"$log.warmup" 2>&1
  sleep 15
fi
./mvnw -q -B -f load-tests/pom.xml gatling:test -Dgatling.simulationClass="com.paxcare.load.$simulation" \
  -Dpaxcare.urls="$urls" "$@"
status=$?

sed -n 's/^\(node-[0-9]*\) .*(pid \([0-9]*\),.*/\1 \2/p' "$log" | while read -r node pid; do
  rss=$(ps -o rss= -p "$pid")
  if [[ -n $rss ]]; then
    echo "$node (pid $pid) resident memory after the run: $((rss / 1024)) MB"
  else
    echo "$node (pid $pid) is not running any more"
  fi
done
exit $status
