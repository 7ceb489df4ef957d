#!/usr/bin/env bash
# Fails when a package the build uses, directly or transitively, has a known vulnerability:
#   dotnet list <target> package --vulnerable --include-transitive
# The check needs vulnerability data, which NuGet reads from each enabled source's service index
# (a resource of type VulnerabilityInfo). When no enabled source offers it (no network, a mirror or
# proxy that serves packages only), `dotnet list package --vulnerable` would report "no vulnerable
# packages" without having checked anything; so this script first checks that the data can be read,
# and otherwise prints why the check is skipped and exits 0. Anything else that goes wrong fails.
#
# Usage: eng/check-vulnerable.sh [solution-or-project] (default BizWeb.Sdk.sln; restore it first).
# NUGET_CONFIG=<file> uses that NuGet.config instead of the usual ones (the tests use it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
target=${1:-BizWeb.Sdk.sln}
config_args=() list_args=()
if [ -n "${NUGET_CONFIG:-}" ]; then config_args=(--configfile "$NUGET_CONFIG") list_args=(--config "$NUGET_CONFIG"); fi

# The enabled sources, one URL a line ("E <url>" in the short format).
mapfile -t sources < <(dotnet nuget list source --format short "${config_args[@]+"${config_args[@]}"}" | sed -n 's/^E[A-Za-z]* \(.*\)$/\1/p')
reachable=() unreachable=()
for source in "${sources[@]+"${sources[@]}"}"; do
  case "$source" in http://*|https://*) ;; *) unreachable+=("$source (a folder: no vulnerability data)"); continue ;; esac
  index=$(curl --silent --show-error --fail --max-time 30 "$source" 2>&1) || { unreachable+=("$source (service index: ${index//$'\n'/ })"); continue; }
  # The VulnerabilityInfo resource's address: "@id" of the resource whose "@type" starts with VulnerabilityInfo.
  vulnerability_index=$(tr -d '\n' <<<"$index" | grep -o '{[^{}]*"@type" *: *"VulnerabilityInfo[^"]*"[^{}]*}' | grep -o '"@id" *: *"[^"]*"' | head -n 1 | sed 's/.*"\([^"]*\)"$/\1/' || true)
  if [ -z "$vulnerability_index" ]; then
    unreachable+=("$source (its service index offers no VulnerabilityInfo resource)")
    continue
  fi
  if pages=$(curl --silent --show-error --fail --max-time 30 "$vulnerability_index" 2>&1) && grep -q '"@id"' <<<"$pages"; then
    reachable+=("$source")
  else
    unreachable+=("$source (vulnerability index $vulnerability_index: ${pages//$'\n'/ })")
  fi
done

if [ "${#reachable[@]}" -eq 0 ]; then
  echo "vulnerable packages: SKIPPED, no enabled NuGet source offers vulnerability data here, so nothing could be checked:"
  for line in "${unreachable[@]+"${unreachable[@]}"}"; do echo "  - $line"; done
  [ "${#sources[@]}" -eq 0 ] && echo "  - (no enabled source)"
  exit 0
fi
for line in "${unreachable[@]+"${unreachable[@]}"}"; do echo "vulnerable packages: note, not checked against $line"; done

report=$(dotnet list "$target" package --vulnerable --include-transitive --format json "${list_args[@]+"${list_args[@]}"}")
if grep -q '"vulnerabilities"' <<<"$report"; then
  echo "error: packages with known vulnerabilities (checked against ${reachable[*]}):" >&2
  echo "$report" >&2
  exit 1
fi
if grep -q '"problems"' <<<"$report"; then
  echo "error: dotnet list package reported problems:" >&2
  echo "$report" >&2
  exit 1
fi
echo "vulnerable packages: none (checked against ${reachable[*]}, transitive packages included)"
