#!/bin/sh
# Installs what the engine, its tests and its benchmarks need on a Debian machine, and prepares the host.
# Idempotent: every step checks before it acts, so `make` can call it on each build.
set -eu

# Debian packages: the engine's native executors and format tools, then the real components the
# end-to-end tests and benchmarks run against.
PACKAGES="busybox-static crun util-linux mount iproute2 iptables containernetworking-plugins
  gnupg xz-utils bzip2 gzip tar coreutils jq docker-registry skopeo umoci hyperfine time appc-spec"

missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done

if [ -n "$missing" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: missing packages:$missing (run as root to install them)" >&2
    exit 1
  fi
  echo "install-deps: installing$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# Host preparation (see the project's host notes): crun refuses a hybrid cgroup layout while any
# controller is bound to the unified (v2) hierarchy. Bind each such controller to a v1 hierarchy of its
# own, which moves it off v2. Only on hybrid hosts, and only for controllers v2 holds.
unified=/sys/fs/cgroup/unified
if [ "$(id -u)" -eq 0 ] && [ -f "$unified/cgroup.controllers" ]; then
  for c in $(cat "$unified/cgroup.controllers"); do
    [ -d "/sys/fs/cgroup/$c" ] && grep -q " /sys/fs/cgroup/$c " /proc/self/mountinfo && continue
    mkdir -p "/sys/fs/cgroup/$c"
    mount -t cgroup -o "$c" cgroup "/sys/fs/cgroup/$c" && echo "install-deps: moved cgroup controller $c to v1" >&2
  done
fi

# overlayfs is what pods use for their app trees when the kernel offers it.
if [ "$(id -u)" -eq 0 ] && ! grep -qw overlay /proc/filesystems; then
  modprobe overlay 2>/dev/null || echo "install-deps: overlayfs unavailable; pods will copy trees" >&2
fi
exit 0
