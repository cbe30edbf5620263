#!/bin/sh
# The fly stage1's enter entrypoint (rkt.md §2.2). cwd = the pod dir.
#   enter --pid=PID --appname=APP -- [CMD [ARGS...]]
# Joins the mount namespace of PID (the app: fly has no other namespaces) and runs CMD as root in
# the app's root and working directory with the app's environment; the exec helper closes inherited
# fds; the command does not die with whoever ran rkt enter (no parent-death signal, unlike apps).
# Without CMD: /bin/bash like rkt, or /bin/sh when the app has no bash. Exit = CMD's.
set -eu

die() {
  printf 'stage1: %s\n' "$*" >&2
  exit 254
}

pid= app=
while [ $# -gt 0 ]; do
  case $1 in
    --pid=*) pid=${1#--pid=} ;;
    --appname=*) app=${1#--appname=} ;;
    --) shift; break ;;
    *) die "enter: unknown option $1" ;;
  esac
  shift
done
case $pid in ''|*[!0-9]*) die "enter: --pid must be a process id, got \"$pid\"" ;; esac
case $app in ''|*[!a-z0-9-]*) die "enter: --appname must be an app name, got \"$app\"" ;; esac
plan=stage1/rootfs/rkt/plan/$app.env
[ -f "$plan" ] || die "enter: this pod has no app named \"$app\""
. "./$plan"
[ -d "/proc/$pid" ] || die "enter: process $pid is not running"
if [ $# -eq 0 ]; then
  if [ -e "/proc/$pid/root/bin/bash" ]; then
    printf 'enter: no command specified, assuming "/bin/bash"\n' >&2
    set -- /bin/bash
  else
    printf 'enter: no command specified and the app has no /bin/bash, assuming "/bin/sh"\n' >&2
    set -- /bin/sh
  fi
fi
pod=$(pwd -P)
eval "set -- $APP_ENV \"\$pod/stage1/rootfs/exec\" --root \"\$pod/\$APP_ROOT\" --wd \"\$APP_WORKDIR\" --uid 0 --gid 0 --parent-death-signal 0 -- \"\$@\""
exec nsenter --target "$pid" --mount -- /usr/bin/env -i "$@"
