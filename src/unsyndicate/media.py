"""Media embeds: players, social embeds and links to media files, named by provider."""

from __future__ import annotations

import functools
import re
from urllib.parse import urlsplit

from selectolax.lexbor import LexborNode

from .clean import clean
from .model import Media

# host suffix -> (provider, kind)
PROVIDERS: dict[str, tuple[str, str]] = {
    "youtube.com": ("YouTube", "video"),
    "youtube-nocookie.com": ("YouTube", "video"),
    "youtu.be": ("YouTube", "video"),
    "vimeo.com": ("Vimeo", "video"),
    "dailymotion.com": ("Dailymotion", "video"),
    "dai.ly": ("Dailymotion", "video"),
    "rumble.com": ("Rumble", "video"),
    "bitchute.com": ("BitChute", "video"),
    "odysee.com": ("Odysee", "video"),
    "soundcloud.com": ("SoundCloud", "audio"),
    "spotify.com": ("Spotify", "audio"),
    "podcasts.apple.com": ("Apple Podcasts", "audio"),
    "podbean.com": ("Podbean", "audio"),
    "buzzsprout.com": ("Buzzsprout", "audio"),
    "simplecast.com": ("Simplecast", "audio"),
    "libsyn.com": ("Libsyn", "audio"),
    "acast.com": ("Acast", "audio"),
    "megaphone.fm": ("Megaphone", "audio"),
    "omny.fm": ("Omny", "audio"),
    "anchor.fm": ("Anchor", "audio"),
    "art19.com": ("ART19", "audio"),
    "spreaker.com": ("Spreaker", "audio"),
    "music.apple.com": ("Apple Music", "audio"),
    "jwplayer.com": ("JW Player", "video"),
    "jwplatform.com": ("JW Player", "video"),
    "brightcove.net": ("Brightcove", "video"),
    "wistia.com": ("Wistia", "video"),
    "wistia.net": ("Wistia", "video"),
    "streamable.com": ("Streamable", "video"),
    "twitch.tv": ("Twitch", "video"),
    "ted.com": ("TED", "video"),
    "twitter.com": ("X", "embed"),
    "x.com": ("X", "embed"),
    "instagram.com": ("Instagram", "embed"),
    "facebook.com": ("Facebook", "embed"),
    "tiktok.com": ("TikTok", "embed"),
}
_FILE_KINDS = {
    **dict.fromkeys(("mp4", "webm", "mov", "m4v", "ogv", "m3u8", "mpd"), "video"),
    **dict.fromkeys(("mp3", "m4a", "aac", "oga", "ogg", "wav", "flac", "opus"), "audio"),
}
_EXTENSION = re.compile(r"\.([a-z0-9]{2,4})$", re.IGNORECASE)
_LONE_URL = re.compile(r"^<?(https?://\S+?)>?$")
# An unknown frame is a player when its address says so (a site's own video player).
_PLAYER = re.compile(r"player|video|audio|podcast|media|embed/", re.IGNORECASE)
_ADVERT = re.compile(r"(?:^|\.)(?:ads?|adserver|doubleclick|adsystem|googlesyndication)\b|adsystem")
EMBED_SELECTOR = "video, audio, iframe, embed, object, blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed"  # noqa: E501


# A page's address is asked for its host by several readers: worked out once.
@functools.lru_cache(maxsize=256)
def host_of(url: str | None) -> str:
    """The lower-case host of ``url`` without ``www.``; empty when there is none."""
    if not url:
        return ""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def media_for_url(url: str, caption: str | None = None) -> Media | None:
    """A Media item when ``url`` is a known player or a media file, else None."""
    host = host_of(url)
    if not host:
        return None
    for suffix, (provider, kind) in PROVIDERS.items():
        if host == suffix or host.endswith("." + suffix):
            return Media(kind, url, provider, caption)
    path = urlsplit(url).path
    extension = _EXTENSION.search(path)
    file_kind = _FILE_KINDS.get(extension.group(1).lower()) if extension else None
    return Media(file_kind, url, host, caption) if file_kind else None


def media_in_line(text: str) -> Media | None:
    """A paragraph that is nothing but a link to media (a bare player or file URL)."""
    if "://" not in text:  # most paragraphs: no copy of the text, no regex
        return None
    match = _LONE_URL.match(text.strip())
    return media_for_url(match.group(1)) if match else None


def media_in_html(root: LexborNode) -> list[Media]:
    """Players, media elements and social embeds under ``root``, in document order."""
    found: list[Media] = []
    for element in root.css(EMBED_SELECTOR):
        item = _embed(element)
        if item is not None and all(item.url != seen.url for seen in found):
            found.append(item)
    return found


def _embed(element: LexborNode) -> Media | None:
    attributes = element.attributes
    caption = clean(attributes.get("title") or attributes.get("aria-label") or "") or None
    if element.tag == "blockquote":
        # The post's own address is its last link (the date); links before it are hashtags,
        # mentions and quoted pages.
        links = [link.attributes.get("href") or "" for link in element.css("a[href]")]
        return next(
            (found for url in reversed(links) if (found := media_for_url(url, caption))), None
        )
    url = attributes.get("src") or attributes.get("data-src") or attributes.get("data")
    if not url and element.tag in ("video", "audio"):
        source = element.css_first("source[src]")
        url = source.attributes.get("src") if source is not None else None
    if not url:
        return None
    url = url.strip()
    if url.startswith("//"):
        url = "https:" + url
    known = media_for_url(url, caption)
    if known is not None:
        return known
    if element.tag in ("video", "audio"):
        return Media(element.tag, url, host_of(url) or None, caption)
    if element.tag != "iframe" or not _PLAYER.search(url) or _ADVERT.search(host_of(url)):
        # Other frames are widgets, forms and advertising, not the article's media.
        return None
    return Media("embed", url, host_of(url) or None, caption)
