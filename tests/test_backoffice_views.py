from lxml import etree

from odoo.exceptions import UserError
from odoo.tools.safe_eval import safe_eval

from .common_evaluation import KinerjaEvaluationCase

SEKSI_PATH = "Badan Kepegawaian / Bidang Penilaian / Seksi Kinerja"


class TestBackofficeViews(KinerjaEvaluationCase):
    """Back-office readability (issue 15): short unit names where a row or a wizard
    line names a unit, grouped lists that open expanded, guidance in every empty
    list, and "My Predicates" - the employee's own evaluations period by period.
    The views are read as the web client reads them: their arch gives each field's
    context and the list's order, and the records are read with that spec."""

    # -- helpers: read records the way a view does -----------------------------------
    def _arch(self, model, view_xmlid):
        view = self.env.ref(view_xmlid)
        return etree.fromstring(self.env[model].get_view(view.id)["arch"])

    def _spec(self, model, node):
        """The web client's specification of the fields directly under ``node``."""
        fields = self.env[model]._fields
        spec = {}
        for field_node in node.xpath("./field"):
            name = field_node.get("name")
            field = fields[name]
            if field.type == "many2one":
                spec[name] = {"fields": {"display_name": {}}}
                if field_node.get("context"):
                    spec[name]["context"] = safe_eval(field_node.get("context"), {})
            elif field.type in ("one2many", "many2many"):
                sub = field_node.xpath("./list")
                spec[name] = {"fields": self._spec(field.comodel_name, sub[0]) if sub else {}}
            else:
                spec[name] = {}
        return spec

    def _unit_names(self, records, view_xmlid, fname):
        arch = self._arch(records._name, view_xmlid)
        rows = records.web_read(self._spec(records._name, arch))
        return {row[fname]["display_name"] for row in rows if row[fname]}

    def _module_window_actions(self):
        data = self.env["ir.model.data"].search(
            [("module", "=", "hr_kinerja_asn"), ("model", "=", "ir.actions.act_window")]
        )
        return self.env["ir.actions.act_window"].browse(data.mapped("res_id"))

    # -- 1. short unit names -----------------------------------------------------------
    def test_achievement_wizard_names_the_unit_rated_by_its_own_name(self):
        wizard = (
            self.env["hr.kinerja.org.achievement.wizard"]
            .with_user(self.kabid_user)
            .create({"period_id": self.january.id, "department_id": self.bidang.id})
        )
        arch = self._arch(
            wizard._name, "hr_kinerja_asn.hr_kinerja_org_achievement_wizard_view_form"
        )
        row = wizard.web_read(self._spec(wizard._name, arch))[0]
        names = {line["department_id"]["display_name"] for line in row["line_ids"]}
        self.assertEqual(names, {"Seksi Kinerja", "Seksi Disiplin"})
        # the path stays where it helps: the unit's own name elsewhere is its full path
        self.assertEqual(self.seksi.display_name, SEKSI_PATH)

    def test_lists_name_units_by_their_own_name(self):
        evaluations = self._generate()
        self._achieve(self.seksi, "baik")
        skp = self.skp_of[self.staff[0]]
        cases = (
            (self._of(evaluations, self.staff[0]), "hr_kinerja_evaluation_view_list", "unit_id"),
            (evaluations.distribution_id, "hr_kinerja_distribution_view_list", "department_id"),
            (
                self.env["hr.kinerja.org.achievement"].search(
                    [("department_id", "=", self.seksi.id)]
                ),
                "hr_kinerja_org_achievement_view_list",
                "department_id",
            ),
            (skp, "hr_kinerja_skp_view_list", "department_id"),
        )
        for records, view, fname in cases:
            with self.subTest(view=view):
                self.assertTrue(records)
                names = self._unit_names(
                    records.with_user(self.officer), f"hr_kinerja_asn.{view}", fname
                )
                self.assertIn("Seksi Kinerja", names)
                self.assertNotIn(SEKSI_PATH, names)
        delegation_arch = self._arch(
            "hr.kinerja.delegation", "hr_kinerja_asn.hr_kinerja_delegation_view_list"
        )
        spec = self._spec("hr.kinerja.delegation", delegation_arch)
        self.assertEqual(spec["department_id"]["context"], {"hierarchical_naming": False})

    # -- 2. grouped lists open ---------------------------------------------------------
    def test_lists_grouped_by_default_open_their_groups(self):
        grouped = self._module_window_actions().filtered(
            lambda a: "search_default_group_" in (a.context or "")
        )
        self.assertIn(self.env.ref("hr_kinerja_asn.hr_kinerja_org_achievement_action"), grouped)
        for action in grouped:
            with self.subTest(action=action.name):
                view_id = {mode: vid for vid, mode in action.views}.get("list")
                arch = etree.fromstring(
                    self.env[action.res_model].get_views([(view_id, "list")])["views"]["list"][
                        "arch"
                    ]
                )
                self.assertTrue(safe_eval(arch.get("expand") or "False"), action.name)

    # -- 3. guidance in empty lists ----------------------------------------------------
    def test_every_list_action_says_what_it_holds(self):
        actions = self._module_window_actions().filtered(lambda a: a.target != "new")
        self.assertGreater(len(actions), 20)
        for action in actions:
            with self.subTest(action=action.name):
                self.assertIn("o_view_nocontent_smiling_face", action.help or "", action.name)
                body = etree.fromstring(f"<div>{action.help}</div>")
                self.assertGreaterEqual(len(body.xpath("//p")), 2, action.name)

    # -- 4. My Predicates --------------------------------------------------------------
    def _my_predicates(self, user):
        """The rows of My Predicates as the user sees them: the action's domain and
        list view, in the list's order."""
        action = self.env.ref("hr_kinerja_asn.hr_kinerja_evaluation_action_mine")
        view_id = {mode: vid for vid, mode in action.views}["list"]
        Evaluation = self.env["hr.kinerja.evaluation"].with_user(user)
        arch = etree.fromstring(Evaluation.get_views([(view_id, "list")])["views"]["list"]["arch"])
        domain = safe_eval(action.domain, {"uid": user.id})
        result = Evaluation.web_search_read(
            domain, self._spec(Evaluation._name, arch), order=arch.get("default_order")
        )
        return arch, result["records"]

    def test_my_predicates_lists_my_evaluations_period_by_period(self):
        february = self._period(self.year, "month", 2)
        evaluations = self._generate(self.january) | self._generate(february)
        employee, user = self.staff[0], self.staff_users[0]
        january = self._of(evaluations, employee).filtered(lambda e: e.period_id == self.january)
        self._rate(january, "di_atas", "sesuai")
        _arch, rows = self._my_predicates(user)
        self.assertEqual([row["period_id"]["id"] for row in rows], [self.january.id, february.id])
        mine = self.env["hr.kinerja.evaluation"].browse([row["id"] for row in rows])
        self.assertEqual(mine.employee_id, employee)
        january_row = rows[0]
        self.assertEqual(january_row["predicate"], january.predicate)
        self.assertTrue(january_row["predicate"])
        self.assertEqual(january_row["result_rating"], "di_atas")
        # the menu is the employee's own
        menu = self.env.ref("hr_kinerja_asn.hr_kinerja_evaluation_menu_mine")
        self.assertIn(menu.id, self.env["ir.ui.menu"].with_user(user)._visible_menu_ids())

    def test_my_predicates_hide_ratings_while_to_rate(self):
        evaluations = self._generate()
        employee, user = self.staff[0], self.staff_users[0]
        evaluation = self._rate(self._of(evaluations, employee), "di_bawah", "di_bawah", done=False)
        arch, rows = self._my_predicates(user)
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0]["state"], "draft")
        for fname in ("result_rating", "behaviour_rating", "predicate"):
            self.assertFalse(rows[0][fname], fname)
            node = arch.xpath(f"//field[@name='{fname}']")[0]
            self.assertEqual(node.get("invisible"), "state == 'draft'")
        # no documents before the evaluator is done
        with self.assertRaisesMsg(UserError, "once the evaluation is rated"):
            evaluation.with_user(user).action_print_result()
        evaluation.with_user(self.kasi_user).action_done()
        _arch, rows = self._my_predicates(user)
        self.assertEqual(rows[0]["result_rating"], "di_bawah")
        action = evaluation.with_user(user).action_print_document()
        self.assertEqual(action["report_name"], "hr_kinerja_asn.report_evaluation_document")
