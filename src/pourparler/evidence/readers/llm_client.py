"""One chat-completions request with bounded retries: 429, 5xx, timeouts and dropped
connections are retried with exponential back-off (honouring ``Retry-After``), within a
per-request timeout and an overall deadline. Needs httpx (``pip install 'pourparler[llm]'``)."""

from __future__ import annotations

import email.utils
import time
from typing import TYPE_CHECKING, Any, NamedTuple

from pourparler.evidence.readers.base import ReaderError

if TYPE_CHECKING:
    import httpx

    from pourparler.evidence.readers.llm_settings import LLMSettings

RETRY_STATUS = frozenset({408, 429, 500, 502, 503, 504})
JSON_OBJECT_HINT = (
    "this server takes the schema as a json_object response format: set "
    'POURPARLER_LLM_FORMAT=json_object (or response_format = "json_object" in the settings)'
)


def _wants_json_object(body: dict[str, Any], answer: str) -> bool:
    """Whether a refused request asked for the OpenAI ``json_schema`` form of a server that
    names ``json_object`` as what it takes (llama-cpp-python's server does so)."""
    asked = body.get("response_format", {}).get("type")
    return asked == "json_schema" and "json_object" in answer and "json_schema" in answer


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class ChatClient:
    """Posts chat-completions requests to ``settings.url`` and returns the answer's text."""

    def __init__(self, settings: LLMSettings) -> None:
        try:
            import httpx
        except ImportError:
            from pourparler.errors import InputError

            raise InputError("--reader: llm: needs httpx (pip install 'pourparler[llm]')") from None
        self.settings = settings
        headers = {"Content-Type": "application/json"}
        if settings.key:
            headers["Authorization"] = f"Bearer {settings.key}"
        self._http = httpx.Client(headers=headers, follow_redirects=False)
        self._httpx = httpx
        self.requests = 0  # requests sent, retries included

    def close(self) -> None:
        self._http.close()

    @property
    def endpoint(self) -> str:
        return self.settings.url.rstrip("/") + "/chat/completions"

    def complete(self, body: dict[str, Any], deadline: float) -> Completion:
        """The content of the first choice's message and why the model stopped;
        :class:`ReaderError` when every attempt failed, the deadline passed or the server
        answered something else."""
        s = self.settings
        httpx = self._httpx
        why = "no attempt made"
        for attempt in range(s.attempts):
            left = deadline - time.monotonic()
            if left <= 0:
                raise ReaderError(f"{self.endpoint}: overall time limit reached ({why})")
            wait: float | None = None
            self.requests += 1
            try:
                resp = self._http.post(
                    self.endpoint, json=body, timeout=min(s.request_timeout, left)
                )
            except httpx.TimeoutException:
                why = f"no answer within {min(s.request_timeout, left):g} s"
            except httpx.TransportError as exc:
                why = f"connection failed ({type(exc).__name__}: {exc})"
            else:
                if resp.status_code == 200:
                    return _content(self.endpoint, resp)
                why = f"HTTP {resp.status_code}: {' '.join(resp.text[:200].split())}"
                if _wants_json_object(body, resp.text):
                    raise ReaderError(f"{self.endpoint}: {why}; {JSON_OBJECT_HINT}")
                if resp.status_code not in RETRY_STATUS:
                    raise ReaderError(f"{self.endpoint}: {why}")
                wait = retry_after(resp.headers.get("Retry-After"))
            if attempt + 1 == s.attempts:
                break
            pause = min(s.backoff * 2**attempt, s.max_backoff)
            if wait is not None:
                if wait > s.max_backoff:
                    raise ReaderError(
                        f"{self.endpoint}: {why}; Retry-After {wait:g} s is over the "
                        f"{s.max_backoff:g} s limit"
                    )
                pause = max(pause, wait)
            if time.monotonic() + pause >= deadline:
                raise ReaderError(f"{self.endpoint}: overall time limit reached ({why})")
            time.sleep(pause)
        raise ReaderError(f"{self.endpoint}: failed after {s.attempts} attempts ({why})")


class Completion(NamedTuple):
    """The text of an answer and the server's ``finish_reason`` ("stop", "length" when the
    answer was cut at ``max_tokens``, None when the server gives none)."""

    content: str
    finish_reason: str | None


def _content(endpoint: str, resp: httpx.Response) -> Completion:
    try:
        data = resp.json()
        choice = data["choices"][0]
        content = choice["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError):
        raise ReaderError(
            f"{endpoint}: not a chat-completions answer: {' '.join(resp.text[:200].split())}"
        ) from None
    if not isinstance(content, str):
        raise ReaderError(f"{endpoint}: the answer's message has no text content")
    reason = choice.get("finish_reason") if isinstance(choice, dict) else None
    return Completion(content, reason if isinstance(reason, str) else None)
