/** @odoo-module **/

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

const SEKSI = "Seksi Mutasi";

function openEvaluationMenu(xmlid) {
    return [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open ASN Performance",
            trigger: ".o_app[data-menu-xmlid='hr_kinerja_asn.hr_kinerja_menu_root']",
            run: "click",
        },
        {
            content: "Evaluation",
            trigger: "button[data-menu-xmlid='hr_kinerja_asn.hr_kinerja_menu_evaluation']",
            run: "click",
        },
        {
            content: "Open the menu item",
            trigger: `.dropdown-item[data-menu-xmlid='hr_kinerja_asn.${xmlid}']`,
            run: "click",
        },
    ];
}

// A unit leader's month in the back office (issue 15), part 1: the head of the
// Bidang sets the month's achievement of the section below it (002 D.4.f) from
// the menu - the wizard opens on his unit with a line per unit below it.
registry.category("web_tour.tours").add("kinerja_backoffice_leader_achievements", {
    url: "/odoo",
    steps: () => [
        ...openEvaluationMenu("hr_kinerja_org_achievement_wizard_menu"),
        {
            content: "The wizard lists the section below his unit: click its achievement",
            trigger: `.modal .o_data_row:contains('${SEKSI}') td[name=value]`,
            run: "click",
        },
        {
            content: "Seksi Mutasi: Istimewa",
            trigger: `.modal .o_data_row:contains('${SEKSI}') td[name=value] select`,
            run: 'select "istimewa"',
        },
        {
            content: "Set Achievements",
            trigger: ".modal footer button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The wizard closed",
            trigger: "body:not(:has(.modal .o_form_view))",
        },
    ],
});

// Part 2: the head of the Seksi Mutasi, whose achievement is now set, opens his
// section's distribution, proposes it, applies the proposal and confirms.
registry.category("web_tour.tours").add("kinerja_backoffice_leader_distribution", {
    url: "/odoo",
    steps: () => [
        ...openEvaluationMenu("hr_kinerja_distribution_menu"),
        {
            content: "Open his section's distribution",
            trigger: `.o_list_view .o_data_row:contains('${SEKSI}') td.o_data_cell:first`,
            run: "click",
        },
        {
            content: "A draft he may propose and confirm",
            trigger:
                ".o_form_view:has(.o_statusbar_status button[data-value=draft][aria-checked=true])" +
                ":has(button[name=action_confirm]) button[name=action_open_proposal]",
            run: "click",
        },
        {
            content: "The proposal lists the analyst",
            trigger: ".modal .o_data_row:contains('Analis Mutasi')",
        },
        {
            content: "Apply and Confirm",
            trigger: ".modal footer button[name=action_apply_confirm]",
            run: "click",
        },
        {
            content: "Confirmed: no Confirm button any more, Reset to Draft instead",
            trigger:
                ".o_form_view:has(.o_statusbar_status button[data-value=confirmed][aria-checked=true])" +
                ":not(:has(button[name=action_confirm])) button[name=action_reset]",
        },
    ],
});
