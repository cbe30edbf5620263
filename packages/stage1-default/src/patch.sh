# Sourced by run: the run-time options that change app configs, applied with jq to the configs the
# planner wrote (each pod runs once, so in place). Nothing to do, and no jq needed, without them.
#   --dns-conf-mode=resolv=R,hosts=H (rkt.md §2.2, §6.1): `stage0` binds what stage0 wrote
#     (stage1/rootfs/etc/rkt-resolv.conf, rkt-hosts), `host` the host's file, read-only;
#     `default`/`none` keep the image's (and the hosts fallback when the image has no /etc/hosts).
#   --disable-capabilities-restriction: every capability this process has; --disable-paths: no
#     masked or read-only paths; --disable-seccomp: no filter.

# The capabilities in our bounding set, as a JSON array, in the planner's names (bit order).
all_caps_json() {
  bnd=$(sed -n 's/^CapBnd:[[:space:]]*//p' /proc/self/status)
  i=0 out=
  for c in $OCI_CAPABILITIES; do
    [ $(((0x$bnd >> i) & 1)) -eq 0 ] || out="$out${out:+,}\"$c\""
    i=$((i + 1))
  done
  printf '[%s]' "$out"
}

patch_configs() {
  resolv= hosts= resolv_src= hosts_src=
  up=../../../../../..
  set -f
  old_ifs=$IFS IFS=,
  for kv in $dns_mode; do
    case $kv in
      resolv=*) resolv=${kv#resolv=} ;;
      hosts=*) hosts=${kv#hosts=} ;;
      *) IFS=$old_ifs; die "run: bad --dns-conf-mode=$dns_mode" ;;
    esac
  done
  IFS=$old_ifs
  set +f
  case $resolv in
    '' | default | none) ;;
    host) resolv_src=/etc/resolv.conf ;;
    stage0)
      [ -f stage1/rootfs/etc/rkt-resolv.conf ] || die 'run: resolv=stage0 but stage0 wrote no etc/rkt-resolv.conf'
      resolv_src=$up/stage1/rootfs/etc/rkt-resolv.conf ;;
    *) die "run: unknown resolv mode $resolv" ;;
  esac
  case $hosts in
    '' | default) ;;
    host) hosts_src=/etc/hosts ;;
    stage0)
      [ -f stage1/rootfs/etc/rkt-hosts ] || die 'run: hosts=stage0 but stage0 wrote no etc/rkt-hosts'
      printf '127.0.0.1\t%s\n' "$hostname" >>stage1/rootfs/etc/rkt-hosts
      hosts_src=$up/stage1/rootfs/etc/rkt-hosts ;;
    *) die "run: unknown hosts mode $hosts" ;;
  esac
  [ -n "$no_caps$no_paths$no_seccomp$resolv_src$hosts_src" ] || return 0
  command -v jq >/dev/null || die 'run: jq is needed for --insecure-options=capabilities,paths,seccomp and --dns*'
  caps=$(all_caps_json)
  for app in $POD_APPS; do
    . "./$PLAN/$app.env"
    rt= ht=
    [ -z "$resolv_src" ] || rt=$APP_ETC_RESOLV
    [ -z "$hosts_src" ] || ht=$APP_ETC_HOSTS
    for f in "$OCI/apps/$app/config.json" "$OCI/pre-start/$app/config.json" "$OCI/post-stop/$app/config.json"; do
      [ -f "$f" ] || continue
      jq --argjson caps "$caps" --arg nocaps "$no_caps" --arg nopaths "$no_paths" --arg noseccomp "$no_seccomp" \
        --arg rt "$rt" --arg rs "$resolv_src" --arg ht "$ht" --arg hs "$hosts_src" '
        def bind($d; $s):
          if $d == "" then . else
            (.mounts |= map(select(.destination != $d)))
            | .mounts += [{destination: $d, type: "bind", source: $s, options: ["bind", "ro"]}]
          end;
        (if $nocaps == "" then . elif .process.user.uid == 0
          then .process.capabilities = {bounding: $caps, effective: $caps, permitted: $caps, inheritable: [], ambient: []}
          else .process.capabilities.bounding = $caps end)
        | (if $nopaths == "" then . else del(.linux.maskedPaths, .linux.readonlyPaths) end)
        | (if $noseccomp == "" then . else del(.linux.seccomp) end)
        | bind($rt; $rs) | bind($ht; $hs)' "$f" >"$f.tmp" && mv -f "$f.tmp" "$f" || return 1
    done
  done
}
