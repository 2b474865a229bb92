#!/usr/bin/env bash
# Non-streaming calls/s of Gauntlet's scripted provider mock, measured in one run against nginx serving a static
# body of the same size and a plain WireMock static stub (journal and request logging off for both WireMocks).
# Goal (issue 3): >= 0.2x nginx and >= 0.8x plain WireMock.  Usage: bench/provider-mock.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
secs="${1:-15}"; conns="${2:-64}"
command -v wrk >/dev/null && command -v nginx >/dev/null || { apt-get update -q && apt-get install -y -q wrk nginx; }

./mvnw -q -B -Dmaven.test.skip=true install
(cd fault-injectors && ../mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp \
  -Dmdep.includeScope=test)
work="$(mktemp -d)"
mkfifo "$work/stdin"
java -cp "fault-injectors/target/test-classes:fault-injectors/target/classes:$(cat fault-injectors/target/bench.cp)" \
  dev.gauntlet.faults.ProviderMockBenchmark < "$work/stdin" > "$work/urls" 2>"$work/server.log" &
server=$!
exec 3>"$work/stdin"   # keeps the server's stdin open until we close it
trap 'exec 3>&-; kill $server 2>/dev/null; [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do grep -q '^BODY ' "$work/urls" 2>/dev/null && break; sleep 0.5; done
scripted=$(awk '/^SCRIPTED /{print $2}' "$work/urls"); static=$(awk '/^STATIC /{print $2}' "$work/urls")
sed -n 's/^BODY //p' "$work/urls" | tr -d '\n' > "$work/body.json"

port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
cat > "$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$port;
    location / { default_type application/json; return 200 '$(cat "$work/body.json")'; }
  }
}
CONF
nginx -c "$work/nginx.conf" -p "$work"

cat > "$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Say hello"}]}'
wrk.headers["Content-Type"] = "application/json"
LUA

rate() { wrk -t2 -c"$conns" -d"${secs}s" -s "$work/post.lua" "$1" | tee -a "$work/wrk.log" | awk '/Requests\/sec/{print $2}'; }
for url in "$scripted" "$static"; do wrk -t2 -c"$conns" -d3s -s "$work/post.lua" "$url" >/dev/null; done  # JIT warm-up
r_nginx=$(rate "http://127.0.0.1:$port/v1/chat/completions")
r_static=$(rate "$static")
r_scripted=$(rate "$scripted")
printf 'body %s bytes, %s connections, %s s each\n' "$(wc -c < "$work/body.json")" "$conns" "$secs"
printf '%-28s %10s req/s\n' "nginx static" "$r_nginx" "WireMock static stub" "$r_static" "Gauntlet scripted mock" "$r_scripted"
python3 - "$r_nginx" "$r_static" "$r_scripted" <<'PY'
import sys
nginx, static, scripted = map(float, sys.argv[1:])
print(f"scripted / nginx  = {scripted / nginx:.2f}  (goal >= 0.20)")
print(f"scripted / static = {scripted / static:.2f}  (goal >= 0.80)")
PY
