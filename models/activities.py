"""The to-dos of one activity type on some records: one search, the done ones (kept by
the activity types' ``keep_done``) included on request - what the reminder jobs look
at to create a to-do once per step and to close it when the step is done."""


def activities_of(records, type_xmlid, include_done=False):
    env = records.env
    activity_type = env.ref(type_xmlid, raise_if_not_found=False)
    if not activity_type or not records:
        return env["mail.activity"].sudo()
    return (
        env["mail.activity"]
        .sudo()
        .with_context(active_test=not include_done)
        .search(
            [
                ("res_model", "=", records._name),
                ("res_id", "in", records.ids),
                ("activity_type_id", "=", activity_type.id),
            ]
        )
    )
