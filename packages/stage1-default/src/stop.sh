#!/bin/sh
# stage1-default's stop entrypoint (rkt.md §2.2, §2.4). cwd = the pod dir.
#   stop [--force] UUID
# Asks the pod to stop: SIGTERM to the supervisor (the run entrypoint), which TERMs every app and
# KILLs what is left after its grace period; with --force (marker `force`) it KILLs them at once.
# Either way apps still being created are signalled too, and none starts after. When the supervisor
# is gone (killed) the apps are signalled through crun directly. Exit 0 once signalled.
set -u
. "${0%/*}/lib.sh"

force= uuid=
for arg in "$@"; do
  case $arg in
    --force) force=1 ;;
    -*) die "stop: unknown option $arg" ;;
    *) uuid=$arg ;;
  esac
done
[ -n "$uuid" ] || die 'stop: no pod UUID given'
load_pod_plan
[ "$POD_UUID" = "$uuid" ] || die "stop: this is pod $POD_UUID, not $uuid"
[ -f pid ] || die "stop: pod $uuid has no pid file: it is not running"
supervisor=
[ ! -f "$RUNDIR/supervisor.pid" ] || read -r supervisor <"$RUNDIR/supervisor.pid" || :
case $supervisor in '' | *[!0-9]*) supervisor= ;; esac
[ -z "$force" ] || : >"$RUNDIR/force" 2>/dev/null || :
if [ -n "$supervisor" ] && kill -s TERM "$supervisor" 2>/dev/null; then exit 0; fi
sig=TERM
[ -z "$force" ] || sig=KILL
for app in $POD_APPS; do oci kill "$uuid-$app" "$sig" >/dev/null 2>&1 || :; done
exit 0
