#!/bin/sh
# demo.sh DIR: the main job end to end. Build a real image from this machine's busybox-static with
# `rkt image build`, fetch it into a store, run it as a pod, look at the pod, and collect it.
# Everything lives under DIR (the data dir is DIR/data), so the demo never touches /var/lib/rkt.
set -eu
dir=$1
root=$(cd "$(dirname "$0")/.." && pwd)
rkt=$root/bin/rkt
data=$dir/data
[ ! -d "$data" ] || "$rkt" --dir="$data" gc --grace-period=0s --expire-prepared=0s >/dev/null 2>&1 || true
rm -rf "$dir"
mkdir -p "$dir"
sh "$root/scripts/busybox-rootfs.sh" "$dir/rootfs"
step() { printf '\n$ %s\n' "$*"; "$@"; }

step "$rkt" version
printf '\n$ rkt image build %s %s ...\n' "$dir/rootfs" "$dir/busybox.aci"
"$rkt" image build "$dir/rootfs" "$dir/busybox.aci" --name=example.com/busybox --label=version=1.0.0 \
  --exec=/bin/sh --user=0 --group=0 --env=GREETING=hello -- -c 'echo "$GREETING from a pod: $(hostname), uid $(id -u), $(cat /etc/motd)"'
# The image is not signed: --insecure-options=image says so, as rkt requires.
step "$rkt" --dir="$data" --insecure-options=image fetch "$dir/busybox.aci"
step "$rkt" --dir="$data" image list
step "$rkt" --dir="$data" run example.com/busybox:1.0.0
step "$rkt" --dir="$data" run example.com/busybox:1.0.0 --user=app --exec /bin/sh -- -c 'id; exit 3' || echo "(exit status $?: the app's)"
step "$rkt" --dir="$data" list
uuid=$("$rkt" --dir="$data" list --full --no-legend | head -n 1 | cut -f 1)
step "$rkt" --dir="$data" status "$uuid"
step "$rkt" --dir="$data" gc --grace-period=0s
