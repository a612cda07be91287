#!/usr/bin/env bash
# Builds the counter-service image: a root filesystem tar for `docker import` (or
# ContainerRuntime.importImage), about 2 MB. It holds Debian's static busybox (busybox-static) as
# /bin/busybox with the applets the CGI script uses, and rootfs/www (static files and the CGI).
#
#   build-image.sh OUT.tar [BUSYBOX]    BUSYBOX: a statically linked busybox (default /bin/busybox)
set -euo pipefail
out=${1:?usage: build-image.sh OUT.tar [BUSYBOX]}
busybox=${2:-/bin/busybox}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[[ -x "$busybox" ]] || { echo "build-image.sh: no busybox at $busybox (apt-get install busybox-static)" >&2; exit 1; }
if command -v file >/dev/null && ! file -L "$busybox" | grep -q 'statically linked'; then
  echo "build-image.sh: $busybox is not statically linked (install busybox-static)" >&2; exit 1
fi
stage=$(mktemp -d)
chmod 755 "$stage"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/bin" "$stage/state" "$stage/tmp"
chmod 1777 "$stage/tmp"
cp "$busybox" "$stage/bin/busybox"
for applet in sh mkdir rmdir mv cat usleep httpd; do
  ln -s busybox "$stage/bin/$applet"
done
cp -R "$here/rootfs/www" "$stage/www"
chmod -R a+rX "$stage/www"
tar --numeric-owner --owner=0 --group=0 -C "$stage" -cf "$out" .
