#!/usr/bin/env bash
# Runs the mTLS demo: builds the samples, starts sample-service-a and sample-service-b with
# development certificates generated on the fly, makes them call each other over mTLS,
# shows a call without a client certificate being refused, then stops both services.
# Needs Java 17+ and Maven. Ports: SERVICE_A_PORT (default 8443), SERVICE_B_PORT (9443).
set -euo pipefail
cd "$(dirname "$0")"

A_PORT="${SERVICE_A_PORT:-8443}"
B_PORT="${SERVICE_B_PORT:-9443}"
WORK="target/demo"
PKI="$WORK/pki"
PIDS=()

stop_services() {
	for pid in "${PIDS[@]:-}"; do
		[ -n "$pid" ] && kill "$pid" 2>/dev/null || true
	done
	for pid in "${PIDS[@]:-}"; do
		[ -n "$pid" ] || continue
		for _ in $(seq 1 100); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.1
		done
		kill -9 "$pid" 2>/dev/null || true
	done
}
trap stop_services EXIT INT TERM

echo "== Building the samples (mvn package, tests skipped) =="
mvn -B -q -DskipTests package -pl sample-service-a,sample-service-b,sample-demo-client -am

rm -rf "$WORK"
mkdir -p "$WORK"
echo "== Starting sample-service-a on :$A_PORT and sample-service-b on :$B_PORT (development PKI in $PKI) =="
java -jar sample-service-a/target/sample-service-a-exec.jar --server.port="$A_PORT" \
	--mtls.dev.directory="$PKI" --sample.peer-url="https://localhost:$B_PORT" >"$WORK/service-a.log" 2>&1 &
PIDS+=("$!")
java -jar sample-service-b/target/sample-service-b-exec.jar --server.port="$B_PORT" \
	--mtls.dev.directory="$PKI" --sample.peer-url="https://localhost:$A_PORT" >"$WORK/service-b.log" 2>&1 &
PIDS+=("$!")

echo "Waiting for both services to start (up to 120 s)..."
for service in a b; do
	for _ in $(seq 1 600); do
		if grep -q "Started SampleService" "$WORK/service-$service.log" 2>/dev/null; then break; fi
		if grep -q "APPLICATION FAILED TO START" "$WORK/service-$service.log" 2>/dev/null; then break; fi
		sleep 0.2
	done
done

status=0
java -jar sample-demo-client/target/sample-demo-client.jar --mtls.dev.directory="$PKI" \
	--demo.service-a-url="https://localhost:$A_PORT" --demo.service-b-url="https://localhost:$B_PORT" \
	--demo.scrape-directory="$WORK" || status=$?

echo
echo "== Startup of each service (from its log) =="
for service in a b; do
	line=$(grep -o "Started SampleService.Application in [0-9.]* seconds" "$WORK/service-$service.log" || true)
	echo "sample-service-$service: ${line:-did not start, see $WORK/service-$service.log}"
done
if [ "$status" -ne 0 ]; then
	echo
	echo "The demo failed. Last lines of the service logs:"
	tail -n 20 "$WORK/service-a.log" "$WORK/service-b.log" || true
fi
exit "$status"
