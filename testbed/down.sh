#!/usr/bin/env bash
# Tear down what testbed/up.sh created: containers, dockerd/containerd/sshd of
# the hosts, namespaces sd-h1..3, the bridge sdbr0 (once no host uses it) and STATE_DIR.
# Usage: [TB_HOSTS="4 5"] testbed/down.sh [STATE_DIR]   (default hosts 1 2 3, /tmp/stackdraft-testbed)
# Safe to run when nothing (or only part of it) is up; always exits 0 unless
# STATE_DIR itself is invalid or we are not root.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
source "$HERE/lib.sh"

[[ $EUID -eq 0 ]] || tb_die "must run as root"
STATE=$(tb_state_dir "${1:-}")
tb_lock

# 1. Remove containers while their dockerd still answers: SIGKILL via rm -f is
#    fast, whereas a dockerd shutdown stops each container with a timeout.
for n in "${TB_HOSTS[@]}"; do
  sock="$STATE/h$n/docker.sock"
  [[ -S "$sock" ]] || continue
  if curl -sf --max-time 2 --unix-socket "$sock" http://d/_ping >/dev/null 2>&1; then
    ids=$(timeout 10 "$TB_DOCKER" -H "unix://$sock" ps -aq 2>/dev/null || true)
    if [[ -n "$ids" ]]; then
      # shellcheck disable=SC2086
      timeout 30 "$TB_DOCKER" -H "unix://$sock" rm -f -v $ids >/dev/null 2>&1 || true
    fi
  fi
done

# 2. Stop daemons politely by their pid files (dockerd stops its containerd).
for n in "${TB_HOSTS[@]}"; do
  tb_stop_pidfiles 15 "$STATE/h$n/dockerd.pid" "$STATE/h$n/sshd.pid" &
done
wait

# 3. Whatever is left, by force. Only processes that are certainly ours:
#    a) anything whose network namespace is one of ours (sshd sessions,
#       containerd, shims, docker-proxy ...);
#    b) daemons whose command line names STATE_DIR (e.g. a containerd that
#       outlived its dockerd);
#    c) processes of containers of our dockerds (own netns, so not in a).
leftover=()
for n in "${TB_HOSTS[@]}"; do
  ns=$(tb_ns "$n")
  [[ -e /run/netns/$ns ]] || continue
  while read -r p; do [[ -n "$p" ]] && leftover+=("$p"); done < <(ip netns pids "$ns" 2>/dev/null || true)
done
while read -r p; do
  [[ -n "$p" && "$p" != "$$" ]] || continue
  comm=$(cat "/proc/$p/comm" 2>/dev/null || true)
  case "$comm" in
    dockerd|containerd|containerd-shim*|sshd|docker-proxy|docker-init|runc) leftover+=("$p") ;;
  esac
done < <(pgrep -f -- "${STATE//./\\.}/" || true)
for cdir in "$STATE"/h*/data/containers/*/; do
  [[ -d "$cdir" ]] || continue
  id=$(basename "$cdir")
  for procs in /sys/fs/cgroup/*/docker/"$id"/cgroup.procs; do
    [[ -f "$procs" ]] || continue
    while read -r p; do [[ -n "$p" ]] && leftover+=("$p"); done <"$procs"
  done
done
if (( ${#leftover[@]} )); then
  mapfile -t leftover < <(printf '%s\n' "${leftover[@]}" | sort -un)
  tb_log "killing leftover processes: ${leftover[*]}"
  kill -KILL "${leftover[@]}" 2>/dev/null || true
  tb_wait_gone 5 "${leftover[@]}" || tb_log "some processes did not exit: ${leftover[*]}"
fi
# Empty cgroups of killed containers (runc normally removes them).
for cdir in "$STATE"/h*/data/containers/*/; do
  [[ -d "$cdir" ]] || continue
  id=$(basename "$cdir")
  for cg in /sys/fs/cgroup/*/docker/"$id"; do
    [[ -d "$cg" ]] && rmdir "$cg" 2>/dev/null || true
  done
done

# 4. Mounts that a killed dockerd/containerd left under STATE_DIR (netns
#    bind mounts, shm, bundle rootfs). Deepest first; lazy so busy ones go too.
if [[ -d "$STATE" ]]; then
  awk -v s="$STATE/" 'index($5, s) == 1 {print $5}' /proc/self/mountinfo | sort -r | while read -r m; do
    umount -l "$m" 2>/dev/null || true
  done
fi

# 5. Network: deleting a namespace destroys its veth end and thus the pair.
for n in "${TB_HOSTS[@]}"; do
  ns=$(tb_ns "$n")
  [[ -e /run/netns/$ns ]] && { ip netns del "$ns" 2>/dev/null || tb_log "could not delete netns $ns"; }
  ip link show "sdv$n" >/dev/null 2>&1 && { ip link del "sdv$n" 2>/dev/null || true; }
done
# The bridge is shared by every host list (TB_HOSTS): keep it while others use it.
if ip link show "$TB_BRIDGE" >/dev/null 2>&1 && [[ -z "$(ip -o link show master "$TB_BRIDGE" 2>/dev/null)" ]]; then
  ip link del "$TB_BRIDGE" 2>/dev/null || tb_log "could not delete bridge $TB_BRIDGE"
fi

# 6. Files. The sdtest user and sddocker group are kept (harmless, reused).
rm -rf -- "$STATE" 2>/dev/null || tb_log "could not fully remove $STATE"
tb_log "down: $STATE"
exit 0
