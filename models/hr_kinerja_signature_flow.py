"""The signed documents after the evaluation: D.1.3 and the two penetapan forms.

D.1.3 (004, the evaluation document with an objection; 003 section Keberatan 7) is
signed once the objection is decided, by its three parties: the evaluator's
superior first - the decision it carries is theirs, as the rater signs D.1.1 first -
then the evaluator and the employee, in either order (the form's blocks 9, 10 and
11 name the three; the superior's, centred below, is the one that decides). The
objection is already final once decided; its signed PDF is what D.1.3 prints from
then on.

The penetapan forms (002 Lampiran) are signed by the unit leader, both from the
distribution of the leader's unit - where the leader confirms the predicates and
prints both forms: the penetapan predikat kinerja pegawai once the distribution is
confirmed, the penetapan capaian kinerja organisasi (the achievements of the units
below) once every unit below has its achievement. A signed distribution is not
reset to draft, and the achievements of a signed penetapan capaian do not change,
until an HR officer reopens the signed document with a reason (the signed version
is kept, superseded).
"""

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .hr_kinerja_signature import PENETAPAN_CAPAIAN, PENETAPAN_PREDIKAT

PENETAPAN_NAMES = {
    PENETAPAN_PREDIKAT: "Penetapan Predikat Kinerja Pegawai",
    PENETAPAN_CAPAIAN: "Penetapan Capaian Kinerja Organisasi",
}


class HrKinerjaKeberatan(models.Model):
    _name = "hr.kinerja.keberatan"
    _inherit = ["hr.kinerja.keberatan", "hr.kinerja.signed.mixin"]

    def _kinerja_document_name(self):
        return "D.1.3"

    def _kinerja_revision_hint(self):
        return _("the decision on an objection is final.")

    def _kinerja_sign_state_refusal(self):
        if self.state != "decided":
            return UserError(_("D.1.3 is signed once the objection is decided."))
        objection = self.sudo()
        parties = objection.employee_id | objection.evaluator_id | objection.evaluator_superior_id
        signed = set(self._kinerja_signatures().mapped("role"))
        if (
            "superior" not in signed
            and self.env.user in parties.user_id
            and not self._is(objection.evaluator_superior_id)
        ):
            return UserError(
                _(
                    "D.1.3 is signed first by the evaluator's superior, %(superior)s, whose "
                    "decision it carries.",
                    superior=objection.evaluator_superior_id.name,
                )
            )
        return None

    def _kinerja_signing_roles(self):
        objection = self.sudo()
        roles = [("superior", self._is(objection.evaluator_superior_id))]
        if objection.evaluator_id:
            roles.append(("evaluator", self._is(objection.evaluator_id)))
        roles.append(("employee", self._is(objection.employee_id)))
        return roles, False

    def _kinerja_public_identity(self):
        evaluation = self.sudo().evaluation_id
        return {
            "employee": evaluation.employee_id.name,
            "nip": evaluation.employee_id.nip or "",
            "unit": "",
            "period": evaluation.period_id.display_name,
        }

    def action_print_d13(self):
        """The signed D.1.3 once signed (frozen), else the form printed now."""
        self.ensure_one()
        chain = self._kinerja_signatures()
        if chain:
            return chain[-1:].action_download()
        return super().action_print_d13()


class HrKinerjaDistribution(models.Model):
    _name = "hr.kinerja.distribution"
    _inherit = ["hr.kinerja.distribution", "hr.kinerja.signed.mixin"]

    can_sign_capaian = fields.Boolean(compute="_compute_can_sign_capaian")
    is_predikat_signed = fields.Boolean(compute="_compute_is_signed_documents")
    is_capaian_signed = fields.Boolean(compute="_compute_is_signed_documents")

    def _kinerja_documents(self):
        return (PENETAPAN_PREDIKAT, PENETAPAN_CAPAIAN)

    @api.depends_context("uid")
    def _compute_can_sign_capaian(self):
        for distribution in self:
            capaian = distribution.with_context(kinerja_document=PENETAPAN_CAPAIAN)
            distribution.can_sign_capaian = (
                bool(distribution.id) and not capaian._kinerja_sign_refusal()[1]
            )

    def _compute_is_signed_documents(self):
        Signature = self.env["hr.kinerja.signature"]
        for distribution in self:
            roles = {
                report: bool(distribution.id and Signature._of(distribution, report=report))
                for report in (PENETAPAN_PREDIKAT, PENETAPAN_CAPAIAN)
            }
            distribution.is_predikat_signed = roles[PENETAPAN_PREDIKAT]
            distribution.is_capaian_signed = roles[PENETAPAN_CAPAIAN]

    def _kinerja_document_name(self):
        return PENETAPAN_NAMES[self._kinerja_report()]

    def _kinerja_revision_hint(self):
        return _(
            "it changes only after an HR officer reopens the signed document with a "
            "reason (the signed version is kept)."
        )

    def _kinerja_sign_state_refusal(self):
        if self._kinerja_report() == PENETAPAN_PREDIKAT:
            if self.state != "confirmed":
                return UserError(
                    _("The penetapan predikat is signed once the distribution is confirmed.")
                )
            return None
        unit = self.sudo().department_id
        below = self.env["hr.department"].sudo().search([("kinerja_parent_id", "=", unit.id)])
        if not below:
            return UserError(
                _("%(unit)s has no units below: it has no penetapan capaian.", unit=unit.name)
            )
        effective = self.env["hr.kinerja.org.achievement"]._effective(below, self.period_id)
        missing = below.filtered(lambda u: u.id not in effective)
        if missing:
            return UserError(
                _(
                    "The penetapan capaian is signed once every unit below has its "
                    "achievement; missing: %(units)s.",
                    units=", ".join(missing.mapped("name")),
                )
            )
        return None

    def _kinerja_signing_roles(self):
        return [("unit_leader", self.sudo().leader_id.user_id == self.env.user)], True

    def _kinerja_signature_parties(self):
        # Nobody else's: the leader who signs, and HR officers, read the signature.
        return {}

    def _kinerja_public_identity(self):
        source = self.sudo()
        return {
            "employee": "",
            "nip": "",
            "unit": source.department_id.name,
            "period": source.period_id.display_name,
        }

    @api.depends_context("uid")
    def _compute_can_act(self):
        result = super()._compute_can_act()
        for distribution in self.filtered("can_reset"):
            distribution.can_reset = not distribution.is_predikat_signed
        return result

    def action_reset(self):
        for distribution in self:
            signed = distribution.with_context(kinerja_document=PENETAPAN_PREDIKAT)
            if signed._kinerja_signatures():
                raise signed._kinerja_signed_refusal()
        return super().action_reset()


class HrKinerjaOrgAchievement(models.Model):
    _inherit = "hr.kinerja.org.achievement"

    def _signed_capaian(self):
        """The distribution of the unit above whose signed penetapan capaian lists
        this achievement (an empty recordset when none)."""
        Distribution = self.env["hr.kinerja.distribution"].sudo()
        Signature = self.env["hr.kinerja.signature"]
        for record in self.sudo():
            distribution = Distribution.search(
                [
                    ("department_id", "=", record.department_id.kinerja_parent_id.id),
                    ("period_id", "=", record.period_id.id),
                ],
                limit=1,
            )
            if distribution and Signature._of(distribution, report=PENETAPAN_CAPAIAN):
                return distribution.with_context(kinerja_document=PENETAPAN_CAPAIAN)
        return Distribution.browse()

    def write(self, vals):
        if not self.env.su and set(vals) - self._kinerja_exempt_fields():
            signed = self._signed_capaian()
            if signed:
                raise signed._kinerja_signed_refusal()
        return super().write(vals)
