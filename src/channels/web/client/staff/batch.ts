/// <reference lib="dom" />
import { saveFile } from "../page.js";
import { button, dataTable, el, field, input, pageHeading, section } from "./ui.js";
import type { PageBuilder, PageContext } from "./view.js";
import type { BatchJob } from "./wire.js";

/** How often the job is asked how far it is: often enough for a moving bar, rarely enough to cost nothing. */
const POLL_MS = 500;
const ERRORS_SHOWN = 20;

/** Templates to download, a filled file to upload, a progress bar while it is screened, the results and the first errors. */
export const batchPage: PageBuilder = async (context) => {
  const { t } = context;
  let stopped = false;
  const progress = el("progress", { attrs: { max: "1", value: "0", id: "batch-progress" } });
  const progressText = el("p", { className: "progress-text", attrs: { role: "status", id: "batch-state" } });
  const outcome = el("div", { className: "outcome" });
  const progressBox = el("div", { className: "progress-box", attrs: { hidden: "" } }, [el("label", { text: t("progress"), attrs: { for: "batch-progress" } }), progress, progressText, outcome]);
  const file = input("file", "file", "", { accept: ".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" });
  const start = button(t("start"), undefined, "button primary");
  const form = el("form", { className: "upload" }, [field(t("file"), file), start]);

  const show = (job: BatchJob) => {
    progress.max = Math.max(job.total, 1);
    progress.value = job.state === "done" ? progress.max : job.done;
    progressText.textContent = t(`state_${job.state}`, { done: job.done, total: job.total });
    progressBox.dataset.state = job.state;
  };
  const poll = async (jobId: string): Promise<BatchJob> => {
    for (;;) {
      const job = await context.api.batchJob(jobId);
      if (stopped) return job;
      show(job);
      if (job.state === "done" || job.state === "failed") return job;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) {
      context.say(t("chooseFile"));
      file.focus();
      return;
    }
    start.disabled = true;
    outcome.replaceChildren();
    progressBox.hidden = false;
    show({ state: "checking", done: 0, total: 0, errors: [] });
    context.act(async () => {
      try {
        const jobId = await context.api.startBatch(chosen);
        const job = await poll(jobId);
        if (!stopped) outcome.replaceChildren(...finished(context, jobId, job));
      } finally {
        start.disabled = false;
      }
    });
  });

  const node = el("div", { className: "view batch" }, [
    pageHeading(t("batchTitle")),
    el("p", { className: "intro", text: t("batchIntro") }),
    section(t("templates"), [el("div", { className: "actions" }, [downloadButton(context, t("templateXlsx"), "/template.xlsx", "template.xlsx"), downloadButton(context, t("templateCsv"), "/template.csv", "template.csv")])]),
    section(t("upload"), [form, progressBox]),
  ]);
  return { title: t("batchTitle"), node, dispose: () => void (stopped = true) };
};

function finished(context: PageContext, jobId: string, job: BatchJob): Node[] {
  const { t } = context;
  const parts: Node[] = [];
  if (job.state === "done") {
    const base = `/batch/${encodeURIComponent(jobId)}`;
    parts.push(el("div", { className: "actions" }, [downloadButton(context, t("resultXlsx"), `${base}/result.xlsx`, "results.xlsx"), downloadButton(context, t("resultCsv"), `${base}/result.csv`, "results.csv")]));
  }
  if (job.errors.length > 0) {
    const shown = job.errors.slice(0, ERRORS_SHOWN);
    const table = dataTable(
      t("rowErrors", { n: shown.length }),
      [{ label: t("row"), numeric: true }, { label: t("column") }, { label: t("problem") }],
      shown.map((e) => [e.row === undefined ? "—" : String(e.row), e.column || "—", e.path ? `${e.path}: ${e.message}` : e.message]),
    );
    table.dataset.table = "row-errors";
    parts.push(el("div", { className: "table-wrap" }, [table]));
  }
  return parts;
}

function downloadButton({ api, t, act, say }: PageContext, label: string, path: string, fallbackName: string): HTMLButtonElement {
  return button(label, () =>
    act(async () => {
      const file = await api.download(path, fallbackName);
      saveFile(file.filename, file.blob);
      say(t("exported", { name: file.filename }));
    }),
  );
}
