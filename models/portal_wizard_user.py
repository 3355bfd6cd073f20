from odoo import models


class PortalWizardUser(models.TransientModel):
    """A portal account given to an employee's work contact is linked to the
    employee (hr.employee.user_id, the link back-office users have too): every
    record rule and every role of the write policy then holds for the portal user
    as for an internal one. The account joins the Portal Employee group."""

    _inherit = "portal.wizard.user"

    def action_grant_access(self):
        if self._kinerja_officer_grants():
            # An HR officer (no contact-manager right) grants the work contacts of
            # employees of their agencies; the wizard then acts as superuser.
            result = super(PortalWizardUser, self.sudo()).action_grant_access()
        else:
            result = super().action_grant_access()
        self._kinerja_link_employees()
        return result

    def _kinerja_officer_grants(self):
        """True when an HR officer without the contact-manager right grants access to
        work contacts of employees of the agencies they work for."""
        user = self.env.user
        if self.env.su or user.has_group("base.group_partner_manager"):
            return False
        if not user.has_group("hr_kinerja_asn.group_kinerja_officer"):
            return False
        self.check_access("write")
        employees = (
            self.env["hr.employee"].sudo().search([("work_contact_id", "in", self.partner_id.ids)])
        )
        return (
            employees.work_contact_id == self.partner_id
            and employees.company_id <= user.company_ids
        )

    def _kinerja_link_employees(self):
        for line in self:
            user = line.user_id.sudo()
            if not user or not user.share:
                continue
            employees = (
                self.env["hr.employee"]
                .sudo()
                .search([("work_contact_id", "=", line.partner_id.id), ("user_id", "=", False)])
            )
            if not employees:
                continue
            employees.write({"user_id": user.id})
            user.write({"groups_id": [(4, self.env.ref("hr_kinerja_asn.group_kinerja_portal").id)]})
