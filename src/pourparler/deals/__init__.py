"""Package-deal analysis: is there a deal every party able to block it prefers to continued war,
which one, and what stands in the way?

>>> from pourparler.deals import build_space, analyse_space  # doctest: +SKIP
"""

from pourparler.deals.analysis import analyse_space
from pourparler.deals.space import PackageSpace, build_space

__all__ = ["PackageSpace", "analyse_space", "build_space"]
