"""What a password must be, after NIST SP 800-63B (5.1.1.2): long enough, and not one that
attackers try first - a common password (or one with digits and symbols added to it), the
user's own name or the service's, a run of one character, a repeated pattern or a keyboard
or counting sequence. No rules about mixing character kinds: length does the work, and a
passphrase of ordinary words is welcome.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from archive.errors import InvalidValue

MIN_LENGTH = 12
MAX_LENGTH = 1024  # argon2 takes any length; a bound keeps hashing cheap to refuse
SERVICE_WORDS = ("cuttings",)
SEQUENCES = (
    "abcdefghijklmnopqrstuvwxyz",
    "0123456789",
    "qwertyuiopasdfghjklzxcvbnm",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
    "zaq1xsw2cde3vfr4bgt5nhy6mju7ki8lo9p0",
    "q1w2e3r4t5y6u7i8o9p0",
)
_AFFIXES = re.compile(r"^[\W\d_]+|[\W\d_]+$")


@cache
def common_passwords() -> frozenset[str]:
    """The shipped list (archive/common-passwords.txt), lower case."""
    text = resources.files("archive").joinpath("common-passwords.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def check_password(password: str, *, name: str | None = None) -> str:
    """The password if it may be used; InvalidValue saying why not."""
    if not isinstance(password, str) or len(password) < MIN_LENGTH:
        raise InvalidValue(
            f"the password must have at least {MIN_LENGTH} characters "
            "(a few ordinary words make a good one)"
        )
    if len(password) > MAX_LENGTH:
        raise InvalidValue(f"the password may have at most {MAX_LENGTH} characters")
    reason = weakness(password, name=name)
    if reason:
        raise InvalidValue(f"the password is too easy to guess: {reason}; choose another")
    return password


def weakness(password: str, *, name: str | None = None) -> str | None:
    """Why attackers would guess this password early, or None."""
    folded = password.casefold()
    core = _AFFIXES.sub("", folded)  # "Password2024!" -> "password"
    squeezed = re.sub(r"[\W_]+", "", folded)
    if name and name.casefold() in (folded, core, squeezed):
        return "it is the user name"
    if any(word in (core, squeezed) for word in SERVICE_WORDS):
        return "it is the name of this service"
    common = common_passwords()
    if folded in common or core in common or squeezed in common:
        return "it is on the list of common passwords"
    if len(set(folded)) <= 2:
        return "it repeats one or two characters"
    if _repeats_a_pattern(folded):
        return "it repeats a short pattern"
    if _is_sequence(squeezed):
        return "it is a keyboard or counting sequence"
    return None


def _repeats_a_pattern(text: str) -> bool:
    """ "abcabcabcabc", "iloveyouiloveyou": the whole is some shorter part, repeated."""
    return (text + text).find(text, 1) < len(text)


def _is_sequence(text: str) -> bool:
    """Part of the alphabet, the digits or a keyboard row, forwards or backwards, around
    the end and on again ("123456789012")."""
    return any(text in seq * 3 or text in (seq * 3)[::-1] for seq in SEQUENCES)
