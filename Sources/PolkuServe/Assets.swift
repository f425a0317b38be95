import PolkuChecklist

/// The workshop page's stylesheet and script, served by Polku itself (`/assets/…`): nothing
/// comes from the internet, and the Content-Security-Policy allows nothing else.
enum Assets {
    /// High contrast throughout (dark text on white, borders at least 1.5 px), so that a
    /// projector in a bright room shows it; the projector view makes everything larger still.
    /// Nothing is told by colour alone: the chosen card gets a thick outline and its question
    /// a bar and bold text.
    static let css = """
    :root { --ink: #111827; --muted: #374151; --line: #4b5563; --paper: #ffffff; --soft: #f3f4f6; --mark: #b42318; --focus: #1d4ed8; }
    * { box-sizing: border-box; }
    html { font-size: 16px; }
    body { margin: 0; font-family: "Liberation Sans", "DejaVu Sans", Arial, sans-serif; color: var(--ink); background: var(--paper); line-height: 1.45; }
    button, select, summary { font: inherit; color: var(--ink); background: var(--paper); border: 1.5px solid var(--line); border-radius: 4px; padding: .2rem .6rem; cursor: pointer; }
    button:hover, select:hover, summary:hover { background: var(--soft); }
    button:focus-visible, select:focus-visible, summary:focus-visible, textarea:focus-visible, a:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    button[aria-pressed="true"] { background: var(--ink); color: var(--paper); }
    a { color: var(--focus); }
    h1 { font-size: 1.35rem; margin: 0; }
    h2 { font-size: 1.1rem; margin: .2rem 0 .5rem; }
    h3 { font-size: 1rem; margin: .6rem 0 .3rem; }
    [hidden] { display: none !important; }
    .bar { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem 1.2rem; padding: .6rem 1rem; border-bottom: 2px solid var(--ink); background: var(--paper); position: sticky; top: 0; z-index: 2; }
    .bar .state { margin: 0; color: var(--muted); }
    .bar .tools { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; margin-left: auto; }
    .downloads { position: relative; }
    .downloads[open] > p { position: absolute; right: 0; background: var(--paper); border: 1.5px solid var(--line); padding: .5rem; margin: .2rem 0 0; width: 22rem; z-index: 3; }
    .downloads[open] > p.hint { top: 3.4rem; font-size: .9rem; }
    .notice { margin: .5rem 1rem; padding: .5rem .8rem; border: 2px solid var(--ink); border-left-width: 8px; }
    .workspace { display: grid; grid-template-columns: minmax(0, 1fr) 24rem; gap: 1rem; padding: 1rem; }
    body.editing .workspace { grid-template-columns: minmax(18rem, 28rem) minmax(0, 1fr) 22rem; }
    @media (max-width: 70rem) { .workspace, body.editing .workspace { grid-template-columns: minmax(0, 1fr); } }
    .editor-pane textarea { width: 100%; height: 65vh; white-space: pre; overflow: auto; font: .92rem/1.45 "DejaVu Sans Mono", "Liberation Mono", monospace; color: var(--ink); border: 1.5px solid var(--line); padding: .5rem; tab-size: 4; }
    .save-row { display: flex; gap: .6rem; align-items: center; }
    .conflict { border: 2px solid var(--ink); border-left-width: 8px; padding: .5rem; margin-top: .5rem; }
    .conflict .versions { display: grid; grid-template-columns: 1fr 1fr; gap: .5rem; }
    .conflict pre { max-height: 20rem; overflow: auto; background: var(--soft); padding: .4rem; font-size: .8rem; white-space: pre-wrap; }
    .pane-head { display: flex; align-items: baseline; gap: 1rem; flex-wrap: wrap; }
    .zoom { margin: 0; display: flex; gap: .3rem; }
    .diagram { overflow: auto; border: 1.5px solid var(--line); max-height: 78vh; background: var(--paper); }
    .diagram svg { display: block; height: auto; }
    .diagram.is-stale svg { opacity: .45; }
    .stale { font-weight: bold; border: 2px dashed var(--ink); padding: .4rem .6rem; margin: .4rem 0; }
    .problems .lead { font-weight: bold; margin: .3rem 0; }
    .problem-list { padding-left: 1.2rem; }
    .problem-list li { margin: .35rem 0; }
    .problem-list .message { font-weight: bold; }
    .problem-list .excerpt, .problem-list .help { display: block; }
    .problem-list .excerpt { font-family: "DejaVu Sans Mono", monospace; background: var(--soft); padding: .1rem .3rem; white-space: pre-wrap; }
    .problem-list .help { color: var(--muted); }
    .side section { margin-bottom: 1rem; }
    .side #summary { overflow-x: auto; }
    .side table { font-size: .75em; }
    .side th, .side td { padding: .2rem .3rem; hyphens: auto; }
    .questions { list-style: none; padding: 0; margin: 0; }
    .questions li { margin: .25rem 0; }
    .question { display: block; width: 100%; text-align: left; border: 1.5px solid var(--line); border-left: 6px solid var(--line); padding: .35rem .5rem; background: var(--paper); }
    .question[aria-current="true"] { border-left: 10px solid var(--ink); font-weight: bold; background: var(--soft); }
    .card-no { display: inline-block; min-width: 1.6em; text-align: center; border: 1.5px solid var(--ink); border-radius: 1em; font-weight: bold; font-size: .85em; margin-right: .3rem; }
    .step-filter { border: 1.5px solid var(--ink); padding: .3rem .5rem; }
    .none { color: var(--muted); }
    table { border-collapse: collapse; width: 100%; }
    th, td { border: 1px solid var(--line); padding: .25rem .4rem; text-align: left; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; }
    thead th { background: var(--soft); }
    .checklist-pane { padding: 0 1rem 2rem; }
    .checklist-pane ul { list-style: none; padding-left: 1.2rem; }
    .checklist-pane > div > section > ul { padding-left: 0; }
    .checklist-pane .meta, .checklist-pane .need, .checklist-pane .mood { color: var(--muted); }
    .checklist-pane input[type=checkbox] { width: 1.15em; height: 1.15em; accent-color: var(--ink); vertical-align: -0.15em; }
    /* The card the team looks at: a thick outline, not only a colour. */
    .diagram g.node.chosen > path, .diagram g.node.chosen > polygon { stroke: var(--ink) !important; stroke-width: 6px !important; stroke-dasharray: none !important; }
    .diagram g.node[id^="step-"] { cursor: pointer; }
    .current { margin: .6rem 1rem; padding: .8rem 1.2rem; border: 3px solid var(--ink); border-left-width: 14px; }
    .current .count { margin: 0; font-weight: bold; color: var(--muted); }
    .current .text { margin: .3rem 0 .6rem; font-size: 2.2em; font-weight: bold; line-height: 1.25; }
    .current .nav { margin: 0; display: flex; gap: .6rem; }
    body.index main { padding: 1rem; }
    .journeys { list-style: none; padding: 0; }
    .journeys li { padding: .5rem 0; border-bottom: 1px solid var(--line); }
    .journeys a { font-size: 1.15rem; font-weight: bold; }
    .journeys .path { color: var(--muted); margin-left: .6rem; font-family: "DejaVu Sans Mono", monospace; font-size: .9rem; }
    .journeys .count { margin-left: .6rem; }
    .journeys .has-errors { font-weight: bold; }
    /* The projector view: larger, starker, only what the room talks about. */
    body.projector { font-size: 22px; --muted: #111827; --line: #111827; }
    body.projector .editor-pane, body.projector .checklist-pane, body.projector .downloads, body.projector #edit-toggle,
    body.projector label, body.projector .home { display: none !important; }
    body.projector .workspace { grid-template-columns: minmax(0, 1fr) 34%; }
    body.projector .diagram { max-height: 70vh; border-width: 3px; }
    body.projector .question { border-width: 2.5px; }
    @media print { .bar .tools, .zoom, .editor-pane, .current, #live { display: none !important; } .diagram { max-height: none; border: none; } .workspace { display: block; } }
    """

    /// The page's behaviour. Live updates arrive as server-sent events (`/api/events/…`),
    /// each a whole view whose pieces replace the page's; the scroll position, the chosen
    /// question and the zoom stay.
    static let script = HTMLChecklist.tickScript + """
    (function () {
      "use strict";
      var config = JSON.parse(document.getElementById("polku-config").textContent);
      var words = config.strings;
      var $ = function (id) { return document.getElementById(id); };
      var state = { version: config.version, base: config.version, dirty: false, zoom: "fit", chosen: null, step: null,
                    layout: config.layout, lang: config.lang, events: null, timer: null };
      window.polku = state;
      state.loadedAt = Date.now();

      function query() { return "?layout=" + encodeURIComponent(state.layout) + "&lang=" + encodeURIComponent(state.lang); }
      function api(kind) { return "/api/" + kind + "/" + config.path.split("/").map(encodeURIComponent).join("/"); }
      function post(kind, body, extra) {
        return fetch(api(kind) + query() + (extra || ""), { method: "POST", body: body, credentials: "same-origin",
          headers: { "X-Polku-Token": config.token, "Content-Type": "text/plain; charset=utf-8" } });
      }
      function say(key, a, b) { return (words[key] || key).replace("{0}", a).replace("{1}", b); }

      // --- Applying a view -------------------------------------------------------------
      function apply(view, fromDisk) {
        var pane = $("diagram"), left = pane.scrollLeft, top = pane.scrollTop;
        $("title").textContent = view.title;
        $("status").textContent = view.status;
        document.documentElement.lang = view.language;
        $("problems").innerHTML = view.problems;
        if (view.diagram) {
          pane.innerHTML = view.diagram;
          pane.classList.toggle("is-stale", view.stale);
          zoom(state.zoom);
          pane.scrollLeft = left; pane.scrollTop = top;
        }
        $("stale").hidden = !view.stale;
        $("questions").innerHTML = view.questions;
        $("summary").innerHTML = view.summary;
        $("checklist").innerHTML = view.checklist;
        window.polkuTicks($("checklist"));
        state.version = view.version;
        if (fromDisk) {
          if (!state.dirty) {
            if ($("editor").value !== view.text) { $("editor").value = view.text; }
            state.base = view.version;
            $("notice").hidden = true;
          } else if (view.version !== state.base) {
            notice(words.changedOnDisk);
          }
        }
        choose(state.chosen, false);
        filter(state.step);
        current();
      }
      function notice(text) { $("notice").textContent = text; $("notice").hidden = !text; }

      // --- Live ------------------------------------------------------------------------
      function follow() {
        if (state.events) { state.events.close(); }
        var events = new EventSource(api("events") + query());
        events.addEventListener("view", function (event) {
          $("live").textContent = words.live;
          var view = JSON.parse(event.data);
          // While the text is being edited, the editor's own view stays (the file is shown
          // again once saved or when it changed on disk).
          if (state.dirty) { if (view.version !== state.base) { notice(words.changedOnDisk); } return; }
          apply(view, true);
        });
        events.onerror = function () { $("live").textContent = words.connectionLost; };
        state.events = events;
      }

      // --- Questions and cards ---------------------------------------------------------
      function questions() { return Array.prototype.slice.call(document.querySelectorAll("#questions button.question")); }
      function card(step) { return step ? document.querySelector("#diagram g[id='step-" + step + "']") : null; }
      function choose(n, scroll) {
        state.chosen = n;
        document.querySelectorAll("#diagram g.chosen").forEach(function (g) { g.classList.remove("chosen"); });
        questions().forEach(function (b) { b.removeAttribute("aria-current"); });
        if (n === null) { current(); return; }
        var button = questions().filter(function (b) { return b.getAttribute("data-q") === String(n); })[0];
        if (!button) { state.chosen = null; current(); return; }
        button.setAttribute("aria-current", "true");
        var g = card(button.getAttribute("data-step"));
        if (g) {
          g.classList.add("chosen");
          if (scroll) { g.scrollIntoView({ block: "center", inline: "center", behavior: "smooth" }); }
        }
        current();
      }
      function filter(step) {
        state.step = step;
        var shown = 0;
        document.querySelectorAll("#questions li").forEach(function (li) {
          var hide = step !== null && li.getAttribute("data-step") !== String(step);
          li.hidden = hide;
          if (!hide) { shown += 1; }
        });
        document.querySelectorAll("#questions section.phase").forEach(function (s) {
          s.hidden = step !== null && !s.querySelector("li:not([hidden])");
        });
        $("step-filter").hidden = step === null;
        if (step !== null) {
          $("step-filter-text").textContent = shown ? say("questionsAboutStep", step) : say("stepHasNoQuestions", step);
        }
      }
      $("questions").addEventListener("click", function (event) {
        var button = event.target.closest("button.question");
        if (button) { choose(Number(button.getAttribute("data-q")), true); }
      });
      $("diagram").addEventListener("click", function (event) {
        var g = event.target.closest("g[id^='step-']");
        if (!g) { return; }
        var step = Number(g.id.slice(5));
        filter(step);
        var first = questions().filter(function (b) { return b.getAttribute("data-step") === String(step); })[0];
        choose(first ? Number(first.getAttribute("data-q")) : null, false);
        if (first) { first.scrollIntoView({ block: "nearest" }); }
      });
      $("show-all").addEventListener("click", function () { filter(null); });
      $("problems").addEventListener("click", function (event) {
        var button = event.target.closest("button.line");
        if (!button) { return; }
        showEditor(true);
        var line = Number(button.getAttribute("data-line")), text = $("editor").value, start = 0;
        for (var i = 1; i < line; i += 1) { var next = text.indexOf("\\n", start); if (next < 0) { break; } start = next + 1; }
        var end = text.indexOf("\\n", start);
        $("editor").focus();
        $("editor").setSelectionRange(start, end < 0 ? text.length : end);
      });

      // --- Projector -------------------------------------------------------------------
      function current() {
        var all = questions(), box = $("current");
        if (!document.body.classList.contains("projector")) { box.hidden = true; return; }
        box.hidden = false;
        if (!all.length) { $("current-count").textContent = ""; $("current-text").textContent = $("questions").textContent.trim(); return; }
        var n = state.chosen === null ? 0 : state.chosen;
        var button = all.filter(function (b) { return b.getAttribute("data-q") === String(n); })[0] || all[0];
        $("current-count").textContent = say("questionOf", Number(button.getAttribute("data-q")) + 1, all.length);
        // The button's own pieces (the card's number in its circle, the question), escaped by Polku.
        $("current-text").innerHTML = button.innerHTML;
      }
      function step(by) {
        var all = questions();
        if (!all.length) { return; }
        var n = state.chosen === null ? (by > 0 ? -1 : all.length) : state.chosen;
        n = Math.max(0, Math.min(all.length - 1, n + by));
        filter(null);
        choose(n, true);
      }
      function projector(on) {
        document.body.classList.toggle("projector", on);
        $("projector-toggle").setAttribute("aria-pressed", on ? "true" : "false");
        $("projector-toggle").textContent = on ? words.leaveProjector : words.projector;
        if (on) { showEditor(false); if (state.chosen === null) { step(1); } }
        zoom("fit");
        current();
      }
      $("projector-toggle").addEventListener("click", function () { projector(!document.body.classList.contains("projector")); });
      $("next").addEventListener("click", function () { step(1); });
      $("previous").addEventListener("click", function () { step(-1); });
      document.addEventListener("keydown", function (event) {
        if (event.target === $("editor") || event.target.tagName === "SELECT") { return; }
        if (!document.body.classList.contains("projector")) { return; }
        if (event.key === "ArrowRight" || event.key === "PageDown" || event.key === " ") { step(1); event.preventDefault(); }
        if (event.key === "ArrowLeft" || event.key === "PageUp") { step(-1); event.preventDefault(); }
        if (event.key === "Escape") { projector(false); }
      });

      // --- Zoom ------------------------------------------------------------------------
      function zoom(to) {
        state.zoom = to;
        var svg = document.querySelector("#diagram svg");
        if (!svg) { return; }
        var box = svg.viewBox && svg.viewBox.baseVal;
        var natural = box && box.width ? box.width * 4 / 3 : svg.getBoundingClientRect().width;
        svg.removeAttribute("height");
        if (to === "fit") { svg.style.width = "100%"; svg.setAttribute("width", "100%"); }
        else { svg.style.width = Math.round(natural * to) + "px"; svg.setAttribute("width", Math.round(natural * to)); }
      }
      function zoomBy(factor) {
        var svg = document.querySelector("#diagram svg");
        if (!svg) { return; }
        var box = svg.viewBox.baseVal, natural = box.width * 4 / 3;
        var now = state.zoom === "fit" ? svg.getBoundingClientRect().width / natural : state.zoom;
        zoom(Math.max(0.1, Math.min(4, now * factor)));
      }
      $("zoom-in").addEventListener("click", function () { zoomBy(1.25); });
      $("zoom-out").addEventListener("click", function () { zoomBy(0.8); });
      $("zoom-fit").addEventListener("click", function () { zoom("fit"); });
      $("zoom-actual").addEventListener("click", function () { zoom(1); });

      // --- Editing ---------------------------------------------------------------------
      function showEditor(on) {
        $("editor-pane").hidden = !on;
        document.body.classList.toggle("editing", on);
        $("edit-toggle").setAttribute("aria-pressed", on ? "true" : "false");
        $("edit-toggle").textContent = on ? words.hideEditor : words.edit;
      }
      $("edit-toggle").addEventListener("click", function () { showEditor($("editor-pane").hidden); });
      function recheck() {
        $("save-status").textContent = words.checking;
        post("check", $("editor").value).then(function (response) {
          if (!response.ok) { return response.text().then(function (text) { $("save-status").textContent = text; }); }
          return response.json().then(function (view) {
            apply(view, false);
            $("save-status").textContent = state.dirty ? words.unsaved : "";
          });
        }).catch(function () { $("save-status").textContent = words.connectionLost; });
      }
      $("editor").addEventListener("input", function () {
        state.dirty = true;
        $("save-status").textContent = words.unsaved;
        clearTimeout(state.timer);
        state.timer = setTimeout(recheck, 300);
      });
      function save(base) {
        $("save-status").textContent = words.saving;
        var text = $("editor").value;
        post("save", JSON.stringify({ text: text, base: base })).then(function (response) {
          return response.json().then(function (answer) {
            if (response.status === 409) {
              $("conflict-mine").textContent = text;
              $("conflict-disk").textContent = answer.disk;
              $("conflict").hidden = false;
              state.diskVersion = answer.version;
              state.diskText = answer.disk;
              $("save-status").textContent = "";
              return;
            }
            if (!response.ok) { $("save-status").textContent = answer.error || response.statusText; return; }
            state.base = answer.version;
            state.dirty = $("editor").value !== text;
            $("conflict").hidden = true;
            notice("");
            $("save-status").textContent = state.dirty ? words.unsaved : words.saved;
          });
        }).catch(function () { $("save-status").textContent = words.connectionLost; });
      }
      $("save").addEventListener("click", function () { save(state.base); });
      $("keep-mine").addEventListener("click", function () { save(state.diskVersion); });
      $("take-disk").addEventListener("click", function () {
        $("editor").value = state.diskText;
        state.base = state.diskVersion;
        state.dirty = false;
        $("conflict").hidden = true;
        notice("");
        $("save-status").textContent = "";
        recheck();
      });
      document.addEventListener("keydown", function (event) {
        if ((event.ctrlKey || event.metaKey) && event.key === "s") { event.preventDefault(); save(state.base); }
      });

      // --- Layout, language, downloads -------------------------------------------------
      function rechoose() {
        history.replaceState(null, "", location.pathname + query());
        if (state.dirty) { recheck(); }
        follow();
      }
      $("layout").addEventListener("change", function () { state.layout = this.value; rechoose(); });
      $("lang").addEventListener("change", function () { state.lang = this.value; rechoose(); });
      document.querySelectorAll(".downloads button[data-format]").forEach(function (button) {
        button.addEventListener("click", function () {
          var format = button.getAttribute("data-format");
          post("export", $("editor").value, "&format=" + format).then(function (response) {
            if (!response.ok) { return response.text().then(notice); }
            return response.blob().then(function (blob) {
              var link = document.createElement("a");
              link.href = URL.createObjectURL(blob);
              link.download = config.path.split("/").pop().replace(/\\.polku$/, "") + "." + format;
              document.body.appendChild(link);
              link.click();
              setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
            });
          });
        });
      });

      zoom("fit");
      if (new URLSearchParams(location.search).get("view") === "projector") { projector(true); }
      follow();
    })();

    """
}
