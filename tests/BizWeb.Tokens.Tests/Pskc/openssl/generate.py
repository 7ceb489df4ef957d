#!/usr/bin/env python3
"""Writes the PSKC files of PskcOracleTests with openssl (encryption, key wrap, RSA) and Python's
standard library (HMAC, PBKDF2) as an oracle independent of the SDK's reader. Run from this folder:
    python3 generate.py
The RSA key pair (oracle-rsa.key/.crt) is a throw-away test key made for these files only."""
import base64, hashlib, hmac, os, subprocess

SEED20 = b"12345678901234567890"
SEED32 = b"12345678901234567890123456789012"
PSK = {16: bytes(range(16)), 24: bytes(range(24)), 32: bytes(range(32))}
PASSWORD = "Oracle-Password-1"
XMLENC = "http://www.w3.org/2001/04/xmlenc#"
XMLENC11 = "http://www.w3.org/2009/xmlenc11#"
MORE = "http://www.w3.org/2001/04/xmldsig-more#"
MACS = {"sha1": "http://www.w3.org/2000/09/xmldsig#hmac-sha1", "sha224": MORE + "hmac-sha224",
        "sha256": MORE + "hmac-sha256", "sha384": MORE + "hmac-sha384", "sha512": MORE + "hmac-sha512"}
# XML Encryption / RFC 6030 name -> (openssl cipher, key length, IV length)
CIPHERS = {
    XMLENC + "aes128-cbc": ("aes-128-cbc", 16, 16), XMLENC + "aes192-cbc": ("aes-192-cbc", 24, 16),
    XMLENC + "aes256-cbc": ("aes-256-cbc", 32, 16), XMLENC + "tripledes-cbc": ("des-ede3-cbc", 24, 8),
    MORE + "camellia128-cbc": ("camellia-128-cbc", 16, 16), MORE + "camellia192-cbc": ("camellia-192-cbc", 24, 16),
    MORE + "camellia256-cbc": ("camellia-256-cbc", 32, 16),
    XMLENC + "kw-aes128": ("id-aes128-wrap", 16, 0), XMLENC + "kw-aes192": ("id-aes192-wrap", 24, 0),
    XMLENC + "kw-aes256": ("id-aes256-wrap", 32, 0),
    XMLENC11 + "kw-aes-128-pad": ("id-aes128-wrap-pad", 16, 0), XMLENC11 + "kw-aes-192-pad": ("id-aes192-wrap-pad", 24, 0),
    XMLENC11 + "kw-aes-256-pad": ("id-aes256-wrap-pad", 32, 0),
}


def openssl(*args, data=b""):
    return subprocess.run(["openssl", *args], input=data, check=True, capture_output=True).stdout


def encrypt(algorithm, key, plaintext):
    name, _, iv_length = CIPHERS[algorithm]
    if iv_length == 0:
        iv = "A65959A6" if name.endswith("-pad") else "A6A6A6A6A6A6A6A6"
        return openssl("enc", "-" + name, "-K", key.hex(), "-iv", iv, data=plaintext)
    iv = os.urandom(iv_length)
    return iv + openssl("enc", "-" + name, "-K", key.hex(), "-iv", iv.hex(), data=plaintext)


def b64(data):
    return base64.b64encode(data).decode()


def encrypted(algorithm, key, plaintext, tag="EncryptedValue"):
    value = encrypt(algorithm, key, plaintext)
    return value, f"""<pskc:{tag}>
          <xenc:EncryptionMethod Algorithm="{algorithm}"/>
          <xenc:CipherData><xenc:CipherValue>{b64(value)}</xenc:CipherValue></xenc:CipherData>
        </pskc:{tag}>"""


def data_item(name, algorithm, key, plaintext, mac):
    value, xml = encrypted(algorithm, key, plaintext)
    mac_xml = f"<pskc:ValueMAC>{b64(hmac.new(mac[1], value, mac[0]).digest())}</pskc:ValueMAC>" if mac else ""
    return f"<pskc:{name}>{xml}{mac_xml}</pskc:{name}>"


def package(serial, algorithm, secret_xml, extra="", suite="", digits=6):
    suite_xml = f"<pskc:Suite>{suite}</pskc:Suite>" if suite else ""
    return f"""
  <pskc:KeyPackage>
    <pskc:DeviceInfo><pskc:Manufacturer>Oracle</pskc:Manufacturer><pskc:SerialNo>{serial}</pskc:SerialNo></pskc:DeviceInfo>
    <pskc:Key Id="{serial}" Algorithm="urn:ietf:params:xml:ns:keyprov:pskc:{algorithm}">
      <pskc:AlgorithmParameters>{suite_xml}<pskc:ResponseFormat Length="{digits}" Encoding="DECIMAL"/></pskc:AlgorithmParameters>
      <pskc:Data>{secret_xml}{extra}</pskc:Data>
    </pskc:Key>
  </pskc:KeyPackage>"""


def container(encryption_key, mac_method, packages):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by generate.py with openssl {openssl('version').decode().split()[1]}; see PskcOracleTests. -->
<pskc:KeyContainer Version="1.0" xmlns:pskc="urn:ietf:params:xml:ns:keyprov:pskc" xmlns:ds="http://www.w3.org/2000/09/xmldsig#"
  xmlns:xenc="http://www.w3.org/2001/04/xmlenc#" xmlns:xenc11="http://www.w3.org/2009/xmlenc11#" xmlns:pkcs5="http://www.rsasecurity.com/rsalabs/pkcs/schemas/pkcs-5v2-0#">
  <pskc:EncryptionKey>{encryption_key}</pskc:EncryptionKey>{mac_method}{"".join(packages)}
</pskc:KeyContainer>
"""


def mac_method(mac_name, algorithm, key):
    mac_key = os.urandom(hashlib.new(mac_name).digest_size)
    _, xml = encrypted(algorithm, key, mac_key, "MACKey")
    return (mac_name, mac_key), f"""
  <pskc:MACMethod Algorithm="{MACS[mac_name]}">
    {xml}
  </pskc:MACMethod>"""


def write(name, text):
    with open(name, "w") as f:
        f.write(text)


def pre_shared(name, algorithm, mac_name, seed=SEED20):
    key = PSK[CIPHERS[algorithm][1]]
    mac = None
    mac_xml = ""
    if mac_name:
        mac, mac_xml = mac_method(mac_name, algorithm, key)
    secret = data_item("Secret", algorithm, key, seed, mac)
    write(name, container("<ds:KeyName>Pre-shared-key</ds:KeyName>", mac_xml, [package("OR-1", "totp", secret)]))


def pbkdf2(name, prf, algorithm, iterations=1000):
    length = CIPHERS[algorithm][1]
    salt = os.urandom(8)
    key = hashlib.pbkdf2_hmac(prf, PASSWORD.encode(), salt, iterations, length)
    mac, mac_xml = mac_method("sha1", algorithm, key)
    prf_xml = "<PRF/>" if prf == "sha1" else f'<PRF Algorithm="{MACS[prf]}"/>'
    derived = f"""<xenc11:DerivedKey>
      <xenc11:KeyDerivationMethod Algorithm="http://www.rsasecurity.com/rsalabs/pkcs/schemas/pkcs-5v2-0#pbkdf2">
        <pkcs5:PBKDF2-params><Salt><Specified>{b64(salt)}</Specified></Salt><IterationCount>{iterations}</IterationCount><KeyLength>{length}</KeyLength>{prf_xml}</pkcs5:PBKDF2-params>
      </xenc11:KeyDerivationMethod>
      <xenc11:MasterKeyName>Oracle password</xenc11:MasterKeyName>
    </xenc11:DerivedKey>"""
    write(name, container(derived, mac_xml, [package("OR-1", "totp", data_item("Secret", algorithm, key, SEED20, mac))]))


def rsa(name, padding, uri):
    cert = "".join(l for l in open("oracle-rsa.crt").read().splitlines() if "CERTIFICATE" not in l)
    value = openssl("pkeyutl", "-encrypt", "-certin", "-inkey", "oracle-rsa.crt", "-pkeyopt", "rsa_padding_mode:" + padding, data=SEED20)
    secret = f"""<pskc:Secret><pskc:EncryptedValue>
          <xenc:EncryptionMethod Algorithm="{uri}"/>
          <xenc:CipherData><xenc:CipherValue>{b64(value)}</xenc:CipherValue></xenc:CipherData>
        </pskc:EncryptedValue></pskc:Secret>"""
    write(name, container(f"<ds:X509Data><ds:X509Certificate>{cert}</ds:X509Certificate></ds:X509Data>", "", [package("OR-1", "totp", secret)]))


def encrypted_parameters(name):
    algorithm = XMLENC + "aes128-cbc"
    key = PSK[16]
    mac, mac_xml = mac_method("sha256", algorithm, key)
    big_endian = lambda n: n.to_bytes(8, "big")
    totp = package("OR-T", "totp", data_item("Secret", algorithm, key, SEED20, mac),
                   data_item("TimeInterval", algorithm, key, big_endian(60), mac) + data_item("TimeDrift", algorithm, key, big_endian(3), mac))
    hotp = package("OR-H", "hotp", data_item("Secret", algorithm, key, SEED20, mac),
                   data_item("Counter", algorithm, key, big_endian(42), mac) + data_item("Time", algorithm, key, b"1234567890", mac), digits=8)
    write(name, container("<ds:KeyName>Pre-shared-key</ds:KeyName>", mac_xml, [totp, hotp]))


if not os.path.exists("oracle-rsa.key"):
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "oracle-rsa.key", "-out", "oracle-rsa.crt",
            "-days", "36500", "-subj", "/CN=BizWeb PSKC oracle test key (not secret)")
for bits, mac_name in [(128, "sha1"), (192, "sha224"), (256, "sha256"), (128, "sha384"), (256, "sha512")]:
    pre_shared(f"aes{bits}-cbc-hmac-{mac_name}.xml", XMLENC + f"aes{bits}-cbc", mac_name)
pre_shared("tripledes-cbc-hmac-sha1.xml", XMLENC + "tripledes-cbc", "sha1")
for bits in (128, 192, 256):
    pre_shared(f"camellia{bits}-cbc-hmac-sha256.xml", MORE + f"camellia{bits}-cbc", "sha256")
    pre_shared(f"kw-aes{bits}.xml", XMLENC + f"kw-aes{bits}", None, SEED32)
    pre_shared(f"kw-aes{bits}-pad.xml", XMLENC11 + f"kw-aes-{bits}-pad", None)
pbkdf2("pbkdf2-sha1-aes128.xml", "sha1", XMLENC + "aes128-cbc")
pbkdf2("pbkdf2-sha256-aes256.xml", "sha256", XMLENC + "aes256-cbc")
rsa("rsa-oaep.xml", "oaep", XMLENC + "rsa-oaep-mgf1p")
rsa("rsa-1_5.xml", "pkcs1", XMLENC + "rsa-1_5")
encrypted_parameters("encrypted-parameters.xml")
