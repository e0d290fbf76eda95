"""Settings cannot go undocumented (datasette's habit): a description, and a row in the README."""

from pathlib import Path

from app.config import Settings

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_setting_has_a_description() -> None:
    for name, field in Settings.model_fields.items():
        assert field.description, f"{name} has no description"


def test_every_setting_is_in_the_readme() -> None:
    for name in Settings.model_fields:
        assert f"`MIANJING_{name.upper()}`" in README, f"MIANJING_{name.upper()} missing from README"


def test_readme_shows_the_two_commands() -> None:
    assert "make run" in README and "make test" in README
