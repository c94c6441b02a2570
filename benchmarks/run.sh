#!/usr/bin/env bash
# Runs the benchmarks of mtls-spring-boot. Never part of the default build.
#   benchmarks/run.sh reload [rotations]   reload latency per replacement style (default 20 rotations)
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-reload}"
shift || true
mvn -B -q -Pbenchmarks -DskipTests install -pl benchmarks -am
jar=benchmarks/target/benchmarks-exec.jar
case "$what" in
	reload) java -Dloader.main=dev.mtls.benchmarks.ReloadLatency -jar "$jar" "$@" ;;
	*) echo "unknown benchmark: $what" >&2; exit 2 ;;
esac
