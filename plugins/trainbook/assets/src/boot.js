  // ------------------------------------------------------------- bootstrap

  function initQuiz(root) {
    if (root.hasAttribute(READY)) {
      return;
    }
    root.setAttribute(READY, "");
    var script = root.querySelector("script.tb-quiz__data");
    var data;
    try {
      data = JSON.parse(script ? script.textContent : "");
    } catch (err) {
      root.setAttribute(READY, "error");
      console.error("trainbook: bad quiz data #" + root.id, err);
      return; // the static question list stays visible
    }
    try {
      root.tbQuiz = new Quiz(root, data || {});
    } catch (err2) {
      root.setAttribute(READY, "error");
      var app = root.querySelector(".tb-quiz__app");
      if (app) {
        app.parentNode.removeChild(app);
      }
      var staticEl = root.querySelector(".tb-quiz__static");
      if (staticEl) {
        staticEl.hidden = false;
      }
      console.error("trainbook: cannot build #" + root.id, err2);
    }
  }

  /* Start-up in pieces: the quizzes on or near the screen are built at once, the others one at a
   * time when the browser is idle, so that opening a long bank or module page runs no long task.
   * The page bar counts the quizzes built so far; it is updated after each one. */
  var pending = [];

  function idleStep(deadline) {
    do {
      initQuiz(pending.shift());
    } while (pending.length && deadline && deadline.timeRemaining() > 8);
    updatePageBar();
    whenIdle();
  }

  function whenIdle() {
    if (pending.length) {
      (window.requestIdleCallback || setTimeout)(idleStep);
    }
  }

  function initAll() {
    var waiting = pending.length;
    Array.prototype.forEach.call(document.querySelectorAll("[data-tb-quiz]"), function (root) {
      var r = root.getBoundingClientRect();
      if (r.top < 2 * innerHeight && r.bottom > -innerHeight) {
        initQuiz(root);
      } else if (pending.indexOf(root) < 0) {
        pending.push(root);
      }
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-tb-record]"), initRecord);
    updatePageBar();
    if (!waiting) {
      whenIdle();
    }
  }

  var subscribed = false;
  function subscribeMaterial() {
    var d$ = window.document$;
    if (!subscribed && d$ && typeof d$.subscribe === "function") {
      subscribed = true;
      // Material for MkDocs emits on first load and after every instant navigation.
      d$.subscribe(function () { initAll(); });
    }
  }

  // store, correct: for assets/progress.js (module progress on module pages and learning paths).
  window.trainbookQuiz = { init: initAll, version: "1", store: readStore, correct: isCorrect };

  subscribeMaterial();
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      subscribeMaterial();
      initAll();
    });
  } else {
    initAll();
  }
})();
