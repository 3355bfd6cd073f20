/** @odoo-module **/

import { registry } from "@web/core/registry";

const FIRST_ROW = ".o_kinerja_realisasi_row:first-of-type";

registry.category("web_tour.tours").add("kinerja_portal_employee", {
    url: "/my/kinerja",
    steps: () => [
        {
            content: "Open the SKP waiting for my agreement",
            trigger: ".o_kinerja_due_skp_agree",
            run: "click",
        },
        {
            content: "The SKP shows its result plans",
            trigger: ".o_kinerja_rhk",
        },
        {
            content: "Agree the SKP",
            trigger: "button.o_kinerja_skp_agree",
            run: "click",
        },
        {
            content: "The SKP is agreed",
            trigger: ".o_kinerja_success",
        },
        {
            trigger: ".o_kinerja_skp_state:contains(Agreed)",
        },
        {
            content: "Go to the realisation sheet",
            trigger: ".o_kinerja_tabs a[href='/my/kinerja/realisasi']",
            run: "click",
        },
        {
            content: "Enter this period's value of the first indicator",
            trigger: `${FIRST_ROW} input[name^='value_']`,
            run: "edit 40",
        },
        {
            content: "Attach the evidence file",
            trigger: `${FIRST_ROW} input[type='file']`,
            run() {
                const file = new File(["%PDF-1.4\n%%EOF\n"], "bukti-januari.pdf", {
                    type: "application/pdf",
                });
                const transfer = new DataTransfer();
                transfer.items.add(file);
                this.anchor.files = transfer.files;
                this.anchor.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            content: "Save and submit",
            trigger: "button.o_kinerja_realisasi_submit",
            run: "click",
        },
        {
            content: "The realisation is submitted",
            trigger: ".o_kinerja_success",
        },
        {
            trigger: `${FIRST_ROW} .o_kinerja_line_state:contains(Submitted)`,
        },
        {
            content: "The evidence file is listed",
            trigger: `${FIRST_ROW} .o_kinerja_evidence_files a:contains(bukti-januari.pdf)`,
        },
    ],
});
