#!/bin/sh
# Writes oathtool-hotp.txt: HOTP codes computed by oathtool (OATH Toolkit), an implementation independent
# of the SDK, for the oracle tests (HotpOracleTests). One line per code: key (hex), digits, counter, code.
# Keys: RFC 4226's Appendix D secret and three fixed 20-byte keys; counters around the look-ahead edges and
# large values. Run from this folder: sh generate.sh (needs oathtool: apt-get install oathtool).
set -eu
out=oathtool-hotp.txt
: > "$out"
for key in 3132333435363738393031323334353637383930 0f1e2d3c4b5a69788796a5b4c3d2e1f001122334 \
           a1b2c3d4e5f60718293a4b5c6d7e8f9011223344 ffffffffffffffffffffffffffffffffffffffff; do
  for digits in 6 7 8; do
    for counter in 0 1 2 9 10 11 12 99 100 101 4294967295 4294967296 9007199254740993; do
      code=$(oathtool --hotp --digits="$digits" --counter="$counter" "$key")
      printf '%s %s %s %s\n' "$key" "$digits" "$counter" "$code" >> "$out"
    done
  done
done
