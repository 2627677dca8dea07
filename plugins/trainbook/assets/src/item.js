  // ------------------------------------------------------------- one item

  /** One question (or group sub-question) of a quiz; saved: its saved answer state or null. */
  function makeItem(q, quiz, label, parent, saved) {
    var t = quiz.t;
    var type = String(q.type || "");
    var builder = BUILDERS[type];
    var item = {
      q: q,
      t: t,
      quiz: quiz,
      parent: parent,
      type: type,
      graded: false,
      subs: null,
      checkBtn: null,
      saved: saved || null
    };
    item.top = function () { return parent || item; };
    /** The learner changed an answer: save the state of the whole question. */
    item.changed = function () {
      var top = item.top();
      if (!top.graded || top.selfAssessed) {
        quiz.saveItem(top);
      }
    };

    var li = h("li", {
      "class": "tb-q tb-q--" + (builder ? type : "unknown") + (parent ? " tb-q--sub" : ""),
      "data-qid": q.id === undefined || q.id === null ? null : String(q.id),
      "data-type": type,
      tabindex: "-1"
    });
    item.el = li;
    item.stemId = uid("stem");

    var head = h("div", { "class": "tb-q__head" });
    var stemEl = h("div", { "class": "tb-q__stem", id: item.stemId, html: q.shown_stem || q.stem || "" });
    item.stemEl = stemEl;

    var caseTitle = null;
    if (type === "group" && q.case_title) {
      caseTitle = h("p", { "class": "tb-group__case", text: fmt(t.caseTitle, { t: q.case_title }) });
    }

    var impl = builder ? builder(item) : {
      body: null,
      max: 0,
      answered: function () { return false; },
      grade: function () { return { score: 0, status: "unanswered" }; },
      answerNode: function () { return null; }
    };
    item.impl = impl;
    item.max = impl.max;
    item.selfAssessed = !!impl.selfAssessed;

    var typeName = builder && q.label ? q.label : t.unknownType;
    head.appendChild(h("span", { "class": "tb-q__num", text: label }));
    head.appendChild(h("span", { "class": "tb-q__type", text: typeName }));
    head.appendChild(h("span", { "class": "tb-q__points", text: pointsText(t, item.max) }));
    var d = parseInt(q.difficulty, 10);
    if (d >= 1 && d <= 3 && !parent) {
      head.appendChild(h("span", { "class": "tb-q__diff", text: fmt(t.difficultyLabel, { d: t.difficulty[d] }) }));
    }

    li.appendChild(head);
    if (caseTitle) {
      li.appendChild(caseTitle);
    }
    li.appendChild(stemEl);
    if (impl.body) {
      li.appendChild(h("div", { "class": "tb-q__body" }, impl.body));
    }

    var fb = h("div", { "class": "tb-q__feedback", tabindex: "-1" });
    fb.hidden = true;
    item.fbEl = fb;

    // Shown (not only announced) when 检查 finds nothing to check.
    var prompt = h("p", { "class": "tb-q__prompt", role: "status" });
    prompt.hidden = true;
    item.prompt = function (text) {
      prompt.textContent = text;
      prompt.hidden = !text;
    };

    if (!parent && quiz.mode === "practice") {
      var check = button(impl.checkLabel || t.check, "tb-q__check tb-btn--primary", function () {
        quiz.checkItem(item);
      }, { "aria-describedby": item.stemId });
      check.hidden = !!impl.checkHiddenInitially;
      item.checkBtn = check;
      li.appendChild(h("div", { "class": "tb-q__actions" }, check, prompt));
    }
    li.appendChild(fb);
    if (!parent) {
      li.addEventListener("input", function () { item.prompt(""); item.changed(); });
      li.addEventListener("change", function () { item.prompt(""); item.changed(); });
    }

    item.state = function () { return impl.state ? impl.state() : null; };
    item.answered = function () { return impl.answered(); };
    item.missing = function () { return impl.missing ? impl.missing() : 0; };
    item.canCheck = function () { return impl.canCheck ? impl.canCheck() : impl.answered(); };
    item.grade = function () {
      var r = impl.grade();
      return { score: r.score, max: item.max, status: r.status };
    };

    item.lock = function () {
      Array.prototype.forEach.call(li.querySelectorAll("input, select, textarea, button"), function (c) {
        if (c.hasAttribute("data-tb-keep")) {
          return;
        }
        if (c.tagName === "TEXTAREA" || (c.tagName === "INPUT" && c.type === "text")) {
          c.readOnly = true;
          c.setAttribute("aria-readonly", "true");
        } else {
          c.disabled = true;
        }
      });
      if (impl.lock) {
        impl.lock();
      }
      if (item.checkBtn) {
        item.checkBtn.hidden = true;
      }
    };

    item.render = function () {
      var res = item.grade();
      li.setAttribute("data-result", res.status);
      li.setAttribute("data-score", fmtNum(res.score));
      if (impl.mark) {
        impl.mark(res);
      }
      fb.textContent = "";
      fb.className = "tb-q__feedback tb-fb--" + res.status;
      var statusText;
      if (res.status === "self") {
        statusText = fmt(t.selfScore, { s: fmtNum(res.score), m: fmtNum(res.max) });
      } else {
        statusText = t[res.status] + t.sep + fmt(t.score, { s: fmtNum(res.score), m: fmtNum(res.max) });
      }
      fb.appendChild(h("p", { "class": "tb-fb__status" },
        h("span", { "class": "tb-fb__icon", "aria-hidden": "true", text: ICONS[res.status] || "" }),
        " " + statusText));
      if (res.status !== "correct" && res.status !== "self") {
        var node = impl.answerNode();
        if (node) {
          fb.appendChild(h("div", { "class": "tb-fb__answer" },
            h("strong", { "class": "tb-fb__label", text: t.correctAnswer }), node));
        }
      }
      if (q.explanation) {
        fb.appendChild(h("div", { "class": "tb-fb__expl" },
          h("strong", { "class": "tb-fb__label", text: t.explanation }),
          h("div", { "class": "tb-fb__expl-body", html: q.explanation })));
      }
      fb.hidden = false;
      return res;
    };

    /** Grade once: reveal what must be revealed, lock the controls, show feedback. */
    item.finalize = function () {
      if (item.graded) {
        return item.grade();
      }
      item.graded = true;
      if (item.subs) {
        item.subs.forEach(function (s) { s.finalize(); });
      }
      if (impl.prepare) {
        impl.prepare();
      }
      item.lock();
      return item.render();
    };

    /** A self-assessment tick changed: refresh the score wherever it is shown. */
    item.selfChanged = function () {
      if (item.graded) {
        item.render();
      }
      if (item.parent && item.parent.graded) {
        item.parent.render();
      }
      quiz.updateSummary(false);
    };

    if (impl.restore) {
      impl.restore();
    }
    return item;
  }

