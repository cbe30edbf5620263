#!/bin/sh
# stage1-default's run entrypoint (stage1 ABI, interface version 5; rkt.md §2.2). cwd = the pod dir.
#   run [--debug] --net=none|host [--interactive] [--hostname=H] [--dns-conf-mode=resolv=R,hosts=H]
#       [--disable-capabilities-restriction] [--disable-paths] [--disable-seccomp] UUID
#   env: RKT_LOCK_FD = the locked pod dir fd, kept open by this process tree for the pod's life.
# The pod supervisor (crun-pod.md §4): in a private mount namespace it mounts the pod's /dev/shm
# tmpfs and the apps' overlays, starts the pause (crun run -d; it holds the pod's namespaces),
# links ns -> /proc/<pause>/ns, sets up the network, writes `pid` (the pause), then runs every app
# with `crun run` in the foreground under a wrapper that records its exit status. An app failing
# stops the others and its status becomes the pod's; all apps exiting 0 gives 0. TERM/INT/HUP stop
# the apps (TERM, KILL after $GRACE s). Then it deletes the pause, removes ns and the pod's cgroups;
# the mounts vanish with the mount namespace. Setup failures exit 254.
set -u
. "${0%/*}/lib.sh"

GRACE=10
in_ns=
if [ "${1:-}" = --in-private-mount-ns ]; then in_ns=1; shift; fi
uuid= debug= net= interactive= hostname= dns_mode= no_caps= no_paths= no_seccomp=
for arg in "$@"; do
  case $arg in
    --debug) debug=1 ;;
    --net=*) net=${arg#--net=} ;;
    --interactive) interactive=1 ;;
    --hostname=*) hostname=${arg#--hostname=} ;;
    --dns-conf-mode=*) dns_mode=${arg#--dns-conf-mode=} ;;
    --disable-capabilities-restriction) no_caps=1 ;;
    --disable-paths) no_paths=1 ;;
    --disable-seccomp) no_seccomp=1 ;;
    --mutable) die 'stage1-default does not support mutable pods yet' ;;
    --private-users=*) die 'stage1-default does not support --private-users yet' ;;
    --local-config=* | --mds-token=* | --ipc=*) ;;
    -*) die "run: unknown option $arg" ;;
    *) [ -z "$uuid" ] || die "run: unexpected argument $arg"; uuid=$arg ;;
  esac
done
[ -n "$uuid" ] || die 'run: no pod UUID given'
case ${RKT_LOCK_FD:-} in
  '' | *[!0-9]*) die 'run: RKT_LOCK_FD is not set to the fd of the locked pod directory' ;;
esac
[ -e "/proc/self/fd/$RKT_LOCK_FD" ] || die "run: RKT_LOCK_FD=$RKT_LOCK_FD is not an open fd"
load_pod_plan
[ "$POD_UUID" = "$uuid" ] || die "run: this is pod $POD_UUID, not $uuid"

# The network stage: `none` = a new network namespace with loopback up, `host` = the host's.
# CNI networks plug in here later. Until then rkt's implicit `default` network (what stage0 sends
# when the user gave no --net) stays contained: a private namespace with loopback only, so a pod
# started without flags is isolated rather than on the host's network. Said only with --debug: the
# app's stderr is the pod's, byte for byte.
case $net in
  none | host) ;;
  '' | default)
    [ -z "$debug" ] || printf '%s\n' 'stage1: the default network (CNI) is not available yet: loopback only; --net=host gives the host network' >&2
    net=none ;;
  *) die "run: --net=$net is not supported by stage1-default (only none or host for now)" ;;
esac
case $hostname in
  *[!A-Za-z0-9.-]*) die "run: --hostname=$hostname is not a valid host name" ;;
esac
[ ${#hostname} -le 64 ] || die 'run: --hostname is longer than 64 characters'
: "${hostname:=$POD_HOSTNAME}"
set -f
# shellcheck disable=SC2086 # app names are AC names: no spaces, no glob characters
set -- $POD_APPS
set +f
[ -z "$interactive" ] || [ $# -eq 1 ] || die 'run: --interactive needs a pod of exactly one app'

if [ -z "$in_ns" ]; then
  exec unshare --mount --propagation private -- "$0" --in-private-mount-ns ${debug:+--debug} \
    "--net=$net" ${interactive:+--interactive} "--hostname=$hostname" ${dns_mode:+"--dns-conf-mode=$dns_mode"} \
    ${no_caps:+--disable-capabilities-restriction} ${no_paths:+--disable-paths} \
    ${no_seccomp:+--disable-seccomp} "$uuid"
fi

say() { [ -z "$debug" ] || printf 'stage1: %s\n' "$*" >&2; }
[ -z "$debug" ] || say "pod $uuid, apps: $POD_APPS, net $net, cgroups $(cgroup_layout)"
[ ! -e "$RUNDIR" ] || rm -rf "$RUNDIR"
[ -d "$STATUS" ] && [ -d stage1/rootfs/etc ] || mkdir -p "$STATUS" stage1/rootfs/etc || die "run: cannot create $STATUS"
mkdir "$RUNDIR" || die "run: cannot create $RUNDIR"
printf '%s\n' "$$" >"$RUNDIR/supervisor.pid"

mount -t tmpfs -o mode=1777,size=64m,nosuid,nodev,noexec shm shm || die 'run: cannot mount the pod /dev/shm'
for app in $POD_APPS; do
  . "./$PLAN/$app.env"
  [ -z "$APP_OVERLAY_LOWER" ] ||
    mount -t overlay overlay -o "lowerdir=$APP_OVERLAY_LOWER,upperdir=$APP_OVERLAY_UPPER,workdir=$APP_OVERLAY_WORK" "$APP_ROOT" ||
    die "run: cannot mount the root of app $app"
done

# /etc files the apps bind (rkt.md §2.3): the hostname and rkt's hosts fallback.
printf '%s\n' "$hostname" >stage1/rootfs/etc/hostname
printf '127.0.0.1\tlocalhost localhost.localdomain localhost4 localhost4.localdomain4\n::1\tlocalhost localhost.localdomain localhost6 localhost6.localdomain6\n127.0.0.1\t%s\n' \
  "$hostname" >stage1/rootfs/etc/hosts-fallback
. "${0%/*}/patch.sh"
patch_configs || die 'run: cannot apply the run-time options to the app configs'

stop_apps() { # TERM (stop --force: KILL) every app, again each second for one still being created; KILL after GRACE
  : >"$RUNDIR/stopping"
  sig=TERM
  [ ! -e "$RUNDIR/force" ] || sig=KILL
  i=0
  while [ $i -lt $((GRACE * 10)) ]; do
    left=
    for a in $POD_APPS; do
      [ -e "$RUNDIR/done.$a" ] && continue
      left=1
      [ $((i % 10)) -ne 0 ] || oci kill "$uuid-$a" "$sig" >/dev/null 2>&1 || :
    done
    [ -n "$left" ] || return 0
    sleep 0.1
    i=$((i + 1))
  done
  for a in $POD_APPS; do [ -e "$RUNDIR/done.$a" ] || oci kill "$uuid-$a" KILL >/dev/null 2>&1 || :; done
}
# The pod lock and the watchdog FIFO stay with this process only: a long-lived child holding either
# would keep the pod looking alive (lock) or its sandbox up (FIFO) after this supervisor died.
wfd=7
[ "$RKT_LOCK_FD" != 7 ] || wfd=6
close_pod_fds() {
  # stage0 passes the lock as fd 3; a multi-digit fd cannot be named by sh, and is left open
  case $RKT_LOCK_FD in [0-9]) eval "exec $RKT_LOCK_FD>&-" ;; esac
  eval "exec $wfd>&-"
}
trap '(close_pod_fds; stop_apps) &' TERM INT HUP

pause=${uuid}_pause
bundle=$OCI/pause/private-net
[ "$net" != host ] || bundle=$OCI/pause/host-net
teardown() {
  oci delete -f "$pause" >/dev/null 2>&1 || :
  delete_containers
  rm -f ns
  remove_cgroups
}
fail() { # a setup step failed after the sandbox was started
  printf 'stage1: %s\n' "$*" >&2
  teardown
  exit 254
}
# The detached pause must not hold our stdout/stderr (a caller's pipe would stay open after a crash):
# crun's own messages go to a log, shown when it fails. It gets the read end of a FIFO whose only
# writer is this process: when we die, even by SIGKILL, the pause sees the FIFO close and exits, and
# the kernel kills the pod's processes with its PID namespace.
mkfifo "$RUNDIR/supervisor" || die 'run: cannot create the supervisor FIFO'
eval "exec $wfd<>\"\$RUNDIR/supervisor\""
oci --log="file:$POD/$RUNDIR/crun-pause.log" run -d --preserve-fds 1 --pid-file "$POD/$RUNDIR/pause.pid" \
  --bundle "$bundle" "$pause" </dev/null >/dev/null 2>&1 3<"$RUNDIR/supervisor" || {
  cat "$RUNDIR/crun-pause.log" >&2 2>/dev/null
  fail 'run: cannot start the pod sandbox'
}
pause_pid=
read -r pause_pid <"$RUNDIR/pause.pid" || [ -n "$pause_pid" ] || fail 'run: the pod sandbox has no pid'
ln -sfn "/proc/$pause_pid/ns" ns
[ "$hostname" = "$POD_HOSTNAME" ] ||
  nsenter --uts=ns/uts sh -c 'printf "%s" "$1" >/proc/sys/kernel/hostname' sh "$hostname" ||
  fail 'run: cannot set the hostname'
case $net in
  none) nsenter --net=ns/net ip link set lo up || fail 'run: cannot bring up the loopback interface' ;;
esac
printf '%s\n' "$pause_pid" >pid.tmp && mv -f pid.tmp pid
say "sandbox up: pause $pause_pid"

run_app() { # APP: pre-start, the app, its status (+ fail-fast), post-stop
  trap : TERM INT HUP
  close_pod_fds
  a=$1
  . "./$PLAN/$a.env"
  rc=0
  [ -e "$RUNDIR/stopping" ] && { : >"$RUNDIR/done.$a"; exit 0; }
  if [ -n "$APP_PRE_START" ]; then
    oci run --bundle "$OCI/pre-start/$a" "$uuid-${a}_pre-start" </dev/null || rc=$?
  fi
  if [ $rc -eq 0 ] && [ ! -e "$RUNDIR/stopping" ]; then
    oci run --bundle "$OCI/apps/$a" "$uuid-$a" || rc=$?
  fi
  printf '%s\n' "$rc" >"$STATUS/$a.tmp" && mv -f "$STATUS/$a.tmp" "$STATUS/$a"
  : >"$RUNDIR/done.$a"
  if [ $rc -ne 0 ] && mkdir "$RUNDIR/failed" 2>/dev/null; then
    printf '%s\n' "$a" >"$RUNDIR/failed/app"
    say "app $a exited $rc: stopping the pod"
    stop_apps &
  fi
  if [ -n "$APP_POST_STOP" ]; then
    oci run --bundle "$OCI/post-stop/$a" "$uuid-${a}_post-stop" </dev/null >&2 || :
  fi
  exit 0
}

# A background job of a non-interactive sh reads /dev/null unless redirected explicitly: the
# interactive app gets our stdin through a spare fd (never the lock fd).
spare=9
[ "$RKT_LOCK_FD" != 9 ] || spare=8
if [ -n "$interactive" ]; then eval "exec $spare<&0"; else eval "exec $spare</dev/null"; fi
pids=
for app in $POD_APPS; do
  eval "run_app \"\$app\" <&$spare &"
  pids="$pids $!"
done
eval "exec $spare<&-"
for p in $pids; do
  while wait "$p"; [ $? -gt 128 ]; do :; done
done

say 'apps done: tearing down'
teardown
status=0
if [ -f "$RUNDIR/failed/app" ]; then
  read -r failed <"$RUNDIR/failed/app"
  read -r status <"$STATUS/$failed" || status=254
fi
exit "$status"
