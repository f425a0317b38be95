#!/usr/bin/env python3
"""Writes a realistic journey of N steps: the benchmark's input.

Usage: generate.py STEPS OUT.polku [--seed S]
Steps spread over the three phases and eight channels, with recommendations, follow-ups,
feedback, moods and a `next:` branch every tenth step, so every part of the front end works.
"""
import random
import sys


def main() -> None:
    args = sys.argv[1:]
    seed = 1
    if len(args) == 4 and args[2] == "--seed" and args[3].isdigit():
        seed = int(args[3])
        args = args[:2]
    if len(args) != 2 or not args[0].isdigit():
        sys.exit("usage: bench/generate.py STEPS OUT.polku [--seed S]\n"
                 "  STEPS: how many steps, a whole number such as 10000")
    steps = int(args[0])
    out = args[1]
    rng = random.Random(seed)
    channels = ["desk", "premises", "phone", "email", "chat", "social", "web", "kiosk"]
    lines = [
        "# Generated benchmark journey",
        f"journey: Benchmark journey with {steps} steps",
        "via: desk",
        "",
        "persona reader: Regular reader who borrows every week",
        "  uses: e-books and printed novels",
        "  channels: desk, web, chat",
        "  assurance: every service advisor knows the reading diploma",
        "",
        "channel kiosk: Self-service kiosk",
        "  competence: 3",
        "  presence: 2",
        "  note: the kiosk is in the lobby",
        "",
    ]
    phases = ["before", "during", "after"]
    per_phase = max(1, steps // 3)
    for i in range(steps):
        if i % per_phase == 0 and i // per_phase < 3:
            lines.append(f"{phases[i // per_phase]}:")
        lines.append(f"  step s{i}: Customer takes step number {i} of the journey")
        lines.append(f"    via: {rng.choice(channels)}")
        lines.append(f"    need: a book about topic {rng.randint(1, 999)} for a course")
        lines.append("    by: service advisor")
        if rng.random() < 0.8:
            lines.append(f"    recommend: the e-book collection on topic {rng.randint(1, 999)}")
        if rng.random() < 0.8:
            lines.append("    follow-up: tell the customer when the reservation arrives")
        if rng.random() < 0.2:
            lines.append("    feedback: short survey at the desk")
        lines.append(f"    mood: {rng.randint(1, 5)}")
        if i % 10 == 9 and i + 2 < steps:
            lines.append(f"    next: s{i + 1}, s{i + 2}")
        lines.append("")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
