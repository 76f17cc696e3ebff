// Persistence that loses nothing: a reload mid-round resumes the same question in the same order;
// unreadable saved values are dropped alone, with a notice; the old language key is migrated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchedPage, readIndex, readBank, useBrowserAndServer, setUpRound, answer, pick, questionOnScreen, upAndWhole } from './harness.mjs';
import { nameOf } from './topics.mjs';

const env = useBrowserAndServer();

async function screenState(page) {
  return {
    progress: (await page.locator('.progress-text').innerText()).trim(),
    prompt: (await page.locator('h2.question-prompt').innerText()).trim(),
    options: (await page.locator('button.option .option-text').allInnerTexts()).map((t) => t.trim()),
  };
}

test('a reload mid-round resumes at the same question with the same order', async () => {
  const { page, problems } = await watchedPage(env.browser, env.origin);
  await page.goto(env.origin + '/');
  const entry = readIndex().banks[0];
  // A practice is 10 questions unless the learner chooses another length.
  const second = `第 2 题 / 共 ${Math.min(10, entry.questions)} 题`;
  await setUpRound(page, nameOf(entry), { mode: 'practice', order: 'random' });
  // Answer the first question (whatever it is), then move to the second.
  await page.locator('button.option').first().click();
  await page.getByRole('button', { name: '确认答案' }).click();
  await page.getByRole('button', { name: '下一题' }).click();
  await page.getByText(second).waitFor();
  const before = await screenState(page);
  // Tick an option on question 2, then reload as a killed webview would.
  await page.locator('button.option').nth(1).click();
  await page.reload();
  await page.getByText(second).waitFor();
  assert.deepEqual(await screenState(page), before);
  // The ticked option is still ticked.
  assert.equal(await page.locator('button.option').nth(1).getAttribute('aria-pressed'), 'true');
  // Leaving a practice part-way keeps it: after a reload the home screen offers to continue it,
  // at the same question, in the same order.
  await page.getByRole('button', { name: '退出练习' }).click();
  await page.reload();
  const resume = page.getByRole('button', { name: /继续上次的练习/ });
  // It waits for every bank (the practice may use any of them), as the daily set does.
  await page.locator('.topic-continue[aria-disabled="false"]').waitFor();
  assert.match(await resume.innerText(), new RegExp(second));
  await resume.click();
  await page.getByText(second).waitFor();
  assert.deepEqual(await screenState(page), before);
  // Leaving again parks it again.
  await page.getByRole('button', { name: '退出练习' }).click();
  await page.getByRole('button', { name: /继续上次的练习/ }).waitFor();
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('a finished quiz is kept in the history and the unfinished round is cleared', async () => {
  const { page, problems } = await watchedPage(env.browser, env.origin);
  await page.goto(env.origin + '/');
  const entry = readIndex().banks[1];
  await setUpRound(page, nameOf(entry), { mode: 'quiz', count: 10 });
  // The test knows which answers are right (from the bank): 8 of 10 right is exactly the pass mark.
  const plan = [true, true, false, true, true, true, false, true, true, true];
  const expected = plan.filter(Boolean).length;
  const given = [];
  for (const [i, right] of plan.entries()) {
    await page.getByText(`第 ${i + 1} 题 / 共 10 题`).waitFor();
    given.push((await pick(page, right)).id);
    if (i < 9) await page.getByRole('button', { name: '下一题' }).click();
  }
  assert.equal(new Set(given).size, 10, 'ten different questions');
  await page.getByRole('button', { name: '交卷' }).click();
  await page.getByRole('heading', { name: /测验通过|这次没有通过/ }).waitFor();
  const saved = await page.evaluate(() => ({
    history: JSON.parse(localStorage.getItem('anxin.history')),
    attempt: localStorage.getItem('anxin.attempt'),
    progress: JSON.parse(localStorage.getItem('anxin.progress')),
  }));
  assert.equal(saved.attempt, null);
  assert.equal(saved.history.v, 1);
  assert.equal(saved.history.data.length, 1);
  assert.equal(saved.history.data[0].total, 10);
  assert.deepEqual(saved.history.data[0].topics, [entry.topic]);
  const record = saved.history.data[0];
  assert.equal(record.label, 'quiz');
  assert.equal(record.correct, expected);
  assert.deepEqual(record.parts, [{ topic: entry.topic, correct: expected, total: 10 }]);
  assert.equal(record.passed, true, '8 of 10 reaches the 80% pass mark');
  await page.getByRole('heading', { name: '测验通过' }).waitFor();
  // Every answer is in the progress as given: the two wrong ones, and only they, in the book.
  const reviews = saved.progress.data.reviews;
  assert.deepEqual(Object.keys(reviews).sort(), given.map((id) => `${entry.id}/${id}`).sort());
  const inBook = Object.keys(reviews).filter((k) => reviews[k].in_book).sort();
  assert.deepEqual(inBook, given.filter((_, i) => !plan[i]).map((id) => `${entry.id}/${id}`).sort());
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('an unreadable saved value is dropped alone, with a notice; the rest is kept', async () => {
  const { page, problems } = await watchedPage(env.browser, env.origin);
  await page.goto(env.origin + '/?lang=en');
  await page.getByRole('heading', { name: 'Pick a topic to start' }).waitFor();
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('button', { name: 'English' }).click();
  await page.evaluate(() => {
    localStorage.setItem('anxin.progress', '{"v":1,"data":{"reviews":{"x":{"seen":"lots"}}}}');
    localStorage.setItem('anxin.history', '{not json');
  });
  await page.goto(env.origin + '/');
  // Settings survived: English without ?lang.
  await page.getByRole('heading', { name: 'Pick a topic to start' }).waitFor();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /damaged and have been cleared: progress \(with the wrong-answer book\) and history\./);
  const left = await page.evaluate(() => [localStorage.getItem('anxin.progress'), localStorage.getItem('anxin.history')]);
  assert.deepEqual(left, [null, null]);
  // The app still works.
  await setUpRound(page, nameOf(readIndex().banks[0], 'en'), { lang: 'en' });
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('the language saved by an older version is migrated to the settings', async () => {
  const { page, problems } = await watchedPage(env.browser, env.origin);
  await page.goto(env.origin + '/');
  await upAndWhole(page);
  await page.evaluate(() => {
    localStorage.clear();
    localStorage.setItem('anxin.lang', '"en"');
  });
  await page.reload();
  await page.getByRole('heading', { name: 'Pick a topic to start' }).waitFor();
  const after = await page.evaluate(() => [localStorage.getItem('anxin.lang'), JSON.parse(localStorage.getItem('anxin.settings'))]);
  assert.equal(after[0], null);
  assert.deepEqual(after[1], { v: 1, data: { lang: 'en' } });
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('a missed question lands in the wrong-answer book and leaves after two right answers', async () => {
  const { page, problems } = await watchedPage(env.browser, env.origin);
  await page.goto(env.origin + '/');
  await setUpRound(page, nameOf(readIndex().banks[0]));
  const missed = await answer(page, false);
  await page.getByRole('button', { name: '退出练习' }).click();
  await page.getByRole('button', { name: /错题本/ }).first().waitFor();
  assert.match(await page.locator('.topic-book').innerText(), /1 道题待复习/);
  await page.locator('.topic-book').click();
  await page.getByText(missed.prompt.zh).waitFor();
  for (const round of [1, 2]) {
    await page.getByRole('button', { name: /练习错题/ }).click();
    await page.getByText('第 1 题 / 共 1 题').waitFor();
    assert.equal((await answer(page, true)).id, missed.id);
    await page.getByRole('button', { name: '查看成绩' }).click();
    await page.getByText('答对 1 题，共 1 题').waitFor();
    await page.getByRole('button', { name: '返回首页' }).click();
    await page.locator('.topic-book').click();
    if (round === 1) await page.getByText(missed.prompt.zh).waitFor();
  }
  await page.getByText('错题本是空的').waitFor();
  await page.getByText('已掌握并移出 1 道').waitFor();
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('a question can be removed from the wrong-answer book by hand', async () => {
  const { page, problems } = await watchedPage(env.browser, env.origin);
  await page.goto(env.origin + '/');
  await setUpRound(page, nameOf(readIndex().banks[2]));
  const missed = await answer(page, false);
  await page.getByRole('button', { name: '退出练习' }).click();
  await page.locator('.topic-book').click();
  await page.getByRole('button', { name: `移出错题本：${missed.prompt.zh}` }).click();
  await page.getByText('错题本是空的').waitFor();
  await page.reload();
  assert.match(await page.locator('.topic-book').innerText(), /0 道题待复习/);
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('the daily set is five questions across topics, the same on every visit that day', async () => {
  const { page, problems } = await watchedPage(env.browser, env.origin);
  await page.goto(env.origin + '/');
  await page.getByRole('button', { name: /每日一练/ }).click();
  await page.getByText('第 1 题 / 共 5 题').waitFor();
  const first = (await page.locator('h2.question-prompt').innerText()).trim();
  await page.getByRole('button', { name: '退出练习' }).click();
  await page.reload();
  await page.getByRole('button', { name: /每日一练/ }).click();
  await page.getByText('第 1 题 / 共 5 题').waitFor();
  assert.equal((await page.locator('h2.question-prompt').innerText()).trim(), first);
  // A reload mid-set resumes it.
  await answer(page, true);
  await page.reload();
  await page.getByText('第 1 题 / 共 5 题').waitFor();
  await page.locator('.verdict').waitFor();
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('deep links open a topic, the daily set or the book; unknown values fall back to home', async () => {
  const { page, problems } = await watchedPage(env.browser, env.origin);
  const privacy = readIndex().banks.find((b) => b.topic === 'privacy');
  await page.goto(env.origin + '/?topic=privacy&mode=quiz&n=5&lang=en');
  await page.getByText('Question 1 of 5').waitFor();
  assert.equal(await page.locator('.quiz-title').innerText(), 'Personal information · Quiz');
  const linked = await questionOnScreen(page, 'en');
  assert.ok(readBank(privacy.id).questions.some((q) => q.id === linked.id), 'the question is from the privacy bank');
  await page.getByRole('button', { name: 'Hand in' }).waitFor();
  // The link is followed once: the address keeps only the language.
  assert.equal(new URL(page.url()).search, '?lang=en');
  await page.getByRole('button', { name: 'Leave the quiz' }).click();

  // ?audience=elderly: a practice of only the questions written for seniors, and the choice is kept.
  const fraud = readBank(readIndex().banks.find((b) => b.topic === 'fraud').id);
  const forSeniors = fraud.questions.filter((q) => q.audience.includes('elderly'));
  await page.goto(env.origin + '/?topic=fraud&audience=elderly');
  // A linked practice is 10 questions long, as on the setup screen, unless `n` says otherwise.
  await page.getByText(`第 1 题 / 共 ${Math.min(10, forSeniors.length)} 题`).waitFor();
  for (let i = 0; i < 3; i++) {
    const q = await answer(page, true);
    assert.ok(q.audience.includes('elderly'), `${q.id} is not for seniors`);
    await page.getByRole('button', { name: '下一题' }).click();
  }
  await page.getByRole('button', { name: '退出练习' }).click();
  await page.getByRole('button', { name: '长辈', exact: true, pressed: true }).waitFor();
  // A later link without `audience` keeps the learner's choice.
  const rights = readBank(readIndex().banks.find((b) => b.topic === 'rights').id);
  await page.goto(env.origin + '/?topic=rights');
  await page.getByText(`第 1 题 / 共 ${Math.min(10, rights.questions.filter((q) => q.audience.includes('elderly')).length)} 题`).waitFor();
  await page.getByRole('button', { name: '退出练习' }).click();

  await page.goto(env.origin + '/?mode=daily');
  await page.getByText('第 1 题 / 共 5 题').waitFor();
  assert.equal(await page.locator('.quiz-title').innerText(), '每日一练');
  await page.getByRole('button', { name: '退出练习' }).click();

  await page.goto(env.origin + '/?mode=book');
  await page.getByRole('heading', { name: '错题本' }).waitFor();

  await page.goto(env.origin + '/?topic=loans&n=lots&mode=nonsense');
  await page.getByRole('heading', { name: '选一个主题，开始答题' }).waitFor();
  assert.equal(await page.locator('.question-prompt').count(), 0);
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('settings show what is kept, and "clear my records" asks first, then forgets everything', async () => {
  const { page, problems } = await watchedPage(env.browser, env.origin);
  await page.goto(env.origin + '/');
  await setUpRound(page, nameOf(readIndex().banks[0]));
  await answer(page, false);
  await page.getByRole('button', { name: '退出练习' }).click();
  await page.getByRole('button', { name: '设置', exact: true }).click();
  await page.getByText('答过 1 道题，错题本 1 道，历史 0 轮').waitFor();
  await page.getByRole('button', { name: '清除我的答题记录' }).click();
  await page.getByRole('button', { name: '取消', exact: true }).click();
  await page.getByText('答过 1 道题').waitFor();
  await page.getByRole('button', { name: '清除我的答题记录' }).click();
  await page.getByRole('button', { name: '确定清除' }).click();
  await page.getByText('答过 0 道题，错题本 0 道，历史 0 轮').waitFor();
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('anxin.')));
  assert.deepEqual(keys, []);
  // The language buttons work here too.
  await page.getByRole('button', { name: 'English', pressed: false }).last().click();
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
  await page.getByRole('button', { name: 'Back to home' }).click();
  assert.match(await page.locator('.topic-book').innerText(), /0 to review/);
  assert.deepEqual(problems(), []);
  await page.context().close();
});

test('a bookmarked question is kept on the bookmarks shelf until un-bookmarked', async () => {
  const { page, problems } = await watchedPage(env.browser, env.origin);
  await page.goto(env.origin + '/');
  await setUpRound(page, nameOf(readIndex().banks[3]));
  const q = await questionOnScreen(page);
  const star = page.getByRole('button', { name: '收藏本题' });
  await star.click();
  assert.equal(await star.getAttribute('aria-pressed'), 'true');
  await page.reload();
  assert.equal(await page.getByRole('button', { name: '收藏本题' }).getAttribute('aria-pressed'), 'true');
  await page.getByRole('button', { name: '退出练习' }).click();
  assert.match(await page.locator('.topic-bookmarks').innerText(), /1 道收藏的题/);
  await page.locator('.topic-bookmarks').click();
  await page.getByText(q.prompt.zh).waitFor();
  await page.getByRole('button', { name: /练习收藏的题/ }).click();
  await page.getByText('第 1 题 / 共 1 题').waitFor();
  assert.equal((await questionOnScreen(page)).id, q.id);
  await page.getByRole('button', { name: '退出练习' }).click();
  await page.locator('.topic-bookmarks').click();
  await page.getByRole('button', { name: `取消收藏：${q.prompt.zh}` }).click();
  await page.getByText('还没有收藏的题').waitFor();
  assert.deepEqual(problems(), []);
  await page.context().close();
});
