from . import (
    hr_department,
    hr_employee,
    hr_employee_base,
    hr_kinerja_delegation,
    hr_kinerja_org_quadrant,
    hr_kinerja_pangkat,
    hr_kinerja_period,
    hr_kinerja_period_guard,
    hr_kinerja_period_reopen,
    hr_kinerja_preset,
    hr_kinerja_year,
)
