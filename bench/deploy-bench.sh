#!/usr/bin/env bash
# Deploy/destroy benchmark: mlc-ng against a naive shell baseline, in the same run, on grids.
# Usage: bench/deploy-bench.sh [--sizes 25,49,100] [--workers N]
# Sizes must be square numbers (grids of sqrt x sqrt). Prints one table; not a timed test.
# The naive baseline does what a hand-written script does: sequential `docker run`, one
# `ip link add ... netns PID` per link, one `docker exec` per node (interfaces up, address,
# babeld), then `docker rm -f` per node. It runs twice: under the engine's default OCI runtime
# (what `docker run` gives: runc) and under crun (what mlc-ng picks), so the table shows how much
# of the speed-up is crun's and how much is mlc-ng's.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes="25,49,100"
workers=()
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --workers) workers=(--workers "$2"); shift 2 ;;
    *) echo "usage: $0 [--sizes 25,49,100] [--workers N]" >&2; exit 2 ;;
  esac
done
image="mlc-ng/node:latest"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

naive_cleanup() {  # $1 = prefix
  local ids
  ids=$(docker ps -aq --filter "name=^/$1-" || true)
  [ -n "$ids" ] && docker rm -f $ids >/dev/null 2>&1 || true
}

# One naive run for an s x s grid under OCI runtime $2 ("default" or a runtime the engine has);
# prints "create wire ready destroy".
naive() {
  local s=$1 n=$(( $1 * $1 )) p="naive$1" i r c t0 t1 t2 t3 t4 rt=()
  [ "$2" = default ] || rt=(--runtime "$2")
  naive_cleanup "$p"
  t0=$(now)
  for i in $(seq 1 "$n"); do
    docker run -d "${rt[@]}" --name "$p-n$i" --hostname "n$i" --network none --cap-drop ALL \
      --cap-add NET_ADMIN --cap-add NET_RAW --device /dev/net/tun \
      --sysctl net.ipv6.conf.all.disable_ipv6=0 --sysctl net.ipv6.conf.default.disable_ipv6=0 \
      --sysctl net.ipv6.conf.all.forwarding=1 --sysctl net.ipv6.conf.default.accept_dad=0 \
      "$image" >/dev/null
  done
  t1=$(now)
  declare -A pid
  for i in $(seq 1 "$n"); do pid[$i]=$(docker inspect -f '{{.State.Pid}}' "$p-n$i"); done
  for r in $(seq 0 $((s - 1))); do
    for c in $(seq 0 $((s - 1))); do
      i=$(( r * s + c + 1 ))
      if [ $((c + 1)) -lt "$s" ]; then t=$(( i + 1 )); ip link add "en$t" netns "${pid[$i]}" type veth peer name "en$i" netns "${pid[$t]}"; fi
      if [ $((r + 1)) -lt "$s" ]; then t=$(( i + s )); ip link add "en$t" netns "${pid[$i]}" type veth peer name "en$i" netns "${pid[$t]}"; fi
    done
  done
  t2=$(now)
  for i in $(seq 1 "$n"); do
    # Under crun, Docker's network hook turns IPv6 off after the container's sysctls (see HostNet.setUp).
    [ ${#rt[@]} -eq 0 ] || nsenter -t "${pid[$i]}" -n sh -c 'printf 0 > /proc/sys/net/ipv6/conf/all/disable_ipv6'
    docker exec "$p-n$i" sh -c '
      ifs=""; for d in /sys/class/net/e*; do ip link set "${d##*/}" up; ifs="$ifs interface ${d##*/}"; done
      ip link set lo up; ip addr add fd00:bbbb::'"$i"'/128 dev lo
      printf "skip-kernel-setup true\n%s\nredistribute local ip fd00:bbbb::/64 ge 128 allow\nredistribute local deny\n" \
        "$(echo $ifs | sed "s/ interface/\ninterface/g")" > /tmp/babeld.conf
      babeld -D -c /tmp/babeld.conf -I /tmp/babeld.pid -L /tmp/babeld.log'
  done
  t3=$(now)
  for i in $(seq 1 "$n"); do docker rm -f "$p-n$i" >/dev/null; done
  t4=$(now)
  echo "$(secs "$t0" "$t1") $(secs "$t1" "$t2") $(secs "$t0" "$t3") $(secs "$t3" "$t4")"
}

# One mlc-ng run; prints "create wire ready wall destroy maxrss_kb".
ours() {
  local s=$1 lab="bench-$1" f="$tmp/grid$1.yaml" out t0 t1 t2 t3
  printf 'name: %s\ngenerate: {kind: grid, rows: %d, cols: %d}\n' "$lab" "$s" "$s" > "$f"
  "$here/mlc-ng" destroy "$lab" >/dev/null 2>&1 || true
  t0=$(now)
  out=$(/usr/bin/time -f "maxrss %M" "$here/mlc-ng" deploy "${workers[@]}" "$f" 2>&1)
  t1=$(now)
  "$here/mlc-ng" destroy "$lab" >/dev/null 2>&1
  t2=$(now)
  local create wire ready rss
  create=$(sed -n 's/.*times: create \([0-9.]*\) s.*/\1/p' <<<"$out")
  wire=$(sed -n 's/.* wire \([0-9.]*\) s.*/\1/p' <<<"$out")
  ready=$(sed -n 's/.* ready \([0-9.]*\) s.*/\1/p' <<<"$out")
  rss=$(sed -n 's/^maxrss \([0-9]*\).*/\1/p' <<<"$out")
  if [ -z "$ready" ]; then echo "deploy failed:" >&2; echo "$out" >&2; exit 1; fi
  echo "$create $wire $ready $(secs "$t0" "$t1") $(secs "$t1" "$t2") $rss"
}

"$here/mlc-ng" --version >/dev/null  # builds the jar first, outside the timings
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), kernel $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg)"
crun=default
docker info --format '{{json .Runtimes}}' | grep -q '"crun"' && crun=crun
printf '%-5s | %-38s | %-33s | %-14s | %s\n' "" "mlc-ng (s)" "naive baseline, runc (s)" "naive, $crun (s)" ""
printf '%-5s | %6s %6s %6s %6s %7s | %6s %6s %6s %7s | %6s %7s | %-6s %-6s %s\n' nodes create wire ready wall destroy create wire ready destroy ready destroy ratio ratio2 "rss MB"
IFS=, read -ra list <<<"$sizes"
for n in "${list[@]}"; do
  s=$(awk -v n="$n" 'BEGIN { printf "%d", sqrt(n) }')
  [ $((s * s)) -eq "$n" ] || { echo "size $n is not a square" >&2; exit 2; }
  read -r oc ow or owall od rss <<<"$(ours "$s")"
  read -r nc nw nr nd <<<"$(naive "$s" default)"
  read -r _ _ cr cd <<<"$(naive "$s" "$crun")"
  ratio=$(awk -v a="$nr" -v b="$owall" 'BEGIN { printf "%.1fx", a / b }')
  ratio2=$(awk -v a="$cr" -v b="$owall" 'BEGIN { printf "%.1fx", a / b }')
  printf '%-5s | %6s %6s %6s %6s %7s | %6s %6s %6s %7s | %6s %7s | %-6s %-6s %s\n' "$n" "$oc" "$ow" "$or" "$owall" "$od" "$nc" "$nw" "$nr" "$nd" "$cr" "$cd" "$ratio" "$ratio2" "$((rss / 1024))"
done
echo "wall = whole CLI run incl. JVM start; ratio = naive (docker run's default runtime) ready / mlc-ng wall;"
echo "ratio2 = naive under $crun, ready / mlc-ng wall; rss = deploy process peak RSS (heap capped by -Xmx256m)"
