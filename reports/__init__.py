from . import evaluation_report
