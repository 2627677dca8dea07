/*
 * trainbook scheme calculator: component scores → weighted total, grade band, pass or fail.
 *
 * Plain script, CSP-safe (no inline code, no eval, no innerHTML): the scheme page carries the
 * form with each component's weight in data-weight and the grade bands in data-grades (JSON).
 * The rules match `trainbook grade`: total = Σ score × weight / 100, one decimal rounded half
 * up; the first band whose min the total reaches; the lowest band fails; a critical-item
 * failure (一票否决) fails whatever the total. Nothing is stored or sent anywhere.
 */
(function () {
  "use strict";

  function round1(x) {
    // Half up on the decimal value: 48.95 is 48.949999… in binary.
    return Math.round(x * 10 + 1e-7) / 10;
  }

  function setup(form) {
    if (form.getAttribute("data-tb-ready")) {
      return;
    }
    form.setAttribute("data-tb-ready", "1");
    var grades = JSON.parse(form.getAttribute("data-grades") || "[]");
    grades.sort(function (a, b) { return b.min - a.min; });
    var mins = grades.map(function (g) { return g.min; }).sort(function (a, b) { return a - b; });
    var passMin = mins.length > 1 ? mins[1] : 0;
    var inputs = Array.prototype.slice.call(form.querySelectorAll("input[data-weight]"));
    var veto = form.querySelector("input[data-veto]");
    var out = {
      total: form.querySelector("[data-total]"),
      grade: form.querySelector("[data-grade]"),
      pass: form.querySelector("[data-pass]")
    };
    var words = {
      pass: form.getAttribute("data-word-pass") || "合格",
      fail: form.getAttribute("data-word-fail") || "不合格",
      none: "—"
    };

    function update() {
      var total = 0;
      var complete = true;
      inputs.forEach(function (input) {
        var raw = input.value.trim();
        var value = raw === "" ? NaN : Number(raw);
        var bad = raw !== "" && (isNaN(value) || value < 0 || value > 100);
        input.setAttribute("aria-invalid", bad ? "true" : "false");
        if (raw === "" || bad) {
          complete = false;
          return;
        }
        total += value * Number(input.getAttribute("data-weight")) / 100;
      });
      form.setAttribute("data-complete", complete ? "yes" : "no");
      if (!complete) {
        out.total.textContent = words.none;
        out.grade.textContent = words.none;
        out.pass.textContent = words.none;
        form.removeAttribute("data-result");
        return;
      }
      total = round1(total);
      var vetoed = veto !== null && veto.checked;
      var grade = grades.length ? grades[grades.length - 1].label : words.none;
      for (var i = 0; i < grades.length; i++) {
        if (total >= grades[i].min) {
          grade = grades[i].label;
          break;
        }
      }
      var passed = total >= passMin && !vetoed;
      if (vetoed && grades.length) {
        grade = grades[grades.length - 1].label;
      }
      out.total.textContent = total.toFixed(1);
      out.grade.textContent = grade;
      out.pass.textContent = passed ? words.pass : words.fail;
      form.setAttribute("data-result", passed ? "pass" : "fail");
    }

    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    update();
  }

  function init(root) {
    Array.prototype.forEach.call((root || document).querySelectorAll("form[data-tb-scheme-calc]"), setup);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { init(document); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { init(document); });
  } else {
    init(document);
  }
})();
