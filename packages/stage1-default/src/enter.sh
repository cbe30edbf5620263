#!/bin/sh
# stage1-default's enter entrypoint (rkt.md §2.2). cwd = the pod dir.
#   enter --pid=PID --appname=APP -- [CMD [ARGS...]]
# Runs CMD in APP's container with `crun exec --process`: the app's own process settings (user,
# groups, capabilities, no_new_privs, seccomp, environment, working directory) with CMD as argv, in
# its namespaces, root and cgroup. A terminal when stdin and stdout are one. Without CMD: /bin/bash
# like rkt, or /bin/sh when the app has no bash. PID (the pod's `pid`, the pause) only has to be
# alive: the app is found by name. Exit = CMD's.
set -u
. "${0%/*}/lib.sh"

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
case $pid in '' | *[!0-9]*) die "enter: --pid must be a process id, got \"$pid\"" ;; esac
case $app in '' | *[!a-z0-9-]*) die "enter: --appname must be an app name, got \"$app\"" ;; esac
load_pod_plan
config=$OCI/apps/$app/config.json
[ -f "$config" ] || die "enter: this pod has no app named \"$app\""
[ -d "/proc/$pid" ] || die "enter: process $pid is not running"
command -v jq >/dev/null || die 'enter: needs jq'
id=$POD_UUID-$app
state=$(oci state "$id" 2>/dev/null) || die "enter: app \"$app\" is not running"
app_pid=$(printf '%s\n' "$state" | sed -n 's/^ *"pid": *\([0-9][0-9]*\).*/\1/p')
if [ $# -eq 0 ]; then
  if [ -e "/proc/$app_pid/root/bin/bash" ]; then
    printf 'enter: no command specified, assuming "/bin/bash"\n' >&2
    set -- /bin/bash
  else
    printf 'enter: no command specified and the app has no /bin/bash, assuming "/bin/sh"\n' >&2
    set -- /bin/sh
  fi
fi
tty=
[ ! -t 0 ] || [ ! -t 1 ] || tty=1
process=$(mktemp "$POD/stage1/rootfs/rkt/enter.XXXXXX") || die 'enter: cannot create a temporary file'
trap 'rm -f "$process"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
# jq would parse a command word like -c as its own option: hand each one over as --arg aN.
n=$# i=0 words=
while [ $i -lt $n ]; do
  word=$1
  shift
  set -- "$@" --arg "a$i" "$word"
  words="$words${words:+,}\$a$i"
  i=$((i + 1))
done
jq --arg tty "$tty" "$@" ".process | .args = [$words] | .terminal = (\$tty != \"\")" "$config" >"$process" ||
  die 'enter: cannot read the app config'
rc=0
if [ -n "$tty" ]; then oci exec --tty --process "$process" "$id" || rc=$?; else oci exec --process "$process" "$id" || rc=$?; fi
exit "$rc"
