"""Web addresses that a visitor can follow: a real public host, parsed, not pattern-matched.

A content field or a body link is shown to every visitor as a link, so an address must
name a host on the public internet as it is: no user name before the host
(`https://www.almi.se@evil.example.com/` goes to evil.example.com), no loopback or private
address (`http://127.0.0.1:8000/` is the editor's own machine), and a host name made of
real labels with a top-level domain (`https://./` is not one).
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

WEB_SCHEMES = ("http", "https")
# A DNS label (after IDNA encoding): letters, digits and hyphens, not at either end.
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
# A top-level domain: letters only, or an internationalised one (xn--…).
_TOP_LEVEL = re.compile(r"^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$")
# Names that resolve to the visitor's own machine or network, whatever DNS says.
_LOCAL_NAMES = ("localhost", "local", "localdomain", "internal", "home.arpa", "lan", "test", "invalid", "example")


def web_address_problem(url: str) -> str | None:
    """Why an absolute http(s) address is not one to link to, in Swedish; None when it is fine."""
    try:
        parts = urlsplit(url)
        port = parts.port  # raises ValueError for a port that is not a number
    except ValueError:
        return "adressen går inte att tolka som en webbadress"
    if parts.scheme.lower() not in WEB_SCHEMES:
        return "adressen börjar inte med https:// eller http://"
    if "@" in parts.netloc:
        return "adressen har ett namn före @ framför värddatorn, så länken leder någon annanstans än den ser ut"
    host = (parts.hostname or "").rstrip(".")
    if not host:
        return "adressen saknar ett värdnamn efter //"
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        address = None
    if address is not None:
        if not address.is_global:
            return f"adressen pekar på {host}, en lokal eller privat adress som besökare inte når"
        return None  # a public IP address is unusual but reachable
    try:
        ascii_host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return f"värdnamnet {host} är inte ett giltigt domännamn"
    labels = ascii_host.split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels) or not _TOP_LEVEL.match(labels[-1]):
        return f"värdnamnet {host} är inte ett fullständigt domännamn (till exempel www.almi.se)"
    if ascii_host in _LOCAL_NAMES or labels[-1] in _LOCAL_NAMES:
        return f"värdnamnet {host} finns bara i lokala nätverk"
    if port is not None and port == 0:
        return "adressen har port 0"
    return None
