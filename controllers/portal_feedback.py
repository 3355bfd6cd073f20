"""The employee portal: continuous feedback (003 Pasal 16-18; 000 V.6-8).

/my/kinerja/feedback lists the feedback the user received and gave, as far as the
record rules of hr.kinerja.feedback let them read it; /my/kinerja/feedback/new gives
feedback to a colleague, a leader or a subordinate of the same agency (the people
the user reads through hr.employee.public) and may answer a feedback request (a
to-do of hr.kinerja.feedback.request.wizard assigned to the user);
/my/kinerja/feedback/ask asks colleagues for feedback with that wizard, as the user.
"""

from datetime import timedelta

from werkzeug.exceptions import NotFound

from odoo import _, fields, http
from odoo.exceptions import UserError
from odoo.http import request

from .portal import KinerjaPortal

FEEDBACK_PER_PAGE = 20
COLLEAGUES_SHOWN = 30


class KinerjaPortalFeedback(KinerjaPortal):
    # -- helpers -------------------------------------------------------------------
    def _kinerja_colleague(self, employee, colleague_id):
        """The colleague ``colleague_id`` as hr.employee if the user reads them
        through hr.employee.public in their own agency (not themselves); 404 otherwise."""
        try:
            colleague_id = int(colleague_id)
        except (TypeError, ValueError):
            raise NotFound() from None
        found = request.env["hr.employee.public"].search(
            [
                ("id", "=", colleague_id),
                ("id", "!=", employee.id),
                ("company_id", "=", employee.company_id.id),
            ],
            limit=1,
        )
        if not found:
            raise NotFound()
        return request.env["hr.employee"].browse(found.id)

    def _kinerja_request_activity(self, request_id):
        """The feedback-request to-do ``request_id`` if it is assigned to the user
        (none without ``request_id``); 404 for any other id. Searched as superuser
        on the user's own id and the feedback-request type only: the user reads no
        mail.activity of hr.employee (a record they cannot read)."""
        try:
            request_id = int(request_id or 0)
        except (TypeError, ValueError):
            raise NotFound() from None
        activity_type = request.env.ref(
            "hr_kinerja_asn.mail_activity_type_feedback_request", raise_if_not_found=False
        )
        if not request_id or not activity_type:
            return request.env["mail.activity"]
        activity = (
            request.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("id", "=", request_id),
                    ("user_id", "=", request.env.uid),
                    ("activity_type_id", "=", activity_type.id),
                    ("res_model", "=", "hr.employee"),
                ],
                limit=1,
            )
        )
        if not activity:  # someone else's to-do, or none: the same answer
            raise NotFound()
        return activity

    def _kinerja_feedback_periods(self, company):
        """The open periods (months or quarters) of the agency that have begun,
        latest first: the ones feedback can be recorded in."""
        today = fields.Date.context_today(request.env.user)
        return request.env["hr.kinerja.period"].search(
            [
                ("company_id", "=", company.id),
                ("kind", "!=", "annual"),
                ("state", "in", ("open", "reopened")),
                ("date_start", "<=", today),
            ],
            order="date_start desc",
        )

    @staticmethod
    def _kinerja_feedback_date(period):
        """Today if it lies in ``period``, else the period's last day."""
        today = fields.Date.context_today(request.env.user)
        return min(max(today, period.date_start), period.date_end)

    def _kinerja_default_source(self, giver, receiver):
        """The source the relationship gives today (the model's one rule,
        hr.kinerja.feedback._relationship_source); the giver may change it."""
        today = fields.Date.context_today(request.env.user)
        return request.env["hr.kinerja.feedback"]._relationship_source(giver, receiver, today)

    # -- lists ----------------------------------------------------------------------
    @http.route(
        ["/my/kinerja/feedback", "/my/kinerja/feedback/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def kinerja_feedback(self, page=1, filterby="received", **kw):
        employee = self._kinerja_require_employee()
        if filterby not in ("received", "given"):
            filterby = "received"
        field = "receiver_id" if filterby == "received" else "giver_id"
        feedback, pager = self._kinerja_paged(
            "hr.kinerja.feedback",
            [(field, "=", employee.id)],
            "/my/kinerja/feedback",
            page,
            FEEDBACK_PER_PAGE,
            url_args={"filterby": filterby},
        )
        # one read of the people's names (through hr.employee.public)
        feedback.mapped("giver_id.name")
        feedback.mapped("receiver_id.name")
        feedback.mapped("core_value_id.name")
        # a result plan the user may not read (given in the back office) is not named
        rhk_names = {rhk.id: rhk.name for rhk in feedback.rhk_id._filtered_access("read")}
        return request.render(
            "hr_kinerja_asn.portal_kinerja_feedback",
            self._kinerja_values(
                "feedback",
                kinerja_crumbs=[(_("Feedback"), False)],
                feedback=feedback,
                rhk_names=rhk_names,
                filterby=filterby,
                pager=pager,
                searchbar_filters={
                    "received": {"label": _("About me")},
                    "given": {"label": _("Given by me")},
                },
                requests=request.env["hr.kinerja.due"]._feedback_request_items(),
            ),
        )

    # -- give -----------------------------------------------------------------------
    @http.route("/my/kinerja/feedback/new", type="http", auth="user", website=True, methods=["GET"])
    def kinerja_feedback_new(self, receiver_id=None, request_id=None, q=None, **kw):
        employee = self._kinerja_require_employee()
        activity = self._kinerja_request_activity(request_id)
        if not receiver_id:
            return self._kinerja_feedback_pick(employee, q, activity)
        receiver = self._kinerja_colleague(employee, receiver_id)
        if activity and activity.res_id != receiver.id:
            raise NotFound()
        # the receiver's result plans the user reads (record rules); else a core value
        rhks = request.env["hr.kinerja.rhk"].search(
            [("skp_id.employee_id", "=", receiver.id)], order="id desc"
        )
        periods = self._kinerja_feedback_periods(employee.company_id)
        values = dict(kw)
        return request.render(
            "hr_kinerja_asn.portal_kinerja_feedback_new",
            self._kinerja_values(
                "feedback",
                kinerja_crumbs=[(_("Feedback"), "/my/kinerja/feedback"), (_("Give"), False)],
                receiver=receiver,
                receiver_public=request.env["hr.employee.public"].browse(receiver.id),
                activity=activity,
                rhks=rhks,
                core_values=request.env["hr.kinerja.core.value"].search([]),
                periods=periods,
                default_source=values.get("source")
                or self._kinerja_default_source(employee, receiver),
                form=values,
                sources=request.env["hr.kinerja.feedback"]
                ._fields["source"]
                ._description_selection(request.env),
                tones=request.env["hr.kinerja.feedback"]
                ._fields["tone"]
                ._description_selection(request.env),
            ),
        )

    def _kinerja_colleagues(self, employee, q, with_account=False):
        """Colleagues of the agency through their public profile: matching ``q``, or
        without a search the user's unit and leader; ``with_account``: only those
        with a user (who can be asked)."""
        Public = request.env["hr.employee.public"]
        domain = [("company_id", "=", employee.company_id.id), ("id", "!=", employee.id)]
        if with_account:
            domain.append(("user_id", "!=", False))
        if q:
            domain.append(("name", "ilike", q))
        else:
            public = Public.browse(employee.id)
            domain += [
                "|",
                ("department_id", "=", public.department_id.id),
                ("id", "=", public.parent_id.id),
            ]
        return Public.search(domain, limit=COLLEAGUES_SHOWN, order="name")

    def _kinerja_feedback_pick(self, employee, q, activity):
        """Step one: whom to give feedback to. Without a search, the people of the
        user's own unit and their leader; with one, names that match in the agency."""
        colleagues = self._kinerja_colleagues(employee, q)
        return request.render(
            "hr_kinerja_asn.portal_kinerja_feedback_pick",
            self._kinerja_values(
                "feedback",
                kinerja_crumbs=[(_("Feedback"), "/my/kinerja/feedback"), (_("Give"), False)],
                colleagues=colleagues,
                q=q or "",
                activity=activity,
            ),
        )

    @http.route(
        "/my/kinerja/feedback/new", type="http", auth="user", website=True, methods=["POST"]
    )
    def kinerja_feedback_create(self, receiver_id=None, request_id=None, **post):
        employee = self._kinerja_require_employee()
        receiver = self._kinerja_colleague(employee, receiver_id)
        activity = self._kinerja_request_activity(request_id)

        def give():
            try:
                period = request.env["hr.kinerja.period"].browse(int(post.get("period_id") or 0))
            except ValueError:
                period = request.env["hr.kinerja.period"]
            if period not in self._kinerja_feedback_periods(employee.company_id):
                raise UserError(_("Choose an open period for the feedback."))
            subject = post.get("subject")
            values = {
                "giver_id": employee.id,
                "receiver_id": receiver.id,
                "period_id": period.id,
                "date": self._kinerja_feedback_date(period),
                # none chosen: the model takes it from the relationship
                "source": post.get("source") or False,
                "subject": subject,
                "tone": post.get("tone") or "positive",
                "text": (post.get("text") or "").strip(),
            }
            if subject == "rhk":
                rhk = self._kinerja_int(post.get("rhk_id"))
                # only a result plan the user reads (the form offers no other)
                if rhk and not request.env["hr.kinerja.rhk"].search_count(
                    [("id", "=", rhk), ("skp_id.employee_id", "=", receiver.id)], limit=1
                ):
                    raise UserError(_("Choose one of %(name)s's result plans.", name=receiver.name))
                values["rhk_id"] = rhk or False
            elif subject == "core_value":
                value = self._kinerja_int(post.get("core_value_id"))
                if not request.env["hr.kinerja.core.value"].search_count([("id", "=", value)]):
                    raise UserError(_("Choose the core value the feedback is about."))
                values["core_value_id"] = value
            else:
                raise UserError(_("Choose what the feedback is about."))
            Feedback = request.env["hr.kinerja.feedback"]
            for field in ("source", "tone"):
                if values[field] not in dict(Feedback._fields[field].selection):
                    raise UserError(_("Choose a value from the list."))
            if not values["text"]:
                raise UserError(_("Write the feedback."))
            request.env["hr.kinerja.feedback"].create(values)
            if activity:
                # the to-do was found above on the user's own id: it is theirs to close
                activity.action_feedback(
                    feedback=_("Feedback given to %(name)s.", name=receiver.name)
                )

        response = self._kinerja_act(
            give, "/my/kinerja/feedback?filterby=given", success=_("Thank you: feedback given.")
        )
        if request.session.get("kinerja_error"):
            # refused: the form again with what was typed and the reason
            return self.kinerja_feedback_new(
                receiver_id=receiver.id, request_id=activity.id or None, **post
            )
        return response

    @staticmethod
    def _kinerja_int(value):
        try:
            return int(value or 0)
        except (TypeError, ValueError):
            return 0

    # -- ask --------------------------------------------------------------------------
    @http.route("/my/kinerja/feedback/ask", type="http", auth="user", website=True, methods=["GET"])
    def kinerja_feedback_ask(self, q=None, **kw):
        employee = self._kinerja_require_employee()
        colleagues = self._kinerja_colleagues(employee, q, with_account=True)
        return request.render(
            "hr_kinerja_asn.portal_kinerja_feedback_ask",
            self._kinerja_values(
                "feedback",
                kinerja_crumbs=[(_("Feedback"), "/my/kinerja/feedback"), (_("Ask"), False)],
                colleagues=colleagues,
                q=q or "",
                date_deadline=fields.Date.context_today(request.env.user) + timedelta(days=7),
            ),
        )

    @http.route(
        "/my/kinerja/feedback/ask", type="http", auth="user", website=True, methods=["POST"]
    )
    def kinerja_feedback_ask_post(self, **post):
        employee = self._kinerja_require_employee()
        ids = [self._kinerja_int(v) for v in request.httprequest.form.getlist("colleague_ids")]
        # only colleagues the user reads in their agency (an unknown id: 404)
        colleagues = request.env["hr.employee"]
        for colleague_id in ids:
            colleagues |= self._kinerja_colleague(employee, colleague_id)

        def ask():
            if not colleagues:
                raise UserError(_("Choose at least one colleague to ask."))
            values = {
                "colleague_ids": [(6, 0, colleagues.ids)],
                "topic": (post.get("topic") or "").strip() or False,
            }
            if post.get("date_deadline"):
                try:
                    values["date_deadline"] = fields.Date.to_date(post["date_deadline"])
                except ValueError:
                    raise UserError(_("The due date is not a date.")) from None
            request.env["hr.kinerja.feedback.request.wizard"].create(values).action_request()

        return self._kinerja_act(
            ask,
            "/my/kinerja/feedback",
            success=_("Asked %(count)s colleague(s) for feedback.", count=len(colleagues)),
        )
