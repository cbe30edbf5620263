#!/bin/sh
# rkt: the dispatcher. It finds the subcommand among rkt's global flags and execs the binary that
# implements it (bin/rkt-<command>), passing every other argument through in order. No other logic
# lives here, so `rkt CMD` costs one exec more than calling rkt-CMD directly.
# Our directory without forking on the common paths (bin/rkt, /usr/local/bin/rkt); a symlink to rkt
# (e.g. from another bin dir) is resolved to find the binaries beside the real file.
self=$0
[ -L "$self" ] && self=$(readlink -f "$self")
case $self in
  */*) here=${self%/*} ;;
  *) here=$(dirname "$(command -v "$self")") ;;
esac

usage() {
  cat <<'USAGE'
NAME:
	rkt - rkt, the application container runner

USAGE:
	rkt [command]

COMMANDS:
	cat-manifest		Inspect and print the pod manifest
	enter			Enter the namespaces of an app within a rkt pod
	fetch			Fetch image(s) and store them in the local store
	gc			Garbage collect rkt pods no longer in use
	image build		Build an ACI from a directory tree or a rootfs plus flags
	image cat-manifest	Inspect and print the image manifest
	image export		Export a stored image to an ACI file
	image extract		Extract a stored image to a directory
	image gc		Garbage collect local store
	image list		List images in the local store
	image render		Render a stored image to a directory
	image rm		Remove one or more images with the given IDs or image names from the local store
	image verify		Verify the rendered tree of stored images
	list			List pods
	prepare			Prepare to run image(s) in a pod in rkt
	rm			Remove all files and resources associated with an exited pod
	run			Run image(s) in a pod in rkt
	run-prepared		Run a prepared application pod in rkt
	status			Check the status of a rkt pod
	stop			Stop a pod
	trust			Trust a key for image verification (also: trust list, trust rm)
	version			Print the version and exit
	help			Help about any command

OPTIONS:
	--debug[=false]			print out more debug information to stderr
	--dir=/var/lib/rkt		rkt data directory
	--insecure-options=none		comma-separated list of security features to disable
	--local-config=/etc/rkt		local configuration directory
	--system-config=/usr/lib/rkt	system configuration directory
	--trust-keys-from-https[=false]	automatically trust gpg keys fetched from https
	--user-config=			user configuration directory
USAGE
}

unknown() {
  printf 'Error: unknown command "%s" for "%s"\nRun '\''rkt --help'\'' for usage.\n' "$1" "$2" >&2
  exit 254
}

# Pull the command word (and, for `image`, its subcommand) out of the argument list, keeping the
# global flags and everything else in their order. Global flags that take a value may be written as
# `--dir X`, so their value is not a command word.
cmd= sub= want_value= n=$#
while [ "$n" -gt 0 ]; do
  a=$1; shift; n=$((n - 1))
  if [ -n "$want_value" ]; then want_value=; set -- "$@" "$a"; continue; fi
  if [ -z "$cmd" ] || { [ "$cmd" = image ] && [ -z "$sub" ]; }; then
    case $a in
      --dir|--system-config|--local-config|--user-config|--insecure-options) want_value=1; set -- "$@" "$a"; continue ;;
      -h|--help) [ -z "$cmd" ] && { usage; exit 0; } ;;
      -*) ;;
      *) if [ -z "$cmd" ]; then cmd=$a; else sub=$a; fi; continue ;;
    esac
  fi
  set -- "$@" "$a"
done

case $cmd in
  '') usage; exit 2 ;;
  *[!a-z0-9-]*) unknown "$cmd" rkt ;;
  help) usage; exit 0 ;;
  image)
    case $sub in
      build) exec "$here/rkt-build" "$@" ;;
      fetch) exec "$here/rkt-fetch" "$@" ;;
      '') usage; exit 254 ;;
      *) [ -x "$here/rkt-image" ] || unknown "$sub" "rkt image"; exec "$here/rkt-image" "$sub" "$@" ;;
    esac ;;
esac
[ -x "$here/rkt-$cmd" ] || unknown "$cmd" rkt
exec "$here/rkt-$cmd" "$@"
