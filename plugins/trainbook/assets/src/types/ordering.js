
  // ----------------------------------------------------------------- ordering

  function buildOrdering(item) {
    var t = item.t;
    var quiz = item.quiz;
    var items = asArray(item.q.items).map(function (html, i) {
      return { html: html, index: i, text: htmlToText(html) };
    });
    var saved = item.saved || {};
    var touched = saved.m === true;
    var order = shuffle(items);
    var identity = function (arr) {
      return arr.every(function (it, i) { return it.index === i; });
    };
    var guard = 0;
    while (items.length > 1 && identity(order) && guard < 50) {
      order = shuffle(items);
      guard += 1;
    }
    if (isPerm(saved.o, items.length)) {
      order = saved.o.map(function (i) { return items[i]; });
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
      touched = true;
      item.changed();
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
        touched = true;
        item.changed();
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
      state: function () {
        return { o: liItems().map(function (li) { return Number(li.getAttribute("data-index")); }), m: touched };
      },
      // The shown order is always an answer (possibly a wrong one), touched or not.
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

