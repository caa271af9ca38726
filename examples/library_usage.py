"""Use summarize as a library: your own documents in, a cited briefing out.

    python examples/library_usage.py
"""

from pathlib import Path

from summarize import Document, SummarizeError, load_documents, render_briefing, summarize

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

# 1. Files and directories, read like the CLI reads them (sources.json gives titles and outlets).
briefing = summarize(load_documents([SEEDS]), sentences=3)
print(render_briefing(briefing, "text"))

# 2. Your own texts: a str is always a document's text, never a path.
briefing = summarize(
    [
        Document(id="wire", text="The central bank raised its key rate to 4.5% on Thursday. "
                                 "Officials said inflation had stayed high for too long.",
                 source="Wire service"),
        "On Thursday the central bank raised its key rate to 4.5%, the highest in a decade. "
        "Shares fell after the announcement.",
    ],
    words=40,
)
for sentence in briefing.sentences:
    print(f"{sentence.text}  <- quoted from {sentence.document}, also in {sentence.sources[1:]}")

# 3. Errors are SummarizeError subclasses with a one-line message.
try:
    summarize(["   "])
except SummarizeError as error:
    print(f"error: {error}")
