"""Helpers for the keyboard tests: tab like a person, and see what has focus and how it looks."""

from __future__ import annotations

# What the focused element is, and whether its focus can be seen: an outline (style not none,
# at least 1 px wide, not transparent) or a box-shadow. Also whether it takes up space at all,
# because focus on something invisible is focus lost.
FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1
                  && !/rgba\\(.*, 0\\)$|transparent/.test(s.outlineColor);
  const label = (el.id ? '#' + el.id : '') || el.getAttribute('aria-label')
                || (el.textContent || el.value || '').trim().slice(0, 40) || el.outerHTML.slice(0, 80);
  return {tag: el.tagName.toLowerCase(), id: el.id, label: label,
          visible: outline || (s.boxShadow && s.boxShadow !== 'none'),
          shown: r.width > 0 && r.height > 0,
          inFilter: !!el.closest('#uv-filter')};
}"""


def focused(page) -> dict | None:
    return page.evaluate(FOCUS_STATE)


def tab_until(page, predicate, limit: int = 80) -> list[dict]:
    """Press Tab until predicate(focused state) holds; returns every state on the way (the last
    one matches). Fails when it never does: the element cannot be reached by keyboard."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = focused(page)
        seen.append(state)
        if state and predicate(state):
            return seen
    raise AssertionError(f"nådde inte elementet med Tab efter {limit} tryck: {[s and s['label'] for s in seen][-8:]}")


def tab_through(page, limit: int = 300) -> list[dict]:
    """Every element Tab reaches on the page, once round (until focus comes back to one already
    reached). The theme's search field takes two presses (the first Tab out closes the search
    and stays put), so the same element twice in a row is one stop."""
    seen, numbers = [], []
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = focused(page)
        if state is None:
            continue
        number = page.evaluate("n => { const el = document.activeElement;"
                               " if (!el.dataset.testStop) el.dataset.testStop = n; return +el.dataset.testStop; }",
                               len(numbers) + 1)
        if numbers and number == numbers[-1]:
            continue
        if number in numbers:
            break
        numbers.append(number)
        seen.append(state)
    return seen
