
  // ------------------------------------------------------------- short_answer

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
    var saved = item.saved || {};
    if (typeof saved.x === "string") {
      textarea.value = saved.x;
    }
    boxes.forEach(function (b, i) {
      b.box.checked = asArray(saved.k)[i] === true;
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
      state: function () {
        return { x: textarea.value, r: revealed, k: boxes.map(function (b) { return b.box.checked; }) };
      },
      restore: function () {
        if (saved.r === true && quiz.mode !== "exam") {
          reveal();
        }
      },
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

