from odoo import _, api, fields, models


class HrKinerjaDue(models.AbstractModel):
    """What is due now, for one person: the steps they owe as an employee and, for an
    evaluator, the steps their team owes them. One definition for the portal home, the
    team page and the back office. Each item is a dict:

    ``kind`` (a code), ``title``, ``detail``, ``deadline`` (date or False),
    ``overdue`` (bool), ``url`` (the portal page that does it), ``record`` (the
    record it is about, in the user's environment) and, on team items, ``employee``.

    Everything is read with the user's rights (record rules decide what exists for
    them), a fixed number of queries whatever the number of records.
    """

    _name = "hr.kinerja.due"
    _description = "ASN Performance: What Is Due"

    @api.model
    def _today(self):
        return fields.Date.context_today(self)

    @api.model
    def _item(self, kind, title, record, deadline=False, detail="", url="", employee=None):
        today = self._today()
        return {
            "kind": kind,
            "title": title,
            "detail": detail,
            "deadline": deadline or False,
            "overdue": bool(deadline and deadline < today),
            "url": url,
            "record": record,
            "employee": employee,
        }

    @api.model
    def _sorted(self, items):
        """Overdue first, then by deadline (none last)."""
        return sorted(
            items,
            key=lambda i: (not i["overdue"], i["deadline"] or fields.Date.to_date("9999-12-31")),
        )

    @api.model
    def _open_periods(self, company):
        """Periods of the agency open for entries that have begun."""
        return self.env["hr.kinerja.period"].search(
            [
                ("company_id", "=", company.id),
                ("state", "=", "open"),
                ("kind", "!=", "annual"),
                ("date_start", "<=", self._today()),
            ],
            order="date_start",
        )

    # -- the employee ------------------------------------------------------------------
    @api.model
    def _due_items(self, employee):
        """What ``employee`` (the user's own) owes now."""
        if not employee:
            return []
        items = []
        Skp = self.env["hr.kinerja.skp"]
        for skp in Skp.search([("employee_id", "=", employee.id), ("state", "=", "draft")]):
            items.append(
                self._item(
                    "skp_agree",
                    _("Agree your SKP %(skp)s", skp=skp.display_name),
                    skp,
                    skp.date_deadline,
                    _("Read it and agree it; your evaluator then sets it."),
                    f"/my/kinerja/skp/{skp.id}",
                )
            )
        items += self._realisation_items(employee)
        items += self._feedback_request_items()
        dialogs = self.env["hr.kinerja.dialog"].search(
            [
                ("employee_id", "=", employee.id),
                ("state", "=", "done"),
                ("acknowledged_date", "=", False),
            ]
        )
        for dialog in dialogs:
            items.append(
                self._item(
                    "dialog_ack",
                    _("Acknowledge the minutes of %(dialog)s", dialog=dialog.name),
                    dialog,
                    detail=_("Held by %(leader)s.", leader=dialog.evaluator_id.name),
                    url=f"/my/kinerja/dialog/{dialog.id}",
                )
            )
        return self._sorted(items)

    @api.model
    def _realisation_items(self, employee):
        """Per open period: the indicators of the employee's set SKPs without a
        submitted realisation (drafts and those sent back included)."""
        periods = self._open_periods(employee.company_id)
        if not periods:
            return []
        skps = self.env["hr.kinerja.skp"].search(
            [
                ("employee_id", "=", employee.id),
                ("state", "=", "set"),
                ("date_start", "<=", max(periods.mapped("date_end"))),
                ("date_end", ">=", min(periods.mapped("date_start"))),
            ]
        )
        if not skps:
            return []
        owed = self.env["hr.kinerja.realisasi"]._owed(skps, periods)
        items = []
        for period in periods:
            counts = [owed[(skp.id, period.id)] for skp in skps if (skp.id, period.id) in owed]
            owing = sum(len(indicators) for indicators, _due in counts)
            if owing:
                items.append(
                    self._item(
                        "realisation",
                        _("Report %(period)s", period=period.name),
                        period,
                        period.date_evaluation,
                        _(
                            "%(count)s of %(total)s indicators to submit with their evidence.",
                            count=owing,
                            total=sum(len(due) for _owed, due in counts),
                        ),
                        f"/my/kinerja/realisasi?period_id={period.id}",
                    )
                )
        return items

    @api.model
    def _feedback_request_items(self):
        """Colleagues who asked the user for feedback (the to-dos of
        hr.kinerja.feedback.request.wizard): only the user's own to-dos are read."""
        activity_type = self.env.ref(
            "hr_kinerja_asn.mail_activity_type_feedback_request", raise_if_not_found=False
        )
        if not activity_type:
            return []
        activities = (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("user_id", "=", self.env.uid),
                    ("activity_type_id", "=", activity_type.id),
                    ("res_model", "=", "hr.employee"),
                ]
            )
        )
        asking = self.env["hr.employee"].browse(activities.mapped("res_id"))
        names = {employee.id: employee.name for employee in asking.sudo()}
        return [
            self._item(
                "feedback_request",
                _("Feedback asked by %(employee)s", employee=names.get(activity.res_id, "")),
                activity,
                activity.date_deadline,
                activity.summary or "",
                f"/my/kinerja/feedback/new?receiver_id={activity.res_id}&request_id={activity.id}",
            )
            for activity in activities
        ]

    # -- the evaluator -------------------------------------------------------------------
    @api.model
    def _team_items(self, employee):
        """What the people ``employee`` evaluates owe them, and what they owe their
        team: SKPs to set, realisations to review, evaluations to rate."""
        if not employee:
            return []
        items = []
        skps = self.env["hr.kinerja.skp"].search(
            [("evaluator_id", "=", employee.id), ("state", "=", "agreed")]
        )
        for skp in skps:
            items.append(
                self._item(
                    "skp_set",
                    _("Set the SKP of %(employee)s", employee=skp.employee_id.name),
                    skp,
                    skp.date_deadline,
                    _("Agreed by the employee; it is yours to set."),
                    f"/my/kinerja/team/skp/{skp.id}",
                    skp.employee_id,
                )
            )
        lines = self.env["hr.kinerja.realisasi"].search(
            [("skp_id.evaluator_id", "=", employee.id), ("state", "=", "submitted")]
        )
        for (person, period), group in self._group(lines, "employee_id", "period_id").items():
            items.append(
                self._item(
                    "review",
                    _(
                        "Review %(employee)s's realisations of %(period)s",
                        employee=person.name,
                        period=period.name,
                    ),
                    group,
                    period.date_evaluation,
                    _("%(count)s submitted.", count=len(group)),
                    f"/my/kinerja/team/realisasi?employee_id={person.id}&period_id={period.id}",
                    person,
                )
            )
        evaluations = self.env["hr.kinerja.evaluation"].search(
            [
                ("state", "=", "draft"),
                "|",
                "&",
                ("evaluator_id", "=", employee.id),
                ("escalated", "=", False),
                "&",
                ("evaluator_superior_id", "=", employee.id),
                ("escalated", "=", True),
            ]
        )
        for evaluation in evaluations:
            deadline = (
                evaluation.period_id.date_superior_evaluation
                if evaluation.escalated
                else evaluation.period_id.date_evaluation
            )
            items.append(
                self._item(
                    "rate",
                    _(
                        "Rate %(employee)s for %(period)s",
                        employee=evaluation.employee_id.name,
                        period=evaluation.period_id.name,
                    ),
                    evaluation,
                    deadline,
                    _("Escalated to you: the evaluator did not rate in time.")
                    if evaluation.escalated
                    else "",
                    f"/my/kinerja/team/evaluation/{evaluation.id}",
                    evaluation.employee_id,
                )
            )
        return self._sorted(items)

    @api.model
    def _group(self, records, *names):
        groups = {}
        for record in records:
            key = tuple(record[name] for name in names)
            groups[key] = groups.get(key, record.browse()) | record
        return groups
