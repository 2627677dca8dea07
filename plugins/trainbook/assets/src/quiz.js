  // ------------------------------------------------------------- one quiz

  /* data: {id, title, mode: practice | exam, time, pick, questions,
   *   exam:   (a mock exam) {id, pass, total, shuffle, sections: [{title, points, rules: [{ids, count}]}],
   *            objectives: {questionId: [objective ids]}, objective_info: {id: {text, href}}}
   *           each attempt draws a fresh paper from the practice pool by the sections' rules;
   *   review: true (错题本) only the questions the learner last answered wrongly}
   * Progress: practice answers are saved per question (id + content hash); an exam attempt is
   * saved as a run (drawn ids, answers, wall-clock deadline) until the learner starts another.
   * lazy: build the first attempt's questions only when asked (more(), in slices at start-up). */
  function Quiz(root, data, lazy) {
    var self = this;
    this.root = root;
    this.data = data;
    this.t = pickStrings();
    this.mode = data.mode === "exam" ? "exam" : "practice";
    var time = Number(data.time);
    this.time = this.mode === "exam" && isFinite(time) && time > 0 ? time : 0;
    this.pool = asArray(data.questions).filter(function (q) { return q && typeof q === "object"; });
    this.byId = Object.create(null); // no "__proto__" or "constructor" question in a saved paper
    this.pool.forEach(function (q) { self.byId[q.id] = q; });
    this.exam = data.exam && typeof data.exam === "object" ? data.exam : null;
    this.review = data.review === true;
    var pick = parseInt(data.pick, 10);
    this.pick = pick > 0 && pick < this.pool.length ? pick : 0;
    this.key = this.exam ? "exam:" + this.exam.id : location.pathname + "#" + (data.id || root.id);
    this.dataHash = contentHash(data);
    this.attempt = 0;
    this.units = [];
    this.submitted = false;
    this.timerId = 0;
    this.unanswered = 0;
    this.lazy = !!lazy;
    this.todo = [];
    this.onLeave = function (ev) {
      // Progress is saved either way; the prompt stops an accidental tap from leaving the exam.
      if (self.inProgress()) {
        ev.preventDefault();
        ev.returnValue = "";
        return "";
      }
      return undefined;
    };
    this.build();
  }

  Quiz.prototype.build = function () {
    var t = this.t;
    var self = this;
    var root = this.root;
    var app = h("div", { "class": "tb-quiz__app tb-quiz__app--" + this.mode });
    this.app = app;

    var notes = h("div", { "class": "tb-quiz__notes" },
      h("p", { "class": "tb-quiz__note", text: this.mode === "exam" ? t.examNote : t.practiceNote }));
    if (this.pick) {
      notes.appendChild(h("p", {
        "class": "tb-quiz__note tb-quiz__pick",
        text: fmt(t.pickNote, { n: this.pick, m: this.pool.length })
      }));
    }
    app.appendChild(notes);

    if (this.mode === "exam") {
      // One bar for the clock and the count of answered questions; a full-width strip of its
      // own, so it never sits over option text.
      this.countEl = h("span", { "class": "tb-quiz__count" });
      this.timerEl = h("div", { "class": "tb-quiz__timer", role: "timer", "aria-label": t.timer });
      if (this.time) {
        this.timerVal = h("span", { "class": "tb-quiz__timer-value", text: mmss(this.time * 60000) });
        this.timerEl.appendChild(h("span", { "class": "tb-quiz__clock" },
          h("span", { "class": "tb-quiz__timer-label", text: t.timer + " " }), this.timerVal));
      } else {
        this.timerEl.removeAttribute("role");
        this.timerEl.removeAttribute("aria-label");
      }
      this.timerEl.appendChild(this.countEl);
      this.timerEl.hidden = true;
      app.appendChild(this.timerEl);
    }

    if (this.time) {
      this.startBlock = h("div", { "class": "tb-quiz__start" },
        h("p", { text: fmt(t.timedIntro, { m: fmtNum(this.time) }) }),
        button(t.start, "tb-quiz__start-btn tb-btn--primary", function () {
          self.startBlock.hidden = true;
          self.startAttempt(true, null);
        }));
      app.appendChild(this.startBlock);
    }

    this.empty = h("p", { "class": "tb-quiz__empty", text: t.noWrongHere });
    this.empty.hidden = true;
    app.appendChild(this.empty);

    this.list = h("ol", { "class": "tb-quiz__questions" });
    app.appendChild(this.list);

    this.summary = h("div", {
      "class": "tb-quiz__summary",
      tabindex: "-1",
      role: "region",
      // Several quizzes on a page: each result region needs a name of its own.
      "aria-label": t.summaryLabel + (this.data.title ? " · " + this.data.title : "")
    });
    this.summary.hidden = true;
    app.appendChild(this.summary);

    this.submitBtn = button(t.submit, "tb-quiz__submit tb-btn--primary", function () { self.submit(false); });
    this.retryBtn = button(this.mode === "exam" ? t.retryExam : t.retryPractice, "tb-quiz__retry", function () {
      self.restart();
    });
    this.actions = h("div", { "class": "tb-quiz__actions" }, this.submitBtn, this.retryBtn);
    app.appendChild(this.actions);

    this.live = h("div", { "class": "tb-sr tb-quiz__live", "aria-live": "polite", "aria-atomic": "true" });
    app.appendChild(this.live);

    var run = this.review ? null : readStore().runs[this.key];
    if (run && (run.h !== this.dataHash || !this.paper(run))) {
      run = null; // the quiz was edited since, or the paper cannot be its: start fresh
    }
    if (this.mode === "exam" && this.time && !run) {
      this.list.hidden = true;
      this.actions.hidden = true;
      this.lazy = false; // an attempt starts on 开始答题 and is built at once
      this.attach();
    } else {
      if (this.startBlock) {
        this.startBlock.hidden = true;
      }
      this.startAttempt(false, run);
    }
  };

  /** Swap the static question list for the built quiz (once, when its first attempt is built). */
  Quiz.prototype.attach = function () {
    var root = this.root;
    var data = root.querySelector("script.tb-quiz__data");
    var staticEl = root.querySelector(".tb-quiz__static");
    if (this.app.parentNode) {
      return;
    }
    if (staticEl) {
      staticEl.hidden = true;
      staticEl.parentNode.insertBefore(this.app, staticEl.nextSibling);
    } else if (data) {
      root.insertBefore(this.app, data);
    } else {
      root.appendChild(this.app);
    }
    root.classList.add("tb-quiz--ready");
    if (this.far) {
      this.revealLater();
    }
  };

  /* A quiz completed away from the screen (built in idle time, see boot.js) is drawn a few
   * questions per frame: the frame that swaps it in shows questions worth about REVEAL elements (at
   * least one question), each following frame as many again, so the browser styles and lays out a
   * little at a time instead of a whole bank in one long task. A quiz on or near the screen is shown
   * whole at once, so nothing the reader sees grows. */
  var REVEAL = 120;
  var revealing = [];

  /** The first of els whose elements add up to about REVEAL (at least one), taken out of els. */
  function nextFew(els) {
    var n = 0;
    var size = 0;
    while (n < els.length) {
      var k = els[n].getElementsByTagName("*").length;
      if (n > 0 && size + k > REVEAL) {
        break;
      }
      size += k;
      n += 1;
    }
    return els.splice(0, n);
  }

  Quiz.prototype.revealLater = function () {
    var self = this;
    var rest = this.units.map(function (u) { return u.el; });
    nextFew(rest);
    if (!rest.length) {
      return;
    }
    rest.forEach(function (el) { el.hidden = true; });
    this.pending = rest;
    revealing.push(this);
    var step = function () {
      nextFew(self.pending).forEach(function (el) { el.hidden = false; });
      if (self.pending.length) {
        afterFrame(step);
      } else if (revealing.indexOf(self) >= 0) {
        revealing.splice(revealing.indexOf(self), 1);
      }
    };
    afterFrame(step);
  };

  /** Every question of the quiz shown now (what needs the whole quiz: the page bar, a new attempt). */
  Quiz.prototype.showAll = function () {
    if (this.pending && this.pending.length) {
      this.pending.splice(0).forEach(function (el) { el.hidden = false; });
    }
  };

  /** fn in a task after the next frame is drawn (so each frame draws one step). */
  function afterFrame(fn) {
    if (window.requestAnimationFrame) {
      window.requestAnimationFrame(function () { setTimeout(fn, 0); });
    } else {
      setTimeout(fn, 16);
    }
  }

  /** The questions of a new attempt: [{q, sec}] (sec: the exam section, -1 outside exams). */
  Quiz.prototype.drawEntries = function () {
    var self = this;
    if (this.exam && Array.isArray(this.exam.sections)) {
      var taken = {};
      var out = [];
      this.exam.sections.forEach(function (s, si) {
        var chosen = [];
        asArray(s && s.rules).forEach(function (r) {
          var cands = asArray(r && r.ids).filter(function (id) { return self.byId[id] && !taken[id]; });
          var count = parseInt(r.count, 10);
          var picked = count >= 0 && count < cands.length ? shuffle(cands).slice(0, count) : cands;
          picked.forEach(function (id) {
            taken[id] = true;
            chosen.push(id);
          });
        });
        if (self.exam.shuffle !== false) {
          chosen = shuffle(chosen);
        }
        chosen.forEach(function (id) { out.push({ q: self.byId[id], sec: si }); });
      });
      return out;
    }
    var qs;
    if (this.review) {
      qs = this.pool.filter(function (q) {
        var e = savedQuestion(q);
        return !!(e && e.o && (e.o.st === "wrong" || e.o.st === "partial"));
      });
    } else {
      qs = this.pick ? draw(this.pool, this.pick) : this.pool.slice();
    }
    return qs.map(function (q) { return { q: q, sec: -1 }; });
  };

  /** A saved attempt's questions, if it could have been drawn (as many questions, each of the quiz
   * and once: an imported file may hold anything); else null. */
  Quiz.prototype.paper = function (run) {
    var self = this;
    var seen = {};
    var ids = asArray(run.ids).filter(function (p) {
      return Array.isArray(p) && self.byId[p[0]] && !seen[p[0]] && (seen[p[0]] = 1);
    });
    return ids.length === run.ids.length && ids.length === this.drawEntries().length ? ids.map(function (p) {
      return { q: self.byId[p[0]], sec: Number(p[1]) };
    }) : null;
  };

  /** q with the points of its exam section (per sub-question for a group). */
  Quiz.prototype.withPoints = function (q, sec) {
    var s = this.exam && sec >= 0 ? asArray(this.exam.sections)[sec] : null;
    var pts = s ? Number(s.points) : NaN;
    if (!s || s.points === null || s.points === undefined || !isFinite(pts)) {
      return q;
    }
    var copy = Object.assign({}, q);
    if (q.type === "group") {
      copy.questions = asArray(q.questions).map(function (sq) { return Object.assign({}, sq, { points: pts }); });
    } else {
      copy.points = pts;
    }
    return copy;
  };

  Quiz.prototype.startAttempt = function (focusFirst, run) {
    this.stopTimer();
    this.attempt += 1;
    this.submitted = false;
    this.unanswered = 0;
    this.deadline = 0;
    var entries = run && this.paper(run);
    if (!entries) {
      entries = this.drawEntries();
      run = null;
    }
    this.drawn = entries.map(function (e) { return [e.q.id, e.sec]; });
    this.answers = run && run.a && typeof run.a === "object" ? run.a : {};
    this.run = run;
    this.focusFirst = focusFirst;
    this.showAll();
    this.list.textContent = "";
    this.units = [];
    this.todo = entries;
    this.building = true;
    if (!this.lazy) {
      this.more();
    }
  };

  /** Build the attempt's next questions while until() says there is time (all without it); when
   * the last is built, finish setting up the attempt and show the quiz. Returns whether done. */
  Quiz.prototype.more = function (until) {
    var t = this.t;
    var run = this.run;
    while (this.todo.length) {
      if (until && until()) {
        return false;
      }
      var e = this.todo.shift();
      var q = this.withPoints(e.q, e.sec);
      // 错题本: a fresh try, never the wrong answer again.
      var entry = this.mode === "exam" || this.review ? null : savedQuestion(q);
      var saved = this.mode === "exam" ? this.answers[q.id] : entry && entry.a;
      var item = makeItem(q, this, String(this.units.length + 1) + t.numSuffix, null, saved || null);
      item.sec = e.sec;
      this.list.appendChild(item.el);
      this.units.push(item);
      if (entry && entry.g) {
        item.finalize();
      }
    }
    if (!this.building) {
      return true;
    }
    this.building = this.lazy = false;
    this.empty.hidden = !(this.review && !this.units.length);
    this.list.hidden = false;
    this.actions.hidden = this.review && !this.units.length;
    this.summary.hidden = true;
    this.summary.textContent = "";
    this.submitBtn.hidden = this.mode !== "exam";
    this.retryBtn.hidden = this.mode === "exam";
    this.root.setAttribute("data-attempt", String(this.attempt));
    this.root.removeAttribute("data-submitted");
    if (this.mode === "exam") {
      this.timerEl.hidden = false;
      this.timerEl.classList.remove("tb-quiz__timer--low", "tb-quiz__timer--stopped");
      window.addEventListener("beforeunload", this.onLeave);
      // Never more time left than the whole time (a deadline from an imported file).
      this.deadline = this.time ? Math.min(run && run.deadline > 0 ? run.deadline : Infinity, Date.now() + this.time * 60000) : 0;
      this.started = run && run.started ? run.started : Date.now();
      if (run && run.sub) {
        this.submit(run.sub === "auto", true);
      } else if (this.time) {
        this.startTimer();
      }
    }
    if (!this.review && (this.mode === "exam" || this.pick)) {
      this.saveRun();
    }
    this.updateSummary(false);
    this.updateProgress();
    this.attach();
    if (this.focusFirst && this.units.length) {
      this.units[0].el.focus();
    }
    return true;
  };

  /** Whether an exam attempt is under way (answers given or the clock running, not submitted). */
  Quiz.prototype.inProgress = function () {
    return this.mode === "exam" && !this.submitted && this.root.isConnected &&
      (this.time > 0 ? this.deadline > 0 : this.units.some(function (u) { return u.answered(); }));
  };

  Quiz.prototype.saveRun = function () {
    var self = this;
    updateStore(function (d) {
      var run = { h: self.dataHash, ids: self.drawn };
      if (self.mode === "exam") {
        run.a = {};
        self.units.forEach(function (u) { run.a[u.q.id] = u.state(); });
        run.deadline = self.deadline;
        run.started = self.started;
        run.sub = self.submitted ? self.root.getAttribute("data-submitted") : "";
      }
      d.runs[self.key] = run;
    });
  };

  /** A question's answer changed or it was checked: remember it. */
  Quiz.prototype.saveItem = function (item) {
    if (this.mode === "exam") {
      this.saveRun();
      if (this.submitted) {
        this.recordResults();
      }
    } else if (item.q.id !== undefined && item.q.id !== null) {
      var fields = { a: item.state(), g: item.graded };
      if (item.graded) {
        fields.o = resultOf(item);
      }
      saveQuestion(item.q, fields);
    }
    this.updateProgress();
  };

  function resultOf(item) {
    var r = item.grade();
    return { st: r.status, s: r.score, m: r.max, t: Date.now() };
  }

  /** After submitting: each answered question's last result (错题本, 学习记录) and the exam's score.
   * The result replaces the question's saved practice answer (it shows unchecked on its bank page),
   * so no page shows an older check next to a newer result. An order never moved is no answer. */
  Quiz.prototype.recordResults = function () {
    var self = this;
    this.units.forEach(function (u) {
      if (u.given && u.state().m !== false) {
        saveQuestion(u.q, { o: resultOf(u), a: undefined, g: undefined });
      }
    });
    if (!this.exam) {
      return;
    }
    var sum = this.totals();
    updateStore(function (d) {
      var list = asArray(d.exams[self.exam.id]).filter(function (r) { return r && r.t !== self.started; });
      list.push({ s: sum.score, m: sum.total, p: sum.pct, pass: sum.passed, t: self.started });
      d.exams[self.exam.id] = list.slice(-20);
    });
  };

  Quiz.prototype.restart = function () {
    var self = this;
    var exam = this.mode === "exam";
    if (!this.confirmed && this.units.some(function (u) { return u.graded; })) {
      // Checked answers or a result are about to be thrown away: ask first (a result stays in 学习记录).
      this.ask(this.actions, exam ? this.t.confirmDiscard : this.t.confirmRetry, this.retryBtn.textContent, function () {
        self.confirmed = true;
        self.restart();
        self.confirmed = false;
      });
      return;
    }
    if (!exam) {
      this.units.forEach(function (u) {
        if (u.q.id !== undefined) {
          saveQuestion(u.q, { a: undefined, g: undefined });
        }
      });
    }
    updateStore(function (d) { delete d.runs[self.key]; });
    if (this.startBlock) {
      this.startBlock.hidden = true;
    }
    this.startAttempt(true, null);
    this.announce(this.t.newAttempt);
    updatePageBar();
  };

  /** Practice again only the questions answered wrongly, in place, with fresh option orders;
   * returns the first of them (or undefined). */
  Quiz.prototype.retryWrong = function () {
    var self = this;
    var t = this.t;
    var first;
    this.units = this.units.map(function (u, i) {
      if (!u.graded || isCorrect(u.grade())) {
        return u;
      }
      if (u.q.id !== undefined) {
        saveQuestion(u.q, { a: undefined, g: undefined });
      }
      var fresh = makeItem(u.q, self, String(i + 1) + t.numSuffix, null, null);
      fresh.sec = u.sec;
      u.el.parentNode.replaceChild(fresh.el, u.el);
      first = first || fresh.el;
      return fresh;
    });
    this.updateSummary(false);
    this.updateProgress();
    return first;
  };

  Quiz.prototype.announce = function (message) {
    var live = this.live;
    // Clear first so that the same message twice is still announced.
    live.textContent = "";
    window.setTimeout(function () {
      live.textContent = message;
    }, 60);
  };

  Quiz.prototype.ask = function (where, message, yesText, onYes, noText) {
    ask(where, this.t, message, yesText, onYes, noText);
    this.announce(message);
  };

  /** Enter in a blank: check in practice; in an exam, move on to the next field. */
  Quiz.prototype.enter = function (item) {
    if (this.mode === "practice") {
      this.checkItem(item);
      return;
    }
    var fields = Array.prototype.slice.call(this.list.querySelectorAll("input[type=text], textarea"));
    var next = fields[fields.indexOf(document.activeElement) + 1];
    if (next) {
      next.focus();
    }
  };

  Quiz.prototype.checkItem = function (item, force) {
    var t = this.t;
    var self = this;
    if (item.graded) {
      return;
    }
    if (!item.canCheck()) {
      var text = item.type === "short_answer" ? t.revealFirst : t.pleaseAnswer;
      item.prompt(text);
      this.announce(text);
      return;
    }
    var missing = item.missing();
    if (missing > 0 && !force) {
      this.ask(item.el.querySelector(".tb-q__actions"), fmt(t.confirmGroup, { n: missing }), t.checkAnyway,
        function () { self.checkItem(item, true); }, t.keepOn);
      return;
    }
    item.prompt("");
    var res = item.finalize();
    this.saveItem(item);
    var number = this.units.indexOf(item) + 1;
    var message = fmt(t.liveResult, {
      q: fmt(t.questionN, { n: number }),
      r: t[res.status],
      score: fmt(t.score, { s: fmtNum(res.score), m: fmtNum(res.max) })
    });
    if (this.review) {
      message += " " + (isCorrect(res) ? t.leftBook : t.staysInBook);
      item.fbEl.insertBefore(h("p", { "class": "tb-fb__book", text: isCorrect(res) ? t.leftBook : t.staysInBook }),
        item.fbEl.firstChild);
    }
    var allDone = this.units.every(function (u) { return u.graded; });
    var summaryText = this.updateSummary(false);
    if (allDone && summaryText) {
      message += " " + summaryText;
    }
    this.announce(message);
    item.fbEl.focus();
    updatePageBar();
  };

  Quiz.prototype.submit = function (auto, restoring) {
    var t = this.t;
    var self = this;
    if (this.submitted || this.mode !== "exam") {
      return;
    }
    // Before grading: grading reveals short answers' references, which counts as answered.
    var unanswered = this.units.filter(function (u) { return !(u.given = u.answered()); }).length;
    if (!auto && !restoring && unanswered > 0 && !this.confirmed) {
      this.ask(this.actions, fmt(t.confirmSubmit, { n: unanswered }), t.submitAnyway, function () {
        self.confirmed = true;
        self.submit(false);
        self.confirmed = false;
      }, t.keepOn);
      return;
    }
    this.submitted = true;
    this.stopTimer();
    window.removeEventListener("beforeunload", this.onLeave);
    this.timerEl.classList.add("tb-quiz__timer--stopped");
    this.units.forEach(function (u) { u.finalize(); });
    this.unanswered = unanswered;
    this.submitBtn.hidden = true;
    this.retryBtn.hidden = false;
    this.root.setAttribute("data-submitted", auto ? "auto" : "manual");
    if (this.time) {
      this.timerVal.textContent = mmss(Math.max(0, this.deadline - Date.now()));
    }
    var text = this.updateSummary(auto);
    this.updateProgress();
    if (!restoring) {
      this.saveRun();
      this.recordResults();
      this.summary.focus();
      this.announce((auto ? t.timeUp : t.submitted) + " " + text);
    }
  };

  /** Score, total, percentage, pass/fail and counts over the current units. */
  Quiz.prototype.totals = function () {
    var out = { score: 0, total: 0, correct: 0, objective: 0, graded: 0, selfScore: 0, selfMax: 0 };
    this.units.forEach(function (u) {
      out.total += u.max;
      if (!u.graded) {
        return;
      }
      var r = u.grade();
      out.score += r.score;
      out.graded += 1;
      if (r.status === "self") {
        // Self-assessed points are reported as points, never as right/wrong questions.
        out.selfScore += r.score;
        out.selfMax += r.max;
      } else {
        out.objective += 1;
        if (isCorrect(r)) {
          out.correct += 1;
        }
      }
    });
    out.pct = out.total > 0 ? Math.round(out.score / out.total * 100) : 0;
    var pass = this.exam ? Number(this.exam.pass) : NaN;
    out.pass = this.exam && this.exam.pass !== null && isFinite(pass) ? pass : null;
    out.passed = out.pass === null ? null : out.score >= out.pass - 1e-9;
    return out;
  };

  /** Redraw the result summary; returns its main sentence (or "" when hidden). */
  Quiz.prototype.updateSummary = function (auto) {
    var t = this.t;
    var n = this.units.length;
    var sum = this.totals();
    var show = this.mode === "exam" ? this.submitted : sum.graded > 0;
    if (!show) {
      this.summary.hidden = true;
      return "";
    }
    var parts = [fmt(t.summaryScore, { s: fmtNum(sum.score), t: fmtNum(sum.total), p: sum.pct })];
    if (sum.objective > 0) {
      parts.push(fmt(t.summaryCorrect, { c: sum.correct, n: sum.objective }));
    }
    if (sum.selfMax > 0) {
      parts.push(fmt(t.summarySelf, { s: fmtNum(sum.selfScore), m: fmtNum(sum.selfMax) }));
    }
    var sentence = parts.join(t.sep) + t.stop;
    var s = this.summary;
    s.textContent = "";
    var head;
    if (this.mode === "exam") {
      head = auto || this.root.getAttribute("data-submitted") === "auto" ? t.timeUp : t.submitted;
    } else {
      head = sum.graded === n ? t.done : fmt(t.progress, { k: sum.graded, n: n });
    }
    s.appendChild(h("p", { "class": "tb-quiz__summary-head", text: head }));
    if (sum.passed !== null) {
      s.appendChild(h("p", { "class": "tb-quiz__verdict tb-quiz__verdict--" + (sum.passed ? "pass" : "fail") },
        h("span", { "aria-hidden": "true", text: sum.passed ? "✓ " : "✗ " }),
        fmt(t.verdict, { r: sum.passed ? t.passed : t.failed, p: fmtNum(sum.pass) })));
      sentence = (sum.passed ? t.passed : t.failed) + t.sep + sentence;
    }
    s.appendChild(h("p", { "class": "tb-quiz__summary-score", text: parts.join(t.sep) + t.stop }));
    var bar = h("span", { "class": "tb-quiz__bar-fill" });
    bar.style.width = Math.max(0, Math.min(100, sum.pct)) + "%";
    s.appendChild(h("div", { "class": "tb-quiz__bar", "aria-hidden": "true" }, bar));
    if (this.mode === "exam" && this.unanswered > 0) {
      s.appendChild(h("p", { "class": "tb-quiz__summary-note", text: fmt(t.unansweredCount, { n: this.unanswered }) }));
    }
    if (sum.selfMax > 0 || this.units.some(function (u) { return u.selfAssessed && u.graded; })) {
      s.appendChild(h("p", { "class": "tb-quiz__summary-note", text: t.selfPending }));
    }
    if (this.exam && this.submitted) {
      this.breakdown(s, sum);
    }
    s.setAttribute("data-score", fmtNum(sum.score));
    s.setAttribute("data-total", fmtNum(sum.total));
    s.setAttribute("data-percent", String(sum.pct));
    s.setAttribute("data-correct", String(sum.correct));
    s.setAttribute("data-count", String(n));
    if (sum.passed !== null) {
      s.setAttribute("data-passed", sum.passed ? "true" : "false");
    }
    s.hidden = false;
    return sentence;
  };

  /** Mock-exam result by section and by objective; weak objectives link to where they are taught. */
  Quiz.prototype.breakdown = function (s, sum) {
    var t = this.t;
    var exam = this.exam;
    var sections = asArray(exam.sections);
    var bySec = sections.map(function (sec) { return { title: sec && sec.title, score: 0, max: 0 }; });
    var objMap = exam.objectives && typeof exam.objectives === "object" ? exam.objectives : {};
    var info = exam.objective_info && typeof exam.objective_info === "object" ? exam.objective_info : {};
    var byObj = {};
    var objOrder = [];
    this.units.forEach(function (u) {
      var r = u.grade();
      if (bySec[u.sec]) {
        bySec[u.sec].score += r.score;
        bySec[u.sec].max += r.max;
      }
      asArray(objMap[u.q.id]).forEach(function (o) {
        if (!byObj[o]) {
          byObj[o] = { score: 0, max: 0 };
          objOrder.push(o);
        }
        byObj[o].score += r.score;
        byObj[o].max += r.max;
      });
    });
    var ratio = sum.pass !== null && sum.total > 0 ? sum.pass / sum.total : 0.6;
    function table(caption, head, rows) {
      var tbody = h("tbody");
      rows.forEach(function (cells) {
        var tr = h("tr");
        cells.forEach(function (c) { tr.appendChild(h("td", {}, c)); });
        tbody.appendChild(tr);
      });
      var tr = h("tr");
      head.forEach(function (c) { tr.appendChild(h("th", { scope: "col", text: c })); });
      return h("div", { "class": "tb-quiz__breakdown" },
        h("table", {}, h("caption", { text: caption }), h("thead", {}, tr), tbody));
    }
    function pctOf(x) {
      return x.max > 0 ? Math.round(x.score / x.max * 100) : 0;
    }
    s.appendChild(table(t.bySection, [t.colSection, t.colScore, t.colPercent], bySec.filter(function (x) {
      return x.max > 0;
    }).map(function (x) {
      return [String(x.title || ""), fmtNum(x.score) + " / " + fmtNum(x.max), pctOf(x) + "%"];
    })));
    if (objOrder.length) {
      s.appendChild(table(t.byObjective, [t.colObjective, t.colScore, t.colReview], objOrder.map(function (o) {
        var x = byObj[o];
        var i = info[o] || {};
        var weak = x.max > 0 && x.score / x.max < ratio - 1e-9;
        var link = weak && typeof i.href === "string" && i.href ?
          h("a", { href: i.href, "class": "tb-quiz__weak", text: t.review }) : (weak ? t.weak : "");
        return [String(i.text || o), fmtNum(x.score) + " / " + fmtNum(x.max), link];
      })));
    }
  };

  /** 已答 n / N in the exam bar. */
  Quiz.prototype.updateProgress = function () {
    if (this.countEl) {
      var done = this.units.filter(function (u) { return u.answered(); }).length;
      this.countEl.textContent = fmt(this.t.answeredCount, { n: done, total: this.units.length });
    }
  };

  Quiz.prototype.startTimer = function () {
    var self = this;
    var t = this.t;
    this.stopTimer();
    var warned = this.time <= 1.5 || this.deadline - Date.now() <= 60000; // no warning when resumed late
    var tick = function () {
      if (!self.root.isConnected) {
        self.stopTimer(); // page swapped away (instant navigation)
        return;
      }
      var left = self.deadline - Date.now();
      self.timerVal.textContent = mmss(left);
      if (left <= 60000) {
        self.timerEl.classList.add("tb-quiz__timer--low");
        if (!warned) {
          warned = true;
          self.announce(t.oneMinute);
        }
      }
      if (left <= 0) {
        self.stopTimer();
        self.submit(true);
      }
    };
    tick();
    if (!this.submitted) {
      this.timerId = window.setInterval(tick, 250);
    }
  };

  Quiz.prototype.stopTimer = function () {
    if (this.timerId) {
      window.clearInterval(this.timerId);
      this.timerId = 0;
    }
  };

