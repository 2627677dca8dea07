  // ------------------------------------------------------------- bootstrap

  /** The quiz of root, built lazily (its questions by more()); null when it cannot be built. */
  function initQuiz(root) {
    if (root.hasAttribute(READY)) {
      return root.tbQuiz || null;
    }
    root.setAttribute(READY, "");
    var script = root.querySelector("script.tb-quiz__data");
    var data;
    try {
      data = JSON.parse(script ? script.textContent : "");
      root.tbQuiz = new Quiz(root, data || {}, true);
      return root.tbQuiz;
    } catch (err) {
      failed(root, err);
      return null;
    }
  }

  function failed(root, err) {
    root.setAttribute(READY, "error");
    root.tbQuiz = null;
    var app = root.querySelector(".tb-quiz__app");
    if (app) {
      app.parentNode.removeChild(app);
    }
    var staticEl = root.querySelector(".tb-quiz__static");
    if (staticEl) {
      staticEl.hidden = false; // the static question list stays
    }
    console.error("trainbook: cannot build #" + root.id, err);
  }

  /* Start-up in slices, so that opening a long bank or module page runs no long task: each quiz is
   * built question by question off the page, in tasks of at most SLICE ms, and swapped for its static
   * list once complete (nothing on screen moves or shows half a quiz). Quizzes on or near the screen
   * come first, in tasks of their own as soon as possible; the others when the browser is idle.
   * What needs every quiz complete (the page bar's buttons) finishes the rest at once: finishAll(). */
  var SLICE = 8;
  var soon = [];
  var later = [];
  var timer = 0;
  var idle = 0;
  var near = window.IntersectionObserver && new IntersectionObserver(function (entries) {
    entries.forEach(function (en) {
      var i = later.indexOf(en.target.tbQuiz);
      if (en.target.tbQuiz) {
        en.target.tbQuiz.far = !en.isIntersecting; // shown a few questions per frame (Quiz.revealLater)
      }
      if (en.isIntersecting) { // on screen now, or scrolled to before idle time came
        near.unobserve(en.target);
        if (i >= 0) {
          soon.push(later.splice(i, 1)[0]);
        }
      }
    });
    schedule();
  }, { rootMargin: "100% 0px" });

  /** Build the next questions until until() says stop, or everything when until is not given;
   * nearOnly: only the quizzes near the screen. */
  function work(until, nearOnly) {
    var quiz;
    while ((quiz = soon[0] || (!nearOnly && later[0])) && !(until && until())) {
      var done = true;
      try {
        done = !quiz.root.isConnected || quiz.more(until);
      } catch (err) {
        failed(quiz.root, err);
      }
      if (done) {
        (soon[0] === quiz ? soon : later).shift();
        if (near) {
          near.unobserve(quiz.root);
        }
        if (quiz.far && until) {
          break; // one quiz swapped in per frame (it shows a few questions, Quiz.revealLater)
        }
      }
    }
  }

  function slice(deadline, nearOnly) {
    var end = Date.now() + SLICE;
    work(function () {
      return Date.now() >= end || (deadline && deadline.timeRemaining() < 1);
    }, nearOnly);
    schedule();
  }

  function schedule() {
    if (soon.length && !timer) {
      timer = setTimeout(function () {
        timer = 0;
        slice(null, true);
      }, 0);
    } else if (later.length && !idle) {
      idle = (window.requestIdleCallback || setTimeout)(function (deadline) {
        idle = 0;
        slice(deadline && deadline.timeRemaining ? deadline : null, false);
      });
    }
  }

  function finishAll() {
    work(null, false);
    revealing.slice().forEach(function (quiz) { quiz.showAll(); });
  }

  function initAll() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-tb-quiz]:not([" + READY + "])"), function (root) {
      var quiz = initQuiz(root);
      if (quiz) {
        later.push(quiz);
        if (near) {
          near.observe(root);
        }
      }
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-tb-record]"), initRecord);
    updatePageBar();
    schedule();
  }

  // Start-up runs in a task of its own, not in the one that ends parsing and runs
  // DOMContentLoaded (Material's handlers): two shorter tasks instead of one long one.
  var starting = 0;
  function start() {
    if (!starting) {
      starting = setTimeout(function () {
        starting = 0;
        initAll();
      }, 0);
    }
  }

  var subscribed = false;
  function subscribeMaterial() {
    var d$ = window.document$;
    if (!subscribed && d$ && typeof d$.subscribe === "function") {
      subscribed = true;
      // Material for MkDocs emits on first load and after every instant navigation.
      d$.subscribe(start);
    }
  }

  // store, correct: for assets/progress.js (module progress on module pages and learning paths).
  window.trainbookQuiz = { init: initAll, version: "1", store: readStore, correct: isCorrect };

  subscribeMaterial();
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      subscribeMaterial();
      start();
    });
  } else {
    start();
  }
})();
