import subprocess


def pdf_text(pdf, layout=False):
    """The text of a PDF as poppler's pdftotext reads it, whitespace collapsed."""
    text = subprocess.run(
        ["pdftotext", *(["-layout"] if layout else []), "-", "-"],
        input=pdf,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return " ".join(text.split())


class ReportCaseMixin:
    """Renders a real PDF through wkhtmltopdf (not the HTML of test mode)."""

    def _render_pdf(self, xmlid, ids, user=None):
        reports = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        if user:
            reports = reports.with_user(user)
        pdf, kind = reports._render_qweb_pdf(xmlid, ids)
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        return pdf
