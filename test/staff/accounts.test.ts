import { readFile, writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { AccountError, AccountsFileError, AccountStore } from "../../src/staff/accounts.js";
import { accountsFile } from "../../src/staff/layout.js";
import { hashPassword, needsRehash, passwordProblem, SCRYPT_DEFAULTS, verifyPassword } from "../../src/staff/password.js";
import { manualClock, staffFolder, TEST_COST } from "./fixtures.js";

describe("passwords", () => {
  it("a hash with the default cost stores its parameters and verifies the right password only", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatchObject({ algorithm: "scrypt", N: SCRYPT_DEFAULTS.N, r: SCRYPT_DEFAULTS.r, p: SCRYPT_DEFAULTS.p });
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
  });

  it("two hashes of one password differ by their salt", async () => {
    const [a, b] = await Promise.all([hashPassword("same password here", TEST_COST), hashPassword("same password here", TEST_COST)]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });

  it("a hash made with a lower cost still verifies and asks to be replaced", async () => {
    const old = await hashPassword("an older password", TEST_COST);
    expect(await verifyPassword("an older password", old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(old, TEST_COST)).toBe(false);
  });

  it("short passwords and passwords with surrounding spaces are refused", () => {
    expect(passwordProblem("short")).toMatch(/at least 12 characters \(it has 5\)/);
    expect(passwordProblem(" twelve chars ok")).toMatch(/space/);
    expect(passwordProblem("十二个汉字的密码也可以用的吧")).toBeNull();
  });
});

describe("the account store", () => {
  it("adds, lists, resets and removes accounts with timestamps", async () => {
    const clock = manualClock();
    const { accounts } = await staffFolder(clock);
    const added = await accounts.add("li.na", "admin", "first password 1");
    expect(added).toMatchObject({ name: "li.na", role: "admin", createdAt: "2026-03-01T08:00:00.000Z", updatedAt: "2026-03-01T08:00:00.000Z" });
    await accounts.add("wang_wei", "staff", "second password 2");
    expect((await accounts.list()).map((a) => `${a.name}:${a.role}`)).toEqual(["li.na:admin", "wang_wei:staff"]);
    clock.advance(60_000);
    const reset = await accounts.reset("wang_wei", "a brand new password");
    expect(reset.updatedAt).toBe("2026-03-01T08:01:00.000Z");
    expect(await verifyPassword("a brand new password", (await accounts.get("wang_wei"))!.password)).toBe(true);
    await accounts.remove("li.na");
    expect((await accounts.list()).map((a) => a.name)).toEqual(["wang_wei"]);
  });

  it("refuses a second account of the same name and changes to unknown names", async () => {
    const { accounts } = await staffFolder();
    await accounts.add("zhao", "staff", "first password 1");
    await expect(accounts.add("zhao", "admin", "other password 2")).rejects.toThrow(AccountError);
    await expect(accounts.remove("qian")).rejects.toThrow(/no account named qian/);
    await expect(accounts.reset("qian", "other password 2")).rejects.toThrow(/no account named qian/);
    expect((await accounts.list()).map((a) => a.role)).toEqual(["staff"]);
  });

  it("keeps no password in the file, only the salted hash with its cost", async () => {
    const { accounts, dataDir } = await staffFolder();
    await accounts.add("sun", "staff", "do not store me please");
    const text = await readFile(accountsFile(dataDir), "utf8");
    expect(text).not.toContain("do not store me");
    expect(JSON.parse(text)).toMatchObject({ schema: 1, accounts: [{ name: "sun", password: { algorithm: "scrypt", N: 1024, r: 8, p: 1 } }] });
  });

  it("stops with the file and the path when the accounts file was tampered with", async () => {
    const { accounts, dataDir } = await staffFolder();
    await accounts.add("sun", "staff", "a valid password");
    const file = JSON.parse(await readFile(accountsFile(dataDir), "utf8"));
    file.accounts[0].role = "root";
    await writeFile(accountsFile(dataDir), JSON.stringify(file));
    const error = await accounts.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccountsFileError);
    expect((error as Error).message).toContain("accounts[0].role");
  });

  it("serialises concurrent changes so none is lost", async () => {
    const { dataDir } = await staffFolder();
    const accounts = new AccountStore({ file: accountsFile(dataDir), cost: TEST_COST });
    await Promise.all(["a1", "a2", "a3", "a4", "a5"].map((name) => accounts.add(name, "staff", "password of twelve")));
    expect((await accounts.list()).map((a) => a.name).sort()).toEqual(["a1", "a2", "a3", "a4", "a5"]);
  });
});
