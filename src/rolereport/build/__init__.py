"""From files to outputs: the pipeline (load, report, render, write atomically), build
stamps that skip unchanged builds, workers, batch builds, watch mode, previews and the
`init` starter folder."""

from .batch import Outcome, build_many
from .pipeline import BuildResult, build
from .watch import Watcher

__all__ = ["BuildResult", "Outcome", "Watcher", "build", "build_many"]
