import { parseArgs } from "node:util";
import { config as loadDotenv } from "dotenv";
import { cliAssistant } from "../cli/ask.js";
import { todayInBeijing } from "../clock.js";
import { ConfigError } from "../config.js";
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
loadDotenv({ quiet: true });
const rules = loadRules();
try {
  await runConsoleChat({
    input: process.stdin,
    output: process.stdout,
    ctx: { bank: loadQuestionBank(), rules },
    today: todayInBeijing(),
    lang: lang?.data,
    saveDir: values.save,
    assistant: (describe) => cliAssistant(process.env, process.stderr, rules, describe),
  });
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}
