"""Line classifiers for page furniture: navigation, counters, share bars, image names, credits.

Each rule looks at one normalised line and is written for site and forum software in
general, not for one page. `chrome_reason` names the rule a line matches, or None when the
line may be content. Rules that need the lines around them (captions after a gallery
marker, donation pitches beside a "Support us" box) live in `captions.py` and `article.py`.
"""

from __future__ import annotations

import re

from archive.ingest.scraped.lines import word_set, words

# Words that make up menus, toolbars, share bars and section furniture. A line is navigation
# when every word is one of these or a glue word, with at least one of these among them.
_NAV_TEXT = """
    home forum forums members member search login logout log register registration back
    top bottom reply replies quote quotes share shares shared tweet tweets subscribe
    unsubscribe subscription menu advertisement advertisements advert ad ads sponsored
    trending popular related articles posts stories connect follow print email comments
    comment next previous prev latest recommended newsletter newsletters sign support
    whats facebook twitter whatsapp linkedin telegram reddit pinterest instagram youtube
    copy link save bookmark report edit close skip content navigation toggle contact
    privacy policy terms cookies cookie tags topics categories category archives videos
    photos watch listen explore donate contribute threads unread notifications alerts
    messages profile settings
"""
_GLUE_TEXT = "us with on in up to the and of you may also now more new read like for this our by"
NAV_WORDS = word_set(_NAV_TEXT)
GLUE_WORDS = word_set(_GLUE_TEXT)

_IMAGE_NAME = re.compile(
    r"^[\w\-.()%~+ ]+\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic)(?:\?\S*)?$", re.I
)
_NO_CONTENT = re.compile(r"^[^\w]*$")
_EMOJI_CODES = re.compile(r"(?<![\w:]):[a-z][a-z0-9_+\-]*:(?![\w:])")
_COUNTER = re.compile(
    r"^[\d.,]+\s*[kKmM]?\s*(?:comments?|replies|shares?|views?|likes?|reactions?|"
    r"min(?:ute)?s?\s+read|followers?|subscribers?)$|"
    r"^(?:comments?|shares?|views?|likes?|replies)\s*[(:]?\s*[\d.,]+[kKmM]?\)?$",
    re.I,
)
_GALLERY = re.compile(
    r"^(?:open|view|see|show|launch|enlarge|expand)\s+(?:the\s+)?(?:gallery|image|photo|"
    r"picture|slideshow)(?:\s+view)?$|^(?:click|tap)\s+to\s+(?:enlarge|expand|zoom)$|"
    r"^(?:photo|image|picture)\s+gallery$|^image caption,?$|^image source,?.{0,60}$|"
    r"^(?:gallery|slideshow)$",
    re.I,
)
_CREDIT_LABEL = r"(?:Photo credit|Image credit|Credit|Credits|Photo|Photograph|Picture|Image)"
_CREDIT_TAIL = re.compile(
    rf"(?:^|(?<=[\s.,;)\]\"”’]))\s*\(?{_CREDIT_LABEL}\s*:\s*([^.!?]{{1,80}}?)\)?$"
)
_BREADCRUMB_GLUED = re.compile(r"^Home(?=[A-Z])")
_BREADCRUMB_SPLIT = re.compile(r"^Home\s*(?:[>›»/|→]|::)\s*\S")
_PITCH_ASK = re.compile(
    r"\b(?:please\s+)?(?:contribute|donate|support\s+(?:us|our)|become\s+an?\s+"
    r"(?:member|subscriber|patron|supporter)|subscribe\s+(?:now|today|to\s+our))\b",
    re.I,
)
_PITCH_WE = re.compile(r"\b(?:we|our|us)\b", re.I)
_PITCH_YOU = re.compile(r"\b(?:you|your)\b", re.I)


def is_image_filename(line: str) -> bool:
    """A bare image file name left behind by an <img> tag (e.g. `3545651571.jpg`)."""
    return len(line) <= 120 and line.count(" ") <= 3 and bool(_IMAGE_NAME.match(line))


def is_separator(line: str) -> bool:
    """A line with no letters or digits: rules (`=====`), dot leaders (`. .`), bullets."""
    return bool(_NO_CONTENT.match(line))


def is_emoji_codes(line: str) -> bool:
    """A line made only of forum emoji short codes such as `:coffee: :lol:`."""
    if line.count(":") < 2:
        return False
    return bool(_EMOJI_CODES.search(line)) and not _EMOJI_CODES.sub("", line).strip()


def strip_emoji_codes(text: str) -> str:
    """The text without forum emoji short codes."""
    return " ".join(_EMOJI_CODES.sub(" ", text).split())


def is_navigation(line: str) -> bool:
    """A short line made only of menu, toolbar and section-furniture words."""
    if len(line) > 40:
        return False
    tokens = [w.replace("'", "") for w in words(line)]
    if not tokens or len(tokens) > 6:
        return False
    return all(t in NAV_WORDS or t in GLUE_WORDS for t in tokens) and any(
        t in NAV_WORDS for t in tokens
    )


def is_counter(line: str) -> bool:
    """A counter from a share bar or a thread list: `12 Comments`, `5 min read`, `Views: 1,024`."""
    return len(line) <= 40 and bool(_COUNTER.match(line))


def is_gallery_marker(line: str) -> bool:
    """A photo-gallery control or caption label: `Open gallery view`, `Image caption`."""
    return len(line) <= 80 and bool(_GALLERY.match(line))


def split_credit(line: str) -> tuple[str, str] | None:
    """(caption, credit) when the line ends with a photo credit such as `Credit: Ng Han Guan,AP`."""
    colon = line.rfind(":")
    if colon < 0 or len(line) - colon > 90:
        return None
    match = _CREDIT_TAIL.search(line, max(colon - 20, 0))
    if not match or len(match.group(1).split()) > 8:
        return None
    return line[: match.start()].strip(), match.group(1).strip()


def is_breadcrumb(line: str) -> bool:
    """A breadcrumb trail: `Home > World > ...` or the same with the separators lost."""
    return bool(_BREADCRUMB_GLUED.match(line) or _BREADCRUMB_SPLIT.match(line))


def is_teaser_of(line: str, later: str) -> bool:
    """True when `line` ends with an ellipsis and its text before it runs into `later`."""
    stem = line.rstrip(" .…")
    if stem == line or len(stem) < 20:
        return False
    tail = stem[-30:]
    return tail in later and len(later) > len(tail)


def is_pitch(line: str) -> bool:
    """A donation or subscription appeal: the site asking its readers for support."""
    return bool(_PITCH_ASK.search(line) and _PITCH_WE.search(line) and _PITCH_YOU.search(line))


def chrome_reason(line: str) -> str | None:
    """The name of the furniture rule a normalised line matches, or None."""
    if is_separator(line):
        return "separator"
    if is_image_filename(line):
        return "image file name"
    if is_emoji_codes(line):
        return "emoji codes"
    if is_gallery_marker(line):
        return "gallery control"
    if is_counter(line):
        return "counter"
    if is_navigation(line):
        return "navigation"
    if is_breadcrumb(line):
        return "breadcrumb"
    return None
