
  // ----------------------------------------------------------------- matching

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
    var saved = item.saved || {};
    var poolOrder = isPerm(saved.p, pool.length) ? saved.p.slice() : shuffle(range(pool.length));
    var authored = pool;
    pool = poolOrder.map(function (i) { return authored[i]; });

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
      var v = asArray(saved.v)[i];
      select.value = typeof v === "string" ? v : "";
      if (select.selectedIndex < 0) {
        select.value = ""; // not one of the choices ("1e0", " 1"): as if not saved
      }
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
      state: function () {
        return { p: poolOrder, v: rows.map(function (r) { return r.select.value; }) };
      },
      answered: function () {
        return rows.some(function (r) { return r.select.value !== ""; });
      },
      grade: function () {
        if (!rows.some(function (r) { return r.select.value !== ""; })) {
          return { score: 0, status: "unanswered" };
        }
        var right = rows.filter(rowRight).length;
        if (right === rows.length) {
          return { score: pts, status: "correct" };
        }
        // Per pair when the question allows partial credit (as multiple does); else all or nothing.
        if (q.partial && right > 0) {
          return { score: pts * right / rows.length, status: "partial" };
        }
        return { score: 0, status: "wrong" };
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

