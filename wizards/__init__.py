from . import hr_kinerja_period_reopen_wizard
from . import hr_kinerja_skp_adjust_wizard
from . import hr_kinerja_skp_transfer_wizard
from . import hr_kinerja_skp_bulk_wizard
from . import hr_kinerja_feedback_request_wizard
from . import hr_kinerja_rhk_takeover_wizard
