/** @odoo-module **/

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

const LINK = "https://drive.kukarkab.go.id/mutasi/sk-januari.pdf";
const QUANTITY = "Jumlah SK mutasi";

// The employee's month in the back office (issue 15): the analyst opens the app on
// "My Realisations" of the open period (its landing page, issue 14), enters a value
// and an evidence link on a line, saves, submits the sheet, and sees her line
// Submitted - without "Mark Reviewed" or "Send Back" on it (the evaluator's buttons).
registry.category("web_tour.tours").add("kinerja_backoffice_employee_month", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open ASN Performance",
            trigger: ".o_app[data-menu-xmlid='hr_kinerja_asn.hr_kinerja_menu_root']",
            run: "click",
        },
        // The app opens on her sheet (hr.kinerja.progress.action_landing): no menu to
        // find - and no second load of the same list racing the click below.
        {
            content: "The sheet of the open period: one line per indicator",
            trigger: ".o_list_view .o_breadcrumb:contains('My Realisations')",
        },
        {
            content: "Every line is a draft",
            trigger: `.o_data_row:contains('${QUANTITY}') td[name=state]:contains('Draft')`,
        },
        {
            content: "Edit the cumulative value",
            trigger: `.o_data_row:contains('${QUANTITY}') td[name=value]`,
            run: "click",
        },
        {
            content: "Enter the value",
            trigger: ".o_data_row.o_selected_row td[name=value] input",
            run: "edit 40",
        },
        {
            content: "Enter the evidence link",
            trigger: ".o_data_row.o_selected_row td[name=evidence_links] textarea",
            run: `edit ${LINK}`,
        },
        {
            content: "Save the line",
            trigger: ".o_list_button_save:enabled",
            run: "click",
        },
        {
            content: "Saved",
            trigger: `.o_list_view:not(:has(.o_selected_row)) .o_data_row:contains('${QUANTITY}') td[name=evidence_links]:contains('${LINK}')`,
        },
        {
            content: "Submit the sheet",
            trigger: ".o_control_panel button[name=action_submit_sheet]",
            run: "click",
        },
        {
            content: "The line is submitted",
            trigger: `.o_data_row:contains('${QUANTITY}') td[name=state]:contains('Submitted')`,
        },
        {
            content: "Open the line",
            trigger: `.o_data_row:contains('${QUANTITY}') .o_list_record_open_form_view button`,
            run: "click",
        },
        {
            content: "The form shows it submitted",
            trigger: ".o_form_view .o_statusbar_status button[data-value=submitted][aria-checked=true]",
        },
        {
            content: "Neither Mark Reviewed, nor Send Back, nor Submit for her own submitted line",
            trigger:
                ".o_form_view:has(.o_statusbar_status button[data-value=submitted][aria-checked=true])" +
                ":not(:has(button[name=action_review])):not(:has(button[name=action_reopen]))" +
                ":not(:has(button[name=action_submit]))",
        },
        {
            content: "During the Year",
            trigger: "button[data-menu-xmlid='hr_kinerja_asn.hr_kinerja_menu_monitoring']",
            run: "click",
        },
        {
            content: "Realisations (mine)",
            trigger: ".dropdown-item[data-menu-xmlid='hr_kinerja_asn.hr_kinerja_realisasi_menu']",
            run: "click",
        },
        {
            content: "Her submitted line has no Mark Reviewed button in the list either",
            trigger:
                `.o_list_view .o_data_row:contains('${QUANTITY}'):contains('Submitted')` +
                ":not(:has(button[name=action_review]))",
        },
    ],
});
