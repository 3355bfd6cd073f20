from . import skp_report
