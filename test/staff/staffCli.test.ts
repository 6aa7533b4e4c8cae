import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { AuditLog } from "../../src/staff/auditLog.js";
import { accountsFile, auditFile } from "../../src/staff/layout.js";
import { runStaff } from "../../src/staff/staffCli.js";
import { runCli } from "../support/runCli.js";
import { TEST_COST } from "./fixtures.js";

const newDataDir = () => mkdtemp(join(tmpdir(), "staff-cli-"));

/** Runs the command in this process with piped input, as the child process would. */
async function staff(dataDir: string, args: string[], input = "") {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.setEncoding("utf8").on("data", (c: string) => (out += c));
  stderr.setEncoding("utf8").on("data", (c: string) => (err += c));
  const stdin = new PassThrough();
  stdin.end(input);
  const code = await runStaff(args, { stdin, stdout, stderr, env: { DATA_DIR: dataDir }, cost: TEST_COST });
  return { code, stdout: out, stderr: err };
}

describe("npm run staff, as a child process with piped input", () => {
  it("adds an admin, lists it, resets its password and removes it", async () => {
    const dataDir = await newDataDir();
    const env = { DATA_DIR: dataDir };
    const add = await runCli("staff", ["add", "li.na", "--admin"], "a long password 1\na long password 1\n", env);
    expect(add).toMatchObject({ code: 0, stdout: "added li.na (admin)\n" });
    expect(add.stderr).toContain("password: ");
    expect(add.stderr).not.toContain("a long password");
    const list = await runCli("staff", ["list"], "", env);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^li\.na\tadmin\t2\d{3}-.*\tscrypt N=32768 r=8 p=3$/m);
    const before = JSON.parse(await readFile(accountsFile(dataDir), "utf8")).accounts[0].password.hash;
    const reset = await runCli("staff", ["reset", "li.na"], "another password 2\nanother password 2\n", env);
    expect(reset.code).toBe(0);
    expect(JSON.parse(await readFile(accountsFile(dataDir), "utf8")).accounts[0].password.hash).not.toBe(before);
    expect(await runCli("staff", ["remove", "li.na"], "", env)).toMatchObject({ code: 0, stdout: "removed li.na\n" });
    expect((await runCli("staff", ["list"], "", env)).stdout).toContain("no staff accounts yet");
    const actions = (await new AuditLog(auditFile(dataDir)).read()).events.map((e) => e.action);
    expect(actions).toEqual(["account_removed", "password_reset", "account_added"]);
  });
});

describe("npm run staff, in process", () => {
  it("refuses two different passwords and writes nothing", async () => {
    const dataDir = await newDataDir();
    const run = await staff(dataDir, ["add", "zhao"], "first password 1\nsecond password 2\n");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("the two passwords differ; nothing was changed");
    expect((await staff(dataDir, ["list"])).stdout).toContain("no staff accounts yet");
  });

  it("refuses a short password with the minimum length", async () => {
    const run = await staff(await newDataDir(), ["add", "zhao"], "short\nshort\n");
    expect(run).toMatchObject({ code: 2 });
    expect(run.stderr).toContain("at least 12 characters");
  });

  it("says so when the input ends before the password is repeated", async () => {
    const run = await staff(await newDataDir(), ["add", "zhao"], "only once given\n");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("not repeated");
  });

  it("refuses a name taken already, unknown names, bad names and unknown commands", async () => {
    const dataDir = await newDataDir();
    expect((await staff(dataDir, ["add", "zhao"], "password number 1\npassword number 1\n")).code).toBe(0);
    const again = await staff(dataDir, ["add", "zhao"], "password number 2\npassword number 2\n");
    expect(again).toMatchObject({ code: 2 });
    expect(again.stderr).toContain("already an account named zhao");
    expect(await staff(dataDir, ["reset", "qian"])).toMatchObject({ code: 2, stderr: "there is no account named qian\n" });
    expect(await staff(dataDir, ["remove", "qian"])).toMatchObject({ code: 2, stderr: "there is no account named qian\n" });
    expect((await staff(dataDir, ["add", "a b"])).stderr).toContain("must be 2–32 letters");
    expect((await staff(dataDir, ["promote", "zhao"])).stderr).toContain("unknown command: promote\nusage:");
    expect((await staff(dataDir, ["remove", "zhao", "--admin"])).stderr).toContain("--admin goes with add");
    expect((await staff(dataDir, ["list"])).stdout).toMatch(/^zhao\tstaff\t/m);
  });
});
