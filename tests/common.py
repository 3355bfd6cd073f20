import contextlib


class KinerjaAssertions:
    """Mixin for ``odoo.tests.TransactionCase``: ``assertRaises`` runs in a savepoint
    (``assertRaisesRegex`` does not), so assert the type there, the message here."""

    @contextlib.contextmanager
    def assertRaisesMsg(self, exception, fragment):
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertIn(fragment, str(caught.exception))
