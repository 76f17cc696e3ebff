// Helpers for the contest page's end-to-end tests (contest.test.mjs, reload.test.mjs): the page's name
// in the build, a three-team setup file over the shipped fraud bank, and the scores a window shows.
import fs from 'node:fs';
import path from 'node:path';
import { readBank, dist } from './harness.mjs';

// In the assembled dist/ the page is contest.html; built alone (target/pages/contest) trunk names it index.html.
export const PAGE = fs.existsSync(path.join(dist, 'contest.html')) ? 'contest.html' : '';

/** Ten single-choice fraud questions: three rounds of three and a tiebreak of one, none twice. */
export function setupFile({ seconds = 30 } = {}) {
  const qs = readBank('fraud').questions.filter((q) => q.type === 'single').slice(0, 11);
  const keys = qs.map((q) => `fraud/${q.id}`);
  const buzz = { buzz_seconds: 20, answer_seconds: 15, right: 10, wrong: -10, foul: -10, foul_excludes: true, after_wrong: 'rebound', max_answers: 2 };
  const setup = {
    title: '城区支行金融知识竞赛',
    teams: [
      { name: '城东队', colour: 'red', label: '1' },
      { name: '城西队', colour: 'blue', label: '2' },
      { name: '城南队', colour: 'green', label: '3' },
    ],
    starting_score: 100,
    rounds: [
      { rules: { compulsory: { seconds, right: 10, wrong: 0, timeout: 0 } }, questions: keys.slice(0, 3) },
      { rules: { buzz_in: buzz }, questions: keys.slice(3, 5) },
      { rules: { risk: { values: [10, 20, 30], seconds: 60, may_decline: true, timeout_loses: true, order: 'as_listed' } }, questions: keys.slice(5, 8) },
      { rules: { tiebreak: { buzz: { ...buzz, max_answers: 1, after_wrong: 'pass' }, places: 3 } }, questions: keys.slice(8, 10) },
    ],
  };
  return { text: JSON.stringify({ anxin_contest_setup: 1, setup }), questions: qs };
}

/** Each team's score as a window shows it (the scoreboard on the stage, the team list on the console). */
export async function scores(page, selector) {
  const texts = await page.locator(selector).allInnerTexts();
  return texts.map((t) => Number(t.match(/-?\d+/)[0]));
}
