#!/usr/bin/env bash
# Runs the benchmarks of mtls-spring-boot. The build compiles them; only this script runs them.
#   benchmarks/run.sh all                          everything below, in one run (about 9 minutes on 2 cores)
#   benchmarks/run.sh load [rounds] [seconds]      starter vs hand-wired baseline vs one-way TLS (ab, openssl s_time)
#   benchmarks/run.sh jmh [JMH options]            per-request work of the starter (JMH)
#   benchmarks/run.sh devpki [runs]                development PKI generation in a fresh JVM
#   benchmarks/run.sh reload [rotations]           reload latency per replacement style (default 20 rotations)
# Needs: Java 17 (java on the PATH), Maven, ab (Debian: apache2-utils), openssl; a Java 25 JDK under
# /usr/lib/jvm/temurin-25-jdk-amd64 (or BENCHMARK_JAVA25) adds Java 25 variants.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-reload}"
shift || true
mvn -B -q -DskipTests install -pl benchmarks,benchmarks/baseline -am
mvn -B -q dependency:build-classpath -pl benchmarks -Dmdep.outputFile=target/classpath.txt >/dev/null
jar=benchmarks/target/benchmarks-exec.jar
classpath="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
jmh() {
	if [ "$#" -eq 0 ]; then set -- -f 1 -wi 2 -w 1s -i 4 -r 1s; fi
	java -cp "$classpath" org.openjdk.jmh.Main PerRequestBenchmarks "$@"
}
devpki() { for _ in $(seq 1 "${1:-3}"); do java -cp "$classpath" dev.mtls.boot.dev.DevelopmentPkiTiming; done; }
case "$what" in
	all)
		java -cp "$classpath" dev.mtls.benchmarks.LoadBenchmarks 3 4 .
		jmh
		devpki 3
		java -Dloader.main=dev.mtls.benchmarks.ReloadLatency -jar "$jar" 20 ;;
	load) java -cp "$classpath" dev.mtls.benchmarks.LoadBenchmarks "${1:-3}" "${2:-4}" . ;;
	jmh) jmh "$@" ;;
	devpki) devpki "$@" ;;
	reload) java -Dloader.main=dev.mtls.benchmarks.ReloadLatency -jar "$jar" "$@" ;;
	*) echo "unknown benchmark: $what" >&2; exit 2 ;;
esac
