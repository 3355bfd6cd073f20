/** @odoo-module **/
// The evidence inputs of the realisation sheet say at once when a file is too big
// (the server refuses it too, controllers/portal.py MAX_UPLOAD_MB).
import publicWidget from "@web/legacy/js/public/public_widget";
import { _t } from "@web/core/l10n/translation";

publicWidget.registry.KinerjaEvidenceSize = publicWidget.Widget.extend({
    selector: ".o_kinerja_portal",
    events: { "change input[type=file][data-max-mb]": "_onFileChange" },

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
