#!/bin/sh
# The fly stage1's gc entrypoint (rkt.md §2.2). cwd = the pod dir.
#   gc [--debug] [--local-config DIR] UUID
# Nothing to do: every mount of a fly pod lived in its private mount namespace and vanished with it,
# and fly creates no network, cgroup or file outside the pod dir, which stage0 removes.
set -eu
while [ $# -gt 0 ]; do
  case $1 in
    --debug) ;;
    --local-config) shift ;;
    --local-config=*) ;;
    -*) printf 'stage1: gc: unknown option %s\n' "$1" >&2; exit 254 ;;
    *) ;;
  esac
  [ $# -eq 0 ] || shift
done
exit 0
