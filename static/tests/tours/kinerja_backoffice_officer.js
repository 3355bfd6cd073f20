/** @odoo-module **/

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// An HR officer's month in the back office (issue 15): from the performance calendar
// she opens January, generates its evaluations, follows the smart button to them,
// comes back and locks the period. She leads no unit: no Set Unit Achievements.
registry.category("web_tour.tours").add("kinerja_backoffice_officer_month", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open ASN Performance",
            trigger: ".o_app[data-menu-xmlid='hr_kinerja_asn.hr_kinerja_menu_root']",
            run: "click",
        },
        {
            content: "Performance Calendar",
            trigger: "button[data-menu-xmlid='hr_kinerja_asn.hr_kinerja_menu_calendar']",
            run: "click",
        },
        {
            content: "Periods",
            trigger: ".dropdown-item[data-menu-xmlid='hr_kinerja_asn.hr_kinerja_period_menu']",
            run: "click",
        },
        {
            content: "Ungrouped: remove the Year grouping",
            trigger: ".o_searchview_facet:has(.o_facet_value:contains('Year')) .o_facet_remove",
            run: "click",
        },
        {
            content: "Open January",
            trigger: ".o_list_view .o_data_row:contains('January') td[name=name]",
            run: "click",
        },
        {
            content: "Open, no evaluation yet, no Set Unit Achievements for her",
            trigger:
                ".o_form_view:has(.o_statusbar_status button[data-value=open][aria-checked=true])" +
                ":not(:has(button[name=action_org_achievement_wizard]))" +
                ":has(button[name=action_view_evaluations]:contains('0'))" +
                " button[name=action_generate_evaluations]",
            run: "click",
        },
        {
            content: "The evaluations are counted on the smart button",
            trigger: ".o_form_view button[name=action_view_evaluations]:not(:contains('0 '))",
            run: "click",
        },
        {
            content: "The month's evaluations, by distribution: the section's among them",
            trigger: ".o_list_view .o_group_header:contains('Seksi Mutasi')",
        },
        {
            content: "Back to January",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains('January')",
            run: "click",
        },
        {
            content: "Lock Now",
            trigger: ".o_form_view button[name=action_lock]",
            run: "click",
        },
        {
            content: "Confirm the lock",
            trigger: ".modal footer .btn-primary",
            run: "click",
        },
        {
            content: "Locked: Reopen instead of Lock Now and Generate",
            trigger:
                ".o_form_view:has(.o_statusbar_status button[data-value=locked][aria-checked=true])" +
                ":not(:has(button[name=action_lock])):not(:has(button[name=action_generate_evaluations]))" +
                " button[name=action_reopen_wizard]",
        },
    ],
});
