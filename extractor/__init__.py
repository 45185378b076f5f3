"""plan-extractor: Vietnamese government plans (Kế hoạch nâng cao Chỉ số CCHC, SIPAS, PAPI …) → JSON.

Public API::

    from extractor import extract, extract_many, Settings
    result = extract("ke-hoach-18-KH-SNN.pdf")      # an Extraction (pydantic), never raises on bad input
    result.model_dump_json(indent=1)

Nothing heavy is imported here: readers and models load lazily, when a file needs them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Extraction", "Settings", "__version__", "extract", "extract_many"]

if TYPE_CHECKING:
    from extractor.pipeline import extract, extract_many
    from extractor.schema import Extraction
    from extractor.settings import Settings


def __getattr__(name: str) -> Any:
    if name in ("extract", "extract_many"):
        from extractor import pipeline

        return getattr(pipeline, name)
    if name == "Extraction":
        from extractor.schema import Extraction

        return Extraction
    if name == "Settings":
        from extractor.settings import Settings

        return Settings
    raise AttributeError(name)
