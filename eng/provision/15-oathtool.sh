# Sourced by eng/test.sh. The quick-start test makes its token codes with oathtool (OATH Toolkit), an
# implementation independent of the SDK; install Debian's oathtool when it is missing.
if ! command -v oathtool >/dev/null 2>&1; then
  echo "oathtool not found: installing it with apt-get"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq oathtool >/dev/null
fi
oathtool --version | head -1
