import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { t } from "../../../src/i18n/translate.js";
import { Dialog } from "./dialog.js";
import { driveInterview } from "./driveInterview.js";
import { newDataDir, useBotTests, type TestBot } from "./harness.js";
import { FAST_GROWER } from "./personas.js";

/** Distinctive ids, so a grep of the data folder cannot match anything else. */
const LEAVING = 7_345_129_871;
const STAYING = 8_456_230_982;

const tests = useBotTests();
let bot: TestBot;
let dir: string;

beforeEach(async () => {
  dir = newDataDir();
  bot = await tests.start({ dir });
});

/** Every file under the data folder whose name or content mentions `text`. */
function grep(root: string, text: string): string[] {
  return readdirSync(root, { recursive: true, encoding: "utf8" }).filter((name) => {
    const path = join(root, name);
    return name.includes(text) || (statSync(path).isFile() && readFileSync(path, "utf8").includes(text));
  });
}

async function finishScreening(chatId: number): Promise<string> {
  const dlg = new Dialog(tests.fake, chatId);
  dlg.command("/check");
  const { caseId } = await driveInterview(dlg, FAST_GROWER, "en");
  dlg.command("/check");
  await dlg.nextText(t("en", "interview.progress", { n: 1, about: "" }).slice(0, 9));
  return caseId;
}

describe("/delete", () => {
  it("after a confirmation, leaves nothing about the user in DATA_DIR", async () => {
    const caseId = await finishScreening(LEAVING);
    await finishScreening(STAYING);
    expect(grep(dir, String(LEAVING)).length).toBeGreaterThan(0);

    const dlg = new Dialog(tests.fake, LEAVING);
    dlg.command("/delete");
    await dlg.nextText(t("en", "bot.delete.confirm"));
    dlg.press("del|y");
    await dlg.nextText(t("en", "bot.delete.done"));
    await bot.stop();

    expect(grep(dir, String(LEAVING))).toEqual([]);
    expect(grep(dir, caseId)).toEqual([]);
    expect(grep(dir, String(STAYING)).length).toBeGreaterThan(0);
  });

  it("No keeps everything", async () => {
    const caseId = await finishScreening(LEAVING);
    const dlg = new Dialog(tests.fake, LEAVING);
    dlg.command("/delete");
    await dlg.nextText(t("en", "bot.delete.confirm"));
    dlg.press("del|n");
    await dlg.nextText(t("en", "bot.delete.kept"));
    expect(await bot.store.getScreening(caseId)).not.toBeNull();
    expect(await bot.store.getConversation(`tg:${LEAVING}`)).not.toBeNull();
  });
});
