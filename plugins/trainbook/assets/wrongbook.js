/* trainbook: the 错题本 page (templates/wrongbook.md.j2), its questions loaded per bank on demand.
 *
 * The page lists the banks ([data-tb-bank] sections); it does not carry their questions. The build
 * writes them once as script files (trainbook/bankdata.py): an index ({bank: {file, ids}}) and one
 * file per bank holding its practice questions exactly as the quiz engine gets them on the handbook's
 * pages. This file loads the index, reads the saved progress through the engine
 * (window.trainbookQuiz.store: the format stays defined in assets/src/storage.js), loads only the banks
 * holding a question last answered wrongly, and hands every section to the engine as a review quiz
 * (data.review: it shows the wrong ones, a right answer takes one off the list). Sections of banks
 * without wrong answers are hidden (heading and contents entry too); the status line says when all are.
 * Data files are <script> elements, not fetch: that works from file:// and under script-src 'self'.
 * Each calls trainbookData(its path in the data folder, data). Plain ES5, no inline code, no eval.
 */
(function () {
  "use strict";

  var registered = {};
  window.trainbookData = function (key, data) {
    registered[key] = data;
  };

  function load(src, done) {
    var s = document.createElement("script");
    s.src = src;
    s.onload = function () { done(s); };
    s.onerror = function () { done(null); };
    document.head.appendChild(s);
  }

  /** Last answered wrongly (or partly): what the engine's review mode shows. */
  function wrong(e) {
    return !!(e && e.o && (e.o.st === "wrong" || e.o.st === "partial"));
  }

  function give(root, questions) {
    var data = document.createElement("script");
    data.type = "application/json";
    data.className = "tb-quiz__data";
    data.textContent = JSON.stringify({ id: root.id, mode: "practice", review: true, questions: questions });
    root.appendChild(data);
    root.setAttribute("data-tb-quiz", "");
  }

  /** Hide a bank's section: its box, its heading and the heading's entry in the table of contents. */
  function hide(root) {
    var head = root.previousElementSibling;
    root.hidden = true;
    if (head && /^H\d$/.test(head.tagName)) {
      head.hidden = true;
      Array.prototype.forEach.call(document.querySelectorAll(".md-nav__link[href=\"#" + CSS.escape(head.id) + "\"]"),
        function (a) { a.parentNode.hidden = true; });
    }
  }

  function start() {
    var book = document.querySelector("[data-tb-wrongbook]");
    var engine = window.trainbookQuiz;
    if (!book || book.hasAttribute("data-state")) {
      return;
    }
    function say(which) {
      var el = book.querySelector(".tb-wrongbook__status");
      if (el) {
        el.textContent = book.getAttribute("data-" + which) || "";
      }
    }
    if (!engine || typeof engine.store !== "function" || typeof engine.init !== "function") {
      book.setAttribute("data-state", "failed"); // the engine did not load
      say("failed");
      return;
    }
    book.setAttribute("data-state", "loading");
    load(book.getAttribute("data-tb-wrongbook"), function (script) {
      var index = script && registered["index.js"];
      if (!index || typeof index !== "object") {
        book.setAttribute("data-state", "failed");
        say("failed");
        return;
      }
      var saved = engine.store().q || {};
      var waiting = 1;
      var loaded = [];
      var failed = false;
      function done() {
        waiting -= 1;
        if (waiting) {
          return;
        }
        engine.init();
        book.setAttribute("data-state", failed ? "failed" : "ready");
        book.setAttribute("data-loaded", loaded.sort().join(" "));
        if (failed) {
          say("failed");
        } else if (!loaded.length) {
          say("none");
        }
      }
      Array.prototype.forEach.call(document.querySelectorAll("[data-tb-bank]"), function (root) {
        var id = root.getAttribute("data-tb-bank");
        var bank = Object.prototype.hasOwnProperty.call(index, id) ? index[id] : null;
        var ids = bank && Array.isArray(bank.ids) ? bank.ids : [];
        if (!ids.some(function (q) { return wrong(saved[q]); })) {
          hide(root); // the page lists only the banks with something to practise
          return;
        }
        waiting += 1;
        load(new URL(String(bank.file), script.src).href, function (s) {
          var questions = s && registered[bank.file];
          if (Array.isArray(questions)) {
            loaded.push(id);
            give(root, questions);
          } else {
            failed = true;
          }
          done();
        });
      });
      done();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
