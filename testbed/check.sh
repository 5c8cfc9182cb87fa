#!/usr/bin/env bash
# Smoke test of a running testbed (after up.sh): ssh login on every host, the
# Docker API over ssh2 streamlocal, and a container on h2 whose published
# port is fetched from the root namespace. Cleans up what it creates.
# Usage: testbed/check.sh [STATE_DIR]
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
source "$HERE/lib.sh"
STATE=$(tb_state_dir "${1:-}")
[[ -f "$STATE/testbed.json" ]] || tb_die "no $STATE/testbed.json: run testbed/up.sh first"

ssh_opts=(-F /dev/null -i "$STATE/client_ed25519" -o IdentitiesOnly=yes -o BatchMode=yes
          -o StrictHostKeyChecking=yes -o UserKnownHostsFile="$STATE/known_hosts"
          -o GlobalKnownHostsFile=/dev/null -o ConnectTimeout=5 -o LogLevel=ERROR)

# 1. Plain ssh login, and the deploy user can use the Docker socket.
for n in "${TB_HOSTS[@]}"; do
  addr=$(tb_addr "$n")
  out=$(timeout 15 ssh "${ssh_opts[@]}" "$TB_USER@$addr" "id -un; test -w $STATE/h$n/docker.sock && echo sock-ok")
  [[ "$out" == $'sdtest\nsock-ok' ]] || tb_die "ssh check on h$n: got '$out'"
  echo "h$n: ssh OK"
done

# 2. The engine's path: ssh2 + openssh_forwardOutStreamLocal + HTTP.
if [[ -d "$HERE/../node_modules/ssh2" ]]; then
  timeout 30 node "$HERE/check-ssh2.mjs" "$STATE/testbed.json"
else
  tb_log "skipping ssh2 check: run npm ci first"
fi

# 3. A published port on h2, fetched from the root namespace at 10.77.0.12.
D=("$TB_DOCKER" -H "unix://$STATE/h2/docker.sock")
cleanup() {
  "${D[@]}" rm -f sd-check-web >/dev/null 2>&1 || true
  "${D[@]}" network rm sd-check-net >/dev/null 2>&1 || true
}
trap cleanup EXIT
cleanup
# No default bridge exists (--bridge=none): a user-defined one is needed.
"${D[@]}" network create sd-check-net >/dev/null
# --init: busybox as PID 1 ignores SIGTERM, so stop would wait the full timeout.
"${D[@]}" run -d --init --name sd-check-web --network sd-check-net -p 8088:8088 \
  "$TB_IMAGE" httpd -f -p 8088 -h /www >/dev/null
body=""
for _ in $(seq 100); do   # at most ~10 s
  body=$(curl -sf --max-time 1 http://10.77.0.12:8088/ || true)
  [[ "$body" == *"stackdraft testbed OK"* ]] && break
  sleep 0.1
done
[[ "$body" == *"stackdraft testbed OK"* ]] || tb_die "http://10.77.0.12:8088/ did not answer (got '$body')"
echo "h2: container port 8088 reachable at 10.77.0.12:8088"
# 4. A container on h2 reaches another host (h1's sshd) through h2's NAT.
banner=$("${D[@]}" run --rm --network sd-check-net "$TB_IMAGE" \
  sh -c 'echo | timeout 5 nc 10.77.0.11 22 | head -c 7' 2>/dev/null || true)
[[ "$banner" == "SSH-2.0" ]] || tb_die "container on h2 cannot reach 10.77.0.11:22 (got '$banner')"
echo "h2: container reaches h1 (10.77.0.11:22)"

t0=$(date +%s.%N)
"${D[@]}" stop -t 10 sd-check-web >/dev/null
echo "h2: container stopped in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.2f", b-a}') s"
echo "testbed check: all OK"
