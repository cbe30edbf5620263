#!/bin/sh
# busybox-rootfs.sh DIR: lay out a minimal root filesystem around Debian's busybox-static: every
# applet as a symlink in /bin, a root and a non-root user (app, 1000:1000), and the directories an
# app expects. DIR must not exist yet.
set -eu
dir=$1
busybox=${BUSYBOX:-/bin/busybox}
[ -x "$busybox" ] || { echo "busybox-rootfs: $busybox not found (apt-get install busybox-static)" >&2; exit 1; }
[ ! -e "$dir" ] || { echo "busybox-rootfs: $dir already exists" >&2; exit 1; }

mkdir -p "$dir/bin" "$dir/etc" "$dir/root" "$dir/home/app" "$dir/proc" "$dir/sys" "$dir/dev" "$dir/run" "$dir/var/tmp"
mkdir -m 1777 "$dir/tmp"
cp "$busybox" "$dir/bin/busybox"
for applet in $("$busybox" --list); do
  [ "$applet" = busybox ] || ln -s busybox "$dir/bin/$applet"
done
cat > "$dir/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/bin/sh
app:x:1000:1000:app:/home/app:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
PASSWD
cat > "$dir/etc/group" <<'GROUP'
root:x:0:
app:x:1000:
users:x:100:app
nogroup:x:65534:
GROUP
chown 1000:1000 "$dir/home/app" 2>/dev/null || true
printf 'rkt-ts busybox test image\n' > "$dir/etc/motd"
