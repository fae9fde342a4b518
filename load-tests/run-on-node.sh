#!/usr/bin/env bash
# Starts one local PaxCare node (embedded PostgreSQL, the demo airline), runs one Gatling simulation against it,
# prints the node's resident memory and stops it: run-on-cluster.sh with a cluster of one. From the repository root:
#
#   load-tests/run-on-node.sh UrgentEventsSimulation -Drate=100 -Dseconds=30
#
# WARMUP_SECONDS, as for run-on-cluster.sh, first sends unreported events so the node's JIT has compiled its hot path.
CLUSTER_NODES=1 exec "$(dirname "$0")/run-on-cluster.sh" "$@"
