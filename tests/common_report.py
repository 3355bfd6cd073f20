import re
import struct
import subprocess
import tempfile
import zlib

from .common import NO_ASSETS_URL


def _squeeze(text):
    return "".join(text.split())


class PrintedText:
    """What a PDF says, checked in a way no font or page width changes.

    ``pdftotext -raw`` gives the text in the order wkhtmltopdf drew it, which is the
    order of the HTML, not the order of positions on the page (a cell that wraps onto
    three lines does not interleave with its neighbours). Where a line wraps or a page
    breaks depends on the font's metrics, so a fragment is printed when it occurs in
    that text with all whitespace ignored: ``"2 BAIK 5" in text`` holds whether the
    three cells print on one line or wrap. ``str(text)`` is the text, whitespace
    collapsed, for messages.
    """

    def __init__(self, pdf):
        raw = subprocess.run(
            ["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"],
            input=pdf,
            capture_output=True,
            check=True,
        ).stdout.decode()
        self.text = " ".join(raw.split())
        self._squeezed = _squeeze(raw)

    def __contains__(self, fragment):
        return _squeeze(fragment) in self._squeezed

    def count(self, fragment):
        return self._squeezed.count(_squeeze(fragment))

    def __str__(self):
        return self.text

    __repr__ = __str__


def pdf_text(pdf):
    """The text of a PDF (a ``PrintedText``: test fragments with ``in``)."""
    return PrintedText(pdf)


def _font_version(font):
    """The version string (name id 5) of a TrueType font, or None."""
    (count,) = struct.unpack_from(">H", font, 4)
    for index in range(count):
        tag, _checksum, offset, _length = struct.unpack_from(">4sIII", font, 12 + 16 * index)
        if tag != b"name":
            continue
        _format, records, strings = struct.unpack_from(">HHH", font, offset)
        for record in range(records):
            platform, _enc, _lang, name_id, length, start = struct.unpack_from(
                ">HHHHHH", font, offset + 6 + 12 * record
            )
            if name_id == 5:
                raw = font[offset + strings + start : offset + strings + length + start]
                return raw.decode("utf-16-be" if platform in (0, 3) else "latin-1")
    return None


def embedded_fonts(pdf):
    """(names, versions) of the fonts a PDF embeds: the names as pdffonts lists them,
    without the subset prefix; the versions from the embedded fonts' name tables."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        listing = subprocess.run(
            ["pdffonts", handle.name], capture_output=True, check=True
        ).stdout.decode()
    names = {line.split()[0].split("+")[-1] for line in listing.splitlines()[2:] if line.strip()}
    versions = set()
    for match in re.finditer(rb"stream\r?\n", pdf):
        try:
            data = zlib.decompressobj().decompress(pdf[match.end() : match.end() + 2_000_000])
        except zlib.error:
            continue
        if data[:4] in (b"\x00\x01\x00\x00", b"true"):
            versions.add(_font_version(data))
    return names, versions


# Where wkhtmltopdf looks for the web assets in tests: nowhere (a closed port answers
# at once). Under pytest no HTTP server runs; under odoo-bin the run's own server does,
# and wkhtmltopdf asking it for the assets would wait for the test's own transaction.


class ReportCaseMixin:
    """Renders a real PDF through wkhtmltopdf (not the HTML of test mode), without the
    web assets under either runner: the forms carry their own style."""

    def _render_pdf(self, xmlid, ids, user=None):
        self.env["ir.config_parameter"].sudo().set_param("report.url", NO_ASSETS_URL)
        reports = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        if user:
            reports = reports.with_user(user)
        pdf, kind = reports._render_qweb_pdf(xmlid, ids)
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        return pdf
