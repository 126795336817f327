"""Benchmark: the whole sidebar computation for 10,000 real drafts against 100,000 past tickets.

History tickets are the real messages repeated with variation (another district, phone, address,
a sentence dropped), so the duplicate index sees realistic collisions. Prints p50/p95 per draft;
the last line is ``p50_ms=… p95_ms=…``. Needs ../shared/data/tipdm2020c beside the repository.
"""

from __future__ import annotations

import csv
import random
import resource
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.assistant.dataset import SHARED_DATA, read_labeled  # noqa: E402
from app.assistant.models import DraftInput, PastTicket  # noqa: E402
from app.assistant.service import Assistant, train_default  # noqa: E402

N_HISTORY = 100_000
N_DRAFTS = 10_000
UNITS = ["市住房和城乡建设局", "市城市管理局", "市教育局", "市公安局", "街道办事处",
         "乡镇人民政府", "市交通运输局", "市人力资源和社会保障局"]


def _rows(name: str) -> list[dict[str, str]]:
    with (SHARED_DATA / name).open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main() -> None:
    rng = random.Random(7)
    messages = _rows("messages_unlabeled.csv") + _rows("messages_with_replies.csv")
    labeled = read_labeled(SHARED_DATA / "messages_labeled.csv", ["留言主题", "留言详情"], "一级分类")
    t0 = time.perf_counter()
    model = train_default(labeled, [r["留言主题"] + r["留言详情"] for r in messages])
    print(f"trained on {len(labeled)} labeled + {len(messages)} unlabeled in "
          f"{time.perf_counter() - t0:.1f}s")
    categories = sorted({lab for _, lab in labeled})
    assistant = Assistant(model)
    start = datetime(2024, 1, 1)
    t0 = time.perf_counter()
    history = []
    for i in range(N_HISTORY):
        r = messages[i % len(messages)]
        body = r["留言详情"].strip()
        sentences = body.split("。")
        if i >= len(messages) and len(sentences) > 2:  # variation on every repeat
            sentences.pop(rng.randrange(len(sentences)))
        history.append(PastTicket(
            id=f"h{i}", title=f"A{rng.randint(1, 9)}区{r['留言主题'].strip()}",
            description="。".join(sentences), created_at=start + timedelta(minutes=5 * i),
            caller_phone=f"139{rng.randrange(10**8):08d}", address=f"幸福路{rng.randint(1, 3000)}号",
            category=rng.choice(categories), unit=rng.choice(UNITS), status="已办结",
            result=r.get("答复意见", "")[:300]))
    assistant.remember(history)
    print(f"indexed {N_HISTORY} history tickets in {time.perf_counter() - t0:.1f}s; "
          f"max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    drafts = [messages[(i * 7) % len(messages)] for i in range(N_DRAFTS)]
    times = []
    for i, r in enumerate(drafts):
        d = DraftInput(title=r["留言主题"], description=r["留言详情"],
                       caller_phone=history[(i * 13) % N_HISTORY].caller_phone,
                       address=history[(i * 17) % N_HISTORY].address,
                       created_at=start + timedelta(days=300))
        t = time.perf_counter()
        assistant.suggest(d)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    p50 = statistics.median(times)
    p95 = times[int(0.95 * len(times)) - 1]
    print(f"{N_DRAFTS} drafts: mean {statistics.fmean(times):.2f} ms, max {times[-1]:.1f} ms")
    print(f"p50_ms={p50:.2f} p95_ms={p95:.2f}")


if __name__ == "__main__":
    main()
