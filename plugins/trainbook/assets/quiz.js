/*
 * trainbook quiz engine.
 *
 * Plain ES2017, no framework, no bundler, no network, no eval, no inline handlers:
 * works from file:// and under `Content-Security-Policy: script-src 'self'`.
 *
 * Contract (emitted by the Python renderer, one per quiz fence):
 *   <div class="tb-quiz" id="tb-quiz-N" data-tb-quiz>
 *     <p class="tb-quiz__title">…</p>
 *     <div class="tb-quiz__static">…question list without answers…</div>
 *     <script type="application/json" class="tb-quiz__data">{…}</script>
 *   </div>
 * This script hides the static list and builds the interactive quiz after it.
 *
 * Safety: the only data inserted as HTML are the fields the build rendered from Markdown and
 * sanitised with an allow-list (trainbook/sanitize.py): stem, options, explanation, items,
 * left, right, distractors, reference, rubric[].point. Everything else from the data (title,
 * case_title, fill-blank answers, ids) and anything the learner types is text: it only ever
 * reaches the page through textContent or setAttribute, never innerHTML.
 */
(function () {
  "use strict";

  // The typeof test: an element with id="trainbookQuiz" in page content would also be window.trainbookQuiz.
  if (window.trainbookQuiz && typeof window.trainbookQuiz.init === "function") {
    // Script evaluated again (included twice, or re-run by instant navigation): the first
    // copy owns the engine; just make sure quizzes now in the page are initialised.
    window.trainbookQuiz.init();
    return;
  }

  var I18N = {
    zh: {
      // Type names come with each question ("label", from the registry in qtypes/).
      unknownType: "题目",
      points: "{n} 分",
      difficulty: ["", "易", "中", "难"],
      difficultyLabel: "难度：{d}",
      check: "检查",
      confirmSelf: "确认自评",
      submit: "交卷",
      retryPractice: "重新练习",
      retryExam: "再做一次",
      start: "开始答题",
      timedIntro: "本测验限时 {m} 分钟。点击“开始答题”后开始计时，时间到将自动交卷。",
      practiceNote: "练习模式：每题作答后点击“检查”，立即查看反馈。",
      examNote: "考试模式：全部作答后点击“交卷”，统一显示成绩和解析。",
      pickNote: "每次从 {m} 题中随机抽取 {n} 题。",
      "true": "对",
      "false": "错",
      correct: "回答正确",
      wrong: "回答错误",
      partial: "部分正确",
      unanswered: "未作答",
      self: "自评",
      sep: "，",
      score: "得分 {s} / {m}",
      selfScore: "自评得分 {s} / {m}",
      correctAnswer: "正确答案：",
      explanation: "解析：",
      keyMark: "正确答案",
      keyChosen: "已选 · 正确",
      keyMissed: "正确答案（未选）",
      wrongMark: "错选",
      okMark: "正确",
      badMark: "错误",
      blank: "第 {n} 空",
      blankAnswer: "第 {n} 空：{a}",
      or: " 或 ",
      listSep: "、",
      moveUp: "上移",
      moveDown: "下移",
      moveLabel: "{dir}：{item}",
      moved: "“{item}”已移到第 {n} 位，共 {total} 项。",
      orderHelp: "用“上移”“下移”按钮把各项调整为正确顺序。",
      pool: "备选项",
      choose: "请选择",
      matchLabel: "为“{item}”选择配对项",
      matchHelp: "为左侧每一项选择一个配对项（备选项可能多于所需）。",
      yourAnswer: "你的答案",
      showRef: "显示参考答案",
      reference: "参考答案",
      rubricIntro: "对照参考答案，勾选你的答案覆盖的要点（自评）：",
      noRubric: "我的答案覆盖了参考答案要点",
      rubricPoints: "（{n} 分）",
      revealFirst: "请先点击“显示参考答案”并自评。",
      pleaseAnswer: "请先作答，再点击“检查”。",
      questionN: "第 {n} 题",
      summary: "得分 {s} / {t}（{p}%），答对 {c} / {n} 题。",
      progress: "已检查 {k} / {n} 题。",
      done: "练习完成！",
      submitted: "已交卷。",
      unansweredCount: "未作答 {n} 题。",
      selfPending: "简答题为自评：对照参考答案勾选要点后，得分会自动更新。",
      timer: "剩余时间",
      timeUp: "时间到，已自动交卷。",
      oneMinute: "剩余 1 分钟。",
      caseTitle: "案例：{t}",
      subN: "（{n}）",
      numSuffix: ".",
      newAttempt: "已重新出题。",
      liveResult: "{q}：{r}，{score}。",
      summaryLabel: "成绩",
      dataError: "测验数据无法读取。"
    },
    en: {
      unknownType: "Question",
      points: "{n} pt",
      pointsPlural: "{n} pts",
      difficulty: ["", "easy", "medium", "hard"],
      difficultyLabel: "Difficulty: {d}",
      check: "Check",
      confirmSelf: "Record self-assessment",
      submit: "Submit",
      retryPractice: "Practise again",
      retryExam: "Try again",
      start: "Start",
      timedIntro: "This quiz has a time limit of {m} minutes. The clock starts when you press “Start”; answers are submitted automatically when time runs out.",
      practiceNote: "Practice mode: answer a question, then press “Check” for immediate feedback.",
      examNote: "Exam mode: answer all questions, then press “Submit” to see your result and explanations.",
      pickNote: "Each attempt draws {n} of {m} questions at random.",
      "true": "True",
      "false": "False",
      correct: "Correct",
      wrong: "Incorrect",
      partial: "Partly correct",
      unanswered: "Not answered",
      self: "Self-assessed",
      sep: ", ",
      score: "score {s} / {m}",
      selfScore: "Self-assessed score {s} / {m}",
      correctAnswer: "Correct answer: ",
      explanation: "Explanation: ",
      keyMark: "correct answer",
      keyChosen: "chosen · correct",
      keyMissed: "correct answer (not chosen)",
      wrongMark: "wrong choice",
      okMark: "correct",
      badMark: "wrong",
      blank: "Blank {n}",
      blankAnswer: "Blank {n}: {a}",
      or: " or ",
      listSep: ", ",
      moveUp: "Move up",
      moveDown: "Move down",
      moveLabel: "{dir}: {item}",
      moved: "“{item}” moved to position {n} of {total}.",
      orderHelp: "Use “Move up” and “Move down” to put the items in the right order.",
      pool: "Choices",
      choose: "Choose…",
      matchLabel: "Match for “{item}”",
      matchHelp: "Choose a match for each item on the left (there may be more choices than needed).",
      yourAnswer: "Your answer",
      showRef: "Show reference answer",
      reference: "Reference answer",
      rubricIntro: "Compare with the reference answer and tick the points your answer covers (self-assessment):",
      noRubric: "My answer covers the key points of the reference answer",
      rubricPoints: " ({n} pts)",
      revealFirst: "Show the reference answer and assess yourself first.",
      pleaseAnswer: "Answer the question first, then press “Check”.",
      questionN: "Question {n}",
      summary: "Score {s} / {t} ({p}%), {c} of {n} questions correct.",
      progress: "{k} of {n} questions checked.",
      done: "Practice complete!",
      submitted: "Submitted.",
      unansweredCount: "{n} not answered.",
      selfPending: "Short answers are self-assessed: tick the points you covered and the score updates.",
      timer: "Time left",
      timeUp: "Time is up; your answers were submitted.",
      oneMinute: "One minute left.",
      caseTitle: "Case: {t}",
      subN: "({n})",
      numSuffix: ".",
      newAttempt: "New attempt started.",
      liveResult: "{q}: {r}, {score}.",
      summaryLabel: "Result",
      dataError: "The quiz data could not be read."
    }
  };

  var LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  var ICONS = { correct: "✓", wrong: "✗", partial: "◐", unanswered: "–", self: "✎" };
  var READY = "data-tb-quiz-ready";
  var uidCounter = 0;

  // ---------------------------------------------------------------- helpers

  function pickStrings() {
    var lang = (document.documentElement.getAttribute("lang") || "").trim().toLowerCase();
    return lang.slice(0, 2) === "en" ? I18N.en : I18N.zh;
  }

  function fmt(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (m, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : m;
    });
  }

  function fmtNum(x) {
    var r = Math.round(Number(x) * 100) / 100;
    return String(Object.is(r, -0) ? 0 : r);
  }

  function pointsText(t, n) {
    if (t.pointsPlural && Number(n) !== 1) {
      return fmt(t.pointsPlural, { n: fmtNum(n) });
    }
    return fmt(t.points, { n: fmtNum(n) });
  }

  function uid(prefix) {
    uidCounter += 1;
    return "tbq" + uidCounter + "-" + prefix;
  }

  function toNumber(value, fallback) {
    var n = Number(value);
    return isFinite(n) && value !== null && value !== "" && n >= 0 ? n : fallback;
  }

  function asArray(value) {
    return Array.isArray(value) ? value : [];
  }

  /**
   * Create an element. props: class, text, html, on<event>, other attributes.
   * `html` takes build-time sanitised HTML only (see the header); plain text goes in `text`.
   */
  function h(tag, props) {
    var el = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (key) {
        var v = props[key];
        if (v === null || v === undefined || v === false) {
          return;
        }
        if (key === "class") {
          el.className = v;
        } else if (key === "text") {
          el.textContent = v;
        } else if (key === "html") {
          el.innerHTML = String(v);
        } else if (key.slice(0, 2) === "on" && typeof v === "function") {
          el.addEventListener(key.slice(2), v);
        } else if (v === true) {
          el.setAttribute(key, "");
        } else {
          el.setAttribute(key, String(v));
        }
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined || child === false) {
        continue;
      }
      el.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return el;
  }

  function button(text, cls, onClick, extra) {
    var props = Object.assign({ type: "button", "class": "tb-btn " + (cls || "") }, extra || {});
    var b = h("button", props, text);
    b.addEventListener("click", onClick);
    return b;
  }

  /** Plain text of an HTML fragment, parsed inertly (a template never runs scripts or loads images). */
  function htmlToText(html) {
    var tpl = document.createElement("template");
    tpl.innerHTML = html === null || html === undefined ? "" : String(html);
    return (tpl.content.textContent || "").replace(/\s+/g, " ").trim();
  }

  function normalizeAnswer(s) {
    var str = s === null || s === undefined ? "" : String(s);
    if (typeof str.normalize === "function") {
      str = str.normalize("NFKC");
    }
    return str.trim().toLowerCase();
  }

  function shuffle(list) {
    var a = list.slice();
    for (var i = a.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
    }
    return a;
  }

  /** n items drawn at random, kept in their given order. */
  function draw(list, n) {
    var idx = shuffle(list.map(function (_, i) { return i; })).slice(0, n);
    idx.sort(function (a, b) { return a - b; });
    return idx.map(function (i) { return list[i]; });
  }

  function mmss(ms) {
    var total = Math.max(0, Math.ceil(ms / 1000));
    var m = Math.floor(total / 60);
    var s = total % 60;
    return (m < 10 ? "0" : "") + m + ":" + (s < 10 ? "0" : "") + s;
  }

  function letter(i) {
    return i < LETTERS.length ? LETTERS.charAt(i) : String(i + 1);
  }

  function isCorrect(res) {
    return res.status === "correct" || (res.status === "self" && res.max > 0 && res.score >= res.max - 1e-9);
  }

  // -------------------------------------------------------- question types

  /* Each builder gets the item (with stemEl, quiz, q, t) and returns:
   *   body: element with the controls (may be null)
   *   max: points available
   *   answered(): whether the learner gave any answer
   *   grade(): {score, status}  status: correct | wrong | partial | unanswered | self
   *   answerNode(): element showing the correct answer (or null)
   *   mark(res): mark controls after grading
   *   prepare(): before grading (short answer: reveal the reference)
   *   lock(): extra locking
   */

  function buildChoice(item, multi, options, key) {
    var t = item.t;
    var name = uid("opt");
    var isTF = item.q.type === "true_false";
    var group = h("div", {
      "class": "tb-opts" + (isTF ? " tb-opts--tf" : ""),
      role: multi ? "group" : "radiogroup",
      "aria-labelledby": item.stemId
    });
    var rows = options.map(function (opt, i) {
      var input = h("input", {
        type: multi ? "checkbox" : "radio",
        name: name,
        value: String(i),
        "class": "tb-opt__input"
      });
      var mark = h("span", { "class": "tb-opt__mark" });
      var label = h("label", { "class": "tb-opt" },
        input,
        isTF ? null : h("span", { "class": "tb-opt__letter", text: letter(i) + "." }),
        h("span", { "class": "tb-opt__text", html: opt }),
        mark);
      group.appendChild(label);
      return { input: input, label: label, mark: mark };
    });
    var keySet = new Set(key);
    var pts = toNumber(item.q.points, 1);

    function selected() {
      var sel = [];
      rows.forEach(function (r, i) {
        if (r.input.checked) {
          sel.push(i);
        }
      });
      return sel;
    }

    return {
      body: group,
      max: pts,
      answered: function () { return selected().length > 0; },
      grade: function () {
        var sel = selected();
        if (sel.length === 0) {
          return { score: 0, status: "unanswered" };
        }
        var wrong = sel.some(function (i) { return !keySet.has(i); });
        if (!wrong && sel.length === keySet.size) {
          return { score: pts, status: "correct" };
        }
        if (multi && item.q.partial && !wrong && sel.length < keySet.size) {
          return { score: pts / 2, status: "partial" };
        }
        return { score: 0, status: "wrong" };
      },
      answerNode: function () {
        var names = key.map(function (i) {
          return isTF ? htmlToText(options[i]) : letter(i);
        });
        return h("span", { "class": "tb-fb__keys", text: names.join(t.listSep) });
      },
      mark: function () {
        rows.forEach(function (r, i) {
          var isKey = keySet.has(i);
          var wrongPick = r.input.checked && !isKey;
          r.label.classList.toggle("tb-opt--key", isKey);
          r.label.classList.toggle("tb-opt--wrong", wrongPick);
          r.label.classList.toggle("tb-opt--chosen", r.input.checked);
          var keyText = !multi ? t.keyMark : r.input.checked ? t.keyChosen : t.keyMissed;
          r.mark.textContent = isKey ? "✓ " + keyText : wrongPick ? "✗ " + t.wrongMark : "";
        });
      }
    };
  }

  function buildSingle(item) {
    var q = item.q;
    var key = asArray(q.answer).map(Number).filter(function (i) { return i >= 0; }).slice(0, 1);
    return buildChoice(item, false, asArray(q.options), key);
  }

  function buildMultiple(item) {
    var q = item.q;
    var key = asArray(q.answer).map(Number).filter(function (i) { return i >= 0; });
    return buildChoice(item, true, asArray(q.options), key);
  }

  function buildTrueFalse(item) {
    var t = item.t;
    var ans = item.q.answer === true || item.q.answer === "true";
    return buildChoice(item, false, [escapeText(t["true"]), escapeText(t["false"])], [ans ? 0 : 1]);
  }

  function escapeText(s) {
    var d = document.createElement("div");
    d.textContent = s;
    return d.innerHTML;
  }

  function buildFillBlank(item) {
    var t = item.t;
    var q = item.q;
    var answers = asArray(q.answer).map(function (a) {
      return (Array.isArray(a) ? a : [a]).map(normalizeAnswer);
    });
    var display = asArray(q.answer).map(function (a) {
      return (Array.isArray(a) ? a : [a]).map(String);
    });
    var inputs = [];

    function makeInput(k) {
      return h("input", {
        type: "text",
        "class": "tb-blank-input",
        "data-blank": String(k),
        "aria-label": fmt(t.blank, { n: k + 1 }),
        autocomplete: "off",
        autocapitalize: "off",
        spellcheck: "false"
      });
    }

    var spans = Array.prototype.slice.call(item.stemEl.querySelectorAll(".tb-blank"));
    spans.forEach(function (span, i) {
      var k = parseInt(span.getAttribute("data-blank"), 10);
      if (!(k >= 0) || inputs[k]) {
        k = i;
      }
      var input = makeInput(k);
      span.parentNode.replaceChild(input, span);
      inputs[k] = input;
    });

    // Blanks the stem did not mark: offer labelled inputs under the stem.
    var extra = null;
    for (var k = 0; k < answers.length; k++) {
      if (!inputs[k]) {
        extra = extra || h("div", { "class": "tb-blanks-extra" });
        var input = makeInput(k);
        inputs[k] = input;
        extra.appendChild(h("label", { "class": "tb-blanks-extra__row" },
          h("span", { text: fmt(t.blank, { n: k + 1 }) + " " }), input));
      }
    }
    var count = Math.max(answers.length, inputs.length);
    var pts = toNumber(q.points, 1);

    function isRight(k) {
      var input = inputs[k];
      var accepted = answers[k] || [];
      if (!input) {
        return false;
      }
      var v = normalizeAnswer(input.value);
      return v !== "" && accepted.indexOf(v) !== -1;
    }

    return {
      body: extra,
      max: pts,
      answered: function () {
        return inputs.some(function (input) { return input && input.value.trim() !== ""; });
      },
      grade: function () {
        if (count === 0) {
          return { score: 0, status: "unanswered" };
        }
        var anyValue = inputs.some(function (input) { return input && input.value.trim() !== ""; });
        if (!anyValue) {
          return { score: 0, status: "unanswered" };
        }
        var right = 0;
        for (var i = 0; i < count; i++) {
          if (isRight(i)) {
            right += 1;
          }
        }
        var score = pts * right / count;
        return { score: score, status: right === count ? "correct" : right === 0 ? "wrong" : "partial" };
      },
      answerNode: function () {
        var list = h("ul", { "class": "tb-fb__list" });
        display.forEach(function (accepted, i) {
          list.appendChild(h("li", { text: fmt(t.blankAnswer, { n: i + 1, a: accepted.join(t.or) }) }));
        });
        return list;
      },
      mark: function () {
        inputs.forEach(function (input, i) {
          if (!input) {
            return;
          }
          var ok = isRight(i);
          input.classList.toggle("tb-blank--ok", ok);
          input.classList.toggle("tb-blank--bad", !ok);
          input.setAttribute("aria-invalid", ok ? "false" : "true");
        });
      }
    };
  }

  function buildOrdering(item) {
    var t = item.t;
    var quiz = item.quiz;
    var items = asArray(item.q.items).map(function (html, i) {
      return { html: html, index: i, text: htmlToText(html) };
    });
    var order = shuffle(items);
    var identity = function (arr) {
      return arr.every(function (it, i) { return it.index === i; });
    };
    var guard = 0;
    while (items.length > 1 && identity(order) && guard < 50) {
      order = shuffle(items);
      guard += 1;
    }
    var locked = false;
    var dragged = null;
    var list = h("ol", { "class": "tb-order", "aria-describedby": null });
    var help = h("p", { "class": "tb-q__help", id: uid("help"), text: t.orderHelp });
    list.setAttribute("aria-describedby", help.id);

    function liItems() {
      return Array.prototype.slice.call(list.children);
    }

    function refresh() {
      var lis = liItems();
      lis.forEach(function (li, pos) {
        li.querySelector(".tb-order__pos").textContent = String(pos + 1);
        if (!locked) {
          li.querySelector(".tb-order__up").disabled = pos === 0;
          li.querySelector(".tb-order__down").disabled = pos === lis.length - 1;
        }
      });
    }

    function move(li, dir) {
      if (locked) {
        return;
      }
      var sibling = dir < 0 ? li.previousElementSibling : li.nextElementSibling;
      if (!sibling) {
        return;
      }
      if (dir < 0) {
        list.insertBefore(li, sibling);
      } else {
        list.insertBefore(sibling, li);
      }
      refresh();
      var same = li.querySelector(dir < 0 ? ".tb-order__up" : ".tb-order__down");
      var other = li.querySelector(dir < 0 ? ".tb-order__down" : ".tb-order__up");
      (same.disabled ? other : same).focus();
      var pos = liItems().indexOf(li) + 1;
      quiz.announce(fmt(t.moved, { item: li.getAttribute("data-text"), n: pos, total: items.length }));
    }

    order.forEach(function (it) {
      var li = h("li", {
        "class": "tb-order__item",
        "data-index": String(it.index),
        "data-text": it.text,
        draggable: "true"
      });
      var up = button("", "tb-order__up", function () { move(li, -1); }, {
        "aria-label": fmt(t.moveLabel, { dir: t.moveUp, item: it.text })
      });
      up.appendChild(h("span", { "class": "tb-btn__icon", "aria-hidden": "true", text: "↑" }));
      up.appendChild(h("span", { "class": "tb-btn__text", text: t.moveUp }));
      var down = button("", "tb-order__down", function () { move(li, 1); }, {
        "aria-label": fmt(t.moveLabel, { dir: t.moveDown, item: it.text })
      });
      down.appendChild(h("span", { "class": "tb-btn__icon", "aria-hidden": "true", text: "↓" }));
      down.appendChild(h("span", { "class": "tb-btn__text", text: t.moveDown }));
      li.appendChild(h("span", { "class": "tb-order__pos", "aria-hidden": "true" }));
      li.appendChild(h("div", { "class": "tb-order__text", html: it.html }));
      li.appendChild(h("span", { "class": "tb-order__mark" }));
      li.appendChild(h("div", { "class": "tb-order__btns" }, up, down));

      // Dragging is an extra for mouse users; the buttons are the primary interaction.
      li.addEventListener("dragstart", function (ev) {
        if (locked) {
          ev.preventDefault();
          return;
        }
        dragged = li;
        li.classList.add("tb-order__item--dragging");
        if (ev.dataTransfer) {
          ev.dataTransfer.effectAllowed = "move";
          try {
            ev.dataTransfer.setData("text/plain", it.text);
          } catch (e) {
            // some browsers refuse setData for certain types; dragging still works
          }
        }
      });
      li.addEventListener("dragend", function () {
        li.classList.remove("tb-order__item--dragging");
        dragged = null;
      });
      li.addEventListener("dragover", function (ev) {
        if (dragged && dragged !== li && !locked) {
          ev.preventDefault();
        }
      });
      li.addEventListener("drop", function (ev) {
        if (!dragged || dragged === li || locked) {
          return;
        }
        ev.preventDefault();
        var rect = li.getBoundingClientRect();
        var after = ev.clientY > rect.top + rect.height / 2;
        list.insertBefore(dragged, after ? li.nextSibling : li);
        refresh();
        var pos = liItems().indexOf(dragged) + 1;
        quiz.announce(fmt(t.moved, { item: dragged.getAttribute("data-text"), n: pos, total: items.length }));
      });
      list.appendChild(li);
    });
    refresh();

    var pts = toNumber(item.q.points, 1);
    function currentRight() {
      return liItems().every(function (li, pos) {
        return Number(li.getAttribute("data-index")) === pos;
      });
    }

    return {
      body: h("div", { "class": "tb-order-wrap" }, help, list),
      max: pts,
      answered: function () { return true; },
      grade: function () {
        return currentRight() ? { score: pts, status: "correct" } : { score: 0, status: "wrong" };
      },
      answerNode: function () {
        var ol = h("ol", { "class": "tb-fb__list" });
        items.forEach(function (it) {
          ol.appendChild(h("li", { html: it.html }));
        });
        return ol;
      },
      mark: function () {
        liItems().forEach(function (li, pos) {
          var ok = Number(li.getAttribute("data-index")) === pos;
          li.classList.toggle("tb-order__item--ok", ok);
          li.classList.toggle("tb-order__item--bad", !ok);
          li.querySelector(".tb-order__mark").textContent = ok ? "✓ " + t.okMark : "✗ " + t.badMark;
        });
      },
      lock: function () {
        locked = true;
        liItems().forEach(function (li) {
          li.setAttribute("draggable", "false");
        });
      }
    };
  }

  function buildMatching(item) {
    var t = item.t;
    var q = item.q;
    var left = asArray(q.left);
    var right = asArray(q.right).map(String);
    var seen = new Set();
    var pool = [];
    right.concat(asArray(q.distractors).map(String)).forEach(function (html) {
      if (!seen.has(html)) {
        seen.add(html);
        pool.push(html);
      }
    });
    pool = shuffle(pool);

    var poolHeadId = uid("pool");
    var poolList = h("ol", { "class": "tb-match__pool-list", "aria-labelledby": poolHeadId });
    pool.forEach(function (html, i) {
      poolList.appendChild(h("li", { "class": "tb-match__pool-item" },
        h("span", { "class": "tb-match__letter", text: letter(i) + "." }),
        h("span", { "class": "tb-match__pool-text", html: html })));
    });

    var rowsEl = h("ol", { "class": "tb-match__rows" });
    var rows = left.map(function (html, i) {
      var text = htmlToText(html);
      var selId = uid("match");
      var select = h("select", { id: selId, "class": "tb-match__select" },
        h("option", { value: "", text: t.choose }));
      pool.forEach(function (p, k) {
        select.appendChild(h("option", { value: String(k), text: letter(k) + ". " + htmlToText(p) }));
      });
      var mark = h("span", { "class": "tb-match__mark" });
      var row = h("li", { "class": "tb-match__row" },
        h("div", { "class": "tb-match__left", html: html }),
        h("span", { "class": "tb-match__arrow", "aria-hidden": "true", text: "→" }),
        h("label", { "class": "tb-sr", "for": selId, text: fmt(t.matchLabel, { item: text }) }),
        select,
        mark);
      rowsEl.appendChild(row);
      return { select: select, row: row, mark: mark, want: right[i] };
    });

    function rowRight(r) {
      return r.select.value !== "" && pool[Number(r.select.value)] === r.want;
    }

    var pts = toNumber(q.points, 1);
    return {
      body: h("div", { "class": "tb-match" },
        h("p", { "class": "tb-q__help", text: t.matchHelp }),
        h("div", { "class": "tb-match__pool" },
          h("p", { "class": "tb-match__pool-head", id: poolHeadId, text: t.pool }),
          poolList),
        rowsEl),
      max: pts,
      answered: function () {
        return rows.some(function (r) { return r.select.value !== ""; });
      },
      grade: function () {
        if (!rows.some(function (r) { return r.select.value !== ""; })) {
          return { score: 0, status: "unanswered" };
        }
        return rows.every(rowRight) ? { score: pts, status: "correct" } : { score: 0, status: "wrong" };
      },
      answerNode: function () {
        var ul = h("ul", { "class": "tb-fb__list" });
        left.forEach(function (html, i) {
          var li = h("li", {});
          li.appendChild(h("span", { html: html }));
          li.appendChild(document.createTextNode(" → "));
          li.appendChild(h("span", { html: right[i] === undefined ? "" : right[i] }));
          ul.appendChild(li);
        });
        return ul;
      },
      mark: function () {
        rows.forEach(function (r) {
          var ok = rowRight(r);
          r.row.classList.toggle("tb-match__row--ok", ok);
          r.row.classList.toggle("tb-match__row--bad", !ok);
          r.select.setAttribute("aria-invalid", ok ? "false" : "true");
          r.mark.textContent = ok ? "✓ " + t.okMark : "✗ " + t.badMark;
        });
      }
    };
  }

  function buildShortAnswer(item) {
    var t = item.t;
    var q = item.q;
    var quiz = item.quiz;
    var pts = toNumber(q.points, 1);
    var rubric = asArray(q.rubric).filter(function (r) { return r && typeof r === "object"; });
    var revealed = false;

    var taId = uid("sa");
    var textarea = h("textarea", { id: taId, "class": "tb-sa__input", rows: "4" });
    var panelId = uid("ref");
    var refHeadId = uid("refh");
    var panel = h("div", { "class": "tb-sa__panel", id: panelId });
    panel.hidden = true;
    var refBlock = h("div", { "class": "tb-sa__ref", tabindex: "-1", "aria-labelledby": refHeadId },
      h("p", { "class": "tb-sa__ref-head", id: refHeadId, text: t.reference }),
      h("div", { "class": "tb-sa__ref-body", html: q.reference || "" }));
    var boxes = [];
    var fieldset = h("fieldset", { "class": "tb-sa__rubric" }, h("legend", { text: t.rubricIntro }));
    if (rubric.length) {
      rubric.forEach(function (r) {
        var p = toNumber(r.points, 0);
        var box = h("input", { type: "checkbox", "class": "tb-opt__input", "data-tb-keep": "", "data-points": String(p) });
        fieldset.appendChild(h("label", { "class": "tb-opt tb-sa__point" },
          box,
          h("span", { "class": "tb-opt__text", html: r.point || "" }),
          h("span", { "class": "tb-sa__pts", text: fmt(t.rubricPoints, { n: fmtNum(p) }) })));
        boxes.push({ box: box, points: p });
      });
    } else {
      var only = h("input", { type: "checkbox", "class": "tb-opt__input", "data-tb-keep": "", "data-points": String(pts) });
      fieldset.appendChild(h("label", { "class": "tb-opt tb-sa__point" },
        only, h("span", { "class": "tb-opt__text", text: t.noRubric })));
      boxes.push({ box: only, points: pts });
    }
    boxes.forEach(function (b) {
      b.box.addEventListener("change", function () { item.selfChanged(); });
    });
    panel.appendChild(refBlock);
    panel.appendChild(fieldset);

    var revealBtn = button(t.showRef, "tb-sa__reveal", function () {
      reveal();
      refBlock.focus();
    }, { "aria-expanded": "false", "aria-controls": panelId });
    // In exam mode the reference only appears after submission.
    revealBtn.hidden = quiz.mode === "exam";

    function reveal() {
      if (revealed) {
        return;
      }
      revealed = true;
      panel.hidden = false;
      revealBtn.setAttribute("aria-expanded", "true");
      revealBtn.hidden = true;
      if (item.checkBtn) {
        item.checkBtn.hidden = item.graded;
      }
    }

    return {
      body: h("div", { "class": "tb-sa" },
        h("label", { "class": "tb-sa__label", "for": taId, text: t.yourAnswer }),
        textarea,
        h("div", { "class": "tb-q__actions tb-sa__actions" }, revealBtn),
        panel),
      max: pts,
      selfAssessed: true,
      checkLabel: t.confirmSelf,
      checkHiddenInitially: true,
      answered: function () { return revealed || textarea.value.trim() !== ""; },
      canCheck: function () { return revealed; },
      grade: function () {
        var sum = 0;
        boxes.forEach(function (b) {
          if (b.box.checked) {
            sum += b.points;
          }
        });
        return { score: Math.min(sum, pts), status: "self" };
      },
      answerNode: function () { return null; },
      prepare: reveal
    };
  }

  function buildGroup(item) {
    var t = item.t;
    var q = item.q;
    var subsList = h("ol", { "class": "tb-group__list" });
    var subs = asArray(q.questions).filter(function (s) {
      return s && typeof s === "object" && s.type !== "group";
    }).map(function (sq, i) {
      var sub = makeItem(sq, item.quiz, fmt(t.subN, { n: i + 1 }), item);
      subsList.appendChild(sub.el);
      return sub;
    });
    item.subs = subs;
    var max = subs.reduce(function (acc, s) { return acc + s.max; }, 0);

    return {
      body: subsList,
      max: max,
      selfAssessed: subs.some(function (s) { return s.selfAssessed; }),
      answered: function () { return subs.some(function (s) { return s.answered(); }); },
      grade: function () {
        var score = 0;
        var allRight = subs.length > 0;
        var any = false;
        subs.forEach(function (s) {
          var r = s.grade();
          score += r.score;
          if (!isCorrect(r)) {
            allRight = false;
          }
          if (r.status !== "unanswered") {
            any = true;
          }
        });
        var status = allRight ? "correct" : score > 0 ? "partial" : any ? "wrong" : "unanswered";
        return { score: score, status: status };
      },
      answerNode: function () { return null; }
    };
  }

  var BUILDERS = {
    single: buildSingle,
    multiple: buildMultiple,
    true_false: buildTrueFalse,
    fill_blank: buildFillBlank,
    ordering: buildOrdering,
    matching: buildMatching,
    short_answer: buildShortAnswer,
    group: buildGroup
  };

  // ------------------------------------------------------------- one item

  function makeItem(q, quiz, label, parent) {
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
      checkBtn: null
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
    var stemEl = h("div", { "class": "tb-q__stem", id: item.stemId, html: q.stem || "" });
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

    if (!parent && quiz.mode === "practice") {
      var check = button(impl.checkLabel || t.check, "tb-q__check tb-btn--primary", function () {
        quiz.checkItem(item);
      }, { "aria-describedby": item.stemId });
      check.hidden = !!impl.checkHiddenInitially;
      item.checkBtn = check;
      li.appendChild(h("div", { "class": "tb-q__actions" }, check));
    }
    li.appendChild(fb);

    item.answered = function () { return impl.answered(); };
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

    return item;
  }

  // ------------------------------------------------------------- one quiz

  function Quiz(root, data) {
    this.root = root;
    this.data = data;
    this.t = pickStrings();
    this.mode = data.mode === "exam" ? "exam" : "practice";
    var time = Number(data.time);
    this.time = this.mode === "exam" && isFinite(time) && time > 0 ? time : 0;
    this.pool = asArray(data.questions).filter(function (q) { return q && typeof q === "object"; });
    var pick = parseInt(data.pick, 10);
    this.pick = pick > 0 && pick < this.pool.length ? pick : 0;
    this.attempt = 0;
    this.units = [];
    this.submitted = false;
    this.timerId = 0;
    this.unanswered = 0;
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

    if (this.time) {
      this.timerVal = h("span", { "class": "tb-quiz__timer-value", text: mmss(this.time * 60000) });
      this.timerEl = h("div", { "class": "tb-quiz__timer", role: "timer", "aria-label": t.timer },
        h("span", { "class": "tb-quiz__timer-label", text: t.timer + " " }), this.timerVal);
      this.timerEl.hidden = true;
      app.appendChild(this.timerEl);

      this.startBlock = h("div", { "class": "tb-quiz__start" },
        h("p", { text: fmt(t.timedIntro, { m: fmtNum(this.time) }) }),
        button(t.start, "tb-quiz__start-btn tb-btn--primary", function () {
          self.startBlock.hidden = true;
          self.startAttempt(true);
        }));
      app.appendChild(this.startBlock);
    }

    this.list = h("ol", { "class": "tb-quiz__questions" });
    app.appendChild(this.list);

    this.summary = h("div", {
      "class": "tb-quiz__summary",
      tabindex: "-1",
      role: "region",
      "aria-label": t.summaryLabel
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

    var data = root.querySelector("script.tb-quiz__data");
    var staticEl = root.querySelector(".tb-quiz__static");
    if (staticEl) {
      staticEl.hidden = true;
      staticEl.parentNode.insertBefore(app, staticEl.nextSibling);
    } else if (data) {
      root.insertBefore(app, data);
    } else {
      root.appendChild(app);
    }
    root.classList.add("tb-quiz--ready");

    if (this.time) {
      this.list.hidden = true;
      this.actions.hidden = true;
    } else {
      this.startAttempt(false);
    }
  };

  Quiz.prototype.startAttempt = function (focusFirst) {
    var t = this.t;
    var self = this;
    this.stopTimer();
    this.attempt += 1;
    this.submitted = false;
    this.unanswered = 0;
    var questions = this.pick ? draw(this.pool, this.pick) : this.pool.slice();
    this.list.textContent = "";
    this.units = questions.map(function (q, i) {
      var item = makeItem(q, self, String(i + 1) + t.numSuffix, null);
      self.list.appendChild(item.el);
      return item;
    });
    this.list.hidden = false;
    this.actions.hidden = false;
    this.summary.hidden = true;
    this.summary.textContent = "";
    this.submitBtn.hidden = this.mode !== "exam";
    this.retryBtn.hidden = this.mode === "exam";
    this.root.setAttribute("data-attempt", String(this.attempt));
    this.root.removeAttribute("data-submitted");
    if (this.time) {
      this.startTimer();
    }
    if (focusFirst && this.units.length) {
      this.units[0].el.focus();
    }
  };

  Quiz.prototype.restart = function () {
    this.startAttempt(true);
    this.announce(this.t.newAttempt);
  };

  Quiz.prototype.announce = function (message) {
    var live = this.live;
    // Clear first so that the same message twice is still announced.
    live.textContent = "";
    window.setTimeout(function () {
      live.textContent = message;
    }, 60);
  };

  Quiz.prototype.checkItem = function (item) {
    var t = this.t;
    if (item.graded) {
      return;
    }
    if (!item.canCheck()) {
      this.announce(item.type === "short_answer" ? t.revealFirst : t.pleaseAnswer);
      return;
    }
    var res = item.finalize();
    var number = this.units.indexOf(item) + 1;
    var resultText = t[res.status];
    var message = fmt(t.liveResult, {
      q: fmt(t.questionN, { n: number }),
      r: resultText,
      score: fmt(t.score, { s: fmtNum(res.score), m: fmtNum(res.max) })
    });
    var allDone = this.units.every(function (u) { return u.graded; });
    var summaryText = this.updateSummary(false);
    if (allDone && summaryText) {
      message += " " + summaryText;
    }
    this.announce(message);
    item.fbEl.focus();
  };

  Quiz.prototype.submit = function (auto) {
    var t = this.t;
    if (this.submitted || this.mode !== "exam") {
      return;
    }
    this.submitted = true;
    this.stopTimer();
    if (this.timerEl) {
      this.timerEl.classList.add("tb-quiz__timer--stopped");
    }
    var unanswered = 0;
    this.units.forEach(function (u) {
      if (!u.answered()) {
        unanswered += 1;
      }
      u.finalize();
    });
    this.unanswered = unanswered;
    this.submitBtn.hidden = true;
    this.retryBtn.hidden = false;
    this.root.setAttribute("data-submitted", auto ? "auto" : "manual");
    var text = this.updateSummary(auto);
    this.summary.focus();
    this.announce((auto ? t.timeUp : t.submitted) + " " + text);
  };

  /** Redraw the result summary; returns its main sentence (or "" when hidden). */
  Quiz.prototype.updateSummary = function (auto) {
    var t = this.t;
    var n = this.units.length;
    var score = 0;
    var total = 0;
    var correct = 0;
    var graded = 0;
    var selfAssessed = false;
    this.units.forEach(function (u) {
      total += u.max;
      if (u.graded) {
        var r = u.grade();
        score += r.score;
        graded += 1;
        if (isCorrect(r)) {
          correct += 1;
        }
        if (u.selfAssessed) {
          selfAssessed = true;
        }
      }
    });
    var show = this.mode === "exam" ? this.submitted : graded > 0;
    if (!show) {
      this.summary.hidden = true;
      return "";
    }
    var pct = total > 0 ? Math.round(score / total * 100) : 0;
    var sentence = fmt(t.summary, { s: fmtNum(score), t: fmtNum(total), p: pct, c: correct, n: n });
    var s = this.summary;
    s.textContent = "";
    var head;
    if (this.mode === "exam") {
      head = auto || this.root.getAttribute("data-submitted") === "auto" ? t.timeUp : t.submitted;
    } else {
      head = graded === n ? t.done : fmt(t.progress, { k: graded, n: n });
    }
    s.appendChild(h("p", { "class": "tb-quiz__summary-head", text: head }));
    s.appendChild(h("p", { "class": "tb-quiz__summary-score", text: sentence }));
    var bar = h("span", { "class": "tb-quiz__bar-fill" });
    bar.style.width = Math.max(0, Math.min(100, pct)) + "%";
    s.appendChild(h("div", { "class": "tb-quiz__bar", "aria-hidden": "true" }, bar));
    if (this.mode === "exam" && this.unanswered > 0) {
      s.appendChild(h("p", { "class": "tb-quiz__summary-note", text: fmt(t.unansweredCount, { n: this.unanswered }) }));
    }
    if (selfAssessed) {
      s.appendChild(h("p", { "class": "tb-quiz__summary-note", text: t.selfPending }));
    }
    s.setAttribute("data-score", fmtNum(score));
    s.setAttribute("data-total", fmtNum(total));
    s.setAttribute("data-percent", String(pct));
    s.setAttribute("data-correct", String(correct));
    s.setAttribute("data-count", String(n));
    s.hidden = false;
    return sentence;
  };

  Quiz.prototype.startTimer = function () {
    var self = this;
    var t = this.t;
    this.stopTimer();
    this.deadline = Date.now() + this.time * 60000;
    var warned = this.time <= 1.5; // no "one minute left" for very short quizzes
    this.timerEl.hidden = false;
    this.timerEl.classList.remove("tb-quiz__timer--low", "tb-quiz__timer--stopped");
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

  window.trainbookQuiz = { init: initAll, version: "1" };

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
