"""Every compiled regular expression in the package, on pathological input, under a time bound.

The patterns are collected from the modules' attributes (module-level patterns, and patterns
held in tuples, dicts and rule objects such as the cleaning ``LineRule``s). Each runs the way the
code runs it (a line rule: ``fullmatch`` or ``search``; any other pattern: ``finditer`` over the
whole text, the worst of ``sub`` / ``findall`` / ``search``) on 100,000-character texts: runs of
spaces, punctuation, nested quotes, one long word, markup soup. A linear pattern takes
milliseconds there; a quadratic one takes minutes. The check runs in a child process so that a
runaway pattern fails the test (naming the pattern and the input) instead of hanging it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

N = 100_000
#: Seconds one pattern may take on one 100,000-character input (linear patterns take < 0.1 s).
BOUND = 1.0

CHILD = textwrap.dedent(
    r"""
    import importlib, json, pkgutil, re, sys, time
    import articlegrade

    N = int(sys.argv[1])
    INPUTS = {
        "spaces": " " * N,
        "space runs": ("a" + " " * 999) * (N // 1000),
        "whitespace mix": " \t\n\r\f\v\u00a0\u2003" * (N // 8),
        "dots": "." * N,
        "punctuation": "!?.,;:-–—" * (N // 9),
        "nested quotes": "\"'“‘«" * (N // 5),
        "quote pairs": '"a"' * (N // 3),
        "brackets": "([{<" * (N // 4),
        "one long word": "a" * N,
        "digits": "1" * N,
        "digits and separators": "1:2/3.4-" * (N // 8),
        "word space": "word " * (N // 5),
        "capitalised": "By Name " * (N // 8),
        "tag soup": "<a <b <div class='x' " * (N // 20),
        "closed tags": "<p>x</p>" * (N // 8),
        "urls": "http://www.a.com/" * (N // 17),
        "at signs": "@" * N,
        "hyphen words": "a-" * (N // 2),
        "shortcode": "[a " * (N // 3),
        "newlines": "\n" * N,
    }

    def collect(obj, found, seen, depth=0):
        if id(obj) in seen or depth > 4:
            return
        seen.add(id(obj))
        if isinstance(obj, re.Pattern):
            found.append((obj, "finditer"))
        elif hasattr(obj, "pattern") and isinstance(obj.pattern, re.Pattern) and hasattr(obj, "search"):
            found.append((obj.pattern, "search" if obj.search else "fullmatch"))
            seen.add(id(obj.pattern))
        elif isinstance(obj, (tuple, list, frozenset, set)):
            for item in obj:
                collect(item, found, seen, depth + 1)
        elif isinstance(obj, dict):
            for item in obj.values():
                collect(item, found, seen, depth + 1)

    patterns = []
    seen = set()
    for info in pkgutil.walk_packages(articlegrade.__path__, "articlegrade."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for attr, value in sorted(vars(module).items()):
            found = []
            collect(value, found, seen)
            for i, (pattern, mode) in enumerate(found):
                patterns.append((f"{info.name}.{attr}[{i}]", pattern, mode))
    print(json.dumps({"patterns": len(patterns)}), flush=True)
    for name, pattern, mode in patterns:
        run = {"finditer": lambda t: sum(1 for _ in pattern.finditer(t)),
               "search": pattern.search, "fullmatch": pattern.fullmatch}[mode]
        for label, text in INPUTS.items():
            text = text[:N]
            if isinstance(pattern.pattern, bytes):
                text = text.encode("utf-8")[:N]
            print(json.dumps({"start": name, "input": label}), flush=True)
            t = time.perf_counter()
            run(text)
            print(json.dumps({"name": name, "mode": mode, "input": label,
                              "seconds": time.perf_counter() - t,
                              "pattern": pattern.pattern[:120] if isinstance(pattern.pattern, str)
                              else repr(pattern.pattern[:120])}), flush=True)
    """
)


def test_no_pattern_is_super_linear_on_pathological_input() -> None:
    try:
        proc = subprocess.run(
            [sys.executable, "-c", CHILD, str(N)], capture_output=True, text=True, timeout=240
        )
        out = proc.stdout
    except subprocess.TimeoutExpired as exc:
        out = (exc.stdout or b"").decode() if isinstance(exc.stdout, bytes) else exc.stdout or ""
        last = [json.loads(line) for line in out.splitlines() if line.startswith("{")][-1]
        raise AssertionError(f"a pattern did not finish: {last}") from None
    assert proc.returncode == 0, proc.stderr[-2000:]
    lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    results = [r for r in lines if "seconds" in r]
    n_patterns = lines[0]["patterns"]
    assert n_patterns >= 60  # the cleaning rules, the source sniffers and the signals' patterns
    assert len(results) == n_patterns * 20
    slow = [r for r in results if r["seconds"] > BOUND]
    assert not slow, "\n".join(
        f"{r['name']} ({r['mode']}) on {r['input']}: {r['seconds']:.2f} s  {r['pattern']}"
        for r in slow
    )
