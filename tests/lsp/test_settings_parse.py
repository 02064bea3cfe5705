"""Reading the `flowls` settings section: each problem reported, the rest kept."""

from __future__ import annotations

from flowls.lsp.settings import Settings, parse_settings


def test_the_editor_extension_s_own_keys_are_not_problems():
    settings, problems = parse_settings({"server": {"command": ["flowls"], "python": ""}, "debounceMs": 10})
    assert problems == []
    assert settings.debounce_ms == 10


def test_unknown_keys_and_bad_values_are_reported_and_ignored():
    settings, problems = parse_settings({"debounce": 5, "maxFileSize": 0, "ignore": ["no-such-rule"]})
    assert problems[0] == "unknown flowls setting 'debounce'"
    assert problems[1].startswith("flowls.maxFileSize: ")
    assert problems[2].startswith("flowls.ignore: ")
    assert settings == Settings()
