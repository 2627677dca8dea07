/*
 * trainbook quiz engine.
 *
 * Plain ES2017, no framework, no bundler, no network, no eval, no inline handlers:
 * works from file:// and under `Content-Security-Policy: script-src 'self'`.
 *
 * Contract (emitted by the Python renderer, one per quiz fence):
 *   <div class="tb-quiz" id="tb-quiz-N" data-tb-quiz>
 *     <p class="tb-quiz__title">…</p>
 *     <div class="tb-quiz__static">…question list without answers…</div>
 *     <script type="application/json" class="tb-quiz__data">{…}</script>
 *   </div>
 * This script hides the static list and builds the interactive quiz after it.
 *
 * Safety: the only data inserted as HTML are the fields the build rendered from Markdown and
 * sanitised with an allow-list (trainbook/sanitize.py): stem, options, explanation, items,
 * left, right, distractors, reference, rubric[].point. Everything else from the data (title,
 * case_title, fill-blank answers, ids) and anything the learner types is text: it only ever
 * reaches the page through textContent or setAttribute, never innerHTML.
 */
(function () {
  "use strict";

  // The typeof test: an element with id="trainbookQuiz" in page content would also be window.trainbookQuiz.
  if (window.trainbookQuiz && typeof window.trainbookQuiz.init === "function") {
    // Script evaluated again (included twice, or re-run by instant navigation): the first
    // copy owns the engine; just make sure quizzes now in the page are initialised.
    window.trainbookQuiz.init();
    return;
  }

