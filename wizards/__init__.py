from . import hr_kinerja_period_reopen_wizard
from . import hr_kinerja_skp_adjust_wizard
from . import hr_kinerja_skp_transfer_wizard
from . import hr_kinerja_skp_bulk_wizard
