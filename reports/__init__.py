from . import pembinaan_report
from . import skp_report
from . import xlsx_distribution_recap
from . import xlsx_distribution_summary
from . import xlsx_evaluation_tpp
from . import xlsx_year_tpp
from . import xlsx_skp_contents
from . import evaluation_report
