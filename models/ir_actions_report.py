"""The forms print in the font the addon ships, whatever fonts the server has.

The forms ask for Liberation Sans (metric-compatible with Arial, SIL Open Font
License 1.1; ``static/fonts``). wkhtmltopdf finds fonts through fontconfig only: a
font given by ``@font-face`` is drawn as outlines, so the PDF would carry no text to
select, search or read aloud. Before wkhtmltopdf runs, the process's fontconfig
configuration therefore becomes the server's own configuration plus the addon's font
directory, with every other copy of Liberation Sans hidden (a system may carry
another version), so that every server embeds the same font files.
"""

import hashlib
import os
import threading
from xml.sax.saxutils import escape

from odoo import models
from odoo.tools import config

FONT_FAMILY = "Liberation Sans"
FONT_FILES = (
    "LiberationSans-Regular.ttf",
    "LiberationSans-Bold.ttf",
    "LiberationSans-Italic.ttf",
    "LiberationSans-BoldItalic.ttf",
)
# Where fontconfig looks when FONTCONFIG_FILE and FONTCONFIG_PATH are unset.
DEFAULT_CONFIGS = (
    "/etc/fonts/fonts.conf",
    "/usr/local/etc/fonts/fonts.conf",
    "/opt/homebrew/etc/fonts/fonts.conf",
)

_lock = threading.Lock()
_installed = {}


def font_dir():
    return os.path.join(
        os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "static", "fonts"
    )


def base_config(environ=None):
    """The configuration fontconfig would read without us, or None."""
    environ = os.environ if environ is None else environ
    if environ.get("FONTCONFIG_FILE"):
        return environ["FONTCONFIG_FILE"]
    for folder in (environ.get("FONTCONFIG_PATH") or "").split(os.pathsep):
        if folder and os.path.isfile(os.path.join(folder, "fonts.conf")):
            return os.path.join(folder, "fonts.conf")
    return next((path for path in DEFAULT_CONFIGS if os.path.isfile(path)), None)


def fontconfig_text(fonts, base):
    """A fontconfig file: ``base``, the folder ``fonts``, and no other copy of the
    family (fontconfig keeps a font an ``acceptfont`` names even when a
    ``rejectfont`` matches it)."""
    accept = "".join(
        f'<pattern><patelt name="file"><string>{escape(os.path.join(fonts, name))}</string>'
        "</patelt></pattern>"
        for name in FONT_FILES
    )
    include = f'  <include ignore_missing="yes">{escape(base)}</include>\n' if base else ""
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        "<!-- Written by hr_kinerja_asn (models/ir_actions_report.py) for wkhtmltopdf. -->\n"
        f"<fontconfig>\n{include}  <dir>{escape(fonts)}</dir>\n"
        f"  <selectfont>\n    <acceptfont>{accept}</acceptfont>\n"
        f'    <rejectfont><pattern><patelt name="family"><string>{FONT_FAMILY}</string>'
        "</patelt></pattern></rejectfont>\n  </selectfont>\n</fontconfig>\n"
    )


def ensure_fontconfig():
    """Point FONTCONFIG_FILE (inherited by wkhtmltopdf) at the layered configuration;
    returns its path. The file lives in Odoo's data directory, named by its content."""
    with _lock:
        current = os.environ.get("FONTCONFIG_FILE")
        if current and current in _installed.values():
            return current
        text = fontconfig_text(font_dir(), base_config())
        digest = hashlib.sha256(text.encode()).hexdigest()[:16]
        folder = os.path.join(config["data_dir"], "hr_kinerja_asn")
        path = os.path.join(folder, f"fonts-{digest}.conf")
        if not os.path.isfile(path):
            os.makedirs(folder, exist_ok=True)
            partial = f"{path}.{os.getpid()}"
            with open(partial, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(partial, path)
        _installed[current] = path
        os.environ["FONTCONFIG_FILE"] = path
        return path


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _run_wkhtmltopdf(self, bodies, *args, **kwargs):
        ensure_fontconfig()
        return super()._run_wkhtmltopdf(bodies, *args, **kwargs)
