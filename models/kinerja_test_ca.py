"""A local test certification authority, made on the spot (demo and tests only).

The demo database and the tests need certificates to sign with: a CA, the agency's
seal and a personal certificate. They are generated when the demo is installed (or
a test starts) with ``cryptography``'s x509 builder; no private key is committed.
Real deployments upload certificates issued by a certified provider (BSrE).

Plain Python: no Odoo import.
"""

import datetime

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID


def _name(common_name, organisation):
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


class TestCA:
    """A self-signed root that issues signing certificates as PKCS#12 files."""

    def __init__(self, organisation="Demo", common_name=None):
        self.organisation = organisation
        self._key = _key()
        now = datetime.datetime.utcnow()
        subject = _name(common_name or f"{organisation} Test CA (not trusted)", organisation)
        self.certificate = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(subject)
            .public_key(self._key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(
                x509.KeyUsage(False, False, False, False, False, True, True, False, False),
                critical=True,
            )
            .sign(self._key, hashes.SHA256())
        )

    @property
    def pem(self):
        return self.certificate.public_bytes(serialization.Encoding.PEM).decode()

    def issue(self, common_name, passphrase, days=1095):
        """A PKCS#12 (bytes) holding a new key and its certificate for
        ``common_name``, signed by this CA, encrypted with ``passphrase``."""
        key = _key()
        now = datetime.datetime.utcnow()
        certificate = (
            x509.CertificateBuilder()
            .subject_name(_name(common_name, self.organisation))
            .issuer_name(self.certificate.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=days))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                # digital signature and non-repudiation (content commitment)
                x509.KeyUsage(True, True, False, False, False, False, False, False, False),
                critical=True,
            )
            .sign(self._key, hashes.SHA256())
        )
        return pkcs12.serialize_key_and_certificates(
            common_name.encode(),
            key,
            certificate,
            [self.certificate],
            serialization.BestAvailableEncryption(passphrase.encode()),
        )
