"""The lesson file: one versioned JSON format for documents and presets.

A file looks like this (every key but ``format``, ``version``, ``network``
and ``dataset`` is optional)::

    {
      "format": "backprop-playground",
      "version": 1,
      "title": "XOR by hand",
      "description": {"en": "...", "ko": "..."},
      "network": {
        "sizes": [2, 2, 1], "activations": ["step", "step"], "loss": "mse",
        "bias": [true, true], "seed": 0, "init": "xavier",
        "weights": [[[-2, 2], [-2, 2]], [[1], [1]]],
        "biases": [[3, -1], [-1]]
      },
      "dataset": {
        "name": "xor", "kind": "classification",
        "inputs": [[0, 0], ...], "targets": [[0], ...],
        "split": ["train", ...], "input_names": ["x1", "x2"], "output_names": ["XOR"]
      },
      "training": {"optimizer": "sgd", "lr": 0.1, ...},
      "view": {"precision": 4}
    }

``weights[k][i][j]`` is the weight from node i of layer k to node j of layer
k+1, as in :mod:`model.network`.  Without ``weights`` the network is
initialised from ``seed`` and ``init``.

:func:`load` checks everything before it builds anything and raises
:class:`FileFormatError` with one sentence naming the field at fault; it
never returns a half-loaded document.  :func:`save` writes a temporary file
beside the target and renames it over the target only once it is complete.

This module turns documents into text and text into documents; the rules a
valid file follows, and the checks that enforce them, are in
:mod:`model.fileformat_checks` (the names it shares are re-exported here).
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import secrets
from pathlib import Path
from typing import Any

import numpy as np

from .dataset import SPLIT_NAMES
from .document import Document
from .fileformat_checks import (
    FORMAT,
    KINDS,
    SCHEDULE_PARAMS,
    VERSION,
    FileFormatError,
    NonFinite,
    from_dict,
    no_duplicate_keys,
)
from .settings import TrainingSettings

MAX_FILE_BYTES = 20 * 1024 * 1024

__all__ = [
    "FORMAT",
    "KINDS",
    "MAX_FILE_BYTES",
    "SCHEDULE_PARAMS",
    "VERSION",
    "FileFormatError",
    "atomic_write_text",
    "checked_text",
    "dumps",
    "from_dict",
    "load",
    "loads",
    "save",
    "to_dict",
]


# ===================================================================== writing
def _number_text(v: float, where: str) -> str:
    if not math.isfinite(v):
        raise FileFormatError(f"{where} is {v}; only finite numbers can be saved")
    if v == int(v) and abs(v) < 2**53 and not (v == 0 and math.copysign(1.0, v) < 0):
        return str(int(v))  # 100 rather than 100.0: easier to read, the same float when read back
    return repr(v)  # the shortest text that reads back bit for bit


def _encode(obj: Any, where: str, indent: int = 0) -> str:
    """JSON text with one key per line and lists of numbers or strings on one line."""
    pad, inner = "  " * indent, "  " * (indent + 1)
    if isinstance(obj, np.ndarray):
        obj = obj.tolist()
    if obj is None or isinstance(obj, (bool, np.bool_)):
        return json.dumps(None if obj is None else bool(obj))
    if isinstance(obj, (int, np.integer)):
        return str(int(obj))
    if isinstance(obj, (float, np.floating)):
        return _number_text(float(obj), where)
    if isinstance(obj, str):
        return json.dumps(obj, ensure_ascii=False)
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        items = []
        for key, value in obj.items():
            if not isinstance(key, str):
                raise FileFormatError(f"{where or 'the document'} has a key {key!r} that is not text")
            text = _encode(value, f"{where}.{key}" if where else key, indent + 1)
            items.append(f"{inner}{json.dumps(key, ensure_ascii=False)}: {text}")
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(obj, (list, tuple)):
        parts = [_encode(v, f"{where}[{i}]", indent + 1) for i, v in enumerate(obj)]
        if all(not isinstance(v, (list, tuple, dict, np.ndarray)) for v in obj):
            return "[" + ", ".join(parts) + "]"
        return "[\n" + ",\n".join(inner + p for p in parts) + "\n" + pad + "]"
    raise FileFormatError(f"{where} is of type {type(obj).__name__}, which a lesson file cannot hold")


def to_dict(doc: Document) -> dict[str, Any]:
    """The document as plain JSON-ready data (numbers as Python floats)."""
    net, ds = doc.network, doc.dataset
    return {
        "format": FORMAT,
        "version": VERSION,
        "title": doc.title,
        "description": dict(doc.description),
        "network": {
            "sizes": list(net.sizes),
            "activations": list(net.activations),
            "loss": net.loss,
            "bias": list(net.bias),
            "seed": int(net.seed),
            "init": net.init,
            "weights": [w.tolist() for w in net.weights],
            "biases": [b.tolist() for b in net.biases],
        },
        "dataset": {
            "name": ds.name,
            "kind": ds.kind,
            "inputs": ds.X.tolist(),
            "targets": ds.Y.tolist(),
            "split": [SPLIT_NAMES[int(s)] for s in ds.split],
            "input_names": list(ds.input_names),
            "output_names": list(ds.output_names),
        },
        "training": {f.name: getattr(doc.training, f.name) for f in dataclasses.fields(TrainingSettings)},
        "view": dict(doc.view),
    }


def dumps(doc: Document) -> str:
    """The document as lesson-file text (UTF-8 JSON, Korean left readable)."""
    return _encode(to_dict(doc), "") + "\n"


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that a crash or error leaves the old file as it was.

    The text goes to a temporary file in the same folder, is flushed to disk,
    and only then renamed over ``path`` (a rename within a folder is atomic).
    """
    path = Path(path)
    data = text.encode("utf-8")
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    try:  # make the rename itself durable; not every platform can open a folder
        dir_fd = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def save(doc: Document, path: str | Path) -> None:
    """Save ``doc`` to ``path`` atomically; on any error the old file survives untouched.

    The text is read back through :func:`loads` first, so a document that
    could not be opened again (say, data narrower than the network) raises
    FileFormatError instead of being written.
    """
    text = checked_text(doc)
    atomic_write_text(Path(path), text)


def checked_text(doc: Document) -> str:
    """The lesson-file text of ``doc``, or FileFormatError if :func:`loads` would refuse it.

    Save and autosave both write only what this returns, so nothing is ever
    written that could not be opened again.
    """
    text = dumps(doc)
    loads(text)  # every rule, model.document.check's included, with the field at fault named
    return text


# ===================================================================== reading
def loads(text: str | bytes) -> Document:
    """Parse and check lesson-file text; raises :class:`FileFormatError` naming the field at fault."""
    if isinstance(text, bytes):
        if len(text) > MAX_FILE_BYTES:
            raise FileFormatError(f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise FileFormatError(f"the file is not UTF-8 text (byte {exc.start} cannot be read)") from None
    elif len(text) > MAX_FILE_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        raise FileFormatError(f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    text = text.removeprefix("\ufeff")
    try:
        data = json.loads(text, parse_constant=NonFinite, object_pairs_hook=no_duplicate_keys)
    except json.JSONDecodeError as exc:
        raise FileFormatError(
            f"the file is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
    except RecursionError:
        raise FileFormatError("the file is not valid JSON: it is nested too deeply") from None
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits (Python's int-from-text limit)
        raise FileFormatError(f"the file holds a value that cannot be read: {exc}") from None
    try:
        return from_dict(data)
    except RecursionError:  # json parses deeper nesting than the checks can walk
        raise FileFormatError("the file is nested too deeply to be a lesson file") from None


def load(path: str | Path) -> Document:
    """Read a lesson file.  Raises FileFormatError for bad content, OSError if it cannot be read."""
    p = Path(path)
    size = p.stat().st_size
    if size > MAX_FILE_BYTES:
        raise FileFormatError(
            f"{p.name} is {size / (1024 * 1024):.1f} MB; lesson files are at most {MAX_FILE_BYTES // (1024 * 1024)} MB"
        )
    with p.open("rb") as f:
        raw = f.read(MAX_FILE_BYTES + 1)  # the file may have grown since stat
    return loads(raw)
