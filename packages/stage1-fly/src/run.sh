#!/bin/sh
# The fly stage1's run entrypoint (stage1 ABI, interface version 5; rkt.md §2.2). cwd = the pod dir.
#   run [--debug] --net=LIST [--interactive] [--local-config=DIR] [--hostname=H] [--disable-*]
#       [--mutable] [--ipc=MODE] UUID            env: RKT_LOCK_FD = the locked pod dir fd
# Re-executes itself in a private mount namespace, makes the mounts of the plan there (they vanish
# with the pod's last process), starts the single app, records its pid, forwards TERM/INT/HUP,
# writes its exit status and exits with it (a signal N as 128+N). The pod lock stays open here only.
# Every decision was made by the planner: this reads stage1/rootfs/rkt/plan/ (format sh-v1).
set -eu

die() {
  printf 'stage1: %s\n' "$*" >&2
  exit 254
}

in_ns=
if [ "${1:-}" = --in-private-mount-ns ]; then in_ns=1; shift; fi
uuid= debug=
for arg in "$@"; do
  case $arg in
    --debug) debug=1 ;;
    --net=*)
      # The implicit default (`default`) and `host` both mean the host's network for fly.
      set -f; old_ifs=$IFS; IFS=,
      for net in ${arg#--net=}; do
        case ${net%%:*} in
          host|default) ;;
          *) die "fly only supports host networking; refusing --net=${arg#--net=}" ;;
        esac
      done
      set +f; IFS=$old_ifs ;;
    --mutable) die 'fly does not support mutable pods' ;;
    --private-users=*) die 'fly does not support --private-users' ;;
    --interactive|--local-config=*|--hostname=*|--mds-token=*|--dns-conf-mode=*|--ipc=*) ;;
    --disable-capabilities-restriction|--disable-paths|--disable-seccomp) ;;
    -*) die "run: unknown option $arg" ;;
    *) [ -z "$uuid" ] || die "run: unexpected argument $arg"; uuid=$arg ;;
  esac
done
[ -n "$uuid" ] || die 'run: no pod UUID given'
case ${RKT_LOCK_FD:-} in
  ''|*[!0-9]*) die 'run: RKT_LOCK_FD is not set to the fd of the locked pod directory' ;;
esac
[ -e "/proc/self/fd/$RKT_LOCK_FD" ] || die "run: RKT_LOCK_FD=$RKT_LOCK_FD is not an open fd"

plan=stage1/rootfs/rkt/plan
[ -f "$plan/pod.env" ] || die "run: no stage1 plan in $(pwd)/$plan"
. "./$plan/pod.env"
[ "$RKT_PLAN_FORMAT" = sh-v1 ] || die "run: plan format $RKT_PLAN_FORMAT is not sh-v1"
[ "$POD_UUID" = "$uuid" ] || die "run: this is pod $POD_UUID, not $uuid"
# shellcheck disable=SC2086 # app names are AC names: no spaces, no glob characters
set -- $POD_APPS
[ $# -eq 1 ] || die 'fly only supports 1 application per Pod for now'
app=$1

[ -f "$plan/$app.env" ] || die "run: no stage1 plan for app $app"
if [ -z "$in_ns" ]; then
  exec unshare --mount --propagation private -- "$0" --in-private-mount-ns ${debug:+--debug} "$uuid"
fi

. "./$plan/$app.env"
[ -z "$debug" ] || printf 'stage1: mounting the pod in mount namespace %s\n' "$(readlink /proc/self/ns/mnt)" >&2
mount_one() {
  case $1 in
    overlay) mount -t overlay overlay -o "lowerdir=$2,upperdir=$3,workdir=$4" "$5" ;;
    bind) mount --bind "$2" "$3" ;;
    rbind) mount --rbind "$2" "$3" ;;
    ro) mount -o remount,bind,ro "$2" ;;
    *) false ;;
  esac || die "run: cannot mount: $*"
}
while IFS= read -r line; do
  [ -n "$line" ] || continue
  eval "set -- $line"
  mount_one "$@"
done <<EOF
$APP_MOUNTS
EOF

# Signals that arrive before the app exists are remembered and sent once it does.
app_pid= pending= got=
forward() {
  got=1
  if [ -n "$app_pid" ]; then kill -s "$1" "$app_pid" 2>/dev/null || :; else pending=$1; fi
}
trap 'forward TERM' TERM
trap 'forward INT' INT
trap 'forward HUP' HUP

# A background job of a non-interactive sh gets /dev/null as stdin unless it is redirected
# explicitly: hand the app our stdin through a spare fd (never the lock fd).
spare=9
[ "$RKT_LOCK_FD" != 9 ] || spare=8
eval "set -- $APP_CMD"
if [ -e /proc/self/fd/0 ]; then eval "exec $spare<&0"; else eval "exec $spare</dev/null"; fi
eval "\"\$@\" <&$spare $spare<&- &"
app_pid=$!
eval "exec $spare<&-"
printf '%s\n' "$app_pid" > pid.tmp
mv -f pid.tmp pid
[ -z "$pending" ] || kill -s "$pending" "$app_pid" 2>/dev/null || :

# wait returns >128 early when a trapped signal arrives; wait again until the app has really ended.
while :; do
  got=
  status=0
  wait "$app_pid" || status=$?
  [ -n "$got" ] && [ "$status" -gt 128 ] || break
done
status_file=stage1/rootfs/rkt/status/$app
printf '%s\n' "$status" > "$status_file.tmp"
mv -f "$status_file.tmp" "$status_file"
exit "$status"
