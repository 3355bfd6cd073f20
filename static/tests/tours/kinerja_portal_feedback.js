/** @odoo-module **/

import { registry } from "@web/core/registry";

// The staff portal user gives feedback to a colleague on a core value, then opens
// an evaluation of theirs and sees its predicate.
registry.category("web_tour.tours").add("kinerja_portal_feedback", {
    url: "/my/kinerja",
    steps: () => [
        {
            content: "Open the feedback tab",
            trigger: ".o_kinerja_tabs a[href='/my/kinerja/feedback']",
            run: "click",
        },
        {
            content: "Give feedback",
            trigger: "a.o_kinerja_feedback_give",
            run: "click",
        },
        {
            content: "Choose the colleague",
            trigger: "a.o_kinerja_feedback_colleague:contains('Arsiparis')",
            run: "click",
        },
        {
            content: "About a core value",
            trigger: "#subject_core_value",
            run: "click",
        },
        {
            content: "Write the feedback",
            trigger: "#feedback_text",
            run: "edit Arsip layanan mutasi selalu rapi dan mudah dicari.",
        },
        {
            content: "Give it",
            trigger: "button.o_kinerja_feedback_submit",
            run: "click",
        },
        {
            content: "It is listed among the feedback given",
            trigger: ".o_kinerja_success",
        },
        {
            trigger: ".o_kinerja_feedback_text:contains('Arsip layanan mutasi selalu rapi')",
        },
        {
            content: "Open the evaluations",
            trigger: ".o_kinerja_tabs a[href='/my/kinerja/evaluation']",
            run: "click",
        },
        {
            content: "Open the rated evaluation",
            trigger: "a.o_kinerja_evaluation_item:contains('Baik')",
            run: "click",
        },
        {
            content: "The predicate is shown",
            trigger: ".o_kinerja_predicate:contains('Baik')",
        },
        {
            trigger: ".o_kinerja_quadrant_cell_mine",
        },
    ],
});
