/* trainbook: Chinese queries in Material's search worker. The trainbook plugin appends this file to
   Material's assets/javascripts/workers/search.*.min.js (trainbook/searchindex.py), so it runs in the
   worker, or in the iframe that stands in for it on file://, never in the page. */
(function () {
  "use strict";
  // Material splits each run of Han characters in a query into the index's words with
  // query.replace(/\p{sc=Han}+/gu, run => segment(run, index).join("* ")), but segment() never
  // looks at the run's last character, so 电梯 is searched as 电* (every 电 word) and 电梯困人
  // as 电梯* 困; and the "* " it joins with leaves a literal * in each term but the last, which
  // then never matches and is shown struck through ("缺少: 电梯* 困"). An end mark after the
  // run lets segment() see all of it; the segments are joined by spaces.
  var END = "\u0000";
  var query = ""; // the query being answered, as typed
  var HAN = "\\p{sc=Han}+";
  var replace = RegExp.prototype[Symbol.replace];
  Object.defineProperty(RegExp.prototype, Symbol.replace, {
    configurable: true,
    writable: true,
    value: function (text, by) {
      if (this.source === HAN && typeof by === "function") {
        query = String(text).toLowerCase();
        return replace.call(this, text, function (run) {
          return String(by(run + END)).split(END).join("").split("* ").join(" ");
        });
      }
      return replace.apply(this, arguments);
    }
  });

  // A query word counts as found when the section's own text holds it, whatever words the index
  // split that text into, or when found words cover it (segment() offers overlapping words:
  // 电梯维保单位 → 电梯维保, 电梯, 维保单位, 单位; a text with 电梯 and 维保单位 lacks nothing).
  var sections = {};
  var HAN_CHAR = /\p{sc=Han}/u;
  function plain(html) {
    return String(html || "").replace(/<[^>]*>/g, "").replace(/[\s\u200b]+/g, "").toLowerCase();
  }
  addEventListener("message", function (event) {
    var message = event.data;
    if (message && message.type === 0 && message.data && message.data.docs) {
      sections = {};
      message.data.docs.forEach(function (doc) {
        sections[doc.location] = plain(doc.title) + "\n" + plain(doc.text);
      });
    }
  });

  function covered(term, found) {
    var hit = [];
    found.forEach(function (word) {
      for (var at = query.indexOf(word); word && at >= 0; at = query.indexOf(word, at + 1)) {
        for (var k = at; k < at + word.length; k++) hit[k] = true;
      }
    });
    for (var start = query.indexOf(term); term && start >= 0; start = query.indexOf(term, start + 1)) {
      var end = start;
      while (end < start + term.length && hit[end]) end++;
      if (end === start + term.length) return true;
    }
    return false;
  }

  function tidy(items) {
    items.forEach(function (group) {
      group.forEach(function (item) {
        var terms = item.terms || {};
        var own = sections[item.location] || "";
        var words = Object.keys(terms);
        words.forEach(function (term) {
          if (!terms[term] && HAN_CHAR.test(term) && own.indexOf(term.toLowerCase()) >= 0) terms[term] = true;
        });
        var found = words.filter(function (term) { return terms[term]; });
        words.forEach(function (term) {
          if (!terms[term] && covered(term.toLowerCase(), found)) terms[term] = true;
        });
      });
    });
  }

  var post = self.postMessage;
  self.postMessage = function (message) {
    if (message && message.type === 3 && message.data && message.data.items) tidy(message.data.items);
    return post.apply(self, arguments);
  };
})();
