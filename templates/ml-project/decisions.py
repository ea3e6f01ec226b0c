"""The decisions of the project's flow, as pure functions: they import nothing beyond the standard library, so
that their unit tests run anywhere Python does.

- validate: does a batch of training data hold to its schema and ranges? A run stops on any violation.
- is_better: does a challenger beat the champion, on the same holdout, by the stated margin?
- drift_share: the drift score, the share of features whose distribution moved (per-feature test p-values)
- drift_retrains: has a served model's drift score passed its threshold?
- logged_rows: the input rows of the v2 requests an endpoint's logger kept
- canary_verdict: after a canary's smoke test and its first requests, promote it, roll it back, or wait?
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Iterable, Mapping


@dataclass(frozen=True)
class Column:
    """What a column of the training data must hold: a kind ('number' or 'category'), bounds or values."""

    kind: str
    minimum: float | None = None
    maximum: float | None = None
    values: tuple[str, ...] = ()
    nullable: bool = False


def validate(rows: Iterable[Mapping[str, Any]], schema: Mapping[str, Column], min_rows: int = 1) -> list[str]:
    """Every way the rows break the schema, as messages naming the row, the column, the value and the rule."""
    problems: list[str] = []
    count = 0
    for index, row in enumerate(rows):
        count += 1
        missing = [name for name in schema if name not in row]
        if missing:
            problems.append(f"row {index}: missing column(s) {', '.join(missing)}")
        for name, column in schema.items():
            if name not in row:
                continue
            value = row[name]
            if value is None or (isinstance(value, float) and math.isnan(value)):
                if not column.nullable:
                    problems.append(f"row {index}: {name} is empty, and the column takes no empty values")
                continue
            if column.kind == "number":
                if isinstance(value, bool) or not isinstance(value, (int, float)):
                    problems.append(f"row {index}: {name} is {value!r}, not a number")
                elif column.minimum is not None and value < column.minimum:
                    problems.append(f"row {index}: {name} is {value}, below its minimum {column.minimum}")
                elif column.maximum is not None and value > column.maximum:
                    problems.append(f"row {index}: {name} is {value}, above its maximum {column.maximum}")
            elif column.kind == "category":
                if str(value) not in column.values:
                    problems.append(f"row {index}: {name} is {value!r}, not one of {', '.join(column.values)}")
            else:
                raise ValueError(f"column {name}: unknown kind {column.kind!r} (number or category)")
    if count < min_rows:
        problems.append(f"{count} rows, fewer than the {min_rows} a run trains on")
    return problems


def is_better(challenger: float, champion: float | None, margin: float) -> bool:
    """Whether a challenger's score (higher is better) beats the champion's by at least the margin; with no champion yet, it does."""
    if margin < 0:
        raise ValueError(f"margin {margin} is negative: a challenger must at least match the champion")
    return champion is None or challenger >= champion + margin


def drift_share(p_values: Mapping[str, float], alpha: float = 0.05) -> float:
    """The share of features whose test rejects 'same distribution' at alpha: 0 when none moved, 1 when all did."""
    if not p_values:
        raise ValueError("no features to test")
    if not 0 < alpha < 1:
        raise ValueError(f"alpha {alpha} is not a probability between 0 and 1")
    return sum(1 for p in p_values.values() if p < alpha) / len(p_values)


def logged_rows(events: Iterable[Mapping[str, Any]]) -> list[list[float]]:
    """The rows of every logged v2 inference request (a CloudEvent of type ...inference.request), in order."""
    rows: list[list[float]] = []
    for event in events:
        if not str(event.get("Ce-Type", event.get("ce-type", ""))).endswith("inference.request"):
            continue
        for tensor in event.get("inputs", []):
            shape, data = tensor["shape"], tensor["data"]
            width = shape[1] if len(shape) > 1 else 1
            if len(data) != shape[0] * width:
                raise ValueError(f"tensor {tensor.get('name')!r} holds {len(data)} values, not its shape {shape}")
            rows.extend([float(x) for x in data[i:i + width]] for i in range(0, len(data), width))
    return rows


def drift_retrains(score: float, threshold: float) -> bool:
    """Whether a drift score (0 for no drift, higher for more) has passed the model's threshold, so that it retrains."""
    if threshold <= 0:
        raise ValueError(f"threshold {threshold} is not positive: every model would retrain on every check")
    return score > threshold


def canary_verdict(smoke_passed: bool, requests: int, errors: int, max_error_rate: float, min_requests: int) -> str:
    """'rollback' on a failed smoke test or an error rate above the limit, 'promote' once enough requests went well, else 'wait'."""
    if not 0 <= max_error_rate < 1:
        raise ValueError(f"max error rate {max_error_rate} is not a fraction from 0 to 1")
    if errors > requests:
        raise ValueError(f"{errors} errors out of {requests} requests")
    if not smoke_passed:
        return "rollback"
    if requests > 0 and errors / requests > max_error_rate:
        return "rollback"
    return "promote" if requests >= min_requests else "wait"
