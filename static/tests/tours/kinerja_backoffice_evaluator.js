/** @odoo-module **/

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

const EMPLOYEE = "Analis Mutasi";
const QUANTITY = "Jumlah SK mutasi";
const TIME = "Waktu penyelesaian SK";

// The evaluator's month in the back office (issue 15): the section head opens the
// analyst's submitted realisation and marks it reviewed (no Submit for him, on it or
// on her draft), then rates her evaluation of the period and clicks Done.
registry.category("web_tour.tours").add("kinerja_backoffice_evaluator_month", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open ASN Performance",
            trigger: ".o_app[data-menu-xmlid='hr_kinerja_asn.hr_kinerja_menu_root']",
            run: "click",
        },
        {
            content: "During the Year",
            trigger: "button[data-menu-xmlid='hr_kinerja_asn.hr_kinerja_menu_monitoring']",
            run: "click",
        },
        {
            content: "Realisations",
            trigger: ".dropdown-item[data-menu-xmlid='hr_kinerja_asn.hr_kinerja_realisasi_menu']",
            run: "click",
        },
        {
            content: "Not only mine: remove the filter",
            trigger: ".o_searchview_facet:contains('Mine') .o_facet_remove",
            run: "click",
        },
        {
            content: "The analyst's submitted line offers Mark Reviewed, not Submit",
            trigger:
                `.o_data_row:contains('${EMPLOYEE}'):contains('${QUANTITY}')` +
                ":has(button[name=action_review]):not(:has(button[name=action_submit]))",
        },
        {
            content: "Her draft line offers no Submit to the evaluator",
            trigger:
                `.o_data_row:contains('${EMPLOYEE}'):contains('${TIME}'):contains('Draft')` +
                ":not(:has(button[name=action_submit])):not(:has(button[name=action_review]))",
        },
        {
            content: "Open the submitted line",
            trigger: `.o_data_row:contains('${EMPLOYEE}'):contains('${QUANTITY}') td[name=iki_id]`,
            run: "click",
        },
        {
            content: "No Submit for the evaluator on it",
            trigger:
                ".o_form_view:has(.o_statusbar_status button[data-value=submitted][aria-checked=true])" +
                ":has(button[name=action_review]):not(:has(button[name=action_submit]))",
        },
        {
            content: "Mark Reviewed",
            trigger: ".o_form_view button[name=action_review]",
            run: "click",
        },
        {
            content: "Reviewed, by him",
            trigger:
                ".o_form_view:has(.o_statusbar_status button[data-value=reviewed][aria-checked=true])" +
                ":not(:has(button[name=action_review])) div[name=reviewed_by_id]:contains('mon_kasi')",
        },
        {
            content: "Evaluation",
            trigger: "button[data-menu-xmlid='hr_kinerja_asn.hr_kinerja_menu_evaluation']",
            run: "click",
        },
        {
            content: "Evaluations",
            trigger: ".dropdown-item[data-menu-xmlid='hr_kinerja_asn.hr_kinerja_evaluation_menu']",
            run: "click",
        },
        {
            content: "Open the analyst's evaluation (I rate it)",
            trigger: `.o_list_view .o_data_row:contains('${EMPLOYEE}') td[name=employee_id]`,
            run: "click",
        },
        {
            content: "Results meet expectations",
            trigger: ".o_form_view div[name=result_rating] select",
            run: 'select "sesuai"',
        },
        {
            content: "Behaviour meets expectations",
            trigger: ".o_form_view div[name=behaviour_rating] select",
            run: 'select "sesuai"',
        },
        {
            content: "Done",
            trigger: ".o_form_view button[name=action_done]",
            run: "click",
        },
        {
            content: "Rated, and the ratings are read-only now",
            trigger:
                ".o_form_view:has(.o_statusbar_status button[data-value=rated][aria-checked=true])" +
                ":not(:has(div[name=result_rating] select)):not(:has(button[name=action_done]))",
        },
    ],
});
