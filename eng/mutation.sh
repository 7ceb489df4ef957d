#!/usr/bin/env bash
# Mutation testing (Stryker.NET) over rules that matter most:
#   eng/mutation.sh [pins|lockout|card|otp|transfers|cn|all]   (default all)
# Not part of eng/test.sh: on 2 shared cores each suite takes minutes (docs/mutation-testing.md has
# the figures and the scores). Installs dotnet-stryker (pinned below) into artifacts/tools when
# missing. Reports (HTML and JSON, every surviving mutant with its line) go to
# artifacts/mutation/<suite>/reports/; the closing lines print the score per file.
# ConfigureAwait(false) -> (true) mutants are equivalent here (no synchronization context: both
# resume alike); they are tested and counted like all others, and the summary prints the score
# without them beside the plain score (docs/mutation-testing.md). Stryker's ignore-methods option
# is not used for them: it also drops every mutant inside the awaited call's receiver.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
stryker_version=5.1.0
tools=$root/artifacts/tools
if [ ! -x "$tools/dotnet-stryker" ]; then
  dotnet tool install dotnet-stryker --version "$stryker_version" --tool-path "$tools"
fi

# run NAME TEST_PROJECT PROJECT_TO_MUTATE TEST_FILTER|all FILE...
run() {
  local name=$1 test_project=$2 project=$3 filter=$4; shift 4
  local mutate=() output=$root/artifacts/mutation/$name
  for file in "$@"; do mutate+=(--mutate "$file"); done
  [ "$filter" = all ] || mutate+=(--test-case-filter "$filter")
  echo "==> mutation: $name ($*)"
  rm -rf "$output"
  (cd "$(dirname "$test_project")" && "$tools/dotnet-stryker" --configuration Release \
    --concurrency "${STRYKER_CONCURRENCY:-2}" --skip-version-check \
    --reporter html --reporter json --reporter progress \
    --project "$project" --output "$output" "${mutate[@]}")
  if command -v python3 >/dev/null; then
    python3 - "$output/reports/mutation-report.json" <<'PY'
import collections, json, sys
report = json.load(open(sys.argv[1]))

def configure_await(mutant, lines):
    start, end = mutant["location"]["start"], mutant["location"]["end"]
    line = lines[start["line"] - 1]
    return (mutant["mutatorName"] == "Boolean mutation" and start["line"] == end["line"]
            and line[start["column"] - 1:end["column"] - 1] == "false"
            and line[:start["column"] - 1].endswith("ConfigureAwait("))

for path, file in sorted(report["files"].items()):
    lines = file["source"].split("\n")
    counts = collections.Counter(m["status"] for m in file["mutants"])
    detected = counts["Killed"] + counts["Timeout"]
    tested = detected + counts["Survived"] + counts["NoCoverage"]
    equivalent = sum(1 for m in file["mutants"] if m["status"] in ("Survived", "NoCoverage") and configure_await(m, lines))
    if tested:
        print(f"mutation score {100 * detected / tested:5.1f} %  {path.split('/src/')[-1]}  "
              f"(killed {counts['Killed']}, timeout {counts['Timeout']}, survived {counts['Survived']}, no coverage {counts['NoCoverage']}"
              + (f"; without {equivalent} ConfigureAwait(true) mutants: {100 * detected / (tested - equivalent):5.1f} %" if equivalent else "") + ")")
PY
  fi
}

suite=${1:-all}
case "$suite" in
  pins|lockout|card|otp|transfers|cn|all) ;;
  *) echo "usage: $0 [pins|lockout|card|otp|transfers|cn|all]" >&2; exit 2 ;;
esac
if [ "$suite" = pins ] || [ "$suite" = all ]; then
  run pins tests/BizWeb.Auth.Tests/BizWeb.Auth.Tests.csproj BizWeb.Auth.csproj \
    'FullyQualifiedName~BizWeb.Auth.Tests.Pins' \
    '**/Pins/PinPolicy.cs' '**/Pins/PinRules.cs'
fi
if [ "$suite" = lockout ] || [ "$suite" = all ]; then
  run lockout tests/BizWeb.Auth.Tests/BizWeb.Auth.Tests.csproj BizWeb.Auth.csproj \
    'FullyQualifiedName~BizWeb.Auth.Tests.Lockout' \
    '**/Core/CredentialGuard.cs'
fi
if [ "$suite" = card ] || [ "$suite" = all ]; then
  run card tests/BizWeb.Tokens.Tests/BizWeb.Tokens.Tests.csproj BizWeb.Tokens.csproj \
    'FullyQualifiedName~BizWeb.Tokens.Tests.CustomerCard|FullyQualifiedName~BizWeb.Tokens.Tests.CardAnswerReuse|FullyQualifiedName~BizWeb.Tokens.Tests.ConstantTime' \
    '**/Cards/CustomerCardVerifier.cs' '**/Cards/CustomerCardValues.cs'
fi
if [ "$suite" = otp ] || [ "$suite" = all ]; then
  run otp tests/BizWeb.Tokens.Tests/BizWeb.Tokens.Tests.csproj BizWeb.Tokens.csproj \
    'FullyQualifiedName~BizWeb.Tokens.Tests.HotpVerifier|FullyQualifiedName~BizWeb.Tokens.Tests.TotpVerifier|FullyQualifiedName~BizWeb.Tokens.Tests.OtpVector|FullyQualifiedName~BizWeb.Tokens.Tests.OtpNetProperty|FullyQualifiedName~BizWeb.Tokens.Tests.HotpOracle|FullyQualifiedName~BizWeb.Tokens.Tests.ReplayedCode' \
    '**/Otp/Hotp.cs' '**/Otp/HotpVerifier.cs' '**/Otp/Totp.cs' '**/Otp/TotpVerifier.cs'
fi
if [ "$suite" = transfers ] || [ "$suite" = all ]; then
  run transfers tests/BizWeb.Auth.Tests/BizWeb.Auth.Tests.csproj BizWeb.Auth.csproj \
    'FullyQualifiedName~BizWeb.Auth.Tests.Transactions' \
    '**/Transactions/TransferLimits.cs' '**/Transactions/TransferTotals.cs'
fi
if [ "$suite" = cn ] || [ "$suite" = all ]; then
  run cn tests/BizWeb.Certificates.Tests/BizWeb.Certificates.Tests.csproj BizWeb.Certificates.csproj \
    'FullyQualifiedName~BizWeb.Certificates.Tests.CertificateCommonName|FullyQualifiedName~BizWeb.Certificates.Tests.SignInMapping' \
    '**/SignIn/CertificateCommonName.cs'
fi
