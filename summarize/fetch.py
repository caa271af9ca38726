"""Fetch web pages and feeds by URL: urllib3 through trafilatura's connection pool.

Every fetch has a time limit and a size limit, follows a few redirects (the document's URL is the
final one), and ends in a page or in one clear line that says why not. By default, like
trafilatura itself, it refuses addresses on this machine or the local network, so a briefing
service cannot be turned against its own network; ``private=True`` (``--private-urls``) allows
them for intranet pages and for tests.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from urllib.parse import urljoin

from .defaults import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT
from .errors import InputError, too_large

__all__ = ["DEFAULT_TIMEOUT", "Fetched", "fetch", "is_url"]

_MAX_REDIRECTS = 5
_URL = re.compile(r"^https?://[^\s/?#]+", re.IGNORECASE)


def is_url(text: str) -> bool:
    return bool(_URL.match(text))


@dataclass(frozen=True)
class Fetched:
    """A downloaded resource: the final URL after redirects, its bytes and its content type."""

    url: str
    data: bytes
    content_type: str
    charset: str | None = None


def _reason(error: BaseException, timeout: float) -> str:
    """One short line for why a download failed."""
    import urllib3

    cause = error.reason if isinstance(error, urllib3.exceptions.MaxRetryError) and error.reason else error
    text = str(cause).lower()
    if "ssrf" in text or "non-public address" in text:  # before timeouts: urllib3 files it under them
        return "refused: the address is on this machine or a private network (allow it with --private-urls)"
    if "refused" in text:
        return "connection refused"
    if isinstance(cause, urllib3.exceptions.NameResolutionError) or "resolve" in text or "name or service" in text:
        return "host not found"
    if isinstance(cause, (urllib3.exceptions.TimeoutError, TimeoutError)) or "timed out" in text:
        return f"no answer within {timeout:g} s"
    if "redirect" in text:
        return f"more than {_MAX_REDIRECTS} redirects"
    if isinstance(cause, urllib3.exceptions.SSLError) or "certificate" in text:
        return "secure connection failed"
    return "download failed: " + (str(cause).splitlines() or ["unknown error"])[0][:120]


def fetch(url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES,
          private: bool = False) -> Fetched:
    """Download ``url`` within ``timeout`` seconds in all and ``max_bytes`` (after decompression);
    raise :class:`InputError` with a one-line reason when it fails. Redirects are followed (at
    most five); nothing is retried, so the time limit is the whole wait."""
    import certifi
    import urllib3
    from trafilatura.downloads import create_pool

    from . import __version__

    # trafilatura's pool vets every connection's address (redirects included) when asked to.
    pool = create_pool(ssrf_protection=not private, ca_certs=certifi.where(), cert_reqs="CERT_REQUIRED")
    retries = urllib3.util.Retry(total=_MAX_REDIRECTS, redirect=_MAX_REDIRECTS, connect=0, read=0, status=0,
                                 other=0, raise_on_redirect=True, raise_on_status=False)
    deadline = time.monotonic() + timeout
    headers = {**urllib3.util.make_headers(accept_encoding=True), "User-Agent": f"summarize/{__version__}"}
    try:
        response = pool.request("GET", url, headers=headers, retries=retries,
                                timeout=urllib3.util.Timeout(total=timeout), preload_content=False)
        try:
            if response.status != 200:
                raise InputError(f"{url}: the server answered HTTP {response.status}")
            chunks, size = [], 0
            for chunk in response.stream(1 << 16, decode_content=True):
                size += len(chunk)
                if size > max_bytes:
                    raise too_large(f"{url}:", max_bytes)
                if time.monotonic() > deadline:
                    raise InputError(f"{url}: no answer within {timeout:g} s")
                chunks.append(chunk)
        finally:
            response.release_conn()
    except InputError:
        raise
    except (urllib3.exceptions.HTTPError, OSError) as error:
        raise InputError(f"{url}: {_reason(error, timeout)}") from None
    final = urljoin(url, response.geturl() or url)
    content_type, _, parameters = (response.headers.get("content-type") or "").partition(";")
    charset = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", parameters, re.IGNORECASE)
    return Fetched(url=final, data=b"".join(chunks), content_type=content_type.strip().lower(),
                   charset=charset.group(1) if charset else None)
