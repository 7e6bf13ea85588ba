"""The slide plan and the run sheet: which slides the deck has, what each is for, what goes
in which frame, measured to fit; and the facilitator's run sheet built from that plan. Pure
data, no python-pptx: the deck writer and the guide both read it."""

from .runsheet import run_sheet
from .slides import plan_slides

__all__ = ["plan_slides", "run_sheet"]
