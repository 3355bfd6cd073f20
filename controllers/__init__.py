from . import portal
from . import portal_skp
from . import portal_realisasi
