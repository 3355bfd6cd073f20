"""Who puts the digital signature on an official document: a small interface.

The addon signs a printed form (the SKP, the evaluation document) in three steps:
render the PDF, sign it, store the signed bytes with their SHA-256
(``hr.kinerja.signature``). The middle step is a ``Signer``: it receives the PDF and
what the signature must say, and returns the signed PDF. Nothing else of the addon
knows how the signature is made.

One implementation ships: ``Pkcs12Signer``, a PAdES signature (PDF Advanced
Electronic Signature, ETSI EN 319 142; ``/SubFilter /ETSI.CAdES.detached``) made
locally with pyHanko from a PKCS#12 file - the signer's own certificate, or the
agency's seal certificate with the signer named in the signature. Each signature is
added as an incremental update, so a document signed by the evaluator and then by
the employee carries both signatures and both validate. Its visible appearance is
a QR code with the verification URL and the document's short code.

A certified provider plugs in as another ``Signer``. BSrE (Balai Sertifikasi
Elektronik of BSSN, which issues the certificates of civil servants) signs
remotely: the private key never leaves the provider, the signer authorises each
signature with their NIK and passphrase (or an OTP) through the provider's API.
Such an implementation:

* subclasses ``Signer`` and implements ``sign()`` and ``subject``;
* either sends the whole PDF to the provider's PAdES endpoint (BSrE's
  ``/api/sign/pdf`` takes the file, the NIK, the passphrase and the visible
  appearance, and returns the signed PDF) and returns the answer as it is, or
  prepares the signature locally with pyHanko's ``PdfSigner`` and an
  ``ExternalSigner`` / ``signers.Signer`` subclass whose ``async_sign_raw()`` posts
  the digest to the provider and returns the raw signature (the interface pyHanko
  documents for hardware tokens and remote keys);
* is chosen in ``signer_for()`` below (for instance when the company is configured
  for BSrE and the user has a NIK), with the passphrase taken in the same signing
  wizard and never stored.

Verification does not change: ``validate()`` checks every embedded signature
against the trust roots the agency configures, which then include the provider's
root (for BSrE, the Root CA Indonesia / BSrE chain).

Plain Python: no Odoo import, so it is tested and reused outside the ORM.
"""

import contextlib
import io
import logging
import os
import tempfile

from asn1crypto import pem
from asn1crypto import x509 as asn1_x509
from pyhanko import stamp
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

# A4 in PDF points; the stamps sit in a row along the bottom of the last page.
STAMP_WIDTH = 180
STAMP_HEIGHT = 62
STAMP_MARGIN = 24
# On the official forms, in the regulation's language.
STAMP_TEXT = (
    "Ditandatangani secara elektronik oleh\n%(name)s\n%(ts)s\nKode verifikasi %(code)s\n%(url)s"
)


@contextlib.contextmanager
def _quiet():
    """pyHanko logs a refused passphrase or an untrusted chain as errors; here they
    are answers (raised or returned), not server faults."""
    loggers = [logging.getLogger(name) for name in ("pyhanko", "pyhanko_certvalidator")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class SigningError(Exception):
    """The signature could not be made (a wrong passphrase, an unusable certificate)."""


class Signer:
    """Signs a PDF. ``sign()`` returns the PDF with one more signature, added as an
    incremental update (the signatures already in it stay valid)."""

    @property
    def subject(self):
        """The certificate's subject, as people read it."""
        raise NotImplementedError

    def sign(self, pdf, *, field_name, slot, name, reason, location, url, code):
        """Sign ``pdf`` (bytes) in a new signature field ``field_name``, its visible
        stamp at position ``slot`` (0, 1, 2... along the bottom of the last page)
        showing ``name``, the signing time, ``code`` and a QR code of ``url``."""
        raise NotImplementedError


class Pkcs12Signer(Signer):
    """PAdES with pyHanko from a PKCS#12 (.p12/.pfx) file and its passphrase."""

    def __init__(self, pkcs12, passphrase):
        passphrase = passphrase.encode() if isinstance(passphrase, str) else passphrase
        with tempfile.NamedTemporaryFile(suffix=".p12", delete=False) as handle:
            handle.write(pkcs12 or b"")
            path = handle.name
        try:
            with _quiet():
                signer = signers.SimpleSigner.load_pkcs12(path, passphrase=passphrase or None)
        except Exception as error:  # pyHanko raises several kinds for a bad file
            raise SigningError(str(error)) from error
        finally:
            os.unlink(path)
        if signer is None:
            raise SigningError("The passphrase does not open this certificate.")
        self._signer = signer

    @property
    def subject(self):
        return self._signer.signing_cert.subject.human_friendly

    def sign(self, pdf, *, field_name, slot, name, reason, location, url, code):
        x1 = STAMP_MARGIN + slot * (STAMP_WIDTH + 8)
        box = (x1, STAMP_MARGIN, x1 + STAMP_WIDTH, STAMP_MARGIN + STAMP_HEIGHT)
        meta = signers.PdfSignatureMetadata(
            field_name=field_name,
            name=name,
            reason=reason,
            location=location,
            subfilter=fields.SigSeedSubFilter.PADES,
            md_algorithm="sha256",
        )
        pdf_signer = signers.PdfSigner(
            meta,
            signer=self._signer,
            stamp_style=stamp.QRStampStyle(stamp_text=STAMP_TEXT, border_width=1),
            new_field_spec=fields.SigFieldSpec(field_name, on_page=-1, box=box),
        )
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
        try:
            out = pdf_signer.sign_pdf(
                writer, appearance_text_params={"url": url, "code": code, "name": name}
            )
        except Exception as error:
            raise SigningError(str(error)) from error
        return out.getvalue()


def signer_for(pkcs12, passphrase):
    """The signer for a certificate the addon holds (the only kind today; see the
    module's docstring for a remote provider)."""
    return Pkcs12Signer(pkcs12, passphrase)


def certificates_from_pem(text):
    """asn1crypto certificates from PEM text (several concatenated) or DER bytes."""
    if not text:
        return []
    data = text.encode() if isinstance(text, str) else text
    if not pem.detect(data):
        return [asn1_x509.Certificate.load(data)]
    return [asn1_x509.Certificate.load(der) for _type, _headers, der in pem.unarmor(data, True)]


def validate(pdf, trust_roots):
    """Every signature embedded in ``pdf``, validated by pyHanko against
    ``trust_roots`` (PEM text): a list of dicts (field, signer, intact, valid,
    trusted, whole_file, modified) in signing order. A PDF pyHanko cannot read gives
    an empty list."""
    roots = certificates_from_pem(trust_roots)
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        embedded = list(reader.embedded_signatures)
    except Exception:  # not a PDF, or a damaged one
        return []
    results = []
    for signature in embedded:
        context = ValidationContext(trust_roots=roots, allow_fetching=False)
        try:
            with _quiet():
                status = validate_pdf_signature(signature, context)
        except Exception as error:
            results.append(
                {
                    "field": signature.field_name,
                    "signer": "",
                    "intact": False,
                    "valid": False,
                    "trusted": False,
                    "whole_file": False,
                    "modified": False,
                    "error": str(error),
                }
            )
            continue
        coverage = getattr(status.coverage, "name", "")
        level = getattr(status.modification_level, "name", "")
        results.append(
            {
                "field": signature.field_name,
                "signer": status.signing_cert.subject.human_friendly,
                "intact": bool(status.intact),
                "valid": bool(status.valid),
                "trusted": bool(status.trusted),
                "whole_file": coverage == "ENTIRE_FILE",
                # later revisions changed more than signatures and form fields
                "modified": level not in ("NONE", "LTA_UPDATES", "FORM_FILLING"),
                "error": "",
            }
        )
    return results
