#!/usr/bin/env python3
"""The workshop page in a real browser: headless Chromium driven over its DevTools protocol.

Starts `polku serve` on a copy of two example journeys, opens the page in Chromium and checks
what a workshop does with it: the diagram and the questions are there; saving the file in an
editor brings the new step without a reload; a question shows its card and a card its
questions; ticks stay after a reload (on the page and in the HTML checklist file); the text
can be edited, re-checked and saved in the page, and a save over a file changed on disk is
refused with both versions shown; errors show their lines and keep the last diagram; the
projector view shows the current question large. The page must log no error (a
Content-Security-Policy violation would be one).

    Tests/browser/live_page.py [--polku PATH] [--screenshots DIR]

--screenshots writes the page and the projector view as PNG (the pictures in docs/).
Exit status 0 when every check passed; each check prints a line.
"""
import argparse
import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
failures = []


def check(condition, what):
    print(("ok    " if condition else "FAIL  ") + what, flush=True)
    if not condition:
        failures.append(what)


class Browser:
    """Chromium with --remote-debugging-pipe: JSON messages ending in NUL on fds 3 and 4."""

    def __init__(self, profile, width=1600, height=1000):
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()

        def wire():
            os.dup2(to_browser_r, 3)
            os.dup2(from_browser_w, 4)

        arguments = [shutil.which("chromium") or shutil.which("chromium-browser") or "chromium",
                     "--headless", "--remote-debugging-pipe", "--disable-gpu", "--no-first-run",
                     "--no-default-browser-check", "--hide-scrollbars", "--disable-extensions",
                     "--user-data-dir=" + profile, f"--window-size={width},{height}", "about:blank"]
        if os.geteuid() == 0:
            arguments.insert(1, "--no-sandbox")
        self.process = subprocess.Popen(arguments, preexec_fn=wire, pass_fds=(3, 4),
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.session = None

    def send(self, method, params=None, session=True):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.time() + 60
        while time.time() < deadline:
            answer = self.receive()
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            self.events.append(answer)
        raise RuntimeError(f"{method}: no answer")

    def receive(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("the browser went away")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def open(self, url):
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["sessionId"]
        self.send("Runtime.enable")
        self.send("Log.enable")
        self.send("Page.enable")
        self.navigate(url)

    def navigate(self, url):
        # The page being left is marked, so the wait below cannot be answered by it: right
        # after Page.navigate the old document may still be the current one, and complete.
        self.evaluate("window.polkuLeaving = true; 0")
        self.send("Page.navigate", {"url": url})
        if self.wait("!window.polkuLeaving && document.readyState === 'complete'", "the page loads") is None:
            raise RuntimeError(f"{url} did not load")

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait(self, expression, what, seconds=15):
        """Waits until the expression is true; returns how long it took, or None."""
        start = time.time()
        while time.time() - start < seconds:
            try:
                if self.evaluate(expression):
                    return time.time() - start
            except RuntimeError:
                pass
            time.sleep(0.05)
        return None

    def screenshot(self, path):
        data = self.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": False})["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def errors(self):
        """Errors the page logged (console errors, CSP violations, failed loads)."""
        found = []
        for event in self.events:
            if event.get("method") == "Log.entryAdded" and event["params"]["entry"]["level"] == "error":
                found.append(event["params"]["entry"]["text"])
            if event.get("method") == "Runtime.exceptionThrown":
                found.append(json.dumps(event["params"]["exceptionDetails"])[:300])
            if event.get("method") == "Runtime.consoleAPICalled" and event["params"]["type"] == "error":
                found.append(json.dumps(event["params"]["args"])[:300])
        return found

    def close(self):
        try:
            self.send("Browser.close", session=False)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def js(text):
    return json.dumps(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--polku", default=os.path.join(ROOT, ".build", "debug", "polku"))
    parser.add_argument("--screenshots")
    arguments = parser.parse_args()

    work = tempfile.mkdtemp(prefix="polku-browser-")
    folder = os.path.join(work, "journeys")
    os.makedirs(folder)
    for name in ["book-tipping.polku", "kaukolaina-fi.polku"]:
        shutil.copy(os.path.join(ROOT, "Examples", name), folder)
    journey = os.path.join(folder, "book-tipping.polku")
    original = open(journey, encoding="utf-8").read()

    environment = dict(os.environ, POLKU_LANG="en")
    server = subprocess.Popen([arguments.polku, "serve", folder, "--port", "0"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=environment)
    line = server.stdout.readline().decode()
    match = re.search(r"(http://127\.0\.0\.1:\d+)/", line)
    if not match:
        print("polku serve did not start: " + line + server.stderr.read().decode())
        return 1
    address = match.group(1)
    browser = Browser(os.path.join(work, "profile"))
    try:
        run(browser, address, folder, journey, original, arguments)
    finally:
        browser.close()
        server.send_signal(2)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            failures.append("polku serve did not stop on Ctrl-C")
        shutil.rmtree(work, ignore_errors=True)
    print(f"{len(failures)} failed" if failures else "every check passed")
    return 1 if failures else 0


def run(browser, address, folder, journey, original, arguments):
    # The list of journeys.
    browser.open(address + "/")
    check(browser.evaluate("document.querySelectorAll('ul.journeys a').length") == 2, "the folder lists its two journeys")

    # The journey's page: diagram, questions, summary, checklist.
    browser.navigate(address + "/journey/book-tipping.polku")
    check(browser.wait("window.polku && document.getElementById('live').textContent.indexOf('Live') === 0",
                       "the page follows the file") is not None, "the page is live")
    cards = browser.evaluate("document.querySelectorAll('#diagram svg g.node[id^=\"step-\"]').length")
    check(cards == 6, f"the diagram shows the journey's six steps as cards ({cards})")
    check("Book-tipping evening" in browser.evaluate("document.getElementById('title').textContent"), "the title")
    check(browser.evaluate("document.querySelectorAll('#summary table tbody tr').length") == 4, "the summary has three phases and a total")
    check(browser.evaluate("document.querySelectorAll('#checklist input[type=checkbox]').length") > 10, "the checklist has its checkboxes")

    # Saving the file in an editor: the new step appears without a reload, in place.
    browser.evaluate("window.loadedOnce = 'yes'; document.getElementById('diagram').scrollTop = 40; 0")
    edited = original.replace("after:\n", "after:\n  step reread: Reads the tip list again at home\n    via: web\n"
                              "    recommend: the next tipping evening\n    follow-up: a reminder email a week before\n", 1)
    started = time.time()
    with open(journey, "w", encoding="utf-8") as f:
        f.write(edited)
    took = browser.wait("document.getElementById('diagram').textContent.indexOf('Reads the tip list again') >= 0",
                        "the new step appears")
    check(took is not None, f"a step saved in an editor appears on the page ({(time.time() - started) * 1000:.0f} ms after saving)")
    check(browser.evaluate("window.loadedOnce") == "yes", "without reloading the page")
    check(browser.evaluate("document.querySelectorAll('#diagram svg g.node[id^=\"step-\"]').length") == 7, "seven cards now")

    # Ticks stay ticked after a reload.
    browser.evaluate("var box = document.querySelector('#checklist input[type=checkbox]'); box.click(); box.checked")
    browser.navigate(address + "/journey/book-tipping.polku")
    check(browser.evaluate("document.querySelector('#checklist input[type=checkbox]').checked") is True,
          "a ticked line is still ticked after a reload")

    # Errors: shown with their lines; the last diagram stays, marked out of date.
    with open(journey, "w", encoding="utf-8") as f:
        f.write(edited.replace("via: social", "via: socal"))
    check(browser.wait("document.querySelector('#problems button.line') !== null", "errors show") is not None,
          "errors show with their lines")
    check(browser.evaluate("!document.getElementById('stale').hidden && document.querySelector('#diagram svg') !== null"),
          "the last diagram stays, marked out of date")
    check("did you mean `social`?" in browser.evaluate("document.getElementById('problems').textContent"),
          "the error says what to do")
    with open(journey, "w", encoding="utf-8") as f:
        f.write(edited)
    check(browser.wait("document.getElementById('stale').hidden && document.getElementById('problems').textContent === ''",
                       "fixed") is not None, "fixing the file brings the diagram back")

    # Questions and cards (the Finnish journey has two open questions).
    browser.navigate(address + "/journey/kaukolaina-fi.polku")
    browser.wait("window.polku", "loaded")
    check(browser.evaluate("document.documentElement.lang") == "fi", "a Finnish journey's page is in Finnish")
    check(browser.evaluate("document.querySelectorAll('#questions button.question').length") == 2, "two questions")
    browser.evaluate("document.querySelector('#questions button.question[data-step]').click(); 0")
    step = browser.evaluate("document.querySelector('#questions button.question[data-step]').getAttribute('data-step')")
    check(browser.evaluate(f"document.querySelector(\"#diagram g[id='step-{step}']\").classList.contains('chosen')"),
          "clicking a question outlines its card")
    browser.evaluate("""(function () {
        var card = document.querySelector("#diagram g[id='step-1']");
        card.dispatchEvent(new MouseEvent('click', { bubbles: true }));
        return 0; })()""")
    check(browser.evaluate("!document.getElementById('step-filter').hidden && "
                           "document.getElementById('step-filter-text').textContent.indexOf('1') >= 0"),
          "clicking a card shows its questions (step 1 has none, and says so)")
    browser.evaluate("document.getElementById('show-all').click(); 0")
    check(browser.evaluate("document.getElementById('step-filter').hidden"), "Show all brings every question back")

    if arguments.screenshots:
        os.makedirs(arguments.screenshots, exist_ok=True)
        browser.evaluate("document.getElementById('show-all').click(); "
                         "document.querySelector('#questions button.question[data-step]').click(); window.scrollTo(0, 0); 0")
        time.sleep(0.5)
        browser.screenshot(os.path.join(arguments.screenshots, "serve-page.png"))

    # The projector view: the current question large, the others still there.
    browser.evaluate("document.getElementById('projector-toggle').click(); 0")
    check(browser.evaluate("document.body.classList.contains('projector') && !document.getElementById('current').hidden"),
          "the projector view shows the current question")
    first = browser.evaluate("document.getElementById('current-text').textContent")
    browser.send("Input.dispatchKeyEvent", {"type": "keyDown", "key": "ArrowRight", "code": "ArrowRight", "windowsVirtualKeyCode": 39})
    browser.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": "ArrowRight", "code": "ArrowRight", "windowsVirtualKeyCode": 39})
    second = browser.evaluate("document.getElementById('current-text').textContent")
    check(first and second and first != second, "the arrow key moves to the next question")
    check(browser.evaluate("document.getElementById('current-count').textContent") == "Kysymys 2/2", "and says which it is")
    font = browser.evaluate("parseFloat(getComputedStyle(document.getElementById('current-text')).fontSize)")
    check(font >= 40, f"the current question is large ({font} px)")
    if arguments.screenshots:
        browser.evaluate("window.scrollTo(0, 0); 0")
        time.sleep(0.5)
        browser.screenshot(os.path.join(arguments.screenshots, "serve-projector.png"))
    browser.evaluate("document.getElementById('projector-toggle').click(); 0")

    # Editing in the page: re-checked as one types, saved to the file.
    browser.navigate(address + "/journey/book-tipping.polku")
    browser.wait("window.polku", "loaded")
    browser.evaluate("document.getElementById('edit-toggle').click(); 0")
    check(browser.evaluate("!document.getElementById('editor-pane').hidden"), "the text pane opens")
    typed = edited.replace("Reads the tip list again at home", "Shares the tip list with a friend")
    browser.evaluate(f"""(function () {{
        var editor = document.getElementById('editor');
        editor.value = {js(typed)};
        editor.dispatchEvent(new Event('input', {{ bubbles: true }}));
        return 0; }})()""")
    check(browser.wait("document.getElementById('diagram').textContent.indexOf('Shares the tip list') >= 0", "rechecked") is not None,
          "the diagram is redrawn from the text being typed")
    check(open(journey, encoding="utf-8").read() == edited, "nothing is written before Save")
    if arguments.screenshots:
        browser.evaluate("window.scrollTo(0, 0); 0")
        time.sleep(0.3)
        browser.screenshot(os.path.join(arguments.screenshots, "serve-editing.png"))
    browser.evaluate("document.getElementById('save').click(); 0")
    check(browser.wait("document.getElementById('save-status').textContent === 'Saved.'", "saved") is not None, "Save says saved")
    check(open(journey, encoding="utf-8").read() == typed, "Save writes the file")

    # A save over a file changed on disk is refused, with both versions shown.
    mine = js(typed + "# mine\n")
    browser.evaluate(f"""(function () {{
        var editor = document.getElementById('editor');
        editor.value = {mine};
        editor.dispatchEvent(new Event('input', {{ bubbles: true }}));
        return 0; }})()""")
    time.sleep(0.6)
    with open(journey, "w", encoding="utf-8") as f:
        f.write(typed + "# theirs\n")
    browser.wait("document.getElementById('notice').textContent.length > 0", "noticed", seconds=5)
    browser.evaluate("document.getElementById('save').click(); 0")
    check(browser.wait("!document.getElementById('conflict').hidden", "conflict") is not None, "the save is refused")
    check("# theirs" in browser.evaluate("document.getElementById('conflict-disk').textContent")
          and "# mine" in browser.evaluate("document.getElementById('conflict-mine').textContent"), "both versions are shown")
    check(open(journey, encoding="utf-8").read() == typed + "# theirs\n", "the file on disk is untouched")
    browser.evaluate("document.getElementById('keep-mine').click(); 0")
    check(browser.wait("document.getElementById('save-status').textContent === 'Saved.'", "saved") is not None
          and open(journey, encoding="utf-8").read() == typed + "# mine\n", "keeping mine saves it")

    # The refused save's 409 is the browser's note of an answer the page expected.
    errors = [e for e in browser.errors() if "409 (Conflict)" not in e]
    check(not errors, "the page logged no error" + ("" if not errors else ": " + "; ".join(errors[:3])))

    # The HTML checklist file keeps its ticks too.
    checklist = os.path.join(folder, "book-tipping.html")
    subprocess.run([arguments.polku, "checklist", journey, "-o", checklist], check=True, capture_output=True)
    browser.navigate("file://" + checklist)
    browser.evaluate("document.querySelectorAll('input[type=checkbox]')[2].click(); 0")
    check(browser.evaluate("""(function () {
        var box = document.querySelectorAll('input[type=checkbox]')[2];
        var saved = JSON.parse(localStorage.getItem('polku-ticks ' + document.title) || '{}');
        return box.checked && saved[box.getAttribute('data-tick')] === 1; })()""") is True,
          "the tick is kept in the browser's storage")
    # The page writes its storage at once, but Chromium hands the write on to its storage
    # service by a message of its own: a page loaded straight after may be given the storage as
    # it was before. So the reload waits a moment, and is tried again for a few seconds; a tick
    # that is never kept still fails.
    kept = False
    for _ in range(6):
        time.sleep(0.5)
        browser.navigate("file://" + checklist)
        kept = browser.evaluate("document.querySelectorAll('input[type=checkbox]')[2].checked") is True
        if kept:
            break
    check(kept, "the HTML checklist file keeps a tick after a reload")


if __name__ == "__main__":
    sys.exit(main())
