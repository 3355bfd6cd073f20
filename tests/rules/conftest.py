"""Rule tier: the pure-Python ``rules`` package, tested without Odoo.

Run with ``python3 -m pytest -p no:odoo -p no:cacheprovider tests/rules -q``.

The repository root is the addon: it goes on ``sys.path`` so that the tests can do
``from rules import distribution``. Because the root and ``tests/`` hold an
``__init__.py``, pytest collects them as packages and, when setting them up,
imports those ``__init__.py`` - which import the Odoo models and Odoo tests and
fail without Odoo. The rule tier needs nothing from them (they define no
``setup_module``), so without the pytest-odoo plugin those setup steps are skipped.
"""

import pathlib
import sys

import pytest

HERE = pathlib.Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))


def _skip_setup():
    """Stands in for ``Package.setup`` of the addon's packages (see the module docstring)."""


def pytest_collection_modifyitems(config, items):
    if config.pluginmanager.has_plugin("odoo"):
        return
    for item in items:
        for node in item.listchain():
            if isinstance(node, pytest.Package) and node.path in HERE.parents:
                node.setup = _skip_setup
