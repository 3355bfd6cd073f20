from . import test_delegation
from . import test_employee_nip
from . import test_evaluator
from . import test_period_guard
from . import test_preset
from . import test_security
from . import test_smoke
from . import test_year_period
