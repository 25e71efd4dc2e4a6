"""The client's IP address, read the same way for rate limits and login lockouts."""

from django.conf import settings


def client_ip(request) -> str | None:
    """Return the visitor's address, trusting X-Forwarded-For only behind known proxies.

    ``DJANGO_TRUSTED_PROXY_COUNT`` says how many proxies of ours append to the header.
    Each appends the address it saw, so the client is that many entries from the
    right; anything further left was written by the client and may be forged. With
    zero proxies the header is ignored altogether.
    """
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        hops = [
            hop.strip()
            for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if hop.strip()
        ]
        if len(hops) >= count:
            return hops[-count]
    return request.META.get("REMOTE_ADDR") or None
