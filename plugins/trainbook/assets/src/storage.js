
  // ------------------------------------------------------------- storage

  /* Saved progress: one localStorage entry holding a versioned document
   *   {format: "trainbook-progress", v: 1,
   *    q:     {questionId: {h: content hash, a: answer state, g: checked, o: last result
   *                         {st: status, s: score, m: max, t: time}}},
   *    runs:  {quizKey: {h, ids, a: {id: state}, deadline, started}}   (unfinished attempts)
   *    exams: {examId: [{s, m, p, pass, t}, …]}                          (mock-exam results)}
   * Every read goes back to localStorage (another tab may have written); when storage is
   * unavailable (private mode, blocked, full) the same document lives in memory for the
   * page's lifetime, so nothing else has to know.
   */
  var STORE_KEY = "trainbook.progress";
  var STORE_FORMAT = "trainbook-progress";
  var STORE_VERSION = 1;
  var memo = null;

  function emptyStore() {
    return { format: STORE_FORMAT, v: STORE_VERSION, q: {}, runs: {}, exams: {} };
  }

  function storageArea() {
    try {
      var s = window.localStorage;
      return s && typeof s.getItem === "function" ? s : null;
    } catch (e) {
      return null; // SecurityError when storage is disabled
    }
  }

  function isMap(x) {
    return !!x && typeof x === "object" && !Array.isArray(x);
  }

  /** Whether x is a number from 0 to max (never NaN or Infinity). */
  function upTo(x, max) {
    return typeof x === "number" && x >= 0 && x <= max;
  }

  /** A result {s, m} (and st, a status, or p and pass of an exam) that can be shown. */
  function okResult(r) {
    return isMap(r) && upTo(r.m, 1e6) && upTo(r.s, r.m) && (r.st ? typeof ICONS[r.st] === "string" :
      upTo(r.p, 100) && (r.pass === null || r.pass === true || r.pass === false));
  }

  /* What each entry must be to be kept; an entry that is not is dropped (answer states are checked
   * by each type's builder when restored). */
  var ENTRY = {
    q: function (e) {
      return isMap(e) && typeof e.h === "string" && [undefined, true, false].indexOf(e.g) >= 0 &&
        (e.o === undefined || (okResult(e.o) && !!e.o.st));
    },
    runs: function (r) {
      return isMap(r) && typeof r.h === "string" && Array.isArray(r.ids) && upTo(r.deadline || 0, 9e15);
    },
    exams: function (list, id, d) {
      return Array.isArray(list) && (d[id] = list.filter(okResult));
    }
  };

  /** A stored document in our format, upgraded to this version, its unusable entries dropped; null
   * when unusable (not ours, or a part that is not a map). */
  function migrate(d) {
    if (!isMap(d) || d.format !== STORE_FORMAT || d.v !== STORE_VERSION) {
      return null;
    }
    return ["q", "runs", "exams"].every(function (k) {
      var part = d[k] = d[k] === undefined ? {} : d[k];
      Object.keys(isMap(part) ? part : 0).forEach(function (id) {
        if (!ENTRY[k](part[id], id, part)) {
          delete part[id];
        }
      });
      return isMap(part);
    }) ? d : null;
  }

  function readStore() {
    var area = storageArea();
    if (area) {
      try {
        var raw = area.getItem(STORE_KEY);
        var d = raw ? migrate(JSON.parse(raw)) : null;
        memo = d || (raw ? memo : null) || emptyStore();
        return memo;
      } catch (e) {
        // unreadable entry: keep working from memory
      }
    }
    return memo || (memo = emptyStore());
  }

  function writeStore(d) {
    memo = d;
    var area = storageArea();
    if (area) {
      try {
        area.setItem(STORE_KEY, JSON.stringify(d));
      } catch (e) {
        // quota exceeded or storage refused: the in-memory copy carries on
      }
    }
  }

  function updateStore(fn) {
    var d = readStore();
    fn(d);
    writeStore(d);
    return d;
  }

  /** The saved entry of question q (in store, else the saved document), or null when none or the
   * question has been edited since. */
  function savedQuestion(q, store) {
    var e = (store || readStore()).q[q.id];
    return e && e.h === contentHash(q) ? e : null;
  }

  function saveQuestion(q, fields) {
    var h = contentHash(q);
    updateStore(function (d) {
      var e = d.q[q.id];
      if (!e || e.h !== h) {
        e = d.q[q.id] = { h: h };
      }
      Object.keys(fields).forEach(function (k) {
        if (fields[k] === undefined) {
          delete e[k];
        } else {
          e[k] = fields[k];
        }
      });
    });
  }
