import type { Lang } from "./wire.js";
import { fillIn } from "./common/text.js";

/**
 * The page's own words (its frame: header, menu, input, card headings, connection states).
 * Everything the assistant says comes from the server, already in the conversation's language.
 */
const zh = {
  title: "通州区数字经济政策预审助手",
  subtitle: "先了解可能适用的条款和最高金额",
  language: "语言",
  menu: "菜单",
  restart: "重新开始筛查",
  result: "查看目前结果",
  explain: "解释结果",
  report: "下载报告（HTML）",
  print: "打印",
  deleteData: "删除我的数据",
  deleteConfirm: "这将删除我们保存的关于您的全部信息：语言设置、进行中的筛查，以及所有已保存的案件和报告。删除后无法恢复。确定全部删除吗？",
  restartConfirm: "重新开始将放弃当前筛查中的回答。确定重新开始吗？",
  deleteYes: "全部删除",
  restartYes: "重新开始",
  confirmNo: "取消",
  deleted: "您的数据已全部删除。已为您开始新的对话。",
  inputLabel: "您的回答或问题",
  inputPlaceholder: "输入回答，或提一个政策问题",
  send: "发送",
  messages: "对话",
  you: "您",
  assistant: "助手",
  thinking: "正在回复…",
  offline: "网络连接中断，正在重试…",
  reconnected: "已重新连接。",
  failed: "出错了，请稍后再试。您输入的内容仍在输入框中。",
  tooMany: "请求过于频繁，{s} 秒后自动重试…",
  noReport: "还没有完成的筛查，暂无报告。",
  downloadReady: "报告已下载：{name}",
  download: "下载",
  cardFinal: "预筛查结果",
  cardInterim: "目前结果（可继续回答）",
  reasons: "原因",
  caps: "上限",
  missing: "还需回答",
  documents: "需准备的材料",
  notEligibleItems: "不符合的项目（{n}）",
  notes: "说明",
  disclaimer: "免责声明",
  askHint: "也可以随时输入政策问题，例如“什么是算力券”，或输入“解释”获得结果说明。",
} as const;

export type TextKey = keyof typeof zh;

const en: Record<TextKey, string> = {
  title: "Tongzhou digital-economy support",
  subtitle: "Pre-screening: which Articles may apply, and the most each could pay",
  language: "Language",
  menu: "Menu",
  restart: "Start a new screening",
  result: "Result so far",
  explain: "Explain the result",
  report: "Download the report (HTML)",
  print: "Print",
  deleteData: "Delete my data",
  deleteConfirm: "This erases everything stored about you: your language, the screening in progress, and every saved case and report. It cannot be undone. Delete everything?",
  restartConfirm: "Starting again discards the answers of the screening in progress. Start again?",
  deleteYes: "Delete everything",
  restartYes: "Start again",
  confirmNo: "Cancel",
  deleted: "Your data has been erased. A new conversation has started.",
  inputLabel: "Your answer or question",
  inputPlaceholder: "Type an answer, or ask about the rules",
  send: "Send",
  messages: "Conversation",
  you: "You",
  assistant: "Assistant",
  thinking: "Replying…",
  offline: "Connection lost, retrying…",
  reconnected: "Connected again.",
  failed: "Something went wrong; please try again. What you typed is still in the box.",
  tooMany: "Too many requests; retrying in {s} s…",
  noReport: "No screening is finished yet, so there is no report.",
  downloadReady: "Report downloaded: {name}",
  download: "Download",
  cardFinal: "Your pre-screening result",
  cardInterim: "Result so far (you can go on answering)",
  reasons: "Why",
  caps: "Caps",
  missing: "Still to answer",
  documents: "Documents to prepare",
  notEligibleItems: "Items that do not apply ({n})",
  notes: "Notes",
  disclaimer: "Disclaimer",
  askHint: "You can ask about the rules at any time (\"What is a computing voucher?\"), or type \"explain\" for the result in plain words.",
};

const TEXTS: Record<Lang, Record<TextKey, string>> = { zh, en };

export function text(lang: Lang, key: TextKey, params: Record<string, string | number> = {}): string {
  return fillIn(TEXTS[lang][key], params);
}

export { htmlLang } from "./common/text.js";
