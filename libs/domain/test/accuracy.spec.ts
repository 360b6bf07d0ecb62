// Accuracy of the extractor against hand-labelled gold documents, every set reported separately: the corpus
// fixtures (./gold) and each subdirectory of ./external (dev, heldout, and any new set such as heldout2 dropped in
// later, scored without code changes; a missing directory is simply not reported). Local (provincial/municipal/
// county) documents are reported on their own. Prints per-document tables and every mismatch.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { extractFiles } from '../src/index';
import { externalSets, type GoldDocument, type GoldSetName, loadGoldDocuments, REPO_ROOT } from './gold/gold';
import { compare, type DocumentOutcome, findDocument, formatTotals, report, totals } from './gold/scoring';

/** Corpus: share of gold measures that must be found (every one) and matched exactly (lead, participants, deadline). */
const MIN_FOUND_RATIO = 1;
const MIN_EXACT_RATIO = 0.98;
/** External sets (real documents outside the corpus): share matched exactly, found included. */
const MIN_EXTERNAL_EXACT_RATIO = 0.95;
/**
 * Share of the measures extracted from fully labelled external documents that may answer no label (a false task
 * the user must drop, or a span split differently from the label) in the development sets whose every document is
 * located (dev, heldout-1, heldout-2): scoring counts found measures, so without this bound a form could buy recall
 * with false tasks unseen. Every set prints the figure. 2026-12-04: dev 2 of 452, heldout-1 2 of 172, heldout-2 1
 * of 147 (heldout-5 5 of 50, heldout-6 0 of 56).
 */
const MAX_UNMATCHED_RATIO = 0.05;
/**
 * External sets with a known floor. `heldout` was labelled blind and scored once (2026-12-02: 69 of 174 exact,
 * 39.7%); it has been studied and tuned on since (84.5% on 2026-12-02, the floor below keeps it there), so it is
 * development data now and reported as such; so is `heldout2` since its one blind scoring. A new unseen set
 * (heldout3 …) has no floor: it is scored and reported against the target, and the lead sets its floor after that
 * one scoring.
 */
// 2026-12-07 (third session): the floors of dev, heldout-1/2/3/4/7/8/10/11/12/13 raised to the figures after that
// session's forms (inspection-plan tables, owned task lists, 三定 duty lists, flattened tables, later subjects,
// relative-clause parties, national prose forms; LABELLING §3 revised for local groups after a 责任单位 comma).
// heldout-14 scored again after them, untuned and unread: 58 of 140, unchanged.
const EXTERNAL_SETS: Readonly<Record<string, { label: string; floor: number; locatedAll?: boolean }>> = {
  // 2026-12-02: 10 local documents (49 measures) joined dev, labelled by another session from the text: 335 of 361
  // exact (92.8%) until their forms were read (牵头/协同责任单位 lines, notice subjects), 345 of 361 (95.6%) since.
  // 2026-12-03: 10 documents (4 local 预案 duty lists, 6 national prose notices and replies; 45 measures) joined,
  // labelled from the text before any run: 359 of 395 with the first 6 (90.9%), 392 of 406 (96.6%) after their forms.
  // 2026-12-03: relabelled to LABELLING.md (361 → 357 measures; 355 → 320 exact on the new labels, 346 after the
  // guide's notice and table readings); 6 local table documents (25 measures, 3 exact untuned, 20 after) and 6 county
  // notices (12 measures, 3 exact untuned, 10 after) joined: 418 of 439 (95.2%), local 256 of 267 (95.9%).
  // 2026-12-03: the designation, covering-text, supervising and mechanism forms: 423 of 439 (96.4%), local unchanged
  // (256 of 267); the floor keeps that figure.
  // 2026-12-03 (dev7): 7 covering notices and task lists (2 county, 4 municipal, 1 provincial; 18 measures) joined,
  // labelled before any run: 7 of 18 exact untuned (8 once two anchors lost their item enumerator), 17 of 18 after
  // the covering-notice forms (subject after …给你们，, 各地（市）, 省直有关单位, 成员单位, the issuing office's
  // follow-up, 牵头或汇总单位); the office follow-up also fixed 2 older notices: 437 of 457 (95.6%), local 275 of 285.
  // 2026-12-03 (end of day, after the forms of both helpers and the lead): 442 of 457 (96.7%); the floor keeps it.
  dev: { label: 'dev', floor: 0.967, locatedAll: true },
  // 2026-12-03: 155 of 174 exact (89.1%) after the closing-section and prose forms (149 before); then 159 of 173
  // (91.9%) after the heldout forms (会同 lists to 160 characters and ending at 组建, nominators, 区和管委会 splits) and
  // three labels brought to LABELLING §2 (two separately assigned duties now lead; one sibling-inherited item
  // dropped, 174 → 173). The floor keeps that figure.
  heldout: { label: 'heldout-1 (seen after scoring)', floor: 0.924, locatedAll: true },
  // Labelled blind by another session (25 documents, 21 local) and scored once on 2026-12-02: 80 of 148 found,
  // 57 exact (38.5%); local 12 of 49 exact (24.5%); 3 documents not located at all (58 of 148, 39.2%, when it
  // became development data). Studied and tuned on since: 117 of 148 exact (79.1%), local 34 of 49 (69.4%), every
  // document located (2026-12-03); 128 of 148 (86.5%), local 36 of 49, after the closing-section, prose and
  // local-notice forms of the same day; 132 of 148 when the heldout forms began, 139 of 148 (93.9%, 139 with
  // milestones/period) after them (local open lists, `A对…负责`, mechanism members, supervising offices with duties
  // of their own, plan-year tasks, 按季 / 年中和年末 / 月开展一次, 明年X月份) and one label brought to LABELLING §4
  // (地方各级人民政府及其部门 one party). The floor keeps that figure.
  heldout2: { label: 'heldout-2 (seen after scoring)', floor: 0.959, locatedAll: true },
  // Labelled blind by another session (13 documents: 3 national whole, 10 local, 8 of them page excerpts; 64
  // measures, 15 local) and scored once, last, on 2026-12-03 after the heldout-2 forms: 21 of 64 found, 12 exact
  // (18.8%); local 3 of 15 (20.0%); 2 documents not located. The floor keeps that figure; the set stays unseen.
  // Scored again (not tuned on) after the development-set forms of the same day: 23 found, 13 exact (20.3%).
  // Scored again, still untuned, after the table, duty-list, closing-paragraph and notice forms of the same day: 25
  // found, 17 exact (26.6%); local 7 of 15; 27 found, 18 exact (28.1%) after the excerpt-head forms learnt from
  // heldout-5. The floor keeps that figure.
  // 2026-12-04: tuned on (forms of financial bodies of a kind, coordinated types sharing one class word, cooperating
  // sides, a level's treasury, 承担的 no duty; numbered duty-list sentences, companies, 立即, （单位）): 38 of 64 exact
  // (59.4%), 47 found; local 8 of 15. Its mismatch list was read, so it is development data now. 39 of 64 (60.9%)
  // with the heldout-7/8 forms of the same day; the floor keeps that figure.
  // 2026-12-04 (forms47: working groups, 联合…办公室 / …小组 parties, 由A根据/责令/登记, metadata cells giving the 文号):
  // 45 of 64 exact (70.3%), 53 found, cx-2023-zrfj located; the floor keeps that figure.
  // 2026-12-06 (the heldout-10 forms, 各级、各部门 as two parties): 46 of 64 (71.9%).
  heldout3: { label: 'heldout-3 (seen after scoring)', floor: 0.796 },
  // Labelled blind by another session (18 documents: 6 national whole, 12 local, 6 of them page excerpts; 123
  // measures, 33 local; 58 of them in one national 预案) and scored once, last, on 2026-12-03 after the closing-
  // section, prose and local-notice forms: 54 of 123 found, 28 exact (22.8%); local 14 found, 3 exact (9.1%). The
  // floor keeps that figure; the set stays unseen.
  // Scored again, still untuned, after the later forms of the same day: 69 found, 41 exact (33.3%); local 11 of 33;
  // 70 found, 42 exact (34.1%) after the excerpt-head forms learnt from heldout-5. The floor keeps that figure.
  // 2026-12-04: tuned on (forms: short numbered sentences of a 预案 duty list read as items, companies, 立即, （单位）
  // qualifiers, 会同…制订 partners, `按照职能分工，`, `在…下，做好配合工作`, with the heldout-3 party shapes): 63 of 123
  // exact (51.2%), 85 found. Its mismatch list was read, so it is development data now; the floor keeps it.
  // 2026-12-04 (forms47: registration parties, a forwarded text under （本文有删减）, contents and condition lists
  // inheriting nothing, 预案 grade lines, offices set up by a headquarters, sections opening on a duty, windows with ―):
  // 81 of 123 exact (65.9%), 107 found, spurious 8 -> 2; the floor keeps that figure.
  // 2026-12-06 (the heldout-10 forms, 各级、各部门 as two parties, three opening clauses): 83 of 123 (67.5%).
  heldout4: { label: 'heldout-4 (seen after scoring)', floor: 0.845 },
  // Labelled blind by another session (20 documents; 4 withdrawn before scoring because another session had labelled
  // them into dev and they were tuned on there; 16 left: 3 national whole, 13 local, 10 of them page excerpts; 51
  // measures, 40 local) and scored once, last, on 2026-12-03 after every form of that day: 13 of 51 found, 4 exact
  // (7.8%); local 9 found, 2 exact (5.0%); 2 documents (21 measures) not located. The floor keeps that figure; its
  // mismatch list was read after that scoring, so it is development data now: its two unlocated documents taught
  // two forms (a page opening on a tab-separated table header; a 文号 printed beside its 签发人), 34 found, 11 exact
  // (21.6%); its cell, window and notice forms then 36 found, 28 exact (54.9%); its sentence forms (designations,
  // 希望/请以上责任单位, 拟 plans, issuer pronouns, host offices, 行政首长负责制, 联席会议 rules, relative-clause
  // collectives) 44 found, 43 exact (84.3%; local 34 found, 33 exact, 82.5%); the floor keeps that figure.
  heldout5: { label: 'heldout-5 (seen after scoring)', floor: 0.843 },
  // Labelled blind by another session on 2026-12-03 (16 documents: 3 national, 13 local, 12 of them page excerpts; 57
  // measures, 42 local; 分工方案 / 工作要点 / 实施方案 notices of the kind a 督查室 imports), never opened by anyone
  // tuning, and scored once, last, after every form of that day: 17 of 57 found, 9 exact (15.8%); local 6 of 42
  // (14.3%). The floor keeps that figure. 2026-12-03 (next session): 8 of its labels copy the item enumerator
  // (`一、加强统筹协调。`) that measure texts drop; the scorer now compares anchors without it, which makes the same
  // blind output 25 found, 15 exact (26.3%). Its mismatch list was read after that, so it is development data now.
  // 2026-12-03 (next session): studied and tuned on (task lists, indicator tables, notice subjects, two labels
  // brought to LABELLING, logged in its SOURCES.md): 54 of 57 (94.7%); the floor keeps that figure.
  heldout6: { label: 'heldout-6 (seen after scoring)', floor: 0.947 },
  // Labelled blind by another session on 2026-12-03 (16 documents: 4 national whole texts from the gov.cn crawl, 12
  // local page openings; 53 measures, 20 local) and scored once, last, with heldout-6: 32 of 53 found, 9 exact
  // (17.0%); local 4 of 20 (20.0%). The floor keeps that figure. Its mismatch list was read on 2026-12-03 (next
  // session), so it is development data now.
  // 2026-12-04: tuned on (forms 实施单位 lines, 信息名称 / 存放位置…公开日期 metadata cells): 12 of 53 exact (22.6%);
  // the floor keeps that figure.
  // 2026-12-04 (forms47: reply letters — 我们 of an 答复, 该委, 你省, 正在/正抓紧 commitments, 与…一起; excerpts opening
  // on a numbered item and 文 号 cells located): 20 of 53 exact (37.7%); the floor keeps that figure.
  // 2026-12-06 (three opening clauses before the subject): 22 of 53 (41.5%).
  heldout7: { label: 'heldout-7 (seen after scoring)', floor: 0.773 },
  // Labelled blind by another session on 2026-12-03 (14 documents: 3 national whole texts from the gov.cn crawl, 11
  // local, 6 of them page openings; 45 measures, 40 local), never opened by anyone tuning, and scored once, last,
  // after every form of that session (the heldout-6 forms and the lead's probes): 25 of 45 found, 16 exact (35.6%);
  // local 15 of 40 (37.5%). The floor keeps that figure.
  // 2026-12-04: tuned on (forms 备注/文号 and 信息索引号 metadata rows, 国有林场 / 森林消防队 parties, a time adverbial
  // after the party, 主办/承办单位 role collectives, invited units taking part): 30 of 45 exact (66.7%); the floor
  // keeps that figure.
  // 2026-12-04 (forms47, the reply pronoun of a title without 关于): 32 of 45 exact (71.1%); the floor keeps it.
  // 2026-12-06 (请A、B继续…: a list asked by name is a list of parties): 33 of 45 (73.3%).
  heldout8: { label: 'heldout-8 (seen after scoring)', floor: 0.8 },
  // Labelled blind by two helper sessions on 2026-12-04 (21 documents: 3 national whole texts from the gov.cn crawl,
  // 18 local — 1 provincial, 9 municipal, 8 county — 10 of them page excerpts; 51 measures, 48 local; claims committed
  // before labelling), never opened by anyone tuning, and scored once, last, after every form of that session (the
  // heldout-3/4/7/8 forms and the lead's probes): 37 of 51 found, 23 exact (45.1%); local 22 of 48 (45.8%); no
  // extracted measure without a label. The floor kept that figure. Its mismatch list was read after that scoring, so
  // it is development data now.
  // 2026-12-04: tuned on (forms mixed bare brackets with zones and companies, 责任单位 field lines like cells, plan
  // columns and the page's 发文日期, 由A具体组织实施 / 负总责, 除…外，要, 半年一通报, replies X对…的答复): 45 of 51 exact
  // (88.2%); the floor keeps that figure.
  heldout9: { label: 'heldout-9 (seen after scoring)', floor: 0.882 },
  // Labelled blind by three helper sessions on 2026-12-04 (52 documents: 2 national whole texts from the gov.cn crawl,
  // 50 local — 10 provincial, 19 municipal, 21 county — 33 of them page excerpts; 121 measures, 119 local; claims
  // committed before labelling, each part re-read by a second reader who changed no label), never opened by anyone
  // tuning, and scored once, last, after every form of that session (forms9, forms47, perf and the lead's probes): 92
  // of 121 found, 72 exact (59.5%); local 70 of 119 (58.8%); 4 of 96 extracted measures match no label; 10 documents
  // gave no measure. By part: provincial/municipal 39 of 50, county meeting reports and notices 15 of 39, annotated
  // local plans 18 of 32. Its mismatches were read on 2026-12-06 (development data since): notices stored as one line,
  // heading titles set off by a space, support-only lists, topics before 由 / 需, bases run into a subject, 请A加大…
  // and a meeting's 要求A…, breakdown-notice subjects (各县（市）区, 为…第一责任人, 既要, 总牵头单位), 各相关部门及乡镇,
  // `A，要…`, leaders before the units, 各单位“一把手”要 → 92 of 121.
  heldout10: { label: 'heldout-10 (seen after scoring)', floor: 0.834 },
  // Labelled blind by four helper sessions on 2026-12-06 (64 documents: 3 national, 8 provincial, 25 municipal, 28
  // county; 44 page excerpts; 135 measures, 129 local; claims committed before labelling; parts a and b re-read by a
  // second reader who changed no label), committed before scoring and scored once, last, after every change of that
  // session (the heldout-10 forms, the review mends, the perf merge): 95 of 135 found, 68 exact (50.4%); local 64 of
  // 129 (49.6%); 4 of 99 extracted measures match no label; 10 documents gave no measure. By part: a (provincial/
  // municipal plans and notices) 22 of 35, b (county notices and meeting reports) 14 of 32, c (annotated municipal/
  // county documents) 19 of 36, d (plans from provinces rare in earlier sets) 13 of 32. The floor keeps that figure;
  // Its mismatches were read in the second session of 2026-12-06 (development data since; one label brought to
  // LABELLING §4, gd-2017 `A等部门` → A): page metadata rows, role-verb table cells, meeting approvals of a drafter's
  // text, 协同 partners, designations and statutory duties, sub-items run on after 并要求：, subjects after reported
  // speech, township and sector-system collectives → 105 of 135 (77.8%). 2026-12-07: the local groups after a
  // 责任单位 comma lead (LABELLING §3 revised) → 108 of 135 (80.0%).
  heldout11: { label: 'heldout-11 (seen after scoring)', floor: 0.807 },
  // Labelled blind by four helper sessions in the second session of 2026-12-06 (57 documents: 2 national, 7
  // provincial, 19 municipal, 29 county; 37 page excerpts; 172 measures, 168 local; claims committed before labelling;
  // every part re-read by a second reader who changed no label), scored once, last, after every change of that session
  // (the heldout-11 forms, the perf merge, the review mends): 115 of 172 found, 84 exact (48.8%); local 81 of 168
  // (48.2%); 5 of 120 extracted measures match no label. By level: municipal 31 of 72, county 36 of 71, provincial 14
  // of 25, national 3 of 4. The floor kept that figure. Its mismatches were read in the third session of 2026-12-06
  // (development data since): 数据提供单位, inspection-plan and duty tables, a window of months, numbered points and
  // run-on reported speech in meeting reports, grassroots and township parties, 各乡镇和县公安局, 各牵头单位和责任单位,
  // 一把手, rows that lost a merged cell; the scorer matches a table row by its line when its anchor spans cells the
  // measure text leaves out → 125 of 172 (72.7%), local 122 of 168.
  heldout12: { label: 'heldout-12 (seen after scoring)', floor: 0.831 },
  // Labelled blind by four helper sessions in the third session of 2026-12-06 (60 documents: 2 national, 5 provincial,
  // 25 municipal, 28 county; 32 page excerpts; 133 measures, 129 local; claims committed before labelling; every part
  // re-read by a second blind reader, 3 labels changed), merged after every change of that session (the heldout-12
  // forms, the perf merge, three review rounds) and scored once, last: 98 of 133 found, 67 exact (50.4%); local 65 of
  // 129 (50.4%); 16 of 114 extracted measures match no label; 3 documents gave no measure. By level: municipal 24 of 63,
  // county 31 of 54, provincial 10 of 12, national 2 of 4; by part: a (plans and covering notices) 9 of 14, b (county
  // meeting reports and notices) 20 of 31, c (整改 notices, lists and tables) 23 of 55, d (rare provinces) 15 of 33.
  // Its mismatches were read on 2026-12-07 (so it is development data now): the dash in a zone's name, per-unit
  // problem blocks, remedy paragraphs under problem items, leaders before the units, sectors supporting a lead, stage
  // months alone in brackets, … (extractor README, forms-heldout13.spec.ts): 89 of 133 (66.9%), no label changed. The
  // floor keeps that figure. 2026-12-07 (third session): a 责任单位 label governs the local groups after its comma, as
  // every blind reader had it (LABELLING §3 revised, one heldout-6 label back to its blind reading): 94 of 133 (70.7%).
  heldout13: { label: 'heldout-13 (seen after scoring)', floor: 0.789 },
  // Labelled blind by five helper sessions in the second session of 2026-12-07 (63 documents: 4 national, 5
  // provincial, 18 municipal, 36 county; 32 page excerpts; 140 measures, 133 local; claims committed before labelling;
  // every part re-read by a second blind reader, 3 labels changed), merged after every change of that session (the
  // news-page and opening-clause forms, the review mends, the perf merge) and scored once, last: 91 of 140 found, 58
  // exact (41.4%); local 55 of 133 (41.4%); 9 of 100 extracted measures match no label. By level: municipal 20 of 44,
  // county 28 of 77, provincial 7 of 12, national 3 of 7. The floor keeps that figure; its mismatches were not read.
  // Scored a third time after the fourth session's forms of 2026-12-07 (heldout-15 study, traditional-script copies):
  // 58 of 140 again. Hygiene: that session's study helpers grepped the sets with shell globs, which --exclude-dir does
  // not filter, and were shown a few of its file names, some of its SOURCES lines and short anchor fragments; nothing
  // was used for a form, and its mismatches were never read.
  heldout14: { label: 'heldout-14 (unseen, scored three times, mismatches never read)', floor: 0.414 },
  // A form-frequency study (fourth session of 2026-12-07): four helper sessions each collected fresh local documents of
  // one kind (a county, b municipal/provincial, c task tables and field forms, d department texts, joint documents and
  // meeting reports; 59 local documents, 160 measures; claims and labels committed before any
  // extractor run). Scored untuned on main 56ac86d: 81 of 160 exact (50.6%), 112 found; a 15/33, b 16/42, c 41/64,
  // d 9/21. Each helper then read only its own part's mismatches, tallied the failure kinds and built those shown by
  // three or more documents (its own or the studied sets'): a 20/33, b 22/42, c 56/64, d 16/21, 114 of 160 (71.3%)
  // merged. Transfer, each helper's code scored on the other three parts (untuned for it): +1 exact in all (a's forms
  // on part d); none of b's, c's or d's forms changed another part. The floor keeps the merged figure.
  // 2026-12-08: the cross-set forms (会同 lists ending at a verb, work years no deadline, speech verbs, 将 of an
  // event) and the heldout-16 forms: 117 of 160 (73.1%); the floor keeps that figure.
  heldout15: { label: 'heldout-15 (study set: scored once untuned, then tuned per part)', floor: 0.731 },
  // Labelled blind by three helper sessions at the end of the fourth session of 2026-12-07 (36 documents: 14 county,
  // 9 municipal, 13 provincial; 30 page excerpts; 54 measures; claims committed before labelling, no extractor run),
  // merged after every change of that session and scored once, last: 34 of 54 exact (63.0%), 48 found, 2 of 50
  // extracted measures match no label; county 13 of 19, municipal 11 of 13, provincial 10 of 22. With the code of the
  // session's start (56ac86d) the same labels score 26 of 54 (48.1%): the 8 measures gained are all in its 10
  // traditional-script copies (0 → 8 of 15); on the 26 simplified documents both score 26 of 39. Its mismatches were
  // not read; the floor keeps that figure.
  // 2026-12-08: its mismatches read (development data since): square brackets closed by a role verb, 排名第一的为牵头单位，
  // 下同, 全省各地各部门 as two parties, 省有关部门和单位 one: 40 of 54 (74.1%); the floor keeps that figure.
  heldout16: { label: 'heldout-16 (seen after scoring)', floor: 0.74 },
  // Labelled blind by two helper sessions on 2026-12-08 (39 documents: 10 provincial, 12 municipal, 17 county; 15 page
  // excerpts; 63 measures; claims committed before labelling, no extractor run), merged after every change of that
  // session (the heldout-16 and cross-set forms) and scored once, last: 29 of 63 exact (46.0%), 42 found, 1 of 43
  // extracted measures matches no label; county 13 of 24, municipal 6 of 20, provincial 10 of 19. The code of the
  // session's start (bbf7d5b) scores the same 29 of 63: none of the session's forms recurred in it. Its mismatches
  // were not read; the floor keeps that figure.
  heldout17: { label: 'heldout-17 (unseen, scored once)', floor: 0.46 },
};
/**
 * Measures the extractor may report from an annotation (table, field, bracket) in gold documents that carry
 * no annotated responsibility at all. The corpus gold labels annotated responsibility only; duties read from
 * sentences of a document without any annotation (`basis: 'prose'`) are labelled in the external sets, so in
 * the corpus they are counted and printed, not failed.
 */
const MAX_MEASURES_WITHOUT_RESPONSIBILITY = 0;

function score(set: GoldSetName, label: string, golds: readonly GoldDocument[]): DocumentOutcome[] {
  const files = [...new Set(golds.map((g) => g.file))].sort();
  const result = extractFiles(
    files.map((file) => ({ name: file, bytes: readFileSync(join(REPO_ROOT, file)) })),
  );
  const outcomes = golds.map((gold) => compare(gold, findDocument(gold, result), set !== 'corpus'));
  const local = outcomes.filter((o) => o.gold.level !== 'national');
  console.log(
    `== ${label} ==\n${report(outcomes)}\n\n${formatTotals(`${label} total`, totals(outcomes))}` +
      (set === 'corpus'
        ? ''
        : `\n${formatTotals(`${label} local (provincial/municipal/county)`, totals(local))}`),
  );
  return outcomes;
}

function spurious(outcomes: readonly DocumentOutcome[], basis: 'annotation' | 'prose'): number {
  return outcomes
    .filter((o) => o.gold.measureCount === 0)
    .reduce(
      (sum, o) =>
        sum +
        (o.extracted?.measures.filter((m) => (m.basis === 'prose') === (basis === 'prose')).length ?? 0),
      0,
    );
}

describe('extractor accuracy against the gold documents', () => {
  it(`corpus: finds every labelled measure and matches ≥ ${MIN_EXACT_RATIO * 100}% exactly`, () => {
    const outcomes = score('corpus', 'corpus', loadGoldDocuments('corpus'));
    const t = totals(outcomes);
    expect(outcomes.filter((o) => o.extracted === null).map((o) => o.gold.id)).toEqual([]);
    console.log(
      `corpus documents without annotated responsibility: ${spurious(outcomes, 'prose')} prose duties read`,
    );
    expect(spurious(outcomes, 'annotation')).toBeLessThanOrEqual(MAX_MEASURES_WITHOUT_RESPONSIBILITY);
    expect(t.found / t.labelled).toBeGreaterThanOrEqual(MIN_FOUND_RATIO);
    expect(t.exact / t.labelled).toBeGreaterThanOrEqual(MIN_EXACT_RATIO);
  });

  for (const set of externalSets()) {
    const golds = loadGoldDocuments(set);
    const known = EXTERNAL_SETS[set];
    const label = known?.label ?? set;
    const title = known
      ? `${label}: matches ≥ ${Math.round(known.floor * 1000) / 10}% exactly`
      : `${label}: scored against the ${MIN_EXTERNAL_EXACT_RATIO * 100}% target (no floor yet)`;
    it.skipIf(golds.length === 0)(title, () => {
      const outcomes = score(set, label, golds);
      const t = totals(outcomes);
      const ratio = t.exact / Math.max(1, t.labelled);
      console.log(
        `${label}: ${ratio >= MIN_EXTERNAL_EXACT_RATIO ? 'meets' : 'misses'} the ${MIN_EXTERNAL_EXACT_RATIO * 100}% target`,
      );
      // In the sets we tune on, every gold file must point at a document the extractor located (else the labels,
      // not the extractor, are wrong). In an unseen set a document the extractor cannot locate is its miss: all of
      // that document's measures count as not found.
      if (known?.locatedAll)
        expect(outcomes.filter((o) => o.extracted === null).map((o) => o.gold.id)).toEqual([]);
      if (known) expect(ratio).toBeGreaterThanOrEqual(known.floor);
      if (known?.locatedAll)
        expect(t.unmatched / Math.max(1, t.extracted)).toBeLessThanOrEqual(MAX_UNMATCHED_RATIO);
    });
  }
});
