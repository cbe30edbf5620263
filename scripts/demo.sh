#!/bin/sh
# demo.sh DIR: the main job as it stands: build a real image from this machine's busybox-static with
# `rkt image build`, then look inside it with standard tools.
set -eu
dir=$1
root=$(cd "$(dirname "$0")/.." && pwd)
rkt=$root/bin/rkt
rm -rf "$dir"
mkdir -p "$dir"
sh "$root/scripts/busybox-rootfs.sh" "$dir/rootfs"

echo "== rkt version"
"$rkt" version
echo
echo "== rkt image build $dir/rootfs $dir/busybox.aci"
id=$("$rkt" image build "$dir/rootfs" "$dir/busybox.aci" --name=example.com/busybox \
  --exec=/bin/sh --user=0 --group=0 -- -c 'echo hello from busybox')
echo "image ID: $id"
echo "archive:  $(du -h "$dir/busybox.aci" | cut -f1) gzip, $(tar -tzf "$dir/busybox.aci" | wc -l) entries"
echo "sha512 of the uncompressed tar: sha512-$(gzip -dc "$dir/busybox.aci" | sha512sum | cut -d' ' -f1)"
echo
echo "== manifest"
tar -xzOf "$dir/busybox.aci" manifest | jq .
