# Sourced by eng/test.sh. The certificate tests use the OpenSSL command line as an independent
# reference (openssl req / verify / crl / x509); install Debian's openssl when it is missing.
if ! command -v openssl >/dev/null 2>&1; then
  echo "openssl not found: installing it with apt-get"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssl >/dev/null
fi
openssl version
