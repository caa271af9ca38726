"""Small stories of our own writing: three outlets each on a flood and on a chess final, and one
article about nothing else in the pile. Each outlet words its story its own way."""

from __future__ import annotations

from pathlib import Path

FLOOD = {
    "flood-wire.txt": (
        "Heavy rain flooded the Arden valley on Monday, forcing more than 3,000 residents to leave "
        "their homes as the river Arden burst its banks near the town of Millbrook.\n\n"
        "Rescue teams used boats to evacuate families from the lower streets of Millbrook, and the "
        "regional governor declared a state of emergency across the valley.\n\n"
        "Forecasters warned that the river would keep rising until Wednesday, when the rain is "
        "expected to ease.\n"
    ),
    "flood-daily.txt": (
        "The river Arden burst its banks on Monday after two days of heavy rain, and floodwater "
        "poured into the streets of Millbrook, where about 3,000 residents were evacuated.\n\n"
        "Boats carried families from the flooded lower town while the governor declared a state "
        "of emergency for the whole Arden valley.\n\n"
        "Forecasters said the Arden would keep rising until Wednesday.\n"
    ),
    "flood-radio.txt": (
        "More than 3,000 people left their homes in Millbrook on Monday as floodwater from the "
        "swollen river Arden covered the lower town after heavy rain.\n\n"
        "The governor declared a state of emergency in the Arden valley, and rescue boats "
        "evacuated families who were trapped by the flood.\n\n"
        "The rain should ease by Wednesday, forecasters said, but the river may still rise.\n"
    ),
}

CHESS = {
    "chess-wire.txt": (
        "Grandmaster Elena Varga won the world chess championship final in Reykjavik on Sunday, "
        "beating the defending champion Tomas Berg in a rapid tiebreak after twelve drawn classical "
        "games.\n\n"
        "Varga, 24, is the youngest player to take the title since the final moved to Reykjavik, and "
        "she collects a prize of two million euros.\n\n"
        "Berg resigned the deciding rapid game on move 41 after a rook endgame slipped away.\n"
    ),
    "chess-daily.txt": (
        "Elena Varga is the new world chess champion after she beat Tomas Berg in the rapid "
        "tiebreak of the championship final in Reykjavik on Sunday.\n\n"
        "All twelve classical games of the final had been drawn, so the title was decided by rapid "
        "games, and Varga took the deciding one when Berg resigned a lost rook endgame.\n\n"
        "At 24, the grandmaster wins two million euros in prize money.\n"
    ),
    "chess-radio.txt": (
        "The defending champion Tomas Berg lost his world chess title to grandmaster Elena Varga "
        "on Sunday in Reykjavik, where the final went to a rapid tiebreak after twelve drawn "
        "games.\n\n"
        "Varga, who is 24, won the deciding rapid game in a rook endgame and the prize of two "
        "million euros.\n\n"
        "Berg congratulated the new champion and said he would play in the next championship.\n"
    ),
}

LONE = {
    "bakery.txt": (
        "A family bakery in the old harbour quarter of Porto celebrated its hundredth year with "
        "free custard tarts for every customer.\n\n"
        "The owners still bake with the recipe that the founder brought from Lisbon in 1924, using "
        "butter from a dairy in the hills and cinnamon ground by hand each morning.\n\n"
        "Queues stretched along the quay for most of the day.\n"
    ),
}


def write_pile(directory: Path, *groups: dict[str, str]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for group in groups:
        for name, text in group.items():
            (directory / name).write_text(text, encoding="utf-8")
    return directory
