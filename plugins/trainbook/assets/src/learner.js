
  // ------------------------------------------------ page total, 学习记录

  /* Pages with practice quizzes (bank and module pages) get one bar before the first quiz:
   * the running total over all of the page's quizzes, 只看错题 and 重新练习错题. */
  var pageBar = null;

  function practiceQuizzes() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-tb-quiz]")).map(function (root) {
      return root.tbQuiz;
    }).filter(function (q) { return q && q.mode === "practice" && !q.review; });
  }

  /* The total comes from the saved progress of every question the page's quizzes drew, built yet or
   * not: the store holds what each question shows (checked, last result), so it is the same count. */
  function updatePageBar() {
    var quizzes = practiceQuizzes();
    if (!quizzes.length) {
      return;
    }
    var first = quizzes[0];
    var t = first.t;
    if (!pageBar || !pageBar.el.isConnected) {
      pageBar = { only: false };
      pageBar.total = h("p", { "class": "tb-pagebar__total", role: "status" });
      pageBar.onlyBtn = button(t.onlyWrong, "tb-pagebar__only", function () {
        finishAll(); // a quiz not built yet would show its static list, not just its wrong answers
        pageBar.only = !pageBar.only;
        updatePageBar();
      }, { "aria-pressed": "false" });
      pageBar.retryBtn = button(t.retryWrong, "tb-pagebar__retry", function () {
        finishAll();
        var first = 0;
        practiceQuizzes().forEach(function (q) {
          var el = q.retryWrong();
          first = first || el;
        });
        pageBar.only = false;
        updatePageBar();
        if (first) {
          first.focus(); // the button is disabled now: to the first question opened again
        }
      });
      // The build reserved the bar's place (see quiz.html): fill it, so nothing moves.
      pageBar.el = document.querySelector("[data-tb-pagebar]:empty") ||
        first.root.parentNode.insertBefore(h("div"), first.root);
      pageBar.el.className = "tb-pagebar";
      pageBar.el.appendChild(pageBar.total);
      pageBar.el.appendChild(h("div", { "class": "tb-pagebar__actions" }, pageBar.onlyBtn, pageBar.retryBtn));
    }
    var store = readStore();
    var n = 0;
    var k = 0;
    var score = 0;
    var max = 0;
    var wrong = 0;
    quizzes.forEach(function (q) {
      var before = wrong;
      q.drawn.forEach(function (d) {
        var e = savedQuestion(q.byId[d[0]], store);
        n += 1;
        if (e && e.g && e.o) {
          k += 1;
          score += e.o.s;
          max += e.o.m;
          if (!isCorrect({ status: e.o.st, score: e.o.s, max: e.o.m }) && e.o.st !== "self") {
            wrong += 1;
          }
        }
      });
      q.root.classList.toggle("tb-quiz--only-wrong", pageBar.only);
      q.root.hidden = pageBar.only && wrong === before; // nothing to show here (the bar says when nowhere)
    });
    pageBar.total.textContent = fmt(t.pageTotal, { k: k, n: n, s: fmtNum(score), m: fmtNum(max), w: wrong }) +
      (pageBar.only && !wrong ? " " + t.noWrongHere : "");
    pageBar.el.setAttribute("data-checked", String(k));
    pageBar.el.setAttribute("data-score", fmtNum(score));
    pageBar.el.setAttribute("data-wrong", String(wrong));
    pageBar.onlyBtn.setAttribute("aria-pressed", pageBar.only ? "true" : "false");
    pageBar.onlyBtn.textContent = pageBar.only ? t.showAll : t.onlyWrong;
    pageBar.retryBtn.disabled = wrong === 0;
    document.dispatchEvent(new Event("tb-progress")); // assets/progress.js follows the answers given here
  }

  /* 学习记录: per module the questions done and the share right, the best mock-exam scores;
   * export / import of the saved progress as a JSON file (phone ↔ PC); clear; print.
   * data: {modules: [{title, href, ids}], exams: [{id, title, href, pass, total}]} */
  function initRecord(root) {
    if (root.hasAttribute(READY)) {
      return;
    }
    root.setAttribute(READY, "");
    var t = pickStrings();
    var script = root.querySelector("script.tb-record__data");
    var data;
    try {
      data = JSON.parse(script ? script.textContent : "") || {};
    } catch (err) {
      console.error("trainbook: bad 学习记录 data", err);
      return;
    }
    var view = h("div", { "class": "tb-record__view" });
    var status = h("p", { "class": "tb-record__status", role: "status", tabindex: "-1" });
    var file = h("input", { type: "file", accept: ".json,application/json", "class": "tb-sr", id: uid("import") });
    var actions = h("div", { "class": "tb-record__actions tb-quiz__actions" },
      button(t.exportRecord, "tb-record__export tb-btn--primary", exportRecord),
      h("label", { "class": "tb-btn tb-record__import", "for": file.id, text: t.importRecord }),
      file,
      button(t.printRecord, "tb-record__print", function () { window.print(); }),
      button(t.clearRecord, "tb-record__clear", function () {
        ask(actions, t, t.confirmClear, t.clearRecord, function () {
          writeStore(emptyStore());
          render();
          say(t.cleared, 1);
        });
      }));
    root.appendChild(view);
    root.appendChild(actions);
    root.appendChild(status);

    /** Show text; focus: after a confirmation, whose buttons are gone (else focus falls to <body>). */
    function say(text, focus) {
      status.textContent = text;
      if (focus) {
        status.focus();
      }
    }

    function exportRecord() {
      var text = JSON.stringify(readStore(), null, 1);
      var url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
      var a = h("a", { href: url, download: "trainbook-" + new Date().toISOString().slice(0, 10) + ".json" });
      document.body.appendChild(a);
      a.click();
      a.parentNode.removeChild(a);
      window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
      say(t.exported);
    }

    file.addEventListener("change", function () {
      var f = file.files && file.files[0];
      if (!f) {
        return;
      }
      var reader = new FileReader();
      reader.onload = function () {
        var d = null;
        try {
          d = migrate(JSON.parse(String(reader.result)));
        } catch (e) {
          d = null;
        }
        file.value = "";
        if (!d) {
          say(t.importError);
          return;
        }
        ask(actions, t, t.confirmImport, t.importRecord, function () {
          writeStore(d);
          render();
          say(t.imported, 1);
        });
      };
      reader.readAsText(f);
    });

    function cell(content) {
      return h("td", {}, content);
    }

    function render() {
      var store = readStore();
      view.textContent = "";
      var tbody = h("tbody");
      asArray(data.modules).forEach(function (m) {
        var ids = asArray(m.ids);
        var done = 0;
        var right = 0;
        var self = 0;
        ids.forEach(function (id) {
          var e = store.q[id];
          if (e && e.o) {
            done += 1;
            // A self-assessed answer is neither right nor wrong here, as on the page bar and
            // in the 错题本: it counts as done only.
            if (e.o.st === "self") {
              self += 1;
            } else if (isCorrect({ status: e.o.st, score: e.o.s, max: e.o.m })) {
              right += 1;
            }
          }
        });
        var graded = done - self;
        var name = typeof m.href === "string" && m.href ? h("a", { href: m.href, text: String(m.title) }) : String(m.title);
        tbody.appendChild(h("tr", { "data-module": String(m.title) },
          cell(name),
          cell(fmt(t.doneOf, { d: done, n: ids.length })),
          cell(graded ? Math.round(right / graded * 100) + "%" : "—"),
          cell(String(graded - right))));
      });
      view.appendChild(h("table", { "class": "tb-record__modules" },
        h("caption", { text: t.recordModules }),
        h("thead", {}, h("tr", {}, h("th", { scope: "col", text: t.colModule }), h("th", { scope: "col", text: t.colDone }),
          h("th", { scope: "col", text: t.colRight }), h("th", { scope: "col", text: t.colWrong }))),
        tbody));
      var exams = asArray(data.exams);
      if (exams.length) {
        var eb = h("tbody");
        exams.forEach(function (ex) {
          var results = asArray(store.exams[ex.id]).filter(function (r) { return r && typeof r === "object"; });
          var best = null;
          results.forEach(function (r) {
            if (!best || Number(r.s) > Number(best.s)) {
              best = r;
            }
          });
          var name = typeof ex.href === "string" && ex.href ? h("a", { href: ex.href, text: String(ex.title) }) : String(ex.title);
          eb.appendChild(h("tr", { "data-exam": String(ex.id) },
            cell(name),
            cell(best ? fmtNum(best.s) + " / " + fmtNum(best.m) + "（" + best.p + "%）" : "—"),
            cell(best && best.pass !== null && best.pass !== undefined ? (best.pass ? t.passed : t.failed) : "—"),
            cell(String(results.length))));
        });
        view.appendChild(h("table", { "class": "tb-record__exams" },
          h("caption", { text: t.recordExams }),
          h("thead", {}, h("tr", {}, h("th", { scope: "col", text: t.colExam }), h("th", { scope: "col", text: t.colBest }),
            h("th", { scope: "col", text: t.colVerdict }), h("th", { scope: "col", text: t.colAttempts }))),
          eb));
      }
      view.appendChild(h("p", { "class": "tb-record__date", text: fmt(t.recordDate, { d: new Date().toLocaleDateString(document.documentElement.lang || []) }) }));
    }
    render();
  }

