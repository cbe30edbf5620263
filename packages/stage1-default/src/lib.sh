# Shared by the stage1-default entrypoints; sourced, never run. cwd = the pod dir.
# Reads the plan (format oci-v1, written by @rkt/stage1; see its README) and names the places the
# entrypoints share:
#   crun/                      crun's state dir for this pod's containers (crun --root)
#   ns -> /proc/<pause>/ns     what the app configs join; made by run, removed by run and gc
#   stage1/rootfs/rkt/run/     run's own state: supervisor.pid, stopping, done.<app>, failed
#   /rkt/<uuid>/...            the pod's cgroups, in every hierarchy under /sys/fs/cgroup

die() {
  printf 'stage1: %s\n' "$*" >&2
  exit 254
}

PLAN=stage1/rootfs/rkt/plan
OCI=stage1/rootfs/rkt/oci
RUNDIR=stage1/rootfs/rkt/run
STATUS=stage1/rootfs/rkt/status

load_pod_plan() {
  [ -f "$PLAN/pod.env" ] || die "no stage1 plan in $(pwd)/$PLAN"
  . "./$PLAN/pod.env"
  [ "$RKT_PLAN_FORMAT" = oci-v1 ] || die "plan format $RKT_PLAN_FORMAT is not oci-v1"
  POD=$(pwd -P)
}

# crun with this pod's state dir. Its cgroups go where the configs say (cgroupfs, not systemd).
oci() {
  crun --root "$POD/crun" --cgroup-manager=cgroupfs "$@"
}

# The pod's cgroup in every hierarchy crun uses: /sys/fs/cgroup itself (v2), /sys/fs/cgroup/<ctrl>
# (v1) and /sys/fs/cgroup/unified (hybrid). Globs only: no process to start.
pod_cgroups() {
  for d in /sys/fs/cgroup/rkt/"$POD_UUID" /sys/fs/cgroup/*/rkt/"$POD_UUID"; do
    [ ! -d "$d" ] || printf '%s\n' "$d"
  done
}

# v2 (unified only), v1, or hybrid (v1 controllers plus cgroup2 at /sys/fs/cgroup/unified).
cgroup_layout() {
  if [ -f /sys/fs/cgroup/cgroup.controllers ]; then echo v2
  elif [ -f /sys/fs/cgroup/unified/cgroup.controllers ]; then echo hybrid
  else echo v1; fi
}

# rmdir the pod's cgroups (/rkt/<uuid> and what crun left below it) in every hierarchy, with one
# rmdir for all: children first. A busy or missing one stays as it is.
remove_cgroups() {
  set --
  for d in /sys/fs/cgroup/rkt/"$POD_UUID" /sys/fs/cgroup/*/rkt/"$POD_UUID"; do
    [ -d "$d" ] || continue
    for c in "$d"/*/; do [ -d "$c" ] && set -- "$@" "${c%/}"; done
    set -- "$@" "$d"
  done
  [ $# -eq 0 ] || rmdir "$@" 2>/dev/null || :
}

# SIGKILL every process still in the pod's cgroups, in every hierarchy (crun delete -f alone can miss
# a container whose `crun run` was killed), until none is left (a PID namespace's init takes a moment
# to die: it waits for the rest of its namespace), at most about 2 s. The apps cannot move themselves
# out: /sys/fs is masked.
kill_pod_processes() {
  tries=0
  while [ $tries -lt 20 ]; do
    found=
    for d in $(pod_cgroups); do
      for f in "$d"/cgroup.procs "$d"/*/cgroup.procs; do
        [ -f "$f" ] || continue
        while read -r p; do
          found=1
          kill -s KILL "$p" 2>/dev/null || :
        done <"$f"
      done
    done
    [ -n "$found" ] || return 0
    sleep 0.1
    tries=$((tries + 1))
  done
}

# Delete every container crun still knows in this pod (each has a dir in the state dir).
delete_containers() {
  [ -d crun ] || return 0
  for c in crun/*/; do
    [ -d "$c" ] || continue
    c=${c%/}
    oci delete -f "${c#crun/}" >/dev/null 2>&1 || :
  done
}
