  var LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  var ICONS = { correct: "✓", wrong: "✗", partial: "◐", unanswered: "–", self: "✎" };
  var READY = "data-tb-quiz-ready";
  var uidCounter = 0;

  // ---------------------------------------------------------------- helpers

  function pickStrings() {
    var lang = (document.documentElement.getAttribute("lang") || "").trim().toLowerCase();
    // The served engine carries the site's language only (trainbook.quizjs); the sources carry all.
    return (lang.slice(0, 2) === "en" && I18N.en) || I18N.zh || I18N.en;
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

  // Punctuation a learner may type around a blank's answer (控制。 for 控制) and that never
  // changes its meaning; NFKC has already turned full-width forms into these.
  var EDGE_PUNCT = /^[\s.,;:!?。、，；：！？…·'"‘’“”「」『』]+|[\s.,;:!?。、，；：！？…·'"‘’“”「」『』]+$/g;

  function normalizeAnswer(s) {
    var str = s === null || s === undefined ? "" : String(s);
    if (typeof str.normalize === "function") {
      str = str.normalize("NFKC");
    }
    return str.replace(EDGE_PUNCT, "").replace(/\s+/g, "").toLowerCase();
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

  function range(n) {
    var a = [];
    for (var i = 0; i < n; i++) {
      a.push(i);
    }
    return a;
  }

  /** Whether p is an order of 0..n-1 (a saved order that still fits the question). */
  function isPerm(p, n) {
    if (!Array.isArray(p) || p.length !== n) {
      return false;
    }
    var seen = {};
    return p.every(function (x) {
      var ok = x === (x | 0) && x >= 0 && x < n && !seen[x];
      seen[x] = true;
      return ok;
    });
  }

  /** Short content hash (FNV-1a, 32 bit) of a question's data: an edited question starts fresh. */
  function contentHash(q) {
    // Points, labels and a pointer to a scenario shown above may differ by page (exam sections,
    // language, case pages); the question does not. Key order is stable: the build writes sorted
    // keys and copies keep them.
    var str = JSON.stringify(q, function (k, v) {
      return k === "points" || k === "label" || k === "shown_stem" ? undefined : v;
    });
    var h = 0x811c9dc5;
    for (var i = 0; i < str.length; i++) {
      h ^= str.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(36);
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

  /** Ask in the page (no blocking dialog): message, a button to go ahead and one to stay (noText:
   * 继续作答 where the learner is answering, else 取消). */
  function ask(where, t, message, yesText, onYes, noText) {
    var old = where.querySelector(".tb-ask");
    if (old) {
      old.parentNode.removeChild(old);
    }
    var box;
    var back = document.activeElement;
    function close() {
      if (box.parentNode) {
        box.parentNode.removeChild(box);
      }
    }
    var yes = button(yesText, "tb-ask__yes tb-btn--primary", function () {
      close();
      onYes();
    });
    var no = button(noText || t.cancel, "tb-ask__no", function () {
      close();
      if (back && back.focus) {
        back.focus();
      }
    });
    var msgId = uid("ask");
    box = h("div", { "class": "tb-ask", role: "group", "aria-labelledby": msgId },
      h("p", { "class": "tb-ask__msg", id: msgId, text: message }), yes, no);
    where.appendChild(box);
    yes.focus();
  }
