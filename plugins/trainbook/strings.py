"""The words on generated pages, in every language the handbook can be written in.

One table: each key maps to its text per language. Texts are trusted Markdown/HTML
fragments with ``{name}`` placeholders; :class:`Strings` escapes whatever fills a
placeholder (see :mod:`trainbook.mdescape`) unless it is already ``Markup``.
Question-type names are not here: they belong to the question-type definitions.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from markupsafe import Markup

from .mdescape import md_text

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"

_TABLE: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "list_sep": ("、", ", "),
    "meta_sep": (" · ", " · "),
    "none": ("—", "—"),
    "nav.title": ("练习与考核", "Practice and assessment"),
    # nav sections, one per kind of generated page
    "section.banks": ("题库", "Question banks"),
    "section.cases": ("案例库", "Case library"),
    "section.exams": ("模拟考试", "Mock exams"),
    "section.rubrics": ("评分表", "Rubrics"),
    "section.schemes": ("考核方案", "Assessment schemes"),
    "section.forms": ("表单", "Forms"),
    "section.learner": ("我的学习", "My learning"),
    # bank page
    "bank.module": ("配套课程：{module}", "Course module: {module}"),
    "bank.intro": (
        "本题库公开练习题共 {count} 道，按题型分组；作答后即时显示解析。",
        "This bank has {count} practice questions, grouped by type; the explanation shows as soon as you answer.",
    ),
    "bank.type_heading": ("{label}（{count} 道）", "{label} ({count})"),
    # case page and case box
    "case.module": ("所属课程：{module}", "Course module: {module}"),
    "case.tags": ("标签：{tags}", "Tags: {tags}"),
    "case.scenario": ("案例情景", "Scenario"),
    "case.discussion": ("讨论题", "Discussion"),
    "case.analysis": ("案例分析", "Analysis"),
    "case.practice": ("正确做法", "Correct practice"),
    "case.references": ("参考依据", "References"),
    "case.quiz": ("案例练习", "Case exercises"),
    "case.reveal_hint": (
        "先独立思考上面的讨论题，再展开查看分析和正确做法。",
        "Think the discussion questions through first, then open the analysis and the correct practice.",
    ),
    "case.see_scenario": ("阅读本页上方的“案例情景”后作答。", "Answer from the scenario at the top of this page."),
    "case_box.title": ("案例：{title}", "Case: {title}"),
    "case_box.discussion": ("讨论", "Discussion"),
    "case_box.more": ("查看案例分析与正确做法 →", "Analysis and correct practice →"),
    # quizzes' static HTML (what shows before quiz.js runs, and without JavaScript)
    "quiz.points": ("（{points} 分）", "({points} points)"),
    "quiz.case": ("案例：{title}", "Case: {title}"),
    "quiz.pick": ("每次练习随机抽取 {pick} 题（共 {count} 题）。", "Each round draws {pick} of {count} questions."),
    "quiz.time": ("限时 {minutes} 分钟。", "Time limit: {minutes} minutes."),
    "quiz.hint.true_false": ("判断对错：对 / 错", "True or false?"),
    "quiz.hint.ordering": ("请排出正确顺序：", "Put these in the right order:"),
    "quiz.hint.matching": ("请将左右两列配对：", "Match the left column with the right:"),
    "quiz.hint.short_answer": ("请简要作答。", "Answer briefly."),
    # mock exam and scheme pages: where the printed pack comes from (trainbook exam build, forms build)
    "printed_pack": (
        "**纸质考试材料**：正式考试的纸质试卷（A/B 卷）、答题卡、参考答案及评分标准、评分表和表单由考务人员"
        "在手册源码目录运行 `make exams` 生成（PDF 与 HTML，A4），位于 `dist/exams/` 和 `dist/forms/`，"
        "不在本网站上发布。",
        "**Printed exam materials**: the papers (variants A/B), answer sheets, keys with marking schemes, "
        "rubric sheets and forms are built by the examiners with `make exams` in the handbook's source folder "
        "(PDF and HTML, A4) into `dist/exams/` and `dist/forms/`; they are not published on this site.",
    ),
    # mock exam page
    "exam.mock_title": ("{title}（模拟考试）", "{title} (mock exam)"),
    "exam.intro": (
        "本模拟考试只使用公开练习题，与正式考试题目不同。{facts}。",
        "This mock exam uses practice questions only; the real exam's questions differ. {facts}.",
    ),
    "exam.fact_sep": ("，", "; "),
    "exam.total": ("满分 {points} 分", "{points} points in total"),
    "exam.time": ("限时 {minutes} 分钟，时间到自动交卷", "{minutes} minutes, submitted automatically when time is up"),
    "exam.pass": ("及格线 {points} 分", "pass mark {points} points"),
    # the online mock's own instructions (the blueprint's are for the printed paper)
    "exam.online": (
        "**作答说明**：点击“开始答题”后开始计时，页面顶部显示剩余时间和已答题数；"
        "作答进度自动保存在本机浏览器中，中途离开或刷新页面后回来可以继续，计时不会暂停。"
        "全部作答后点击“交卷”（时间到自动交卷），随即显示得分、是否通过、各大题和各学习目标的得分，"
        "以及每道题的解析。每次重新考试都会重新抽题，并打乱选项顺序。",
        "**How it works**: the clock starts when you press “Start”; the bar at the top shows the time left and how "
        "many questions you have answered. Your answers are saved in this browser: leave or reload the page and "
        "carry on where you were (the clock keeps running). Press “Submit” when done (it happens by itself when "
        "time is up) to see your score, whether you passed, the score per section and per objective, and every "
        "question's explanation. Each new attempt draws new questions and shuffles the options.",
    ),
    # 错题本 and 学习记录 (progress lives in the learner's browser)
    "learner.wrong_title": ("错题本", "Wrong answers"),
    "learner.wrong_intro": (
        "这里收集你最近一次答错的题目（保存在本机浏览器中），按题库分组，可以直接重做；答对后自动移出错题本。",
        "The questions you last answered wrongly (saved in this browser), by bank; answer them here, and a "
        "right answer takes a question off the list.",
    ),
    "learner.wrong_none": (
        "目前没有错题：练习中答错的题目会出现在这里。",
        "No wrong answers at the moment: questions you answer wrongly in practice appear here.",
    ),
    "learner.wrong_failed": (
        "错题数据未能加载，请刷新页面重试。",
        "The questions could not be loaded; reload the page to try again.",
    ),
    "learner.record_title": ("学习记录", "Learning record"),
    "learner.record_intro": (
        "各模块已做题数、正确率和模拟考试最好成绩，数据保存在本机浏览器中。可以打印成一页个人学习记录交给培训师，"
        "也可以导出为文件，在手机和电脑之间转移。",
        "Per module the questions done and the share right, and your best mock-exam scores, saved in this browser. "
        "Print it as a one-page record for your trainer, or export it to a file to move between phone and PC.",
    ),
    "learner.sign": (
        "姓名：＿＿＿＿＿＿　工号：＿＿＿＿＿＿　日期：＿＿＿＿＿＿",
        "Name: ______  Staff no.: ______  Date: ______",
    ),
    # what handbook pages get for readers (handbook_pages.py): module header and footer, learning paths
    "reader.hours": ("{hours} 学时", "{hours} h"),
    "reader.minutes": ("{minutes} 分钟", "{minutes} min"),
    "reader.about_module": ("本章概要", "About this module"),
    "reader.duration": ("时长：", "Duration: "),
    "reader.audience": ("对象：", "For: "),
    "reader.objectives": ("学完本章，你应当能够：", "After this module you can:"),
    "reader.your_progress": ("你的练习进度：", "Your practice: "),
    "reader.progress_static": ("本章题目的作答记录保存在本机浏览器中。", "Your answers are saved in this browser."),
    "reader.cases": ("本章案例", "Cases of this module"),
    "reader.summary_sep": ("：", ": "),
    "reader.practice": ("继续练习", "Practise more"),
    "reader.bank": ("{title}（全部练习题）", "{title} (every practice question)"),
    "reader.paths_lead": (
        "从你的岗位开始：选一条学习路径，按顺序学习各模块，每个模块末尾有自测。进度保存在本机浏览器中。",
        "Start from your role: pick a learning path and work through its modules in order; each ends with a "
        "self-test. Your progress is saved in this browser.",
    ),
    "reader.path_facts": ("{count} 个模块", "{count} modules"),
    "reader.path_total": ("合计 {duration}", "{duration} in all"),
    "reader.start_with": ("从这里开始：", "Start here: "),
    "reader.objectives_count": ("学习目标（{count}）", "Objectives ({count})"),
    "reader.after_path": ("学完以后", "When you have finished"),
    "reader.path_exam": ("检验一下：", "Test yourself: "),
    "reader.state_todo": ("未开始", "Not started"),
    "reader.state_doing": ("已练 {d} / {n} 题 · 正确率 {p}%", "{d} of {n} practised · {p}% right"),
    "reader.state_done": ("已练完 · 正确率 {p}%", "All practised · {p}% right"),
    "reader.state_next": ("下一步：", "Next: "),
    "reader.state_cont": ("继续学习：", "Carry on with: "),
    "reader.state_all": ("这条路径的模块都已练完。", "You have practised every module of this path."),
    # overview page
    "overview.title": ("练习与考核总览", "Practice and assessment overview"),
    "overview.intro": (
        "本页汇总手册中的题库、案例、考试、评分表、考核方案和表单。",
        "This page lists the handbook's question banks, cases, exams, rubrics, assessment schemes and forms.",
    ),
    "overview.banks": ("题库", "Question banks"),
    "overview.bank": ("题库", "Bank"),
    "overview.module": ("配套课程", "Course module"),
    "overview.practice": ("练习题", "Practice questions"),
    "overview.types": ("题型", "Question types"),
    "overview.type_count": ("{label} {count}", "{label} {count}"),
    "overview.cases": ("案例库（{count} 个）", "Case library ({count})"),
    "overview.case": ("案例", "Case"),
    "overview.summary": ("概述", "Summary"),
    "overview.exams": ("考试", "Exams"),
    "overview.exam": ("考试", "Exam"),
    "overview.duration": ("时长", "Duration"),
    "overview.minutes": ("{minutes} 分钟", "{minutes} min"),
    "overview.variants": ("试卷", "Papers"),
    "overview.variant_list": ("{variants} 卷", "{variants}"),
    "overview.sections": ("大题", "Sections"),
    "overview.pass": ("及格线", "Pass mark"),
    "overview.online": ("在线模拟", "Online mock"),
    "overview.mock_link": ("进入模拟考试", "Take the mock exam"),
    "overview.rubrics": ("评分表", "Rubrics"),
    "overview.rubric": ("评分表", "Rubric"),
    "overview.criteria": ("评分项", "Criteria"),
    "overview.total": ("满分", "Total"),
    "overview.critical": ("一票否决项", "Veto items"),
    "overview.schemes": ("考核方案", "Assessment schemes"),
    "overview.scheme": ("方案", "Scheme"),
    "overview.components": ("考核项", "Components"),
    "overview.grades": ("等级", "Grades"),
    "overview.forms": ("表单", "Forms"),
    "overview.form": ("表单", "Form"),
    "overview.items": ("题项", "Items"),
    "overview.table": ("表格", "Table"),
    "overview.table_size": ("{columns} 列 × {rows} 行", "{columns} columns × {rows} rows"),
    # rubric page
    "rubric.candidate": ("被考核人", "Candidate"),
    "rubric.staff_no": ("工号", "Staff no."),
    "rubric.date": ("考核日期", "Date"),
    "rubric.examiner": ("考官", "Examiner"),
    "rubric.total": ("满分 {points} 分", "{points} points in total"),
    "rubric.pass": ("，{points} 分及格", ", {points} to pass"),
    "rubric.duration": ("，时长 {minutes} 分钟", ", {minutes} minutes"),
    "rubric.veto": (
        "；出现任何一项一票否决情形，本次考核即判为不合格",
        "; any veto item observed fails the assessment",
    ),
    "rubric.end": ("。", "."),
    "rubric.scenario": ("情景：{link}", "Scenario: {link}"),
    "rubric.instructions": ("考核说明", "Instructions"),
    "rubric.criteria": ("评分标准", "Scoring criteria"),
    "rubric.criterion": ("评分项目", "Criterion"),
    "rubric.description": ("评分要点", "What to look for"),
    "rubric.points": ("分值", "Points"),
    "rubric.levels": ("等级标准", "Levels"),
    "rubric.score": ("得分", "Score"),
    "rubric.level": ("{label}（{points}）", "{label} ({points})"),
    "rubric.level_sep": ("：", ": "),
    "rubric.sum": ("合计", "Total"),
    "rubric.critical": ("一票否决项", "Veto items"),
    "rubric.critical_item": ("否决项目", "Veto item"),
    "rubric.critical_note": ("说明", "Description"),
    "rubric.observed": ("是否出现", "Observed"),
    "rubric.yes_no": ("☐ 是　☐ 否", "☐ yes　☐ no"),
    "rubric.comments": ("考官评语：", "Examiner's comments:"),
    "rubric.signature": (
        "考官签名：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日",
        "Examiner's signature: ＿＿＿＿＿＿＿＿　　Date: ＿＿＿＿＿＿＿＿",
    ),
    # scheme page
    "scheme.components": ("考核构成", "Components"),
    "scheme.component": ("考核项", "Component"),
    "scheme.weight": ("权重", "Weight"),
    "scheme.source": ("依据", "Based on"),
    "scheme.formula": (
        "每个考核项按百分制计分，总成绩 = Σ（考核项得分 × 权重）。",
        "Each component is scored out of 100; total = Σ (component score × weight).",
    ),
    "scheme.grades": ("等级划分", "Grades"),
    "scheme.grade": ("等级", "Grade"),
    "scheme.total": ("总成绩", "Total"),
    "scheme.at_least": ("≥ {min}", "≥ {min}"),
    "scheme.range": ("{min} ～ {max}（不含）", "{min} to under {max}"),
    "scheme.outcomes": ("考核结果运用", "How results are used"),
    # the scheme page's calculator (assets/scheme.js fills in the results)
    "scheme.calc": ("成绩计算器", "Score calculator"),
    "scheme.calc.intro": (
        "输入各考核项得分（0～100），即时算出总成绩、等级和是否合格。只在本机浏览器中计算，不保存、不上传。",
        "Enter each component's score (0–100) to see the total, grade and pass or fail. "
        "Worked out in your browser only: nothing is stored or sent.",
    ),
    "scheme.calc.score": ("得分", "Score"),
    "scheme.calc.veto": ("触发了一票否决项（判为不合格）", "A critical item was failed (fails the assessment)"),
    "scheme.calc.passed": ("是否合格", "Result"),
    "scheme.calc.pass": ("合格", "Pass"),
    "scheme.calc.fail": ("不合格", "Fail"),
    # report.html of `trainbook grade` (personal data: the notice comes first)
    "report.title": ("{scheme} — 考核结果报告", "{scheme} — assessment results"),
    "report.privacy": (
        "本报告含员工个人信息（姓名、工号、成绩），依据《个人信息保护法》仅供培训与考核工作小组及相关部门负责人"
        "在考核结果运用（绩效、晋升、补训）中使用；不得公开、张贴、转发或上传到手册网站，用毕妥善保存或销毁。"
        "需在更大范围分享时，请用 trainbook grade --anonymize 生成化名版本。",
        "This report holds staff members' personal information (names, staff numbers, results). Under the "
        "Personal Information Protection Law it is for the training and assessment team and the heads of the "
        "departments concerned, to apply the results (pay, promotion, retraining) only: do not publish, post, "
        "forward or upload it to the handbook site; keep it safe or destroy it after use. To share it more "
        "widely, make a pseudonymised copy with trainbook grade --anonymize.",
    ),
    "report.privacy_anonymized": (
        "本报告含个人信息：姓名和工号已替换为化名（学员001、学员002 等），供培训团队以外的管理人员了解整体情况；"
        "成绩仍属于《个人信息保护法》保护的个人信息，请勿公开、张贴或上传到手册网站。",
        "This report holds personal information: names and staff numbers are replaced by pseudonyms (学员001, "
        "学员002, …) so managers beyond the training team can see the overall picture; results remain personal "
        "information under the Personal Information Protection Law: do not publish, post or upload them.",
    ),
    "report.overview": ("总体情况", "Overview"),
    "report.people": ("参加人数", "People"),
    "report.mean": ("平均分", "Mean"),
    "report.median": ("中位数", "Median"),
    "report.range": ("最高 / 最低", "Highest / lowest"),
    "report.pass_rate": ("合格率", "Pass rate"),
    "report.grades": ("等级分布", "Grades"),
    "report.histogram": ("总分分布", "Distribution of totals"),
    "report.components": ("各考核项平均分", "Mean score per component"),
    "report.formula": (
        "总分 = Σ（考核项得分 × 权重）：{weights}。红色表示低于 {low} 分。",
        "Total = Σ (component score × weight): {weights}. Red: below {low}.",
    ),
    "report.departments": ("各部门情况", "Departments"),
    "report.department": ("部门", "Department"),
    "report.count": ("人数", "People"),
    "report.exam": ("笔试分析：{exam}", "Written exam: {exam}"),
    "report.objectives": ("学习目标掌握情况", "Learning objectives"),
    "report.objectives_note": (
        "掌握率 = 全体考生在该目标题目上的得分 ÷ 满分；达标人数比例按个人得分率 ≥ {mastery}% 计。"
        "红色表示低于 {mastery}%。",
        "Mastery = points earned on the objective's questions ÷ points possible, over everyone; share reaching it: "
        "people scoring at least {mastery}% on them. Red: below {mastery}%.",
    ),
    "report.objective": ("学习目标", "Objective"),
    "report.mastery": ("掌握率", "Mastery"),
    "report.mastered": ("达标人数比例", "Share reaching it"),
    "report.page": ("手册页面", "Handbook page"),
    "report.flagged": ("需要复核的题目（{count}）", "Questions to review ({count})"),
    "report.flagged_note": (
        "难度 P < 0.2（过难）、P > 0.95（过易）或区分度 D < 0 的题目。D 为得分前 27% 与后 27% 考生的得分率之差；"
        "点二列相关为该题得分与其余题目总分的相关系数。选项按题库中的原始顺序列出，* 为正确答案。",
        "Questions with difficulty P < 0.2 (过难, too hard), P > 0.95 (过易, too easy) or discrimination D < 0 "
        "(区分度为负). D: score rate of the top 27 % minus that of the bottom 27 %; point-biserial: correlation "
        "of the question's score with the rest of the paper. Options in the bank's order, * the right ones.",
    ),
    "report.no_flagged": ("没有需要复核的题目。", "No question needs review."),
    "report.items": ("全部题目", "All questions"),
    "report.question": ("题目ID", "Question"),
    "report.type": ("题型", "Type"),
    "report.point_biserial": ("点二列相关", "Point-biserial"),
    "report.options": ("各选项选择率", "Option shares"),
    "report.flags": ("标记", "Flags"),
    "report.retraining": ("补训名单（{count} 人）", "Retraining ({count})"),
    "report.retraining_note": (
        "列入条件：考核不合格、触发一票否决、任一考核项低于 {low} 分。",
        "Listed: not passed, a critical item failed, or a component below {low}.",
    ),
    "report.retraining_note_exam": (
        "列入条件：考核不合格、触发一票否决、任一考核项低于 {low} 分，或笔试中某学习目标得分率低于 {mastery}%。",
        "Listed: not passed, a critical item failed, a component below {low}, or under {mastery}% on a "
        "learning objective of the written exam.",
    ),
    "report.no_retraining": ("无需补训。", "Nobody needs retraining."),
    "report.reasons": ("原因", "Why"),
    "report.retrain_objectives": ("需补训的学习目标", "Objectives to retrain"),
    "report.not_passed": ("考核{grade}（总分 {total}）", "{grade} (total {total})"),
    "report.low_component": ("{component} {score} 分", "{component} {score}"),
    "report.results": ("成绩明细", "Results"),
    "report.rank": ("排名", "Rank"),
    "report.id": ("工号", "Staff no."),
    "report.name": ("姓名", "Name"),
    "report.total": ("总分", "Total"),
    "report.grade": ("等级", "Grade"),
    "report.passed": ("合格", "Passed"),
    "report.notes": ("备注", "Notes"),
    "report.yes": ("是", "yes"),
    "report.no": ("否", "no"),
    "report.people_count": ("{count} 人", "{count}"),
    "report.no_department": ("（未填部门）", "(no department)"),
    # form page
    "form.multiple": ("（可多选）", " (choose all that apply)"),
    # an item whose text already contains this word does not get form.multiple
    "form.multiple_word": ("多选", "all that apply"),
    # printed papers (trainbook exam build / forms build: templates/papers/); filled with HTML-escaped values
    "paper.variant": ("{variant} 卷", "Paper {variant}"),
    "paper.doc_title": ("{title}（{variant} 卷）", "{title} (paper {variant})"),
    "paper.scheme_doc_title": ("{title}（成绩汇总表）", "{title} (score summary)"),
    "paper.answer_sheet": ("答题卡", "Answer sheet"),
    "paper.key": ("参考答案及评分标准", "Answer key and marking scheme"),
    # the CSS `content` of the page footer
    "paper.page_counter": (
        '"第 " counter(page) " 页 / 共 " counter(pages) " 页"',
        '"Page " counter(page) " of " counter(pages)',
    ),
    "paper.name": ("姓名", "Name"),
    "paper.staff_no": ("工号", "Staff no."),
    "paper.department": ("部门", "Department"),
    "paper.date": ("日期", "Date"),
    "paper.time": ("考试时间 {minutes} 分钟　", "Time: {minutes} minutes · "),
    "paper.full_marks": ("满分 {points} 分", "Total points: {points}"),
    "paper.pass_mark": ("　及格 {points} 分", " · Pass mark: {points}"),
    "paper.points": ("（{points} 分）", " (points: {points})"),
    "paper.sign": (
        "{role}签名：＿＿＿＿＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日",
        "{role}'s signature: ____________________&#8195;Date: ______________",
    ),
    "paper.examiner": ("考官", "Examiner"),
    "paper.question_no": ("题号", "No."),
    "paper.total": ("总分", "Total"),
    "paper.possible": ("满分", "Points"),
    "paper.score": ("得分", "Score"),
    "paper.marker": ("阅卷人", "Marker"),
    "paper.instructions": ("考生须知", "Instructions to candidates"),
    "paper.end": ("— 试卷到此结束 —", "— End of the paper —"),
    "paper.sheet_variant": (
        "1. 答题前请核对试卷类型：本答题卡只用于 <strong>{variant}</strong>。",
        "1. Before you start, check your paper: this answer sheet is for <strong>{variant}</strong> only.",
    ),
    "paper.sheet_marking": (
        "2. 选择题和判断题在所选字母或符号上画“√”或涂黑，改答时划掉原选项；其他题目写在对应题号的位置。",
        "2. For choice and true/false questions, tick (√) or fill in the letter or sign you choose; to change "
        "an answer, cross the old one out. Write the other answers next to their question numbers.",
    ),
    "paper.key_variant": (
        "<strong>本答案只适用于 {variant}</strong>（选项顺序各卷不同）。阅卷后请与试卷一并保管，不得外传。",
        "<strong>This key is for {variant} only</strong> (the order of the options differs between papers). "
        "Keep it with the papers after marking; do not pass it on.",
    ),
    "paper.section_total": ("（共 {points} 分）", " (points: {points})"),
    "paper.answer": ("参考答案", "Answer"),
    "paper.marking": ("评分说明", "Marking notes"),
    "paper.worth": ("分值", "Points"),
    "paper.case": ("案例：{title}", "Case: {title}"),
    "paper.case_study": ("案例分析题", "Case study"),
    "paper.subquestions": ("（{n} 小题）", " (questions: {n})"),
    "paper.read_case": ("阅读案例“{title}”，回答下列问题。", "Read the case “{title}” and answer the questions below."),
    "paper.true": ("√（对）", "√ (true)"),
    "paper.false": ("×（错）", "× (false)"),
    "paper.blank_space": ("（　　）", "(&#8195;&#8195;)"),
    "paper.partial": ("（少选得半分）", " (a correct subset earns half)"),
    "paper.partial_key": (
        "全部选对得 {points} 分；少选且所选均正确得 {half} 分；错选不得分",
        "All the right options: {points}; some of them and no wrong one: {half}; any wrong option: 0",
    ),
    "paper.all_or_nothing": (
        "全部选对得分，少选、错选不得分",
        "Points only for all the right options and no wrong one",
    ),
    # numbers the blanks of a fill-in and the pairs of a matching question
    "paper.blank_no": ("（{n}）", "({n})&#8201;"),
    "paper.or": (" 或 ", " or "),
    "paper.per_blank": ("每空 {points} 分", "Points per blank: {points}"),
    "paper.blank_sep": ("；", "; "),
    "paper.answer_label": ("答：", "Answer: "),
    "paper.order_label": ("正确顺序：", "Correct order: "),
    "paper.distractors": ("右栏含 {n} 个干扰项", "Distractors in the right column: {n}"),
    "paper.scoring_points": ("评分要点：", "Scoring points:"),
    "paper.judgement": ("按要点酌情给分", "Marked on the points at the examiner's judgement"),
    "paper.rubric_pass": ("，{points} 分合格", ", pass mark: {points}"),
    "paper.rubric_duration": ("，时长 {minutes} 分钟", ", time: {minutes} minutes"),
    "paper.rubric_case": ("；情景：{title}", "; scenario: {title}"),
    "paper.candidate": ("被考核人", "Candidate"),
    "paper.assessed_on": ("考核日期", "Date"),
    "paper.sheet_no": ("评分序号", "Sheet no."),
    # the responses sheet of a printed exam (responses-template.xlsx): plain text, no markup
    "entry.sheet": ("答卷", "Responses"),
    "entry.notes_sheet": ("填写说明", "How to fill in"),
    "entry.title": ("{title}：答卷录入表", "{title}: responses sheet"),
    "entry.rows": (
        "“{sheet}”表每位考生一行：工号与成绩表一致，试卷写卷别（{variants}）；姓名可以不填，填了会与成绩表核对。",
        "One row per candidate on the “{sheet}” sheet: 工号 as in the scores sheet, 试卷 the paper ({variants}); "
        "姓名 may stay empty, and is checked against the scores sheet when filled in.",
    ),
    "entry.as_written": (
        "照考生在试卷或答题卡上写的录入，不要改正；没有作答的题留空。",
        "Enter what the candidate wrote on the paper or answer sheet, mistakes included; leave a question "
        "not answered empty.",
    ),
    "entry.by_hand": (
        "人工评分的题（简答题）填阅卷人给的分数。",
        "For questions marked by hand (short answer), enter the points the marker gave.",
    ),
    "entry.text_cells": (
        "各列已设为文本格式，“21.10”这样的题号和“3.50”这样的答案不会被改成数字；第一行不要改动。",
        "The columns are formatted as text, so that a number such as 21.10 or an answer such as 3.50 stays "
        "as written; leave the first row as it is.",
    ),
    "entry.text_cells_but_points": (
        "各列已设为文本格式（只填分数的列除外），“21.10”这样的题号和“3.50”这样的答案不会被改成数字；第一行不要改动。",
        "The columns are formatted as text (except those that hold only points), so that a number such as "
        "21.10 or an answer such as 3.50 stays as written; leave the first row as it is.",
    ),
    "entry.copy": (
        "重新生成试卷包会覆盖这个文件夹：先把本表另存到别处，再录入。",
        "Building the pack again replaces this folder: save a copy of this file elsewhere, then fill it in.",
    ),
    "entry.grade": ("录完后计算成绩：{command}", "Then grade the papers: {command}"),
    "entry.grade_command": (
        "trainbook grade 考核方案编号 --scores 成绩.xlsx --responses 本文件 --exam {exam} --out 成绩结果",
        "trainbook grade SCHEME --scores scores.xlsx --responses THIS-FILE --exam {exam} --out results",
    ),
    "entry.mark": (
        "这张表属于种子 {seed} 生成的试卷包（标记 {mark}）。评分时会核对：它只能配同一试卷包的 manifest.json 使用。",
        "This sheet belongs to the pack built with seed {seed} (mark {mark}). Grading checks it: it goes only with "
        "that pack's manifest.json.",
    ),
    "entry.notation_heading": ("各题型的写法", "How to enter each type"),
    "entry.type": ("题型", "Type"),
    "entry.notation": ("写法", "What to enter"),
    "entry.items_heading": ("各卷的题目", "The questions of each paper"),
    "entry.item": ("{type}，{points} 分", "{type}, points: {points}"),
    "entry.variant_error_title": ("卷别不对", "Unknown paper"),
    "entry.variant_error": ("试卷一栏写卷别：{variants}", "Write the paper's letter: {variants}"),
    "entry.points_error_title": ("分数不对", "Points out of range"),
    "entry.points_error": ("填阅卷人给的分数：0 到 {points}", "The points the marker gave: 0 to {points}"),
    "paper.criteria": ("评分标准", "Scoring criteria"),
    "paper.criterion": ("评分项目", "Criterion"),
    "paper.look_for": ("评分要点", "What to look for"),
    "paper.level_tick": ("等级（在选定等级前打“√”）", "Level (tick the one chosen)"),
    "paper.level": ("{label}（{points}）", "{label} ({points})"),
    "paper.range": ("0 ～ {points} 分", "0 to {points} points"),
    "paper.sum": ("合计", "Total"),
    "paper.critical": ("一票否决项", "Veto items"),
    "paper.critical_note": (
        "出现下列任何一项，本次考核判为不合格，不论得分多少。",
        "Any of these observed fails the assessment, whatever the score.",
    ),
    "paper.critical_item": ("一票否决项目", "Veto item"),
    "paper.description": ("说明", "Description"),
    "paper.observed": ("是否出现", "Observed"),
    "paper.yes_no": ("□ 是　□ 否", "□ yes&#8195;□ no"),
    "paper.conclusion": ("考核结论", "Result"),
    "paper.result": (
        '总分：＿＿＿＿ 分　　结论：<span class="tb-box">□</span> 合格　<span class="tb-box">□</span> 不合格',
        'Total score: ________&#8195;&#8195;Result: <span class="tb-box">□</span> pass&#8195;'
        '<span class="tb-box">□</span> fail',
    ),
    "paper.vetoed": ("（一票否决）", " (veto)"),
    "paper.comments": ("考官评语：", "Examiner's comments:"),
    "paper.summary": ("个人成绩汇总表", "Individual score summary"),
    "paper.position": ("岗位", "Position"),
    "paper.year": ("考核年度", "Assessment year"),
    "paper.filled_on": ("填表日期", "Date filled in"),
    "paper.component": ("考核项", "Component"),
    "paper.source": ("依据", "Based on"),
    "paper.weight": ("权重", "Weight"),
    "paper.percent_score": ("得分（百分制）", "Score (of 100)"),
    "paper.weighted": ("加权得分", "Weighted score"),
    "paper.grand_total": ("总成绩", "Total"),
    "paper.formula": (
        "总成绩 = Σ（考核项得分 × 权重），保留一位小数。",
        "Total = Σ (component score × weight), to one decimal place.",
    ),
    "paper.grading": ("等级评定", "Grade"),
    "paper.at_least": ("（≥ {min}）", " (≥ {min})"),
    "paper.grade_range": ("（{min} ～ {max}，不含）", " ({min} to under {max})"),
    "paper.veto_line": (
        '一票否决情形：<span class="tb-box">□</span> 无　<span class="tb-box">□</span> 有（说明）：'
        "＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿",
        'Veto: <span class="tb-box">□</span> none&#8195;<span class="tb-box">□</span> yes (explain): '
        "______________________________",
    ),
    "paper.scheme_signer": ("考核负责人", "Assessment lead"),
    "paper.confirmed": (
        "本人确认：＿＿＿＿＿＿＿＿（签名）",
        "Confirmed by the candidate: ________________ (signature)",
    ),
    # `trainbook init` (command-line output and the note in the new handbook's requirements.txt)
    "init.created": ("已在 {root} 创建培训手册（{n} 个文件）。", "Created a training handbook in {root} ({n} files)."),
    "init.kept": ("已存在、未改动：{path}", "exists, left unchanged: {path}"),
    "init.not_folder": ("{root} 已存在，但不是文件夹", "{root} exists and is not a folder"),
    "init.not_empty": (
        "{root} 不是空文件夹；trainbook init 只在空的或新的文件夹中写出新手册。"
        "要把起始文件加入这个文件夹，请使用 --force（已有文件会保留，从不替换）",
        "{root} is not empty; trainbook init writes a new handbook into an empty or new folder. "
        "Use --force to add the starter files to it (existing files are kept, never replaced)",
    ),
    "init.settings": (
        "{problem}\n请手动把下面的内容加入 .vscode/settings.json：\n{snippet}",
        "{problem}\nAdd this to .vscode/settings.json by hand:\n{snippet}",
    ),
    "init.next": (
        "下一步：\n  cd {root}\n  git init\n  make site      # 生成网站到 site/，用浏览器打开 site/index.html\n"
        "然后阅读 README.md：在哪里写什么。",
        "Next:\n  cd {root}\n  git init\n  make site      # builds the website into site/; open site/index.html\n"
        "Then read README.md: where to write what.",
    ),
    # `mkdocs serve` while the content has problems (trainbook.problempage)
    "serve.title": ("手册内容有问题，预览暂停更新", "The handbook's content has problems; the preview is paused"),
    "serve.intro": (
        "改正下面的问题并保存，本页会自动刷新。终端里有同样的清单。",
        "Fix the problems below and save; this page reloads by itself. The terminal lists them too.",
    ),
    "serve.count": ("共 {errors} 个错误、{warnings} 个警告。", "{errors} error(s), {warnings} warning(s)."),
    "serve.error": ("错误", "error"),
    "serve.warning": ("警告", "warning"),
    "serve.terminal": (
        "trainbook：内容有问题，预览里的每个页面都显示这份清单，改正并保存后恢复：",
        "trainbook: the content has problems; every preview page lists them until they are fixed and saved:",
    ),
    # `trainbook new` (command-line output; the default title of a new file)
    "new.title.module": ("新课程 {id}", "New module {id}"),
    "new.title.bank": ("新题库 {id}", "New bank {id}"),
    "new.title.case": ("新案例 {id}", "New case {id}"),
    "new.title.exam": ("新试卷 {id}", "New exam {id}"),
    "new.title.rubric": ("新评分表 {id}", "New rubric {id}"),
    "new.title.form": ("新表单 {id}", "New form {id}"),
    "new.unknown_kind": ("不认识的类型 '{kind}'，可用：{kinds}", "unknown kind '{kind}': expected one of {kinds}"),
    "new.bad_id": (
        "'{id}' 不能作编号：编号以小写字母开头，只用小写字母、数字和 -，最长 64 个字符",
        "'{id}' is not an id: a lowercase letter first, then lowercase letters, digits and '-', at most 64",
    ),
    "new.no_content": (
        "内容目录 {content} 不存在（用 --content 指定）",
        "content folder {content} does not exist (see --content)",
    ),
    "new.exists": ("{path} 已经存在，未作改动", "{path} exists already; nothing was written"),
    "new.taken": (
        "{kind} 编号 '{id}' 已被 {path} 使用，请换一个编号",
        "{kind} id '{id}' is already used by {path}; choose another id",
    ),
    "new.exam_needs_bank": (
        "试卷从题库抽题，但还没有题库：先运行 trainbook new bank 编号",
        "an exam draws from a bank and there is none yet: run trainbook new bank ID first",
    ),
    "new.no_bank": ("题库 '{bank}' 不存在", "bank '{bank}' does not exist"),
    "new.invalid": (
        "新文件 {path} 与现有内容冲突（见上），未写入",
        "the new file {path} does not fit the existing content (see above); nothing was written",
    ),
    "new.created": ("已创建 {path}", "created {path}"),
    "new.next.module": (
        "下一步：填写学习目标和正文；把本页加入 mkdocs.yml 的 nav；运行 trainbook validate 检查。",
        "Next: write the objectives and the text; add the page to nav: in mkdocs.yml; run trainbook validate.",
    ),
    "new.next.page": (
        "下一步：填写学习目标和正文，然后运行 trainbook validate 检查。",
        "Next: write the objectives and the text; then run trainbook validate.",
    ),
    "new.next.yaml": (
        "下一步：按文件里的注释改成你的内容，然后运行 trainbook validate 检查。",
        "Next: replace the examples by your own, following the comments; then run trainbook validate.",
    ),
    "init.requirements": (
        "# make 用这一行安装 trainbook。若 trainbook 不是从 PyPI 安装的，请改成安装它的来源，例如\n"
        "#   trainbook @ git+https://example.com/your/trainbook.git@v{version}\n",
        "# make installs trainbook from this line. If trainbook does not come from PyPI, write where it\n"
        "# comes from, e.g.\n#   trainbook @ git+https://example.com/your/trainbook.git@v{version}\n",
    ),
}

STRINGS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {key: MappingProxyType(dict(zip(LANGUAGES, texts, strict=True))) for key, texts in _TABLE.items()}
)


def language_code(language: str | None) -> str:
    """The table's language for a site language such as ``zh``, ``zh-CN`` or ``en-GB``."""
    primary = (language or "").strip().lower().replace("_", "-").split("-")[0]
    return primary if primary in LANGUAGES else DEFAULT_LANGUAGE


_MEMO_SIZE = 4096
_MEMO_TYPES = frozenset((str, int, float, bool, type(None), Markup))


class Strings:
    """The table in one language. ``t(key, **values)`` gives Markup for templates;
    ``t.plain(key, **values)`` plain text (page titles, nav)."""

    def __init__(self, language: str | None = DEFAULT_LANGUAGE):
        self.language = language_code(language)
        # Filled entries by key and values (with their types: a str and an equal Markup fill
        # differently). A quiz fills "quiz.points" once per question, mostly with the same
        # points: escaping and formatting again cost a quarter of a question's HTML.
        self._filled: dict[tuple[Any, ...], Markup] = {}

    def text(self, key: str) -> str:
        try:
            return STRINGS[key][self.language]
        except KeyError:
            raise KeyError(f"no string {key!r} in trainbook's string table") from None

    def plain(self, key: str, **values: Any) -> str:
        return self.text(key).format(**values)

    def __call__(self, key: str, **values: Any) -> Markup:
        memo: tuple[Any, ...] = ()  # stays empty: filled every time (an object whose text may change)
        if all(type(v) in _MEMO_TYPES for v in values.values()):
            memo = (key, *((k, type(v), v) for k, v in values.items()))
            hit = self._filled.get(memo)
            if hit is not None:
                return hit
        safe = {k: v if isinstance(v, Markup) else md_text(v) for k, v in values.items()}
        filled = Markup(self.text(key).format(**safe))
        if memo:
            if len(self._filled) >= _MEMO_SIZE:
                self._filled.clear()
            self._filled[memo] = filled
        return filled
