from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError

from .common_evaluation import KinerjaEvaluationCase


class TestOrgAchievement(KinerjaEvaluationCase):
    """Stage 1: capaian kinerja organisasi (002 D.4, D.11-12; 003 section B.1.f-g)."""

    def test_leader_sets_units_below_in_one_screen_002_d4f(self):
        wizard = (
            self.env["hr.kinerja.org.achievement.wizard"]
            .with_user(self.kabid_user)
            .create({"period_id": self.january.id, "department_id": self.bidang.id})
        )
        self.assertEqual(wizard.line_ids.department_id, self.seksi | self.seksi_2)
        self.assertIn("melampaui ekspektasi", wizard.guidance)  # 002 D.4.d, verbatim
        wizard.line_ids.filtered(lambda x: x.department_id == self.seksi).value = "istimewa"
        wizard.line_ids.filtered(lambda x: x.department_id == self.seksi_2).value = "baik"
        wizard.action_confirm()
        records = self.env["hr.kinerja.org.achievement"].search(
            [("period_id", "=", self.january.id)]
        )
        self.assertEqual(
            {(r.department_id, r.value, r.set_as) for r in records},
            {(self.seksi, "istimewa", "leader"), (self.seksi_2, "baik", "leader")},
        )
        self.assertEqual(records[0].set_by_id, self.kabid)
        # the wizard opened again shows what is set
        again = (
            self.env["hr.kinerja.org.achievement.wizard"]
            .with_user(self.kabid_user)
            .create({"period_id": self.january.id, "department_id": self.bidang.id})
        )
        self.assertEqual(set(again.line_ids.mapped("value")), {"istimewa", "baik"})

    def test_penetapan_data_of_the_units_below_002_d13(self):
        self._achieve(self.seksi, "istimewa")
        data = self.env["hr.kinerja.org.achievement"]._penetapan_data(self.bidang, self.january)
        self.assertEqual((data["leader"], data["period"]), (self.kabid.name, "Januari 2027"))
        self.assertEqual(
            [(u["name"], u["achievement"]) for u in data["units"]],
            [("Seksi Disiplin", None), ("Seksi Kinerja", "Istimewa")],
        )

    def test_wizard_opens_on_the_period_being_evaluated(self):
        with freeze_time("2027-02-03"):
            wizard = (
                self.env["hr.kinerja.org.achievement.wizard"]
                .with_user(self.kabid_user)
                .create({"department_id": self.bidang.id})
            )
        self.assertEqual(wizard.period_id, self._period(self.year, "month", 2))
        self.assertEqual(len(wizard.line_ids), 2)

    def test_no_achievement_for_a_unit_not_below_002_d4f(self):
        # the kasi leads the seksi: its achievement is the kabid's to set, not theirs
        with self.assertRaisesMsg(AccessError, "set by the leader of Bidang Penilaian"):
            self._achieve(self.seksi, "istimewa", user=self.kasi_user)
        # nor may the kabid set the badan's or the bidang's own
        with self.assertRaisesMsg(AccessError, "set by the leader of Badan Kepegawaian"):
            self._achieve(self.bidang, "istimewa", user=self.kabid_user)
        # and a plain employee none at all
        with self.assertRaises(AccessError):
            self._achieve(self.seksi_2, "baik", user=self.staff_users[0])

    def test_superior_sets_it_after_the_deadline_002_d11(self):
        deadline = self.january.date_org_achievement or self.january.date_evaluation
        with freeze_time(deadline):
            with self.assertRaises(AccessError):
                self._achieve(self.seksi, "baik", user=self.kaban_user)
        with freeze_time(date.fromordinal(deadline.toordinal() + 1)):
            record = self._achieve(self.seksi, "baik", user=self.kaban_user)
        self.assertEqual(record.set_as, "superior")
        self.assertEqual(record.set_by_id, self.kaban)

    def test_unset_becomes_butuh_perbaikan_when_the_window_opens_002_d12(self):
        Achievement = self.env["hr.kinerja.org.achievement"]
        self._achieve(self.seksi, "istimewa")
        opens = Achievement._window_opens(self.january)
        with freeze_time(date.fromordinal(opens.toordinal() - 1)):
            early = Achievement._cron_default_achievements()  # other agencies may be due
            self.assertFalse(early.filtered(lambda r: r.period_id.year_id == self.year))
        with freeze_time(opens):
            created = Achievement._cron_default_achievements()
            # too late for the leader now
            with self.assertRaisesMsg(AccessError, "evaluation window"):
                self._achieve(self.seksi_2, "baik")
        january = created.filtered(lambda r: r.period_id == self.january)
        self.assertIn(self.seksi_2, january.department_id)
        self.assertNotIn(self.seksi, january.department_id)  # set in time: kept
        seksi_2 = january.filtered(lambda r: r.department_id == self.seksi_2)
        self.assertEqual((seksi_2.value, seksi_2.set_as), ("butuh_perbaikan", "default"))
        self.assertEqual(
            Achievement.search(
                [("department_id", "=", self.seksi.id), ("period_id", "=", self.january.id)]
            ).value,
            "istimewa",
        )

    def test_annual_from_result_and_process_quadrant_002_d4e(self):
        Achievement = self.env["hr.kinerja.org.achievement"].with_user(self.kabid_user)
        with self.assertRaisesMsg(ValidationError, "rate both"):
            Achievement.create(
                {
                    "department_id": self.seksi.id,
                    "period_id": self.annual.id,
                    "result_rating": "di_atas",
                }
            )
        record = Achievement.create(
            {
                "department_id": self.seksi.id,
                "period_id": self.annual.id,
                "result_rating": "di_atas",
                "process_rating": "di_atas",
            }
        )
        self.assertEqual(record.value, "istimewa")
        record.write({"process_rating": "di_bawah"})
        self.assertEqual(record.value, "kurang")
        # the agency's corrected quadrant is what counts
        cell = self.env["hr.kinerja.org.quadrant"].search(
            [("result", "=", "sesuai"), ("process", "=", "sesuai")]
        )
        cell.achievement = "istimewa"
        record.write({"result_rating": "sesuai", "process_rating": "sesuai"})
        self.assertEqual(record.value, "istimewa")

    def test_wizard_annual_shows_the_quadrant_value(self):
        wizard = (
            self.env["hr.kinerja.org.achievement.wizard"]
            .with_user(self.kabid_user)
            .create({"period_id": self.annual.id, "department_id": self.bidang.id})
        )
        self.assertFalse(wizard.guidance)
        line = wizard.line_ids.filtered(lambda x: x.department_id == self.seksi)
        line.write({"result_rating": "sesuai", "process_rating": "di_atas"})
        self.assertEqual(line.quadrant_value, "baik")
        wizard.action_confirm()
        self.assertEqual(
            self.env["hr.kinerja.org.achievement"]._effective(self.seksi, self.annual)[
                self.seksi.id
            ][0],
            "baik",
        )


class TestAnnualFallback(KinerjaEvaluationCase):
    """003 section B.1.f: an annual achievement set after January of the next year
    gives way to the previous year's. Lima Puluh Kota: annual due 31 January."""

    PRESET = "lima_puluh_kota"
    PERIOD_TYPE = "quarterly"

    def test_late_annual_uses_previous_year(self):
        previous = self._open_year(self._calendar(), self.PRESET, "quarterly", year=2026)
        inspektorat = self.env["hr.department"].create(
            {"name": "Inspektorat", "kinerja_level": "ppt_pratama"}
        )
        Achievement = self.env["hr.kinerja.org.achievement"].with_user(self.officer)
        ratings = {"result_rating": "sesuai", "process_rating": "sesuai"}  # Baik
        Achievement.create(
            [
                dict(
                    ratings, department_id=unit.id, period_id=self._period(previous, "annual", 0).id
                )
                for unit in self.badan | inspektorat
            ]
        )
        top = {"result_rating": "di_atas", "process_rating": "di_atas"}  # Istimewa
        with freeze_time("2028-01-31"):
            on_time = Achievement.create(
                dict(top, department_id=inspektorat.id, period_id=self.annual.id)
            )
        with freeze_time("2028-02-01"):
            late = Achievement.create(
                dict(top, department_id=self.badan.id, period_id=self.annual.id)
            )
        self.assertEqual((on_time.value, late.value), ("istimewa", "istimewa"))
        self.assertEqual(on_time.set_as, "officer")
        effective = Achievement._effective(self.badan | inspektorat, self.annual)
        self.assertEqual(effective[inspektorat.id], ("istimewa", on_time))
        self.assertEqual(effective[self.badan.id][0], "baik")
