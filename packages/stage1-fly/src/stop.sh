#!/bin/sh
# The fly stage1's stop entrypoint (rkt.md §2.2, §2.4). cwd = the pod dir.
#   stop [--force] UUID
# Sends SIGTERM (--force: SIGKILL) to the app, whose pid the run entrypoint wrote to `pid`; the run
# entrypoint then records the app's status and exits 143 (137). Exit 0 once signalled.
set -eu

die() {
  printf 'stage1: %s\n' "$*" >&2
  exit 254
}

sig=TERM uuid=
for arg in "$@"; do
  case $arg in
    --force) sig=KILL ;;
    -*) die "stop: unknown option $arg" ;;
    *) uuid=$arg ;;
  esac
done
[ -n "$uuid" ] || die 'stop: no pod UUID given'
[ -f pid ] || die "stop: pod $uuid has no pid file: it is not running"
read -r pid < pid || :
case $pid in ''|*[!0-9]*) die "stop: pod $uuid has an invalid pid file" ;; esac
kill -s "$sig" "$pid" || die "stop: cannot signal process $pid of pod $uuid"
