"""Schemathesis hooks of the fuzz test (loaded through SCHEMATHESIS_HOOKS by infra/local/fuzz/run.ts).

- `client_errors_are_problem_json`: every 4xx answer is RFC 9457 problem+json.
- `filter_failure`: drops a schema-violating case that was sent with a fixed path parameter's value.
- `FuzzSummary`: writes a small JSON file (path in FUZZ_SUMMARY_PATH) with the cases per operation,
  the passes and failures of each check, and each distinct failure (check, operation, title) with
  the curl command of its first case. Schemathesis's own NDJSON report holds every request and response, tens of MB
  for a thousand cases; this keeps what the test reports.
"""

from __future__ import annotations

import json
import os

import schemathesis
from schemathesis import cli
from schemathesis.engine import Status, events

PROBLEM_JSON = "application/problem+json"


@schemathesis.check
def client_errors_are_problem_json(ctx, response, case):
    """A 4xx answer has the content type application/problem+json and a JSON object body whose
    `status`, when present, is the HTTP status (RFC 9457, section 3)."""
    if not 400 <= response.status_code < 500:
        return None
    content_type = (response.headers.get("content-type") or [""])[0]
    media_type = content_type.split(";", 1)[0].strip().lower()
    # A page of the public site answers a wrong form with the form again, as its operation declares.
    declared = ((case.operation.definition.raw.get("responses") or {}).get(str(response.status_code)) or {}).get("content") or {}
    if media_type == "text/html" and "text/html" in declared:
        return None
    if media_type != PROBLEM_JSON:
        raise AssertionError(
            f"A {response.status_code} answer has the content type {content_type or '(none)'}, not {PROBLEM_JSON}"
        )
    try:
        body = json.loads(response.content or b"")
    except ValueError:
        raise AssertionError(f"A {response.status_code} problem+json answer is not JSON") from None
    if not isinstance(body, dict):
        raise AssertionError(f"A {response.status_code} problem+json answer is not a JSON object")
    if "status" in body and body["status"] != response.status_code:
        raise AssertionError(f"A {response.status_code} problem+json answer says status {body['status']!r}")
    return None


# Path parameters the run sends with one fixed value (FUZZ_FIXED_PATH_PARAMETERS, comma-separated).
FIXED_PATH_PARAMETERS = [name for name in os.environ.get("FUZZ_FIXED_PATH_PARAMETERS", "").split(",") if name]


@schemathesis.hook
def filter_failure(ctx, failure, case, response):
    """A negative case whose invalid part is a path parameter the run fixes was sent with the fixed,
    valid value instead, so the API rightly accepted it: that is no failure. Every other failure is
    kept."""
    if failure.title != "Schema-violating request accepted" and getattr(failure, "kind_title", None) != "Schema-violating request accepted":
        return True
    message = failure.message or ""
    return not any(f"parameter `{name}` in path" in message for name in FIXED_PATH_PARAMETERS)


# How many distinct failures (check, operation, title) the summary keeps; the rest are counted.
MAX_DISTINCT_FAILURES = 200
# How many different first lines of the message a distinct failure lists (e.g. each method a 404 answered).
MAX_VARIANTS = 8


@cli.handler()
class FuzzSummary(cli.EventHandler):
    """Collects what the test reports and writes it as JSON when the run ends."""

    def __init__(self, *args, **params):
        self.path = os.environ.get("FUZZ_SUMMARY_PATH")
        self.cases: dict[str, int] = {}
        self.checks: dict[str, dict[str, int]] = {}
        self.failures: dict[tuple[str, str, str], dict] = {}
        self.dropped = 0

    def handle_event(self, ctx, event) -> None:
        if not self.path or not isinstance(event, events.ScenarioFinished):
            return
        recorder = event.recorder
        for case_id in recorder.interactions:
            node = recorder.cases.get(case_id)
            label = node.value.operation.label if node is not None else recorder.label
            self.cases[label] = self.cases.get(label, 0) + 1
        for case_id, nodes in recorder.checks.items():
            for check in nodes:
                counts = self.checks.setdefault(check.name, {"passed": 0, "failed": 0})
                if check.status == Status.FAILURE and check.failure_info is not None:
                    counts["failed"] += 1
                    self._record_failure(check, recorder, case_id)
                elif check.status == Status.SUCCESS:
                    counts["passed"] += 1

    def _record_failure(self, check, recorder, case_id: str) -> None:
        failure = check.failure_info.failure
        operation = failure.operation or recorder.label
        first_line = (failure.message or "").strip().split("\n", 1)[0]
        key = (check.name, operation, failure.title)
        known = self.failures.get(key)
        if known is not None:
            known["count"] += 1
            if first_line and first_line not in known["variants"] and len(known["variants"]) < MAX_VARIANTS:
                known["variants"].append(first_line)
            return
        if len(self.failures) >= MAX_DISTINCT_FAILURES:
            self.dropped += 1
            return
        interaction = recorder.interactions.get(case_id)
        response = interaction.response if interaction is not None else None
        self.failures[key] = {
            "check": check.name,
            "code": failure.code,
            "operation": operation,
            "title": failure.title,
            "message": failure.message,
            "status": response.status_code if response is not None else None,
            "contentType": (response.headers.get("content-type") or [None])[0] if response is not None else None,
            "body": response.content[:500].decode("utf-8", "replace") if response is not None and response.content else None,
            "curl": check.failure_info.code_sample,
            "count": 1,
            "variants": [first_line] if first_line else [],
        }

    def shutdown(self, ctx) -> None:
        if not self.path:
            return
        with open(self.path, "w", encoding="utf-8") as file:
            json.dump(
                {
                    "cases": self.cases,
                    "checks": self.checks,
                    "failures": list(self.failures.values()),
                    "droppedFailures": self.dropped,
                },
                file,
                ensure_ascii=False,
                indent=2,
            )
