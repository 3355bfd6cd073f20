from . import pembinaan_report
