"""The report to the PyB as one PDF (003 Pasal 26; section Tindak lanjut 10): the
forms of many records rendered in one call per form, then cut per record.

The forms print each record in a block that starts a new page
(``page-break-before``; reports/*.xml). Before wkhtmltopdf runs, each block gets a
marker - a word of 1px white text naming it - and the page whose text holds the
marker is where the block starts (the wkhtmltopdf of a standard Linux package, with
an unpatched Qt, writes no outline to cut by, and takes one input document). A form
whose blocks cannot be found that way is rendered record by record instead (slower,
same result)."""

import io
import logging
import re

from lxml import html as lxml_html

from odoo import api, models
from odoo.tools.pdf import PdfReader, PdfWriter

_logger = logging.getLogger(__name__)

MARK = "KINERJAPART"
MARK_RE = re.compile(r"KINERJAPART(\d+)Z")
MARK_STYLE = (
    "position: absolute; margin: 0; padding: 0; white-space: nowrap; "
    "font-size: 1px; line-height: 1px; color: #ffffff;"
)


def _blocks(page):
    """The per-record blocks of a form page (``div.kinerja-form``)."""
    return [
        child
        for child in page
        if child.tag == "div" and "form-code" not in (child.get("class") or "").split()
    ]


def _mark(body, count):
    """``body`` with a marker at the start of each of its ``count`` record
    blocks, or None when the body does not hold exactly ``count`` blocks."""
    tree = lxml_html.fromstring(body)
    pages = tree.xpath("//div[contains(concat(' ', @class, ' '), ' kinerja-form ')]")
    if len(pages) != 1:
        return None
    blocks = _blocks(pages[0])
    if len(blocks) != count:
        return None
    for index, block in enumerate(blocks):
        marker = lxml_html.Element("div", style=MARK_STYLE)
        marker.text = f"{MARK}{index}Z"
        block.insert(0, marker)
    return lxml_html.tostring(tree, encoding="unicode")


def _split(pdf, count):
    """[pdf of block 0, block 1, ...] by the pages holding the markers, or None."""
    reader = PdfReader(io.BytesIO(pdf), strict=False)
    starts = {}
    for number, page in enumerate(reader.pages):
        words = "".join((page.extract_text() or "").split())
        for found in MARK_RE.findall(words):
            starts.setdefault(int(found), number)
    if sorted(starts) != list(range(count)):
        return None
    pages = [starts[index] for index in range(count)]
    if pages != sorted(pages) or pages[0] != 0:
        return None
    total = len(reader.pages)
    parts = []
    for index, first in enumerate(pages):
        last = pages[index + 1] if index + 1 < count else total
        writer = PdfWriter()
        for number in range(first, last):
            writer.add_page(reader.pages[number])
        parts.append(_bytes(writer))
    return parts


def _bytes(writer):
    stream = io.BytesIO()
    writer.write(stream)
    return stream.getvalue()


def merge(pdfs):
    """One PDF of ``pdfs``' pages, in order."""
    writer = PdfWriter()
    for pdf in pdfs:
        for page in PdfReader(io.BytesIO(pdf), strict=False).pages:
            writer.add_page(page)
    return _bytes(writer)


def page_count(pdf):
    return len(PdfReader(io.BytesIO(pdf), strict=False).pages)


def render_parts(env, report_ref, records):
    """{record id: PDF bytes} of the form ``report_ref`` for ``records`` (the
    caller checked they may be printed; ``env`` renders them): one rendering for
    all of them."""
    if not records:
        return {}
    Report = env["ir.actions.report"].with_context(debug=False)
    report = Report._get_report(report_ref)
    ids = records.ids
    if len(ids) > 1:
        html = Report._render_qweb_html(
            report_ref, ids, data={"report_type": "pdf", "debug": False}
        )[0]
        bodies, _ids, header, footer, paper = report._prepare_html(html, report.model)
        marked = _mark(bodies[0], len(ids)) if len(bodies) == 1 else None
        if marked:
            pdf = Report._run_wkhtmltopdf(
                [marked],
                report_ref=report_ref,
                header=header,
                footer=footer,
                specific_paperformat_args=paper,
            )
            parts = _split(pdf, len(ids))
            if parts:
                return dict(zip(ids, parts, strict=True))
        _logger.warning("%s: cannot cut the form per record; rendering one by one", report_ref)
    forced = Report.with_context(force_report_rendering=True)
    return {record_id: forced._render_qweb_pdf(report_ref, [record_id])[0] for record_id in ids}


class ReportPybCover(models.AbstractModel):
    _name = "report.hr_kinerja_asn.report_pyb_cover"
    _description = "Report to the PyB: Cover Page"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["hr.kinerja.pyb.report"].browse(docids)
        docs.check_access("read")
        return {
            "doc_ids": docids,
            "doc_model": "hr.kinerja.pyb.report",
            "docs": docs,
            "cover": {doc.id: doc._cover_values() for doc in docs},
        }
