"""What is known about a scenario object without being part of the scenario (so neither in
its file nor in its digest): the what-if changes that made it, what its reader could not carry
over as written. Kept beside the object, for as long as it lives."""

from __future__ import annotations

import weakref
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Attached(Generic[T]):
    """A value per live object, ``default`` for any other (a new object that reuses a dead
    one's id included)."""

    def __init__(self, default: T) -> None:
        self._default = default
        self._entries: dict[int, tuple[weakref.ref[Any], T]] = {}

    def get(self, obj: object) -> T:
        entry = self._entries.get(id(obj))
        if entry is None or entry[0]() is not obj:
            return self._default
        return entry[1]

    def set(self, obj: object, value: T) -> None:
        key = id(obj)
        self._entries[key] = (weakref.ref(obj), value)
        weakref.finalize(obj, self._entries.pop, key, None)
