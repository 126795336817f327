"""The 4,304 public messages (../shared/data/tipdm2020c) as an import file, as issue 18 maps them:
留言主题 → 标题, 留言详情 → 诉求内容, 留言时间 → 受理时间, channel 网站. 诉求类型 is 其他 (the board
does not say; 其他 needs no category or place), the board's user id goes to 来电人 (so that
distinct and repeat callers can be counted) with 匿名 = 是 (no number was left)."""

import csv
from pathlib import Path

HEADERS = ("受理时间", "渠道", "诉求类型", "标题", "诉求内容", "来电人", "匿名")
DESCRIPTION_LIMIT = 5000  # the form's limit: longer letters are cut (five of 4,304)


def write_import_file(source: Path, target: Path) -> int:
    rows = 0
    with source.open(encoding="utf-8", newline="") as handle, \
            target.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADERS)
        for row in csv.DictReader(handle):
            body = "\n".join(line.strip() for line in row["留言详情"].strip().splitlines()).strip()
            writer.writerow((row["留言时间"], "网站", "其他", row["留言主题"].strip()[:100],
                             body[:DESCRIPTION_LIMIT], row["留言用户"].strip(), "是"))
            rows += 1
    return rows
