"""The access matrix (issue 10): every ``hr.kinerja.*`` model x role x operation.

One agency (tests/common_evaluation.py) and, for each model, one record that concerns
the same civil servant ("employee", a staff member of a section) in the open January
period: their SKP and its contents, what happens during the year, development and
counselling, the evaluation, the unit's distribution and achievement, the
configuration. Each persona then tries, as that user, what a client can do: read
(search and read by id), write each field the policy names and each server field
(with the value it already has: the check is on who and what, not on the value),
delete, onchange, print every report bound to the model. The expectations below are
written out by hand - who reads, who writes something, who deletes - so that a change
of rules, policy or model that widens access fails here. A model without a policy,
or a stored field that no policy grants and no server list names, fails too.

The same table is the README's "Who may see and change what".
"""

import base64
import logging
import os
from datetime import date, datetime

from odoo import Command
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.modules.module import get_module_path
from odoo.tests import new_test_user, tagged

from ..models.kinerja_test_ca import TestCA
from ..models.workflow import workflow
from .common_evaluation import KinerjaEvaluationCase

_logger = logging.getLogger(__name__)

PERSONAS = (
    "employee",  # the civil servant the record concerns (a staff member of the section)
    "colleague",  # another staff member of the same section
    "evaluator",  # the head of the section: evaluator and unit leader
    "superior",  # the head of the division: the evaluator's superior
    "head",  # the head of the agency (JPT), above both
    "other_leader",  # the head of another section of the division
    "officer",  # an HR officer (BKPSDM) of the agency
    "manager",  # an HR manager of the agency
    "counselling",  # a member of the counselling group (no HR role)
    "other_agency",  # an HR officer of another agency
    "portal",  # a portal user
)
AGENCY = {p for p in PERSONAS if p not in ("other_agency", "portal")}
OWN = {"employee", "evaluator", "superior", "officer", "manager"}
NONE = set()


def P(text):
    return set(text.split())


# model: (readers, writers of some field in the fixture's state, deleters)
MATRIX = {
    # planning (the SKP is set: it changes only through an adjustment)
    "hr.kinerja.skp": (OWN, NONE, NONE),
    "hr.kinerja.rhk": (OWN | P("colleague"), NONE, NONE),
    "hr.kinerja.iki": (OWN, NONE, NONE),
    "hr.kinerja.skp.behaviour": (OWN, NONE, NONE),
    "hr.kinerja.skp.lampiran": (OWN, NONE, NONE),
    # during the year
    "hr.kinerja.rencana.aksi": (
        OWN,
        P("employee evaluator officer manager"),
        P("employee evaluator officer manager"),
    ),
    # the employee records, the evaluator reviews (once submitted); HR may correct
    "hr.kinerja.realisasi": (OWN, P("employee officer manager"), P("officer manager")),
    # given in one's own name (the evaluator here), or recorded by HR; never deleted
    "hr.kinerja.feedback": (
        P("employee evaluator officer manager"),
        P("evaluator officer manager"),
        NONE,
    ),
    "hr.kinerja.dialog": (
        P("employee evaluator officer manager"),
        P("evaluator officer manager"),
        P("officer manager"),
    ),
    "hr.kinerja.dialog.problem": (
        P("employee evaluator officer manager"),
        P("evaluator officer manager"),
        P("evaluator officer manager"),
    ),
    "hr.kinerja.dialog.plan": (
        P("employee evaluator officer manager"),
        P("evaluator officer manager"),
        P("evaluator officer manager"),
    ),
    # development (drafts written by the evaluator as coach, mentor, assessor)
    # (an HR officer may correct or remove a draft for them)
    "hr.kinerja.coaching": (
        OWN,
        P("evaluator employee officer manager"),
        P("evaluator officer manager"),
    ),
    "hr.kinerja.coaching.line": (
        OWN,
        P("evaluator employee officer manager"),
        P("evaluator employee officer manager"),
    ),
    "hr.kinerja.mentoring": (
        OWN,
        P("evaluator employee officer manager"),
        P("evaluator officer manager"),
    ),
    "hr.kinerja.mentoring.journal": (
        OWN,
        P("evaluator officer manager"),
        P("evaluator officer manager"),
    ),
    "hr.kinerja.guidance.feedback": (
        OWN,
        P("employee officer manager"),
        P("employee officer manager"),
    ),
    "hr.kinerja.guidance.feedback.line": (OWN, P("employee officer manager"), NONE),
    "hr.kinerja.competency.evaluation": (
        OWN,
        P("evaluator officer manager"),
        P("evaluator officer manager"),
    ),
    "hr.kinerja.competency.evaluation.line": (
        OWN,
        P("evaluator officer manager"),
        P("evaluator officer manager"),
    ),
    # confidential: the reporter, then only the counselling group and the counsellor
    "hr.kinerja.behaviour.report": (
        P("evaluator counselling"),
        P("evaluator counselling"),
        P("evaluator counselling"),
    ),
    "hr.kinerja.counselling": (P("counselling"), P("counselling"), NONE),
    "hr.kinerja.counselling.session": (P("counselling"), P("counselling"), P("counselling")),
    # evaluation (the unit leader is the evaluator here)
    "hr.kinerja.evaluation": (OWN, P("evaluator"), NONE),  # rated: kept
    "hr.kinerja.distribution": (
        P("employee colleague evaluator officer manager"),
        P("evaluator"),
        NONE,
    ),
    "hr.kinerja.org.achievement": (AGENCY, P("superior"), P("manager")),
    "hr.kinerja.angka.kredit": (P("employee evaluator officer manager"), NONE, NONE),
    # created by the signing step only, never written or deleted (issue 13)
    "hr.kinerja.signature": (OWN, NONE, NONE),
    # filed: the parties and HR read it; only the superior writes (the decision)
    "hr.kinerja.keberatan": (P("employee evaluator superior officer manager"), P("superior"), NONE),
    # prepared by the wizard, never written; HR and the unit's leader read it, HR
    # deletes one not reported yet
    "hr.kinerja.pyb.report": (P("evaluator officer manager"), NONE, P("officer manager")),
    # configuration
    "hr.kinerja.year": (AGENCY, NONE, NONE),  # open: changed by its buttons
    "hr.kinerja.period": (AGENCY, P("officer manager"), NONE),
    "hr.kinerja.period.reopen": (AGENCY, NONE, NONE),
    "hr.kinerja.preset": (AGENCY | P("other_agency"), P("manager"), NONE),  # shared
    "hr.kinerja.pangkat": (AGENCY | P("other_agency"), P("manager"), P("manager")),
    "hr.kinerja.delegation": (
        P("employee colleague evaluator officer manager"),
        P("officer manager"),
        P("officer manager"),
    ),
    "hr.kinerja.org.quadrant": (AGENCY, P("manager"), NONE),
    "hr.kinerja.core.value": (AGENCY | P("other_agency"), P("manager"), NONE),
    "hr.kinerja.guidance.statement": (AGENCY | P("other_agency"), P("manager"), NONE),  # in use
    # the reminders sent (issue 14): a log of the server, read by HR
    "hr.kinerja.reminder": (P("officer manager"), NONE, NONE),
    # monitoring: HR and the leaders of the unit and of the units above; counted, not written
    "hr.kinerja.progress": (P("evaluator superior head officer manager"), NONE, NONE),
    "hr.kinerja.progress.curve": (P("evaluator superior head officer manager"), NONE, NONE),
}
# Wizards: who may open one and apply it (the rest are refused on create or apply).
WIZARDS = {
    "hr.kinerja.distribution.proposal": P("evaluator"),
    "hr.kinerja.org.achievement.wizard": P("superior"),  # for the units below their own
    # anyone with an employee record asks colleagues about themselves (003 Pasal 17(2))
    "hr.kinerja.feedback.request.wizard": P("employee evaluator superior head other_leader"),
    "hr.kinerja.period.reopen.wizard": P("officer manager"),
    # the evaluator; an HR officer may record it for them (003 Pasal 19)
    "hr.kinerja.rhk.takeover.wizard": P("evaluator officer manager"),
    "hr.kinerja.skp.adjust.wizard": P("evaluator officer manager"),
    "hr.kinerja.skp.bulk.wizard": P("officer manager"),
    "hr.kinerja.skp.transfer.wizard": P("officer manager"),
    # the employee signed the fixture's SKP; who set it signs next (issue 13)
    "hr.kinerja.sign.wizard": P("evaluator"),
    # HR officers; a unit leader for their unit and the units below it
    "hr.kinerja.pyb.report.wizard": P("evaluator superior head officer manager"),
}
# Lines of a wizard exist only inside it (created by the server with the wizard).
WIZARD_LINES = ("hr.kinerja.distribution.proposal.line", "hr.kinerja.org.achievement.wizard.line")
NOT_DOCUMENTS = ("hr.kinerja.demo.loader",)
REFUSED = (AccessError, UserError, ValidationError, MissingError, IndexError)


@tagged("post_install", "-at_install")
class TestAccessMatrix(KinerjaEvaluationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        def user(login, groups, **values):
            return new_test_user(cls.env, login, groups=groups, **values)

        other_leader = user("mx_other_leader", "base.group_user")
        cls.seksi_2.manager_id.user_id = other_leader
        cls.users = {
            "employee": cls.staff_users[0],
            "colleague": cls.staff_users[1],
            "evaluator": cls.kasi_user,
            "superior": cls.kabid_user,
            "head": cls.kaban_user,
            "other_leader": other_leader,
            "officer": cls.officer,
            "manager": user("mx_manager", "hr_kinerja_asn.group_kinerja_manager"),
            "counselling": user(
                "mx_counselling", "base.group_user,hr_kinerja_asn.group_kinerja_counselling"
            ),
            "other_agency": cls.officer_b,
            "portal": user("mx_portal", "base.group_portal"),
        }
        cls.records = cls._fixtures()

    @classmethod
    def _fixtures(cls):
        env = cls.env
        staff = cls.staff[0]
        day = date(cls.YEAR, 1, 15)
        skp = cls.skp_of[staff]
        rhk = skp.rhk_ids[:1]
        iki = rhk.indicator_ids[:1]
        skp._transition({"state": "draft"})
        lampiran = env["hr.kinerja.skp.lampiran"].create(
            {"skp_id": skp.id, "description": "Anggaran kegiatan"}
        )
        skp._transition({"state": "set", "set_as": "evaluator"})
        workflow(rhk).write({"progress": "no_progress"})
        authority = TestCA(skp.company_id.name)
        skp.company_id.write(
            {
                "kinerja_seal_p12": base64.b64encode(authority.issue("Seal", "seal")),
                "kinerja_seal_passphrase": "seal",
                "kinerja_trust_roots": authority.pem,
            }
        )
        signature = skp.with_user(cls.staff_users[0])._kinerja_sign().sudo(False)
        january = cls.january
        as_kasi = env(user=cls.kasi_user)
        dialog = as_kasi["hr.kinerja.dialog"].create(
            {
                "period_id": january.id,
                "employee_id": staff.id,
                "date": day,
                "participant_ids": [Command.set(staff.ids)],
            }
        )
        coaching = as_kasi["hr.kinerja.coaching"].create(
            {
                "employee_id": staff.id,
                "date": day,
                "goal_line_ids": [
                    Command.create({"part": "goal", "indicator": "Dokumen", "target": "12"})
                ],
            }
        )
        mentoring = as_kasi["hr.kinerja.mentoring"].create(
            {"employee_id": staff.id, "date": day, "goal": "Analisis", "skill": "Menulis"}
        )
        signed = as_kasi["hr.kinerja.coaching"].create(
            {
                "employee_id": staff.id,
                "date": day,
                "goal_line_ids": [Command.create({"part": "goal", "indicator": "Dokumen"})],
                "way_forward_line_ids": [
                    Command.create({"part": "way_forward", "strategy": "Jadwal mingguan"})
                ],
            }
        )
        signed.action_sign()
        as_staff = env(user=cls.staff_users[0])
        guidance = as_staff["hr.kinerja.guidance.feedback"].create(
            {"coaching_id": signed.id, "date": day}
        )
        competency = as_kasi["hr.kinerja.competency.evaluation"].create(
            {"coaching_id": signed.id, "date": day}
        )
        report = as_kasi["hr.kinerja.behaviour.report"].create(
            {"employee_id": staff.id, "date": day, "problem": "Sering terlambat"}
        )
        case = env["hr.kinerja.counselling"].create(
            {"employee_id": staff.id, "counsellor_id": cls.users["counselling"].id}
        )
        case.with_user(cls.users["counselling"]).action_assign()
        evaluations = cls.env["hr.kinerja.evaluation"].with_user(cls.officer)._generate(january)
        evaluation = evaluations.filtered(lambda e: e.employee_id == staff).with_env(env)
        for rated in evaluations.filtered(lambda e: e.employee_id in cls.staff):
            values = {"behaviour_rating": "sesuai"}
            if rated.tugas_belajar:
                values["ipk"] = 3.6
            else:
                values["result_rating"] = "sesuai"
            rated.with_user(cls.kasi_user).write(values)
            rated.with_user(cls.kasi_user).action_done()
        achievement = env(user=cls.kabid_user)["hr.kinerja.org.achievement"].create(
            {"department_id": cls.seksi.id, "period_id": january.id, "value": "baik"}
        )
        evaluation.with_user(cls.kasi_user).action_hand_over()
        evaluation.with_user(cls.staff_users[0]).action_receive()
        objection = env(user=cls.staff_users[0])["hr.kinerja.keberatan"].create(
            {"evaluation_id": evaluation.id, "reasons": "Capaian di atas target."}
        )
        objection.action_file()
        records = {
            "hr.kinerja.skp": skp,
            "hr.kinerja.rhk": rhk,
            "hr.kinerja.iki": iki,
            "hr.kinerja.skp.behaviour": skp.behaviour_ids[:1],
            "hr.kinerja.skp.lampiran": lampiran,
            "hr.kinerja.rencana.aksi": as_staff["hr.kinerja.rencana.aksi"].create(
                {"period_id": january.id, "rhk_id": rhk.id, "name": "Menyusun dokumen"}
            ),
            "hr.kinerja.realisasi": as_staff["hr.kinerja.realisasi"].create(
                {"period_id": january.id, "iki_id": iki.id, "value": 1}
            ),
            "hr.kinerja.feedback": as_kasi["hr.kinerja.feedback"].create(
                {
                    "period_id": january.id,
                    "receiver_id": staff.id,
                    "text": "Tepat waktu",
                    "rhk_id": rhk.id,
                    "date": day,
                }
            ),
            "hr.kinerja.dialog": dialog,
            "hr.kinerja.dialog.problem": as_kasi["hr.kinerja.dialog.problem"].create(
                {"dialog_id": dialog.id, "name": "Data terlambat"}
            ),
            "hr.kinerja.dialog.plan": as_kasi["hr.kinerja.dialog.plan"].create(
                {"dialog_id": dialog.id, "name": "Jadwal mingguan"}
            ),
            "hr.kinerja.coaching": coaching,
            "hr.kinerja.coaching.line": coaching.goal_line_ids[:1],
            "hr.kinerja.mentoring": mentoring,
            "hr.kinerja.mentoring.journal": as_kasi["hr.kinerja.mentoring.journal"].create(
                {"mentoring_id": mentoring.id, "activity": "Praktik analisis"}
            ),
            "hr.kinerja.guidance.feedback": guidance,
            "hr.kinerja.guidance.feedback.line": guidance.line_ids[:1],
            "hr.kinerja.competency.evaluation": competency,
            "hr.kinerja.competency.evaluation.line": competency.line_ids[:1],
            "hr.kinerja.behaviour.report": report,
            "hr.kinerja.counselling": case,
            "hr.kinerja.counselling.session": env["hr.kinerja.counselling.session"].create(
                {"case_id": case.id, "date": datetime(cls.YEAR, 1, 20, 2, 0), "place": "Ruang"}
            ),
            "hr.kinerja.evaluation": evaluation,
            "hr.kinerja.distribution": evaluation.distribution_id,
            "hr.kinerja.keberatan": objection,
            "hr.kinerja.pyb.report": workflow(env["hr.kinerja.pyb.report"]).create(
                {
                    "period_id": january.id,
                    "scope": "unit",
                    "department_id": cls.seksi.id,
                    "leader_id": cls.kasi.id,
                    "user_id": cls.officer.id,
                    "evaluation_ids": [Command.set(evaluations.ids)],
                }
            ),
            "hr.kinerja.org.achievement": achievement,
            "hr.kinerja.signature": signature,
            "hr.kinerja.angka.kredit": env["hr.kinerja.angka.kredit"].create(
                {
                    "evaluation_id": evaluation.id,
                    "employee_id": staff.id,
                    "company_id": january.company_id.id,
                    "year_id": cls.year.id,
                    "period_id": january.id,
                    "predicate": "baik",
                }
            ),
            "hr.kinerja.year": cls.year,
            "hr.kinerja.period": january,
            "hr.kinerja.period.reopen": env["hr.kinerja.period.reopen"].create(
                {"period_id": january.id, "reason": "Koreksi", "reopen_until": day}
            ),
            "hr.kinerja.preset": cls.year.preset_id,
            "hr.kinerja.pangkat": env["hr.kinerja.pangkat"].search([], limit=1),
            "hr.kinerja.delegation": env["hr.kinerja.delegation"].create(
                {
                    "department_id": cls.seksi.id,
                    "delegate_id": cls.staff[1].id,
                    "date_from": day,
                    "company_id": january.company_id.id,
                }
            ),
            "hr.kinerja.org.quadrant": env["hr.kinerja.org.quadrant"].search(
                [("company_id", "=", january.company_id.id)], limit=1
            ),
            "hr.kinerja.core.value": env["hr.kinerja.core.value"].search([], limit=1),
            "hr.kinerja.guidance.statement": guidance.line_ids[:1].statement_id,
            "hr.kinerja.reminder": env["hr.kinerja.reminder"].create(
                {
                    "key": f"skp_set:hr.kinerja.skp:{skp.id}:0:{cls.kasi_user.id}",
                    "step": "skp_set",
                    "stage": 3,
                    "res_model": "hr.kinerja.skp",
                    "res_id": skp.id,
                    "record_name": skp.display_name,
                    "user_id": cls.kasi_user.id,
                    "employee_id": staff.id,
                    "deadline": day,
                    "date": day,
                    "company_id": january.company_id.id,
                }
            ),
        }
        env["hr.kinerja.progress"]._refresh(cls.year)
        records["hr.kinerja.progress"] = env["hr.kinerja.progress"].search(
            [
                ("department_id", "=", cls.seksi.id),
                ("period_id", "=", january.id),
                ("stage", "=", "4_evaluation"),
            ]
        )
        records["hr.kinerja.progress.curve"] = env["hr.kinerja.progress.curve"].search(
            [
                ("department_id", "=", evaluation.distribution_id.department_id.id),
                ("period_id", "=", january.id),
            ],
            limit=1,
        )
        missing = [name for name, record in records.items() if len(record) != 1]
        records["locked"] = cls._period(cls.year, "month", 2)
        env["hr.employee"].create(
            {
                "name": "Staf Disiplin",
                "department_id": cls.seksi_2.id,
                "asn_type": "pns",
                "jabatan_type": "pelaksana",
            }
        )
        records["locked"].action_lock()
        assert not missing, f"no fixture record for {missing}"
        return {name: record.with_env(env) for name, record in records.items()}

    # -- helpers ------------------------------------------------------------------
    def _env(self, persona):
        user = self.users[persona]
        return self.env(
            user=user, context=dict(self.env.context, allowed_company_ids=user.company_ids.ids)
        )

    def _as(self, persona, record):
        return record.with_env(self._env(persona))

    def _try(self, function):
        """True when ``function`` goes through; False when it is refused. Nothing
        it does is kept."""
        try:
            with self.env.cr.savepoint():
                function()
                self.env.flush_all()
                raise _Undo
        except _Undo:
            return True
        except REFUSED as error:
            _logger.debug("refused: %s", error)
            return False
        finally:
            self.env.invalidate_all()

    def _reads(self, persona, record):
        as_user = self._as(persona, record)
        found = self._try(lambda: as_user.search([("id", "=", record.id)]) or as_user.browse()[0])
        readable = self._try(lambda: as_user.read(["display_name"]))
        self.assertEqual(found, readable, f"{record._name}: search and read disagree for {persona}")
        return readable

    @staticmethod
    def _value(record, name):
        field = record._fields[name]
        value = record[name]
        if field.type == "many2one":
            return value.id
        if field.type == "many2many":
            return [Command.set(value.ids)]
        return value

    @staticmethod
    def _checked_fields(model):
        names = set(model._kinerja_server_fields)
        for rule in model._kinerja_policy:
            names |= rule.fields - {"__all__"}
        names |= model._kinerja_all_fields()
        return sorted(
            name
            for name in names
            if name in model._fields
            and model._fields[name].store
            and model._fields[name].type not in ("one2many", "binary")
        )

    # -- the static part ------------------------------------------------------------
    def _kinerja_models(self):
        return sorted(
            name
            for name in self.env.registry
            if name.startswith("hr.kinerja.")
            and not self.env[name]._abstract
            and name not in NOT_DOCUMENTS
        )

    def test_every_model_has_a_policy_and_is_in_the_matrix(self):
        for name in self._kinerja_models():
            with self.subTest(model=name):
                model = self.env[name]
                # by name: a test that reloads the registry (FakeModelLoader) makes
                # new classes, so an isinstance check would depend on the test order
                self.assertIn(
                    "hr.kinerja.policy", model._inherit_module_names(), f"{name} has no policy"
                )
                self.assertIn(name, {**MATRIX, **WIZARDS, **dict.fromkeys(WIZARD_LINES)})

    def test_every_stored_field_is_granted_or_server_side(self):
        """A new field is refused to everyone until its policy says otherwise; this
        makes its author say so. Every stored field a user could send counts, a
        computed one that is not read-only (a predicate) included."""
        for name in self._kinerja_models():
            model = self.env[name]
            granted = set(model._kinerja_server_fields) | model._kinerja_all_fields()
            for rule in model._kinerja_policy:
                granted |= rule.fields
            exempt = model._kinerja_exempt_fields()
            for field_name, field in model._fields.items():
                settable = field.store and not field.related
                settable = settable and (not field.compute or not field.readonly)
                if not settable or field_name in exempt:
                    continue
                with self.subTest(model=name, field=field_name):
                    self.assertIn(field_name, granted)
            for field_name in granted - {"__all__"}:
                with self.subTest(model=name, declared=field_name):
                    self.assertIn(field_name, model._fields)

    def test_readme_shows_this_matrix(self):
        path = os.path.join(get_module_path("hr_kinerja_asn"), "README.md")
        with open(path, encoding="utf-8") as readme:
            shown = matrix_markdown() in readme.read()
        self.assertTrue(shown, "README.md does not show this matrix: paste matrix_markdown()")

    # -- the dynamic part -----------------------------------------------------------
    def test_read(self):
        for name, (readers, _writers, _deleters) in MATRIX.items():
            record = self.records[name]
            for persona in PERSONAS:
                with self.subTest(model=name, persona=persona):
                    self.assertEqual(self._reads(persona, record), persona in readers)

    def test_write_each_field(self):
        for name, (readers, writers, _deleters) in MATRIX.items():
            record = self.records[name]
            model = self.env[name]
            server = set(model._kinerja_server_fields)
            for persona in PERSONAS:
                written = []
                for field_name in self._checked_fields(model):
                    value = self._value(record, field_name)
                    as_user = self._as(persona, record)
                    if self._try(lambda f=field_name, v=value, r=as_user: r.write({f: v})):
                        written.append(field_name)
                with self.subTest(model=name, persona=persona, written=written):
                    self.assertEqual(bool(written), persona in writers)
                    self.assertFalse(server & set(written), "a server field was written")
                    if written:
                        self.assertIn(persona, readers)

    def test_unlink(self):
        for name, (_readers, _writers, deleters) in MATRIX.items():
            record = self.records[name]
            for persona in PERSONAS:
                as_user = self._as(persona, record)
                with self.subTest(model=name, persona=persona):
                    self.assertEqual(self._try(as_user.unlink), persona in deleters)

    def test_onchange_reveals_nothing_unreadable(self):
        """The form's onchange as each persona, with the fixture's values: either
        refused, or every record it names is one the persona may read."""
        for name, (_readers, _writers, _deleters) in MATRIX.items():
            record = self.records[name]
            model = self.env[name]
            relational = [
                f
                for f, field in model._fields.items()
                if field.type == "many2one"
                and field.store
                and record[f]
                and f not in ("create_uid", "write_uid")
            ]
            spec = {f: {} for f, field in model._fields.items() if field.type != "one2many"}
            spec.update({f: {"fields": {"display_name": {}}} for f in relational})
            for f, field in model._fields.items():
                if field.type == "many2one" and f not in spec:
                    spec[f] = {"fields": {"display_name": {}}}
            values = {f: record[f].id for f in relational}
            for persona in PERSONAS:
                env = self._env(persona)
                for changed in relational:
                    with self.subTest(model=name, persona=persona, changed=changed):
                        try:
                            with self.env.cr.savepoint():
                                result = env[name].onchange(values, [changed], spec)
                        except REFUSED:
                            continue
                        self._assert_readable(env, model, result.get("value", {}), name)
                    with self.subTest(model=name, persona=persona, default=changed):
                        as_default = env[name].with_context(
                            **{f"default_{changed}": values[changed]}
                        )
                        try:
                            with self.env.cr.savepoint():
                                result = as_default.onchange({}, [], spec)
                        except REFUSED:
                            continue
                        self._assert_readable(env, model, result.get("value", {}), name)

    def test_wizards_take_no_unreadable_id(self):
        """A wizard created (or its form opened) with the id of a record the user
        cannot read is refused, and names nothing."""
        targets = (
            ("hr.kinerja.skp.adjust.wizard", "skp_id", "hr.kinerja.skp", {"reason": "x"}),
            ("hr.kinerja.skp.transfer.wizard", "skp_id", "hr.kinerja.skp", {}),
            ("hr.kinerja.rhk.takeover.wizard", "rhk_id", "hr.kinerja.rhk", {"note": "x"}),
            ("hr.kinerja.distribution.proposal", "distribution_id", "hr.kinerja.distribution", {}),
        )
        for wizard, field_name, target, extra in targets:
            record = self.records[target]
            readers = MATRIX[target][0]
            for persona in sorted(set(PERSONAS) - readers):
                env = self._env(persona)
                with self.subTest(wizard=wizard, persona=persona):
                    created = self._try(
                        lambda e=env, w=wizard, f=field_name, x=extra, r=record: e[w].create(
                            {f: r.id, **x}
                        )
                    )
                    self.assertFalse(created)
                    opened = self._try(
                        lambda e=env, w=wizard, f=field_name, r=record: (
                            e[w]
                            .with_context(**{f"default_{f}": r.id})
                            .onchange({}, [], {f: {"fields": {"display_name": {}}}})
                        )
                    )
                    self.assertFalse(opened)

    def test_malformed_ids_and_missing_values_are_named(self):
        """No database error for what a client sends wrong (issue 10, finding 13)."""
        evaluation = self._as("evaluator", self.records["hr.kinerja.evaluation"])
        with self.assertRaisesMsg(ValidationError, "Predicate"):
            evaluation.write({"predicate": 5})
        Request = self._env("employee")["hr.kinerja.feedback.request.wizard"]
        for colleagues in ([Command.set([False])], [Command.set([999999])]):
            with self.subTest(colleagues=colleagues), self.assertRaises(AccessError):
                Request.create({"colleague_ids": colleagues, "topic": "Layanan"})
        with self.assertRaisesMsg(ValidationError, "is required"):
            self._env("officer")["hr.kinerja.delegation"].create({})
        with self.assertRaises(AccessError):
            self._as("evaluator", self.records["hr.kinerja.feedback"]).write(
                {"core_value_id": 999999}
            )

    def _assert_readable(self, env, model, values, name):
        for field_name, value in values.items():
            field = model._fields.get(field_name)
            if not field or field.type != "many2one" or not value:
                continue
            target_id = value["id"] if isinstance(value, dict) else value
            try:
                comodel = env[field.comodel_name].with_context(active_test=False)
                readable = bool(comodel.search([("id", "=", target_id)]))
            except AccessError:
                readable = False
            shown = isinstance(value, dict) and value.get("display_name")
            self.assertTrue(
                readable or not shown,
                f"{name}.{field_name} shows {shown!r}, which the user may not read",
            )

    def test_print(self):
        """Every report of a model renders only for who may read the record."""
        reports = self.env["ir.actions.report"].search(
            [("model", "in", list(MATRIX)), ("report_type", "=", "qweb-pdf")]
        )
        for report in reports:
            record = self.records[report.model]
            readers = MATRIX[report.model][0]
            for persona in PERSONAS:
                env = self._env(persona)
                with self.subTest(report=report.report_name, persona=persona):
                    printed = self._try(
                        lambda e=env, r=report, rec=record: e[
                            "ir.actions.report"
                        ]._render_qweb_html(r.report_name, rec.ids)
                    )
                    if persona not in readers:
                        self.assertFalse(printed)

    def test_wizards(self):
        """Who may open each wizard on the fixture and apply it."""
        for name, users in WIZARDS.items():
            for persona in PERSONAS:
                with self.subTest(wizard=name, persona=persona):
                    self.assertEqual(
                        self._try(lambda n=name, p=persona: self._apply(n, p)), persona in users
                    )

    def _apply(self, name, persona):
        env = self._env(persona)
        records = self.records
        Wizard = env[name]
        if name == "hr.kinerja.distribution.proposal":
            distribution = records["hr.kinerja.distribution"].with_env(env)
            Wizard.browse(distribution.action_open_proposal()["res_id"]).action_apply()
        elif name == "hr.kinerja.org.achievement.wizard":
            Wizard.create(
                {"period_id": self.january.id, "department_id": self.bidang.id}
            ).action_confirm()
        elif name == "hr.kinerja.feedback.request.wizard":
            Wizard.create(
                {
                    "colleague_ids": [Command.set(self.staff[1].ids)],
                    "topic": "Dokumen penilaian",
                }
            ).action_request()
        elif name == "hr.kinerja.period.reopen.wizard":
            Wizard.create(
                {
                    "period_ids": [Command.set(self.records["locked"].ids)],
                    "reason": "Koreksi data",
                    "reopen_until": date(2099, 1, 1),
                }
            ).action_reopen()
        elif name == "hr.kinerja.rhk.takeover.wizard":
            Wizard.create(
                {"rhk_id": records["hr.kinerja.rhk"].id, "note": "Diambil alih"}
            ).action_take_over()
        elif name == "hr.kinerja.sign.wizard":
            Wizard.create(
                {"res_model": "hr.kinerja.skp", "res_id": records["hr.kinerja.skp"].id}
            ).action_done()
        elif name == "hr.kinerja.pyb.report.wizard":
            Wizard.create(
                {"period_id": self.january.id, "scope": "unit", "department_id": self.seksi.id}
            ).action_prepare()
        elif name == "hr.kinerja.skp.adjust.wizard":
            Wizard.create(
                {"skp_id": records["hr.kinerja.skp"].id, "reason": "Perubahan tugas"}
            ).action_adjust()
        elif name == "hr.kinerja.skp.bulk.wizard":
            Wizard.create(
                {"department_id": self.seksi_2.id, "year_id": self.year.id}
            ).action_create()
        elif name == "hr.kinerja.skp.transfer.wizard":
            Wizard.create(
                {
                    "skp_id": records["hr.kinerja.skp"].id,
                    "date": date(self.YEAR, 2, 1),
                    "reason": "transfer",
                }
            ).action_transfer()


SHORT = {
    "employee": "Empl.",
    "colleague": "Coll.",
    "evaluator": "Eval.",
    "superior": "Sup.",
    "head": "Head",
    "other_leader": "Oth. leader",
    "officer": "Officer",
    "manager": "Manager",
    "counselling": "Couns.",
    "other_agency": "Oth. agency",
    "portal": "Portal",
}


def matrix_markdown():
    """The matrix as the README shows it: r read, w write some field, d delete;
    for wizards, x open and apply."""
    head = "| Model | " + " | ".join(SHORT[p] for p in PERSONAS) + " |"
    rows = [head, "|" + "---|" * (len(PERSONAS) + 1)]
    for name, (readers, writers, deleters) in MATRIX.items():
        cells = [
            "".join(
                flag
                for flag, roles in (("r", readers), ("w", writers), ("d", deleters))
                if persona in roles
            )
            or "-"
            for persona in PERSONAS
        ]
        rows.append(f"| `{name}` | " + " | ".join(cells) + " |")
    for name, users in WIZARDS.items():
        cells = ["x" if persona in users else "-" for persona in PERSONAS]
        rows.append(f"| `{name}` | " + " | ".join(cells) + " |")
    return "\n".join(rows)


class _Undo(Exception):
    """Rolls a successful attempt back (its savepoint)."""
