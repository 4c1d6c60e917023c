"""Media embeds in the generic region: players, media elements, social embeds, file links."""

from __future__ import annotations

import pytest

import unsyndicate

PROSE = (
    "The council met on Tuesday, after weeks of delay, to vote on the plan, which would "
    "rebuild the bridge, widen the road and add a cycle lane along the river."
)


def page(embed: str) -> str:
    paragraphs = "".join(f"<p>{PROSE} Part {n}.</p>" for n in range(3))
    return f"<html><body><article>{paragraphs}{embed}<p>{PROSE}</p></article></body></html>"


@pytest.mark.parametrize(
    ("embed", "kind", "provider", "url"),
    [
        (
            '<iframe src="https://www.youtube.com/embed/abc123" title="Council vote"></iframe>',
            "video",
            "YouTube",
            "https://www.youtube.com/embed/abc123",
        ),
        (
            '<iframe src="//player.vimeo.com/video/42"></iframe>',
            "video",
            "Vimeo",
            "https://player.vimeo.com/video/42",
        ),
        (
            '<iframe src="https://w.soundcloud.com/player/?url=x"></iframe>',
            "audio",
            "SoundCloud",
            "https://w.soundcloud.com/player/?url=x",
        ),
        (
            '<iframe src="https://open.spotify.com/embed/episode/1"></iframe>',
            "audio",
            "Spotify",
            "https://open.spotify.com/embed/episode/1",
        ),
        (
            '<video controls><source src="https://cdn.example/clip.mp4"></video>',
            "video",
            "cdn.example",
            "https://cdn.example/clip.mp4",
        ),
        (
            '<audio src="https://cdn.example/show.mp3"></audio>',
            "audio",
            "cdn.example",
            "https://cdn.example/show.mp3",
        ),
        (
            '<blockquote class="twitter-tweet"><p>Tweet text</p>'
            '<a href="https://twitter.com/user/status/1">date</a></blockquote>',
            "embed",
            "X",
            "https://twitter.com/user/status/1",
        ),
        (
            '<blockquote class="instagram-media">'
            '<a href="https://www.instagram.com/p/xyz/">post</a></blockquote>',
            "embed",
            "Instagram",
            "https://www.instagram.com/p/xyz/",
        ),
        (
            "<p>https://rumble.com/v123-clip.html</p>",
            "video",
            "Rumble",
            "https://rumble.com/v123-clip.html",
        ),
    ],
)
def test_embeds_are_media_with_their_provider(
    embed: str, kind: str, provider: str, url: str
) -> None:
    article = unsyndicate.parse(page(embed))
    assert [(item.kind, item.provider, item.url) for item in article.media] == [
        (kind, provider, url)
    ]


def test_an_embed_caption_comes_from_its_title() -> None:
    embed = '<iframe src="https://www.youtube.com/embed/abc" title="Council vote"></iframe>'
    (item,) = unsyndicate.parse(page(embed)).media
    assert item.caption == "Council vote"


def test_an_image_keeps_its_caption() -> None:
    figure = (
        '<figure><img src="https://cdn.example/bridge.jpg" alt="A bridge">'
        "<figcaption>The old bridge at dawn.</figcaption></figure>"
    )
    images = [block for block in unsyndicate.parse(page(figure)).body if block.kind == "image"]
    assert [(block.url, block.caption) for block in images] == [
        ("https://cdn.example/bridge.jpg", "The old bridge at dawn.")
    ]


@pytest.mark.parametrize(
    "frame",
    [
        '<iframe src="https://rcm-eu.amazon-adsystem.com/e/cm?o=2&p=42"></iframe>',
        '<iframe src="https://www.example.com/newsletter-signup"></iframe>',
    ],
)
def test_advertising_and_widget_frames_are_not_media(frame: str) -> None:
    assert unsyndicate.parse(page(frame)).media == ()


def test_a_sites_own_video_player_frame_is_an_embed() -> None:
    frame = '<iframe src="https://www.news.example/embed/video/?v=1"></iframe>'
    (item,) = unsyndicate.parse(page(frame)).media
    assert (item.kind, item.provider) == ("embed", "news.example")


def test_podcast_players_are_audio() -> None:
    (item,) = unsyndicate.parse(page('<iframe src="https://embed.acast.com/show"></iframe>')).media
    assert (item.kind, item.provider) == ("audio", "Acast")
