"""The investment map on a touch screen (Chromium with touch emulated, the touches sent through
the DevTools protocol as a phone's finger would): one finger scrolls the page, also over the
map; two fingers move the map; a hint over the map says so; and the map is near the top."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 667}
MAP = "#map_karta"
# Where the first marker or cluster is drawn inside the map: it moves when the map moves.
PANE = """(() => {
  const map = document.querySelector('#map_karta').getBoundingClientRect();
  const icon = document.querySelector('#map_karta .leaflet-marker-icon').getBoundingClientRect();
  return [Math.round(icon.left - map.left), Math.round(icon.top - map.top)];
})()"""
# Resolves once the page has stopped moving: the scroll position and the map's first marker the
# same for five frames in a row (a page fling or the map's inertia moves them every frame).
STILL = """() => new Promise(resolve => {
  let last = null, same = 0;
  const look = () => {
    const icon = document.querySelector('#map_karta .leaflet-marker-icon').getBoundingClientRect();
    const now = [scrollY, Math.round(icon.left), Math.round(icon.top)].join();
    same = now === last ? same + 1 : 0;
    last = now;
    if (same >= 5) { resolve(); } else { requestAnimationFrame(look); }
  };
  requestAnimationFrame(look);
})"""
# Resolves on the next frame: a finger moves once a frame, as on a real screen.
NEXT_FRAME = "() => new Promise(resolve => requestAnimationFrame(() => resolve()))"


@pytest.fixture
def phone(browser, county_url):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, device_scale_factor=2)
    # The tile server is blocked: the gestures do not need the background map.
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("http://127.0.0.1")
                  else route.abort())
    page = context.new_page()
    page.goto(county_url + "investeringar/", wait_until="load")
    page.wait_for_function("document.querySelector('#map_karta').dataset.markerCount > 0")
    yield page, context.new_cdp_session(page)
    context.close()


def swipe(page, cdp, fingers: int, distance: int = 220) -> None:
    """Fingers down in the middle of the map, up the screen by `distance` px in small steps, and off."""
    page.evaluate(f"window.scrollTo(0, document.querySelector('{MAP}').getBoundingClientRect().top + scrollY - 100)")
    page.evaluate(STILL)
    box = page.locator(MAP).bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] * 0.75

    def points(dy: float) -> list[dict]:
        return [{"x": x + 40 * i, "y": y - dy, "id": i} for i in range(fingers)]

    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": points(0)})
    for step in range(1, 11):
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": points(distance * step / 10)})
        page.evaluate(NEXT_FRAME)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    page.evaluate(STILL)


def test_one_finger_over_the_map_scrolls_the_page_and_leaves_the_map(phone):
    page, cdp = phone
    before_pane = page.evaluate(PANE)
    swipe(page, cdp, fingers=1)
    start = page.evaluate(f"document.querySelector('{MAP}').getBoundingClientRect().top + scrollY - 100")
    assert page.evaluate("scrollY") > start + 100          # the page went down with the finger
    assert page.evaluate(PANE) == before_pane               # the map stayed where it was
    hint = page.locator(".uv-map-gesture")
    assert hint.text_content() == "Flytta kartan med två fingrar"
    assert "uv-map-gesture--shown" in hint.get_attribute("class")


def test_two_fingers_move_the_map_and_not_the_page(phone):
    page, cdp = phone
    before_pane = page.evaluate(PANE)
    swipe(page, cdp, fingers=2)
    start = page.evaluate(f"document.querySelector('{MAP}').getBoundingClientRect().top + scrollY - 100")
    assert abs(page.evaluate("scrollY") - start) < 5
    assert page.evaluate(PANE) != before_pane


def test_the_page_says_how_to_move_the_map_on_a_touch_screen(phone):
    page, _cdp = phone
    assert "flyttar kartan med två" in page.locator(".uv-map-help").text_content()


def test_the_map_starts_within_the_first_two_screens_of_a_phone(phone):
    page, _cdp = phone
    page.evaluate("window.scrollTo(0, 0)")
    top = page.evaluate(f"document.querySelector('{MAP}').getBoundingClientRect().top")
    assert top < PHONE["height"] * 1.5
