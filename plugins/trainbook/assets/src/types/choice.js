
  // ------------------------------------------------- single, multiple, true_false

  /* Options are shown in a fresh random order on every attempt (unless the question says
   * shuffle: false), so letters are display positions: feedback names the letter the learner
   * saw. State: {o: display order as option indices, sel: chosen option indices}. */
  function buildChoice(item, multi, options, key, canShuffle) {
    var t = item.t;
    var name = uid("opt");
    var isTF = item.q.type === "true_false";
    var saved = item.saved || {};
    var n = options.length;
    var order = isPerm(saved.o, n) ? saved.o.slice() : canShuffle ? shuffle(range(n)) : range(n);
    var group = h("div", {
      "class": "tb-opts" + (isTF ? " tb-opts--tf" : ""),
      role: multi ? "group" : "radiogroup",
      "aria-labelledby": item.stemId
    });
    var rows = [];
    order.forEach(function (i, pos) {
      var input = h("input", {
        type: multi ? "checkbox" : "radio",
        name: name,
        value: String(i),
        "class": "tb-opt__input"
      });
      var mark = h("span", { "class": "tb-opt__mark" });
      var label = h("label", { "class": "tb-opt", "data-index": String(i) },
        input,
        isTF ? null : h("span", { "class": "tb-opt__letter", text: letter(pos) + "." }),
        h("span", { "class": "tb-opt__text", html: options[i] }),
        mark);
      group.appendChild(label);
      rows[i] = { input: input, label: label, mark: mark };
    });
    asArray(saved.sel).forEach(function (i) {
      if (i === (i | 0) && rows[i]) { // an index, not "length" or "__proto__" (an imported file)
        rows[i].input.checked = true;
      }
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
      state: function () { return { o: order, sel: selected() }; },
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
        var positions = key.map(function (i) { return order.indexOf(i); }).sort(function (a, b) { return a - b; });
        var names = positions.map(function (pos) {
          return isTF ? htmlToText(options[order[pos]]) : letter(pos);
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
    return buildChoice(item, false, asArray(q.options), key, q.shuffle !== false);
  }

  function buildMultiple(item) {
    var q = item.q;
    var key = asArray(q.answer).map(Number).filter(function (i) { return i >= 0; });
    return buildChoice(item, true, asArray(q.options), key, q.shuffle !== false);
  }

  function buildTrueFalse(item) {
    var t = item.t;
    var ans = item.q.answer === true || item.q.answer === "true";
    return buildChoice(item, false, [escapeText(t["true"]), escapeText(t["false"])], [ans ? 0 : 1], false);
  }

  function escapeText(s) {
    var d = document.createElement("div");
    d.textContent = s;
    return d.innerHTML;
  }
