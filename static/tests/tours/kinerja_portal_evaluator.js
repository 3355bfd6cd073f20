/** @odoo-module **/

import { registry } from "@web/core/registry";

// The evaluator in the portal (issue 12): the section head accepts a submitted
// realisation of the analyst's and rates the analyst's evaluation.
registry.category("web_tour.tours").add("kinerja_portal_evaluator", {
    url: "/my/kinerja",
    steps: () => [
        {
            content: "Open the team",
            trigger: ".o_kinerja_tabs a[href='/my/kinerja/team']",
            run: "click",
        },
        {
            content: "The analyst waits for a review",
            trigger: ".o_kinerja_team_member:contains('Analis Mutasi') .o_kinerja_due_review",
            run: "click",
        },
        {
            content: "Accept the first submitted realisation",
            trigger: ".o_kinerja_review_submitted .o_kinerja_accept",
            run: "click",
        },
        {
            content: "It is accepted",
            trigger: ".o_kinerja_success",
        },
        {
            content: "Back to the team",
            trigger: ".o_kinerja_tabs a[href='/my/kinerja/team']",
            run: "click",
        },
        {
            content: "Rate the analyst",
            trigger: ".o_kinerja_team_member:contains('Analis Mutasi') .o_kinerja_due_rate",
            run: "click",
        },
        {
            content: "The suggestions are beside the choice",
            trigger: ".o_kinerja_suggestions",
        },
        {
            content: "Results meet expectations",
            trigger: "input#result_rating_sesuai",
            run: "click",
        },
        {
            content: "Behaviour meets expectations",
            trigger: "input#behaviour_rating_sesuai",
            run: "click",
        },
        {
            content: "Done",
            trigger: ".o_kinerja_rating_done",
            run: "click",
        },
        {
            content: "Rated, with the quadrant's predicate",
            trigger: ".o_kinerja_success",
        },
        {
            content: "The predicate is Baik",
            trigger: ".o_kinerja_quadrant:contains('Baik')",
        },
    ],
});
