from . import portal
from . import portal_dialog
from . import portal_evaluation
from . import portal_feedback
from . import portal_team
from . import portal_skp
from . import portal_realisasi
from . import portal_keberatan
