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
      console.error("trainbook quiz: cannot read the quiz data of #" + (root.id || "?"), err);
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
      console.error("trainbook quiz: cannot build #" + (root.id || "?"), err2);
    }
  }

  function initAll() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-tb-quiz]"), initQuiz);
    Array.prototype.forEach.call(document.querySelectorAll("[data-tb-record]"), initRecord);
    updatePageBar();
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
