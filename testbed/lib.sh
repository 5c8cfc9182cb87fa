# Shared settings for up.sh / down.sh / check.sh. Sourced, not executed.
# shellcheck shell=bash

# Host N -> namespace sd-hN, address 10.77.0.1N. Default 1 2 3; env TB_HOSTS="4 5"
# chooses others (with their own STATE_DIR), e.g. for fault tests that must not
# disturb the hosts other tests share.
if [[ -n "${TB_HOSTS:-}" ]]; then
  read -ra TB_HOSTS <<<"$TB_HOSTS"
  for _n in "${TB_HOSTS[@]}"; do
    [[ "$_n" =~ ^[1-9]$ ]] || { printf '[testbed] ERROR: TB_HOSTS must list digits 1-9, got "%s"\n' "$_n" >&2; exit 1; }
  done
  unset _n
else
  TB_HOSTS=(1 2 3)
fi
TB_BRIDGE=sdbr0
TB_BRIDGE_ADDR=10.77.0.1/24
TB_USER=sdtest
TB_GROUP=sddocker           # owns the docker sockets; sdtest is a member
TB_IMAGE=local/busybox:1

# Debian's client matches Debian's dockerd (API 1.41); a newer static
# `docker` may be first on PATH and refuse to talk to an older daemon.
if [[ -x /usr/bin/docker ]]; then TB_DOCKER=/usr/bin/docker; else TB_DOCKER=docker; fi

# up.sh and down.sh change what all state dirs share (the bridge, the namespaces, the
# sdtest account); parallel test workers each run up.sh, so they take turns on fd 9.
# Daemons started while holding it must close fd 9 (`9>&-`), or they keep it locked.
tb_lock() {
  local lock=/run/lock/stackdraft-testbed.lock
  [[ -d /run/lock ]] || lock=/tmp/stackdraft-testbed.lock
  exec 9>>"$lock"
  flock -w 170 9 || tb_die "another testbed/up.sh or down.sh has held $lock for 170 s"
}

tb_log() { printf '[testbed] %s\n' "$*" >&2; }
tb_die() { printf '[testbed] ERROR: %s\n' "$*" >&2; exit 1; }

# Absolute, normalised state dir. Its path ends up in sshd configs, JSON and
# unix socket paths (108-byte limit, containerd adds ~45 bytes), so keep it
# short and free of characters that would need quoting.
tb_state_dir() {
  local d
  d=$(realpath -m -- "${1:-/tmp/stackdraft-testbed}")
  [[ "$d" != "/" ]] || tb_die "refusing to use / as state dir"
  [[ "$d" =~ ^[A-Za-z0-9/._-]+$ ]] || tb_die "state dir must match [A-Za-z0-9/._-]+: $d"
  (( ${#d} <= 60 )) || tb_die "state dir path too long for unix sockets (max 60 chars): $d"
  printf '%s\n' "$d"
}

tb_ns()   { printf 'sd-h%s' "$1"; }
tb_addr() { printf '10.77.0.1%s' "$1"; }

# Is PID (from FILE) alive?
tb_pid_alive() {
  local f=$1 pid
  [[ -s "$f" ]] || return 1
  pid=$(<"$f")
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null
}

# Wait up to SECS for all PIDS to exit; returns 1 if some are still alive.
tb_wait_gone() {
  local secs=$1 i p alive; shift
  for (( i = 0; i < secs * 10; i++ )); do
    alive=0
    for p in "$@"; do kill -0 "$p" 2>/dev/null && alive=1; done
    (( alive )) || return 0
    sleep 0.1
  done
  return 1
}

# Is the containerd pidfile of host dir H naming that host's own containerd (not a
# process that reused the PID)?
tb_pid_is_containerd_of() {
  local h=$1 f="$1/exec/containerd/containerd.pid"
  tb_pid_alive "$f" || return 1
  tr '\0' ' ' <"/proc/$(<"$f")/cmdline" 2>/dev/null | grep -qF -- "$h/exec/containerd/"
}

# SIGTERM the processes named in pid FILES, wait up to SECS, then SIGKILL.
tb_stop_pidfiles() {
  local secs=$1 f; shift
  local pids=()
  for f in "$@"; do
    if tb_pid_alive "$f"; then pids+=("$(<"$f")"); fi
  done
  (( ${#pids[@]} )) || return 0
  kill -TERM "${pids[@]}" 2>/dev/null || true
  tb_wait_gone "$secs" "${pids[@]}" || kill -KILL "${pids[@]}" 2>/dev/null || true
}
