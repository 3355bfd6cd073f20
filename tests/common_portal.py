from odoo import Command, http
from odoo.tests import HttpCase

from .common_monitoring import KinerjaMonitoringCase


class KinerjaPortalCase(KinerjaMonitoringCase, HttpCase):
    """The monitoring agency (tests/common_monitoring.py) seen through the portal:
    the analyst (staff), the archivist and the section head (kasi, who evaluates
    them) have portal accounts (share users in the Portal Employee group); the
    colleague and the division head (kabid) stay back-office users. Passwords are
    the logins."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        portal = [
            cls.env.ref("base.group_portal").id,
            cls.env.ref("hr_kinerja_asn.group_kinerja_portal").id,
        ]
        for user in (cls.staff_user, cls.archivist_user, cls.kasi_user):
            user.groups_id = [Command.set(portal)]

    def portal_login(self, user):
        self.authenticate(user.login, user.login)

    def portal_get(self, user, url, expect=200):
        """GET ``url`` as ``user``; asserts the status, returns the response."""
        self.portal_login(user)
        response = self.url_open(url, allow_redirects=False)
        if response.status_code != expect:
            self.fail(f"{url} as {user.login}: {response.status_code}\n{response.text[-3000:]}")
        return response

    def portal_post(self, user, url, data=None, files=None):
        """POST a form to ``url`` as ``user`` (with the CSRF token); returns the
        response (a redirect after an action)."""
        self.portal_login(user)
        data = dict(data or {}, csrf_token=self.csrf_token())
        return self.url_open(url, data=data, files=files, allow_redirects=False)

    def csrf_token(self):
        """The CSRF token of the session ``authenticate`` opened."""
        return http.Request.csrf_token(self)

    def portal_queries(self, user, url):
        """The number of SQL queries of GET ``url`` as ``user`` once warm (the
        same request twice first, so caches are filled)."""
        self.portal_login(user)
        for _warm in range(2):
            self.url_open(url)
        before = self.cr.sql_log_count
        self.url_open(url)
        return self.cr.sql_log_count - before
