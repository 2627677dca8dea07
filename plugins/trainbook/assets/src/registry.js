  var BUILDERS = {
    single: buildSingle,
    multiple: buildMultiple,
    true_false: buildTrueFalse,
    fill_blank: buildFillBlank,
    ordering: buildOrdering,
    matching: buildMatching,
    short_answer: buildShortAnswer,
    group: buildGroup
  };

