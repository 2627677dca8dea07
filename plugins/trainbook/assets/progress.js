/* trainbook: the reader's progress on module headers and learning paths (handbook_pages.py).
 *
 * Reads the saved progress through the quiz engine (window.trainbookQuiz.store / .correct, quiz.js
 * is loaded before this file), so the storage format stays defined in one place (assets/src/storage.js).
 * Data: <script class="tb-progress__data">{modules: {id: {ids, title, href}}, words: {todo, doing,
 * done, next, cont, all}}</script>, one or more per page; the words come from the string table.
 * [data-tb-module=id] gets data-state (todo | doing | done) and its [data-tb-state] the words;
 * [data-tb-next="a b c"] (a path's modules in order) names the first module not done yet, or, when
 * all are, the path's mock exam (data-tb-final, data-tb-final-title) if it has one.
 * A module is done when each of its practice questions has been answered at least once.
 * Plain ES5, no framework, CSP-safe (no inline code, no eval); text only through textContent.
 */
(function () {
  "use strict";

  function each(selector, fn) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), fn);
  }

  function fill(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (m, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : m;
    });
  }

  function update() {
    var engine = window.trainbookQuiz;
    if (!engine || typeof engine.store !== "function") {
      return; // no engine: the static words stay
    }
    var modules = {};
    var words = {};
    each("script.tb-progress__data", function (script) {
      try {
        var d = JSON.parse(script.textContent);
        Object.keys(d.modules || {}).forEach(function (k) { modules[k] = d.modules[k]; });
        words = d.words || words;
      } catch (err) {
        console.error("trainbook: cannot read the progress data", err);
      }
    });
    var saved = engine.store().q || {};
    var states = {};
    Object.keys(modules).forEach(function (k) {
      var s = { n: 0, d: 0, r: 0 };
      (Array.isArray(modules[k].ids) ? modules[k].ids : []).forEach(function (id) {
        var e = saved[id];
        s.n += 1;
        if (e && e.o) {
          s.d += 1;
          s.r += engine.correct({ status: e.o.st, score: e.o.s, max: e.o.m }) ? 1 : 0;
        }
      });
      if (s.n) {
        s.p = s.d ? Math.round((s.r / s.d) * 100) : 0;
        s.state = !s.d ? "todo" : s.d < s.n ? "doing" : "done";
        states[k] = s;
      }
    });
    each("[data-tb-module]", function (el) {
      var s = states[el.getAttribute("data-tb-module")];
      var out = el.querySelector("[data-tb-state]");
      if (s) {
        el.setAttribute("data-state", s.state);
        if (out) {
          out.textContent = fill(words[s.state], s);
        }
      }
    });
    each("[data-tb-next]", function (el) {
      var ids = el.getAttribute("data-tb-next").split(" ").filter(function (k) { return states[k]; });
      var next = ids.filter(function (k) { return states[k].state !== "done"; })[0];
      if (!ids.length) {
        return;
      }
      var final = el.getAttribute("data-tb-final"); // the path's mock exam, once every module is practised
      el.setAttribute("data-state", next ? states[next].state : "done");
      el.textContent = next ? words[states[next].state === "doing" ? "cont" : "next"] : words.all;
      if (next || final) {
        var a = document.createElement("a");
        a.href = next ? String(modules[next].href) : final;
        a.textContent = next ? String(modules[next].title) : el.getAttribute("data-tb-final-title");
        el.appendChild(document.createTextNode(next ? "" : words.next));
        el.appendChild(a);
      }
    });
  }

  // One update when the browser is idle, however many signals came before it: the engine
  // signals after every quiz it builds, and start-up must not add a long task of its own.
  var pending = false;
  function schedule() {
    if (pending) {
      return;
    }
    pending = true;
    var later = window.requestIdleCallback || function (fn) { return setTimeout(fn, 1); };
    later(function () {
      pending = false;
      update();
    }, { timeout: 500 });
  }

  // Answers given on this page (the engine signals them), in another tab, and pages restored
  // from the back/forward cache all change what is saved.
  document.addEventListener("tb-progress", schedule);
  window.addEventListener("storage", schedule);
  window.addEventListener("pageshow", schedule);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", schedule);
  } else {
    schedule();
  }
})();
