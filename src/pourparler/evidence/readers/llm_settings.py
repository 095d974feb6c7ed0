"""Where the language-model reader sends its requests, and its limits.

The endpoint, model and key come from the environment (``POURPARLER_LLM_URL``,
``POURPARLER_LLM_MODEL``, ``POURPARLER_LLM_KEY``; ``POURPARLER_LLM_FORMAT`` for the form of the
schema request), else from a settings file (TOML):
``$POURPARLER_LLM_SETTINGS``, else ``llm.toml`` in the user's config directory. They never come
from a scenario, which may be someone else's file.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pourparler.errors import InputError

SETTINGS_NAME = "llm.toml"
# How the answer's JSON schema is asked for: the OpenAI form (llama.cpp's llama-server, Ollama,
# vLLM, hosted services), or {"type": "json_object", "schema": ...} (llama-cpp-python's server).
RESPONSE_FORMATS = ("json_schema", "json_object")
# Where replayed settings send a request whose answer is not cached: the discard port of the
# loopback address, so it fails at once instead of reaching any server.
NO_SERVER = "http://127.0.0.1:9/v1"


def settings_path(env: Mapping[str, str] | None = None) -> Path:
    """``$POURPARLER_LLM_SETTINGS``, else ``llm.toml`` in the user's config directory."""
    env = os.environ if env is None else env
    if env.get("POURPARLER_LLM_SETTINGS"):
        return Path(env["POURPARLER_LLM_SETTINGS"])
    import platformdirs

    return Path(platformdirs.user_config_dir("pourparler")) / SETTINGS_NAME


def default_cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("pourparler")) / "llm"


@dataclass(frozen=True)
class LLMSettings:
    """An OpenAI-compatible chat-completions endpoint (``url`` ends before
    ``/chat/completions``, e.g. ``http://127.0.0.1:8080/v1``) and the reader's limits."""

    url: str
    model: str
    key: str | None = None
    request_timeout: float = 120.0  # seconds for one request
    total_timeout: float = 900.0  # seconds for all requests of one document, retries included
    attempts: int = 4  # per request, the first included
    backoff: float = 1.0  # seconds before the first retry; doubles each time
    max_backoff: float = 60.0  # longest pause between attempts (a longer Retry-After fails)
    chunk_chars: int = 6000  # characters of text per request
    max_tokens: int = 2048  # tokens of answer per request
    cache_dir: Path | None = None  # None: the user's cache directory
    response_format: str = "json_schema"  # one of RESPONSE_FORMATS

    def __post_init__(self) -> None:
        where = "llm settings"
        if not self.url.startswith(("http://", "https://")):
            raise InputError(f"{where}: url: {self.url!r}: not an http:// or https:// address")
        if not self.model.strip():
            raise InputError(f"{where}: model: empty")
        if self.response_format not in RESPONSE_FORMATS:
            raise InputError(
                f"{where}: response_format: {self.response_format!r}: not one of "
                + ", ".join(RESPONSE_FORMATS)
            )
        for name in ("request_timeout", "total_timeout", "backoff", "max_backoff"):
            value = getattr(self, name)
            if not 0 < value <= 86400:
                raise InputError(f"{where}: {name}: {value!r}: not between 0 and 86400 seconds")
        for name, low, high in (
            ("attempts", 1, 20),
            ("chunk_chars", 200, 1_000_000),
            ("max_tokens", 16, 1_000_000),
        ):
            value = getattr(self, name)
            if not low <= value <= high:
                raise InputError(f"{where}: {name}: {value!r}: not between {low} and {high}")

    @classmethod
    def replay(cls, cache_dir: Path, model: str) -> LLMSettings:
        """Settings that only read the answers ``model`` gave, cached in ``cache_dir`` (a
        recording); an answer not recorded fails at once (:data:`NO_SERVER`)."""
        return cls(url=NO_SERVER, model=model, cache_dir=cache_dir, attempts=1, request_timeout=2.0)

    @property
    def cache(self) -> Path:
        return self.cache_dir if self.cache_dir is not None else default_cache_dir()

    @classmethod
    def load(cls, env: Mapping[str, str] | None = None) -> LLMSettings:
        """Settings from the settings file, overridden by the environment; no endpoint or no
        model configured is bad input (one line saying how to configure it)."""
        env = os.environ if env is None else env
        path = settings_path(env)
        data = _read_file(path) if path.is_file() else {}
        if env.get("POURPARLER_LLM_SETTINGS") and not path.is_file():
            raise InputError(f"{path}: POURPARLER_LLM_SETTINGS: no such settings file")
        for field, var in ENV_VARS.items():
            if env.get(var):
                data[field] = env[var]
        for field, var in (("url", "POURPARLER_LLM_URL"), ("model", "POURPARLER_LLM_MODEL")):
            if not data.get(field):
                raise InputError(
                    f"{var}: not set: no language-model {'endpoint' if field == 'url' else field}"
                    f" configured (set {var} or '{field}' in {path})"
                )
        if "cache_dir" in data:
            data["cache_dir"] = Path(str(data["cache_dir"])).expanduser()
        return cls(**data)


ENV_VARS = {
    "url": "POURPARLER_LLM_URL",
    "model": "POURPARLER_LLM_MODEL",
    "key": "POURPARLER_LLM_KEY",
    "cache_dir": "POURPARLER_LLM_CACHE",
    "response_format": "POURPARLER_LLM_FORMAT",
}


def origins(env: Mapping[str, str] | None = None) -> dict[str, str]:
    """Where each setting comes from: its environment variable's name, the settings file's
    path, or "default"; a settings file that cannot be read is bad input."""
    env = os.environ if env is None else env
    path = settings_path(env)
    data = _read_file(path) if path.is_file() else {}
    out = {}
    for f in dataclasses.fields(LLMSettings):
        var = ENV_VARS.get(f.name)
        if var is not None and env.get(var):
            out[f.name] = var
        elif f.name in data:
            out[f.name] = str(path)
        else:
            out[f.name] = "default"
    return out


def _read_file(path: Path) -> dict[str, Any]:
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: settings: cannot read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: settings: not TOML ({exc})") from None
    fields = {f.name: f for f in dataclasses.fields(LLMSettings)}
    for name, value in data.items():
        if name not in fields:
            raise InputError(f"{path}: {name}: unknown setting (known: {', '.join(fields)})")
        want = fields[name].type
        if name in ("url", "model", "key", "cache_dir", "response_format"):
            ok = isinstance(value, str)
        elif "int" in str(want):
            ok = isinstance(value, int) and not isinstance(value, bool)
        else:
            ok = isinstance(value, int | float) and not isinstance(value, bool)
        if not ok:
            raise InputError(f"{path}: {name}: {value!r}: wrong type")
    return dict(data)
