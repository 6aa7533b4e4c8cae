import { parseArgs } from "node:util";
import { todayInBeijing } from "../clock.js";
import { runConsoleChat } from "../console/chat.js";
import { langSchema } from "../i18n/lang.js";
import { loadQuestionBank } from "../interview/questionBank.js";
import { loadRules } from "../rules/loadRules.js";

const { values } = parseArgs({ options: { lang: { type: "string" }, save: { type: "string" } } });
const lang = values.lang === undefined ? undefined : langSchema.safeParse(values.lang);
if (lang && !lang.success) {
  process.stderr.write(`--lang must be zh or en\nusage: chat [--lang zh|en] [--save DIR]\n`);
  process.exit(2);
}
await runConsoleChat({
  input: process.stdin,
  output: process.stdout,
  ctx: { bank: loadQuestionBank(), rules: loadRules() },
  today: todayInBeijing(),
  lang: lang?.data,
  saveDir: values.save,
});
