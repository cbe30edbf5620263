#!/bin/sh
# build-test-images.sh OUTDIR: the images the end-to-end tests use, built at test time with
# `rkt image build` from Debian's busybox-static (never committed). Writes OUTDIR/*.aci and
# OUTDIR/images.env (NAME_ID=<image id> lines) for the tests to read.
set -eu
out=$1
root=$(cd "$(dirname "$0")/.." && pwd)
rkt=${RKT:-$root/bin/rkt}
mkdir -p "$out"
work=$(mktemp -d "$out/.work.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

sh "$root/scripts/busybox-rootfs.sh" "$work/busybox"
version=$(/bin/busybox 2>&1 | sed -n '1s/^BusyBox v\([0-9.]*\).*/\1/p')

build() { # NAME FILE SOURCE ARGS...: build, remember the ID
  name=$1 file=$2 src=$3; shift 3
  id=$("$rkt" image build "$src" "$out/$file" --overwrite "$@")
  echo "${name}_ID=$id" >> "$work/images.env"
}

# The everyday image: runs a shell command as root.
build BUSYBOX busybox.aci "$work/busybox" --name=example.com/busybox --label=version="$version" \
  --exec=/bin/sh --user=0 --group=0 --env=GREETING=hello -- -c 'echo hello from busybox'
# The same tree, run as the non-root user named in its /etc/passwd.
build BUSYBOX_USER busybox-user.aci "$work/busybox" --name=example.com/busybox-user --label=version="$version" \
  --exec=/bin/id --user=app --group=app --working-dir=/home/app
# A second app for multi-app pods: a long-running worker with a mount point and a port.
build WORKER worker.aci "$work/busybox" --name=example.com/worker --label=version=1.0.0 \
  --exec=/bin/sleep --user=0 --group=0 --mount-point=name=data,path=/data \
  --port=name=http,protocol=tcp,port=8080 -- 3600
# A base with no app, and an app image that holds only its own files and depends on the base by ID.
build BASE base.aci "$work/busybox" --name=example.com/base --label=version="$version"
base_id=$(sed -n 's/^BASE_ID=//p' "$work/images.env")
mkdir -p "$work/app/opt/app"
printf '#!/bin/sh\necho hello from a layered image\n' > "$work/app/opt/app/hello"
chmod 755 "$work/app/opt/app/hello"
build LAYERED layered.aci "$work/app" --name=example.com/layered --label=version=1.0.0 \
  --dependency="example.com/base:$version,imageID=$base_id" --exec=/opt/app/hello --user=0 --group=0

mv "$work/images.env" "$out/images.env"
