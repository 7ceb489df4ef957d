#!/usr/bin/env bash
# Chromium for the browser tests (tests/BizWeb.SampleHost.Tests, Playwright for .NET).
#
# Sourced by eng/test.sh: installs Debian's chromium (and the Noto CJK fonts) when /usr/bin/chromium (or BIZWEB_CHROMIUM) is
# missing and exports BIZWEB_CHROMIUM. Nothing downloads a browser at run time: Playwright drives this
# executable. If it cannot be installed, the run fails here with the reason; the browser tests are
# never skipped.

bizweb_provision_chromium() {
  local executable=${BIZWEB_CHROMIUM:-/usr/bin/chromium}
  if [ ! -x "$executable" ]; then
    echo "chromium: $executable missing; installing Debian's chromium"
    if [ "$(id -u)" -ne 0 ]; then
      echo "error: chromium is not installed and installing it needs root (apt-get install chromium)" >&2
      return 1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    [ -x "$executable" ] || { echo "error: chromium installed but $executable not found" >&2; return 1; }
  fi
  # Japanese glyphs for the screens (and their screenshots): Debian's Noto CJK fonts.
  if ! fc-list :lang=ja 2>/dev/null | grep -q .; then
    if [ "$(id -u)" -eq 0 ]; then
      echo "chromium: installing Japanese fonts (fonts-noto-cjk)"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
      fc-list :lang=ja 2>/dev/null | grep -q . || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null
    else
      echo "warning: no Japanese font installed (apt-get install fonts-noto-cjk); screenshots will show boxes" >&2
    fi
  fi
  echo "chromium: $("$executable" --version 2>/dev/null | head -n 1)"
  export BIZWEB_CHROMIUM=$executable
}

bizweb_provision_chromium
bizweb_provision_status=$?
unset -f bizweb_provision_chromium
if [ "$bizweb_provision_status" -ne 0 ]; then
  unset bizweb_provision_status
  return 1 2>/dev/null || exit 1
fi
unset bizweb_provision_status
