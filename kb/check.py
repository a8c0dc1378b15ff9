"""``kb check``: the problems of a built database, grouped by code, worst first, with examples."""

from __future__ import annotations

from pathlib import Path

from kb.readonly import connect_readonly

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def check_report(db_path: Path, code: str | None = None, examples: int = 3) -> list[str]:
    """The report as lines: one heading per problem code (count, severity), then up to ``examples``
    messages for it. ``code`` restricts the report to one code."""
    conn = connect_readonly(db_path, tables=("problems",))
    try:
        where, params = ("where code = ?", (code,)) if code else ("", ())
        groups = conn.execute(
            f"select code, severity, count(*) from problems {where} group by code, severity", params
        ).fetchall()
        groups.sort(key=lambda g: (SEVERITY_ORDER.get(g[1], 3), -g[2], g[0]))
        total = sum(n for _, _, n in groups)
        lines = [f"{total} problems in {len(groups)} codes" + (f" (code {code})" if code else "")]
        for name, severity, count in groups:
            lines.append(f"{name} ({severity}): {count}")
            rows = conn.execute(
                "select message from problems where code = ? and severity = ? "
                "order by path, line, id limit ?",
                (name, severity, examples),
            ).fetchall()
            lines += [f"  {message}" for (message,) in rows]
            if count > examples:
                lines.append(f"  ... and {count - examples} more")
        return lines
    finally:
        conn.close()


def review_report(db_path: Path) -> list[str]:
    """The review queue as lines: each item with both sides, where they are, and the decision line to add
    to ``extract/decisions.yml``."""
    conn = connect_readonly(db_path, tables=("problems",))
    try:
        rows = conn.execute(
            "select kind, record_a, a_document_id, a_line, a_text, record_b, b_document_id, b_line, b_text, "
            "score, reason, decide_with from review_queue order by kind, a_document_id, a_line, record_b"
        ).fetchall()
    finally:
        conn.close()
    lines = [f"{len(rows)} items waiting for a decision" + (":" if rows else "")]
    for kind, a, a_doc, a_line, a_text, b, b_doc, b_line, b_text, score, reason, decide in rows:
        lines.append(f"{kind} (score {score:.2f}): {reason}")
        lines.append(f"  a {a} {a_doc}:{a_line}: {' '.join(a_text.split())[:150]}")
        if b is None and b_text:  # a short citation: its candidate works, best first
            lines += [f"  candidate {' '.join(text.split())[:200]}" for text in (b_text or "").splitlines()]
            lines.append("  decide in extract/decisions.yml (keep the line of the right work):")
            lines += [f"    {line}" for line in decide.splitlines()]
            continue
        where = f"{b_doc}:{b_line}" if b_doc else "work"
        lines.append(f"  b {b} {where}: {' '.join((b_text or '').split())[:150]}")
        lines.append(f"  decide in extract/decisions.yml: {decide}")
    return lines
