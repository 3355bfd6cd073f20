from odoo import models

# A marker only server code can put in the context (like models/workflow.py): the
# staged reminders subscribe the people they give a to-do in one batch
# (hr.kinerja.reminder._subscribe) before creating the to-dos, which then skip
# mail.activity's one-call-per-person subscription.
_FOLLOWERS_DONE = object()


def followers_done(records):
    return records.with_context(kinerja_followers_done=_FOLLOWERS_DONE)


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        if self.env.context.get("kinerja_followers_done") is _FOLLOWERS_DONE:
            return True
        return super().message_subscribe(partner_ids=partner_ids, subtype_ids=subtype_ids)
