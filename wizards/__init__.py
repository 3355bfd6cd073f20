from . import hr_kinerja_period_reopen_wizard
