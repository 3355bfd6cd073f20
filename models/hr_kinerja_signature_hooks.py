"""The signed documents' records: who may sign them now, and the freeze once signed.

An SKP is signed (form A.1.x) once set, by the employee and by who set it (the
evaluator; the superior after the deadline; an HR manager for the regional head),
in either order. An evaluation document (D.1.1/D.1.2) is signed once its predicate is
confirmed with the unit's distribution: first by the rater (the evaluator, or the
superior once escalated), then by the employee (003 Tindak lanjut 5-8).

A signed record does not change: an SKP only through an adjustment (a new revision;
the signed one stays as it was), an evaluation only after an HR officer reopens the
signed document with a reason (its signatures and PDFs are kept, superseded).
"""

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_date

from .hr_kinerja_evaluation import RATING_FIELDS
from .hr_kinerja_evaluation_document import after_evaluation, is_objection_decision
from .hr_kinerja_signature import DOCUMENTS

FORM_NAMES = {
    "a_1_1": "A.1.1",
    "a_1_2": "A.1.2",
    "a_1_6": "A.1.6",
    "a_1_7": "A.1.7",
}


class KinerjaSignedMixin(models.AbstractModel):
    """What a signed document's record shares (not a policy: no stored field)."""

    _name = "hr.kinerja.signed.mixin"
    _description = "ASN Performance Signed Document"

    signature_ids = fields.One2many(
        "hr.kinerja.signature", compute="_compute_signature_ids", string="Signatures"
    )
    is_signed = fields.Boolean("Signed", compute="_compute_signature_ids")
    can_sign = fields.Boolean(compute="_compute_can_sign")

    def _compute_signature_ids(self):
        # Every current signature of the record (of each of its documents): one
        # search for the batch (the rating of a whole agency asks is_signed).
        Signature = self.env["hr.kinerja.signature"]
        chains = Signature._of_records(self.filtered("id"))
        for record in self:
            chain = chains.get(record.id, Signature)
            record.signature_ids = chain.sudo(False)
            record.is_signed = bool(chain)

    @api.depends_context("uid", "kinerja_document")
    def _compute_can_sign(self):
        for record in self:
            record.can_sign = bool(record.id) and not record._kinerja_sign_refusal()[1]

    # -- which document -----------------------------------------------------------------
    def _kinerja_documents(self):
        """The printed forms (report XML ids) of this record that are signed, the
        first one by default. A record may carry several (the distribution: the
        penetapan predikat and the penetapan capaian), each with its own signatures."""
        return (DOCUMENTS[self._name],)

    def _kinerja_report(self):
        """The document meant now: ``kinerja_document`` in the context when it is one
        of this record's (a button or the signing wizard says which), else the first."""
        wanted = self.env.context.get("kinerja_document")
        documents = self._kinerja_documents()
        return wanted if wanted in documents else documents[0]

    def _kinerja_signatures(self, superseded=False):
        """The signatures of the document meant now (see ``_kinerja_report``)."""
        return self.env["hr.kinerja.signature"]._of(
            self, superseded=superseded, report=self._kinerja_report()
        )

    def _kinerja_document_name(self):
        raise NotImplementedError

    def _kinerja_signature_parties(self):
        """Who the document concerns, copied on each signature (the record rules of
        signatures read them)."""
        source = self.sudo()
        return {
            "employee_id": source.employee_id.id,
            "evaluator_id": source.evaluator_id.id,
            "evaluator_superior_id": source.evaluator_superior_id.id,
        }

    def _kinerja_public_identity(self):
        """What the public verification page tells of the document (nothing more):
        who it concerns and the period."""
        source = self.sudo()
        return {
            "employee": source.employee_id.name,
            "nip": source.employee_id.nip or "",
            "unit": "",
            "period": "",
        }

    def _kinerja_after_sign(self, signature):
        """What a signature does to the record beyond freezing it (nothing here)."""
        return None

    def _kinerja_signing_roles(self):
        """[(role, holds it)] in signing order, and whether the order is strict."""
        raise NotImplementedError

    def _kinerja_sign_refusal(self):
        """(the role the user signs as now, None) or (None, the refusal)."""
        self.ensure_one()
        state_refusal = self._kinerja_sign_state_refusal()
        if state_refusal:
            return None, state_refusal
        roles, ordered = self._kinerja_signing_roles()
        signed = set(self._kinerja_signatures().mapped("role"))
        for role, holds in roles:
            if role in signed:
                continue
            if holds:
                return role, None
            if ordered:
                return None, UserError(
                    _(
                        "%(document)s is signed first by %(who)s.",
                        document=self._kinerja_document_name(),
                        who=dict(
                            self.env["hr.kinerja.signature"]
                            ._fields["role"]
                            ._description_selection(self.env)
                        )[role].lower(),
                    )
                )
        return None, AccessError(
            _(
                "You do not sign %(document)s, or you have signed it already.",
                document=self._kinerja_document_name(),
            )
        )

    def _kinerja_sign(self, passphrase=None, personal=False):
        self.ensure_one()
        role, refusal = self._kinerja_sign_refusal()
        if refusal:
            raise refusal
        signature = self.env["hr.kinerja.signature"]._sign(self, role, passphrase, personal)
        self._kinerja_after_sign(signature)
        self.invalidate_recordset(["signature_ids", "is_signed", "can_sign"])
        return signature

    def _kinerja_signed_refusal(self):
        """The UserError a change of a signed record gets."""
        chain = self._kinerja_signatures()
        return UserError(
            _(
                "%(record)s is signed electronically (%(document)s, verification code "
                "%(code)s): %(how)s",
                record=self.display_name,
                document=chain[:1].document_name,
                code=chain[-1:].code,
                how=self._kinerja_revision_hint(),
            )
        )

    def action_open_sign_wizard(self):
        self.ensure_one()
        _role, refusal = self._kinerja_sign_refusal()
        if refusal:
            raise refusal
        return {
            "type": "ir.actions.act_window",
            "name": _("Sign %(document)s", document=self._kinerja_document_name()),
            "res_model": "hr.kinerja.sign.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_res_model": self._name,
                "default_res_id": self.id,
                "default_document": self._kinerja_report(),
            },
        }

    def _kinerja_reopen_signed(self, reason):
        """An HR officer reopens the signed document: the signatures and their PDFs
        stay on record, superseded; the record may change again."""
        self.ensure_one()
        if not self.env.user.has_group("hr_kinerja_asn.group_kinerja_officer"):
            raise AccessError(_("Only an HR officer reopens a signed document."))
        chain = self._kinerja_signatures()
        if not chain:
            raise UserError(_("%(record)s is not signed.", record=self.display_name))
        chain._supersede(reason)
        self.sudo().message_post(
            body=_(
                "Signed document %(document)s (verification code %(code)s) reopened by "
                "%(user)s: %(reason)s. The signed version is kept.",
                document=chain[:1].document_name,
                code=chain[-1].code,
                user=self.env.user.name,
                reason=reason.strip(),
            )
        )
        self.invalidate_recordset(["signature_ids", "is_signed", "can_sign"])
        return True

    def action_open_reopen_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Reopen Signed Document"),
            "res_model": "hr.kinerja.sign.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_res_model": self._name,
                "default_res_id": self.id,
                "default_document": self._kinerja_report(),
                "default_mode": "reopen",
            },
        }

    def _kinerja_signed_pdf(self):
        """The signed PDF of the document meant now (the last signature's, which
        carries them all), or None while it is not signed."""
        chain = self._kinerja_signatures()
        return chain[-1]._pdf() if chain else None

    def action_view_signatures(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Signatures"),
            "res_model": "hr.kinerja.signature",
            "view_mode": "list,form",
            "domain": [("res_model", "=", self._name), ("res_id", "=", self.id)],
        }


class HrKinerjaSkp(models.Model):
    _name = "hr.kinerja.skp"
    _inherit = ["hr.kinerja.skp", "hr.kinerja.signed.mixin"]

    def _kinerja_public_identity(self):
        source = self.sudo()
        return {
            **super()._kinerja_public_identity(),
            # the reader's date format, not ISO dates (issue 15)
            "period": " - ".join(
                format_date(self.env, day) for day in (source.date_start, source.date_end)
            ),
        }

    def _kinerja_document_name(self):
        return f"SKP {FORM_NAMES.get(self.form, '')}".strip()

    def _kinerja_revision_hint(self):
        return _("it changes only through an adjustment (a new revision with a reason).")

    def _kinerja_sign_state_refusal(self):
        if self.state != "set":
            return UserError(_("An SKP is signed once it is set."))
        return None

    def _kinerja_signing_roles(self):
        setter = {
            "evaluator": ("evaluator", self._user_is(self.evaluator_id)),
            "superior": ("superior", self._user_is(self.evaluator_superior_id)),
            "regional_head": ("evaluator", self._is_manager()),
        }.get(self.set_as or "evaluator", ("evaluator", False))
        return [("employee", self._user_is(self.employee_id)), setter], False

    def write(self, vals):
        content = {key for key in vals if not key.startswith(("message_", "activity_"))}
        if content and not self._kinerja_bypass():
            for skp in self:
                if skp.is_signed:
                    raise skp._kinerja_signed_refusal()
        return super().write(vals)

    def _check_can_edit(self):
        # Also the check of the result plans, indicators and other lines.
        for skp in self:
            if skp.is_signed:
                raise skp._kinerja_signed_refusal()
        return super()._check_can_edit()


class HrKinerjaEvaluation(models.Model):
    _name = "hr.kinerja.evaluation"
    _inherit = ["hr.kinerja.evaluation", "hr.kinerja.signed.mixin"]

    def _kinerja_document_name(self):
        return "D.1.2" if self.escalated else "D.1.1"  # as the form prints it

    def _kinerja_revision_hint(self):
        return _(
            "it changes only after an HR officer reopens the signed document with a "
            "reason (the signed version is kept)."
        )

    def _kinerja_sign_state_refusal(self):
        if self.state != "confirmed":
            return UserError(
                _(
                    "The evaluation document is signed once the predicate is confirmed "
                    "with the unit's distribution."
                )
            )
        return None

    def _kinerja_signing_roles(self):
        if self.escalated:
            rater = ("superior", self._user_is(self.evaluator_superior_id))
        elif not self.evaluator_id:
            rater = ("evaluator", self.env.user.has_group("hr_kinerja_asn.group_kinerja_manager"))
        else:
            rater = ("evaluator", self._user_is(self.evaluator_id))
        return [rater, ("employee", self._user_is(self.employee_id))], True

    def _kinerja_public_identity(self):
        return {**super()._kinerja_public_identity(), "period": self.sudo().period_id.display_name}

    def _kinerja_after_sign(self, signature):
        """The employee's signature is the return of the signed document (003
        section Tindak lanjut 6 and 9): it records the return - and the receipt, when
        the employee signs before recording it: they hold the document - and closes
        the return to-do. One step: no separate "Return Signed" after signing."""
        if signature.role != "employee":
            return
        today = fields.Date.context_today(self)
        vals = {"returned_date": self.returned_date or today}
        if not self.received_date:
            vals["received_date"] = today
        after_evaluation(self).write(vals)
        self._document_activities("return").action_feedback(feedback=_("Signed electronically"))

    def _return_refusal(self):
        why = super()._return_refusal()
        if why:
            return why
        # the signatures the form and the portal page show anyway (no other query)
        roles = set(self.sudo().signature_ids.mapped("role"))
        if roles and "employee" not in roles:
            return _(
                "The evaluation document is signed electronically: sign it yourself "
                "(Sign), your signature returns it."
            )
        return False

    def write(self, vals):
        # Not even a workflow step (a distribution reset, a proposal) changes what
        # the signed document says; reopening it first is the way. The decision on
        # an objection is the one exception: it changes the result the signed
        # document shows, and D.1.3 - signed in turn - records the change.
        if (RATING_FIELDS | {"state"}) & set(vals) and not is_objection_decision(self):
            for evaluation in self:
                if evaluation.is_signed:
                    raise evaluation._kinerja_signed_refusal()
        return super().write(vals)
