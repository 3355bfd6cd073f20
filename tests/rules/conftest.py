"""Rule tier: the pure-Python ``rules`` package, tested without Odoo.

Run with ``python3 -m pytest -p no:odoo -p no:cacheprovider tests/rules -q``.

The repository root is the addon: it goes on ``sys.path`` so that the tests can do
``from rules import distribution``. Because the root holds an ``__init__.py``,
pytest collects it as a package and, when setting it up, imports that
``__init__.py`` - which imports the Odoo models and fails without Odoo. The rule
tier needs nothing from it (it defines no ``setup_module``), so without the
pytest-odoo plugin that one setup step is skipped.
"""

import pathlib
import sys

import pytest

REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))


def _skip_setup():
    """Stands in for ``Package.setup`` of the addon root (see the module docstring)."""


def pytest_collection_modifyitems(config, items):
    if config.pluginmanager.has_plugin("odoo"):
        return
    for item in items:
        for node in item.listchain():
            if isinstance(node, pytest.Package) and node.path == REPO_ROOT:
                node.setup = _skip_setup
