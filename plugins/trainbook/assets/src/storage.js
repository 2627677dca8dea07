
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

  /** A stored document in our format, upgraded to this version; null when unusable. */
  function migrate(d) {
    if (!d || typeof d !== "object" || d.format !== STORE_FORMAT || d.v !== STORE_VERSION) {
      return null;
    }
    ["q", "runs", "exams"].forEach(function (k) {
      if (!d[k] || typeof d[k] !== "object" || Array.isArray(d[k])) {
        d[k] = {};
      }
    });
    return d;
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
