"""`refresh`: a data file's BLS figures replaced by those of newer BLS tables, every other byte
of the file kept as written (comments, key order, quoting), the new vintage cited."""

from __future__ import annotations

import io
import os
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotated_types import MaxLen
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import FoldedScalarString

from ..errors import DataError, InputError, OutputError, Problem
from ..text.formats import vintage
from .advice import dataset_warnings
from .bls import EP_URL, OEWS_URL, PUBLISHER, ProjectionTable, Vintage, WageTable, vintage_of
from .facts import Dataset, Note, load_dataset, packaged_datasets, resolve_dataset
from .refreshrole import RoleEdit


@dataclass(frozen=True)
class Change:
    """One figure that changes: where (role id or `meta`/`sources`), the key, old and new."""

    role: str
    key: str
    old: str
    new: str


@dataclass(frozen=True)
class Refreshed:
    """What refreshing one data file gives: the new text, the changes, warnings and errors."""

    path: Path
    before: str
    after: str
    changes: tuple[Change, ...]
    warnings: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()  # roles that could not be refreshed, one line each
    packaged: bool = False
    crlf: bool = False  # the file's lines end in CR LF (Windows): kept so
    bom: bool = False  # the file starts with a byte-order mark: kept


def refresh_dataset(
    name_or_path: str | Path,
    wages: WageTable | None,
    projections: ProjectionTable | None,
    period: int | None = None,
) -> Refreshed:
    """The data file with the figures of `wages` and `projections` for every role that has an
    occupation code. Raises DataError when the file (before or after) does not validate and
    InputError when the tables' vintage is unknown; a role whose code a table lacks is an
    error line of the result, and the other roles are still refreshed."""
    path = resolve_dataset(name_or_path)
    dataset = load_dataset(path)
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    crlf = "\r\n" in text
    text = text.replace("\r\n", "\n")
    when = vintage_of(wages, projections, period)
    yaml = _yaml(text)
    doc = yaml.load(text)
    warnings: list[str] = []
    shown = path.name
    if _dump(yaml, doc) != text:
        warnings.append(
            f"{shown}: rewriting it also changes its indentation or line breaks, not only the "
            "figures: compare before you share it"
        )
    edit = RoleEdit(
        shown=shown,
        locale=dataset.meta.locale or "en_US",
        wages=wages,
        projections=projections,
        oews_id=f"bls-oews-{when.wages}" if when.wages else "",
        ep_id=f"bls-ep-{when.projections[0]}" if when.projections else "",
        salary_period=vintage(f"{when.wages}-05", dataset.meta.locale or "en_US")
        if when.wages
        else "",
        outlook_period=f"{when.projections[0]}–{when.projections[1]}" if when.projections else "",
    )
    for i, role in enumerate(dataset.roles):
        edit.role(i, role, doc["roles"][i])
    if edit.refreshed_wages:
        edit.set("meta", doc["meta"], "", "as_of", f"{when.wages}-05")
    _cite_new_sources(doc, edit, when)
    _add_notes(doc, edit)
    after = _dump(yaml, doc)
    refreshed = _validate(after, path)
    warnings += edit.warnings + _old_citations(doc, edit)
    warnings += dataset_warnings(refreshed, path)  # as `check` will: mixed vintages, age
    return Refreshed(
        path=path,
        before=text,
        after=after,
        changes=tuple(Change(*c) for c in edit.changes),
        warnings=tuple(warnings),
        errors=tuple(edit.errors),
        packaged=path in packaged_datasets().values(),
        crlf=crlf,
        bom=raw.startswith(b"\xef\xbb\xbf"),
    )


def write_refreshed(r: Refreshed) -> None:
    """Replace the data file with the refreshed text atomically (a temporary file in the same
    folder, then a rename); raises InputError for a packaged dataset, OutputError otherwise."""
    if r.packaged:
        raise InputError.at(
            r.path.name,
            "",
            "is a packaged dataset and cannot be changed: copy it into a folder of yours "
            "and refresh the copy",
        )
    body = r.after.replace("\n", "\r\n") if r.crlf else r.after
    data = ("\ufeff" if r.bom else "").encode() + body.encode("utf-8")
    tmp = None
    try:
        with tempfile.NamedTemporaryFile(
            dir=r.path.parent, prefix=f".{r.path.name}.", suffix=".tmp", delete=False
        ) as fh:
            tmp = Path(fh.name)
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, r.path.stat().st_mode & 0o7777)
        os.replace(tmp, r.path)
    except OSError as exc:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        raise OutputError.at(
            r.path, "", f"could not be rewritten ({exc.strerror}); it is unchanged"
        ) from None


def _yaml(text: str) -> YAML:
    from ruamel.yaml.util import load_yaml_guess_indent

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a line the author wrote
    try:
        _, indent, offset = load_yaml_guess_indent(text)
    except Exception:  # no guess (the strict reader read the file): the usual layout
        indent, offset = 4, 2
    yaml.indent(
        mapping=indent if offset is None else max(indent - offset, 2),
        sequence=indent,
        offset=offset or 0,
    )
    return yaml


def _dump(yaml: YAML, doc: Any) -> str:
    out = io.StringIO()
    yaml.dump(doc, out)
    return out.getvalue()


def _validate(text: str, path: Path) -> Dataset:
    """The refreshed text as a Dataset; DataError naming the data file when it breaks a rule."""
    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / path.name
        probe.write_text(text, encoding="utf-8")
        try:
            return load_dataset(probe)
        except DataError as exc:
            raise DataError(
                Problem(path.name, p.path, f"after the refresh: {p.message}", p.line)
                for p in exc.problems
            ) from None


def _cite_new_sources(doc: Any, edit: RoleEdit, when: Vintage) -> None:
    """List each new source next to the one it replaces; drop a replaced one no longer cited."""
    sources = doc["sources"]
    entries = {}  # id: (title, url, year published: the year after May or the base year)
    if when.wages:
        title = f"Occupational Employment and Wage Statistics, May {when.wages} national estimates"
        entries[edit.oews_id] = (title, OEWS_URL, when.wages + 1)
    if when.projections:
        first, last = when.projections
        title = f"Employment Projections {first}–{last % 100:02d}, occupation data"
        entries[edit.ep_id] = (title, EP_URL, first + 1)
    for old, new in edit.replaced.items():
        ids = [str(s.get("id")) for s in sources]
        if new in ids:
            continue
        title, url, year = entries[new]
        at = ids.index(old) + 1 if old in ids else len(sources)
        entry = [("id", new), ("title", title), ("publisher", PUBLISHER), ("url", url)]
        _insert(sources, at, CommentedMap([*entry, ("year", year)]))
        edit.changes.append(("sources", new, "", f"added: {title}"))
    cited = _cited(doc)
    for entry in list(sources):
        ident = str(entry.get("id"))
        if ident in edit.replaced and ident not in cited:
            sources.remove(entry)
            edit.changes.append(("sources", ident, "listed", "removed (no longer cited)"))


def _add_notes(doc: Any, edit: RoleEdit) -> None:
    """Append the note saying which percentiles the refresh left out and why: one note for
    every role's sentence, more only where one note would be too long. Raises DataError when
    the notes list has no room for it (nothing is written then)."""
    sentences = edit.notes()
    if not sentences:
        return
    if doc.get("notes") is None:
        doc["notes"] = CommentedSeq()
    notes = doc["notes"]
    have = {str(n.get("text", "")) for n in notes}
    texts = [t for t in _packed(sentences, _limit("text", Note)) if t not in have]
    room = _limit("notes", Dataset) - len(notes)
    if len(texts) > room:
        line = doc.lc.key("notes")[0] + 1 if "notes" in doc else None
        which = ", ".join(f"{name} ({title})" for name, title, _ in edit.left_out.values())
        raise DataError.at(
            edit.shown,
            "notes",
            f"holds {len(notes)} notes and refresh must add {len(texts)} saying which BLS "
            f"wages of {which} it leaves out and why, but a data file holds at most "
            f"{len(notes) + room}: merge two notes into one (or remove one), then refresh "
            "again; nothing was written",
            line,
        )
    for text in texts:
        note = CommentedMap([("text", _folded(text)), ("source", edit.oews_id)])
        _insert(notes, len(notes), note)
        edit.changes.append(("notes", f"notes[{len(notes) - 1}]", "", text))


def _packed(sentences: list[str], most: int) -> list[str]:
    """The sentences joined into as few texts of at most `most` characters as they fit."""
    texts: list[str] = []
    for sentence in sentences:
        if texts and len(texts[-1]) + 1 + len(sentence) <= most:
            texts[-1] += " " + sentence
        else:
            texts.append(sentence)
    return texts


def _limit(key: str, model: type[Any]) -> int:
    """The most entries (or characters) a key of the data file's model allows."""
    for rule in model.model_fields[key].metadata:
        if isinstance(rule, MaxLen):
            return rule.max_length
    raise LookupError(key)


def _insert(seq: Any, at: int, item: CommentedMap) -> None:
    """Insert `item`; at the end, the blank line or comment after the old last item moves
    below the new one, so that the list stays one block."""
    if at == len(seq) and seq and isinstance(seq[-1], CommentedMap) and seq[-1]:
        last = seq[-1]
        key = list(last.keys())[-1]
        tokens = last.ca.items.get(key)
        if tokens and len(tokens) > 2 and tokens[2] is not None:
            item.ca.items[list(item.keys())[-1]] = [None, None, tokens[2], None]
            tokens[2] = None
    seq.insert(at, item)


def _folded(text: str, width: int = 80) -> FoldedScalarString:
    """Long text as a folded block (`>-`) wrapped near `width`, like the notes people write."""
    folded = FoldedScalarString(text)
    folds, at = [], 0
    for line in textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)[:-1]:
        at = text.index(line, at) + len(line)
        folds.append(at)  # the space after the line, where it folds
    folded.fold_pos = folds  # type: ignore[attr-defined]
    return folded


def _cited(doc: Any) -> set[str]:
    """Every source id that a `source:` key anywhere in the file (but `sources:`) cites."""
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "source" and isinstance(v, str):
                    found.add(str(v))
                else:
                    walk(v)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for key, value in doc.items():
        if key != "sources":
            walk(value)
    return found


def _old_citations(doc: Any, edit: RoleEdit) -> list[str]:
    """Notes that still cite a replaced source: their words are about the old figures."""
    by_source: dict[str, list[str]] = {}
    for i, note in enumerate(doc.get("notes") or []):
        if str(note.get("source")) in edit.replaced:
            by_source.setdefault(str(note["source"]), []).append(f"notes[{i}]")
    return [
        f"{edit.shown}: {', '.join(keys)} {'cite' if len(keys) > 1 else 'cites'} {old}, the "
        "figures this refresh replaced: reword "
        f"them for {edit.replaced[old]} (the old source stays listed while they cite it)"
        for old, keys in by_source.items()
    ]
