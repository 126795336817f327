"""分析研判: hot issues and early warnings mined from the tickets themselves (issue 18).

Qt-free and database-neutral (SQLAlchemy Core over ``tickets`` and ``ticket_events``):

    analyze(conn, period, options=..., progress=...) -> HotspotReport   (hotspots.py)

Modules, in the order the analysis uses them: ``places`` (where a text says its problem is),
``features`` (what the problem is, as character pairs), ``corpus`` (reading a period), ``grouping``
(linking tickets into groups), ``heat`` (the heat index), ``describe`` (地点 + 问题), ``surges``
(early warnings), ``model`` (the results), ``render`` (text and CSV). docs/hotspots.md explains
the rules and the heat index for supervisors.
"""
