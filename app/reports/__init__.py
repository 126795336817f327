"""Supervisor reports: counts, trend, overdue/escalated lists, unit ratings and the brief.

Qt-free and database-neutral (SQLAlchemy Core over ``tickets`` and ``ticket_events``), so the
server can call the same functions on its own connection:

    build_brief(conn, period, options=..., as_of=...)      -> Brief   (the text and its figures)
    build_dashboard(conn, period, options=..., as_of=...)  -> Dashboard (everything the UI shows)
    unit_ratings(conn, period, as_of=..., options=...)     -> list[UnitRating]

What the reports read from ``ticket_events`` (kind, at, detail JSON); the lifecycle writes it:

    派单  detail.unit   the unit dispatched to (optional; the ticket's handling_unit otherwise)
    签收  (at)          response = first 签收 within ReportOptions.sign_limit_hours of first 派单
    办结  detail.solved "解决" | "部分解决" | "未解决" (latest 办结 counts); at = completion time
    退单  detail.unit   the unit returning the ticket (otherwise the ticket's handling_unit)
    督办  detail.note   why it was escalated (shown in the escalated list)
    合并  (any)         this ticket was merged into another as a duplicate: not a valid ticket
    作废  (any)         voided (test call, prank, wrong entry): not a valid ticket

Satisfaction comes from ``tickets.satisfaction`` (满意/基本满意/不满意/未联系上).
"""
