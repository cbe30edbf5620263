#!/bin/sh
# stage1-default's gc entrypoint (rkt.md §2.2), for a pod whose lock is free. cwd = the pod dir.
#   gc [--debug] [--local-config DIR] UUID
# Removes what a killed supervisor left (crun-pod.md §4): every process still in the pod's cgroups
# (killed), every container in the pod's crun state dir (deleted), the ns link, the pod's cgroups in
# every hierarchy. The mounts
# lived in the supervisor's private mount namespace and vanished with it.
set -u
. "${0%/*}/lib.sh"

uuid=
while [ $# -gt 0 ]; do
  case $1 in
    --debug) ;;
    --local-config) shift ;;
    --local-config=*) ;;
    -*) die "gc: unknown option $1" ;;
    *) uuid=$1 ;;
  esac
  [ $# -eq 0 ] || shift
done
[ -n "$uuid" ] || die 'gc: no pod UUID given'
[ -f "$PLAN/pod.env" ] || exit 0
load_pod_plan
[ "$POD_UUID" = "$uuid" ] || die "gc: this is pod $POD_UUID, not $uuid"
kill_pod_processes
delete_containers
rm -f ns
remove_cgroups
exit 0
