/** @odoo-module **/
// The employee portal (/my/kinerja) in the browser: on a phone the active tab is
// scrolled into view; the evidence inputs of the realisation sheet say at once when
// a file is too big (the server refuses it too, controllers/portal.py MAX_UPLOAD_MB).
import publicWidget from "@web/legacy/js/public/public_widget";
import { _t } from "@web/core/l10n/translation";

publicWidget.registry.KinerjaEvidenceSize = publicWidget.Widget.extend({
    selector: ".o_kinerja_portal",
    events: { "change input[type=file][data-max-mb]": "_onFileChange" },

    start() {
        const active = this.el.querySelector(".o_kinerja_tabs .nav-link.active");
        if (active && active.scrollIntoView) {
            active.scrollIntoView({ block: "nearest", inline: "center" });
        }
        return this._super(...arguments);
    },

    _onFileChange(ev) {
        const input = ev.currentTarget;
        const maxMb = parseFloat(input.dataset.maxMb);
        const tooBig = [...input.files].filter((file) => file.size > maxMb * 1024 * 1024);
        input.setCustomValidity("");
        if (tooBig.length) {
            input.setCustomValidity(
                _t("%s: an evidence file is at most %s MB.", tooBig.map((f) => f.name).join(", "), maxMb)
            );
            input.reportValidity();
            input.value = "";
        }
    },
});
