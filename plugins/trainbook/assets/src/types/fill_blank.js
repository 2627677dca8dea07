
  // --------------------------------------------------------------- fill_blank

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

    var savedValues = asArray((item.saved || {}).v);

    function makeInput(k) {
      var input = h("input", {
        type: "text",
        "class": "tb-blank-input",
        "data-blank": String(k),
        "aria-label": fmt(t.blank, { n: k + 1 }),
        autocomplete: "off",
        autocapitalize: "off",
        spellcheck: "false",
        enterkeyhint: "done"
      });
      if (typeof savedValues[k] === "string") {
        input.value = savedValues[k];
      }
      // Enter checks, as a learner expects of a one-line answer (an IME's Enter composes).
      input.addEventListener("keydown", function (ev) {
        if (ev.key === "Enter" && !ev.isComposing) {
          ev.preventDefault();
          item.top().quiz.enter(item.top());
        }
      });
      return input;
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
      state: function () {
        return { v: inputs.map(function (input) { return input ? input.value : ""; }) };
      },
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

