from pathlib import Path

import pytest

from services.cli import main
from services.crawler import format_portals, load_portals
from shared.errors import ConfigError
from shared.settings import DEFAULT_PORTALS


def test_the_shipped_registry_is_valid_and_marks_archives() -> None:
    portals = load_portals(DEFAULT_PORTALS)
    assert len(portals) >= 10
    assert any(p.archive for p in portals) and any(not p.archive for p in portals)
    assert all(p.base_url.startswith("https://") and not p.allow_private for p in portals)
    assert "portals" in format_portals(portals)


def test_portals_command_lists_them(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["portals"]) == 0
    assert "hanoi-sotttt" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[[portal]]\nid = 'a'\n", "missing field 'province'"),
        ("[[portal]]\nid='a'\nprovince='x'\ndepartment='d'\nbase_url='ftp://x'\nseeds=[]\n"
         "article_pattern='x'\n", "base_url must be an http"),
        ("[[portal]]\nid='a'\nprovince='x'\ndepartment='d'\nbase_url='https://x.vn'\nseeds=[]\n"
         "article_pattern='(('\n", "not a regular expression"),
        ("[[portal]]\nid='a'\nprovince='x'\ndepartment='d'\nbase_url='https://x.vn'\nseeds=[]\n"
         "article_pattern='x'\n[portal.limits]\nspeed=3\n", "speed"),
        ("portal = 3\n", "no [[portal]] entries"),
        ("[[portal\n", "not valid TOML"),
    ],
)
def test_invalid_registries_say_what_is_wrong(tmp_path: Path, toml: str, message: str) -> None:
    path = tmp_path / "portals.toml"
    path.write_text(toml)
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace("[", r"\[")):
        load_portals(path)


def test_cli_reports_a_bad_registry_with_exit_2(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "p.toml"
    path.write_text("[[portal]]\nid = 'a'\n")
    assert main(["portals", "--file", str(path)]) == 2
    assert "missing field" in capsys.readouterr().err
