// The react-quiz-component peer: the ten questions of the vanilla floor, instant feedback, the
// component's own look. Marks `anxin-ready` (the name every app in the benchmark uses) when the
// start button is in the DOM.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import Quiz from 'react-quiz-component';

const rows = [
  ['陌生来电自称公安，要求把钱转到“安全账户”，应该？', ['照做', '挂断并拨打 110 核实', '先转一半', '告诉对方验证码'], 1],
  ['短信验证码可以告诉谁？', ['银行客服', '快递员', '任何人都不能', '亲戚'], 2],
  ['“保本高收益”的理财产品通常意味着？', ['稳赚', '可能是骗局', '银行担保', '政府推荐'], 1],
  ['网购客服说要“退款”并让你共享屏幕，应该？', ['共享屏幕', '拒绝并通过官方渠道核实', '下载对方发来的软件', '提供银行卡号'], 1],
  ['身份证复印件应该怎样处理？', ['随意给人', '注明用途和日期', '贴在网上', '扔进垃圾桶'], 1],
  ['在公共 Wi-Fi 下进行网银转账？', ['没问题', '尽量避免', '必须这样做', '更安全'], 1],
  ['投资前首先应该了解？', ['朋友赚了多少', '产品风险和自身承受能力', '广告多不多', '收益排名'], 1],
  ['收到“中奖”短信要求先交手续费，应该？', ['马上交钱', '不予理会', '回复身份证号', '点链接领奖'], 1],
  ['消费者权益受侵害可以拨打？', ['12315', '12345678', '10000000', '不能投诉'], 0],
  ['借钱给网友“急用”之前应该？', ['立刻转账', '核实身份，警惕诈骗', '借更多', '用信用卡套现'], 1],
];

const quiz = {
  quizTitle: '金融安全小测验',
  quizSynopsis: '十道题，看看你能不能识破常见的金融骗局。',
  nrOfQuestions: String(rows.length),
  appLocale: {
    landingHeaderText: '<questionLength> 道题', question: '题目', startQuizBtn: '开始',
    resultFilterAll: '全部', resultFilterCorrect: '答对', resultFilterIncorrect: '答错',
    prevQuestionBtn: '上一题', nextQuestionBtn: '下一题',
    resultPageHeaderText: '答对 <correctIndexLength> / <questionLength> 题',
  },
  questions: rows.map(([question, answers, right]) => ({
    question, questionType: 'text', answerSelectionType: 'single', answers,
    correctAnswer: String(right + 1), messageForCorrectAnswer: '回答正确', messageForIncorrectAnswer: '回答错误',
    explanation: '', point: '10',
  })),
};

const root = document.getElementById('root');
new MutationObserver((_, observer) => {
  if (root.querySelector('.startQuizBtn')) {
    performance.mark('anxin-ready');
    observer.disconnect();
  }
}).observe(root, { childList: true, subtree: true });
createRoot(root).render(createElement(Quiz, { quiz, showInstantFeedback: true }));
