
  // -------------------------------------------------------------------- group

  function buildGroup(item) {
    var t = item.t;
    var q = item.q;
    var savedSubs = (item.saved || {}).s || {};
    var subsList = h("ol", { "class": "tb-group__list" });
    var subs = asArray(q.questions).filter(function (s) {
      return s && typeof s === "object" && s.type !== "group";
    }).map(function (sq, i) {
      var sub = makeItem(sq, item.quiz, fmt(t.subN, { n: i + 1 }), item, savedSubs[sq.id] || null);
      subsList.appendChild(sub.el);
      return sub;
    });
    item.subs = subs;
    var max = subs.reduce(function (acc, s) { return acc + s.max; }, 0);

    return {
      body: subsList,
      max: max,
      selfAssessed: subs.some(function (s) { return s.selfAssessed; }),
      state: function () {
        var st = {};
        subs.forEach(function (s) { st[s.q.id] = s.state(); });
        return { s: st };
      },
      answered: function () { return subs.some(function (s) { return s.answered(); }); },
      missing: function () { return subs.filter(function (s) { return !s.answered(); }).length; },
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

