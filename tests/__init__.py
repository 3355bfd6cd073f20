from . import test_employee_nip, test_evaluator, test_smoke
