from . import pembinaan_report
from . import skp_report
