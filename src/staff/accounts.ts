import { mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { JSONFile } from "lowdb/node";
import { z } from "zod";
import { toInputIssues, issueLine } from "../validation/issues.js";
import { hashPassword, passwordHashSchema, type PasswordHash, type ScryptCost } from "./password.js";

export const ROLES = ["staff", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Letters (any script), digits, dot, underscore and hyphen: safe in logs, file names and URLs. */
export const accountNameSchema = z
  .string()
  .transform((name) => name.normalize("NFC"))
  .pipe(z.string().regex(/^[\p{L}\p{N}._-]{2,32}$/u, { error: "must be 2–32 letters, digits, dots, underscores or hyphens" }));

const timestamp = z.iso.datetime({ offset: true, error: "must be an ISO timestamp" });
const accountSchema = z.strictObject({
  name: accountNameSchema,
  role: z.enum(ROLES),
  password: passwordHashSchema,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Account = z.infer<typeof accountSchema>;

export const ACCOUNTS_FILE_VERSION = 1;
const accountsFileSchema = z
  .strictObject({ schema: z.literal(ACCOUNTS_FILE_VERSION), accounts: z.array(accountSchema) })
  .refine((file) => new Set(file.accounts.map((a) => a.name)).size === file.accounts.length, { error: "names an account twice", path: ["accounts"] });
type AccountsFile = z.infer<typeof accountsFileSchema>;

/** The accounts file exists but cannot be trusted: sign-in stops rather than guessing. */
export class AccountsFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file} is not a valid staff accounts file:\n${problems.map((p) => `  ${p}`).join("\n")}\nRestore it from a backup, or move it away and add the accounts again.`);
    this.name = "AccountsFileError";
  }
}

/** A change the caller asked for that does not fit the accounts as they are. */
export class AccountError extends Error {
  constructor(
    readonly code: "exists" | "unknown",
    readonly accountName: string,
  ) {
    super(code === "exists" ? `there is already an account named ${accountName}` : `there is no account named ${accountName}`);
    this.name = "AccountError";
  }
}

export interface AccountStoreOptions {
  file: string;
  now?: () => Date;
  cost?: ScryptCost;
}

/**
 * Staff accounts in one small JSON file, written atomically by lowdb (a temporary file renamed
 * over the old one). Every read goes to the file, so accounts changed with `npm run staff` apply
 * to a running server at once; changes are serialised within a process.
 */
export class AccountStore {
  private readonly file: string;
  private readonly now: () => Date;
  private readonly cost: ScryptCost | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor({ file, now = () => new Date(), cost }: AccountStoreOptions) {
    this.file = file;
    this.now = now;
    this.cost = cost;
  }

  async list(): Promise<Account[]> {
    return (await this.read()).accounts;
  }

  async get(name: string): Promise<Account | null> {
    const key = accountNameSchema.safeParse(name);
    if (!key.success) return null;
    return (await this.read()).accounts.find((a) => a.name === key.data) ?? null;
  }

  async add(name: string, role: Role, password: string): Promise<Account> {
    const key = accountNameSchema.parse(name);
    const hash = await hashPassword(password, this.cost);
    return this.change((file) => {
      if (file.accounts.some((a) => a.name === key)) throw new AccountError("exists", key);
      const at = this.now().toISOString();
      const account: Account = { name: key, role, password: hash, createdAt: at, updatedAt: at };
      file.accounts.push(account);
      return account;
    });
  }

  async remove(name: string): Promise<void> {
    const key = accountNameSchema.parse(name);
    await this.change((file) => {
      const index = file.accounts.findIndex((a) => a.name === key);
      if (index < 0) throw new AccountError("unknown", key);
      file.accounts.splice(index, 1);
    });
  }

  /** A new password (also how a hash made with older cost parameters is replaced). */
  async reset(name: string, password: string): Promise<Account> {
    const key = accountNameSchema.parse(name);
    const hash = await hashPassword(password, this.cost);
    return this.setPassword(key, hash);
  }

  private setPassword(name: string, hash: PasswordHash): Promise<Account> {
    return this.change((file) => {
      const account = file.accounts.find((a) => a.name === name);
      if (!account) throw new AccountError("unknown", name);
      account.password = hash;
      account.updatedAt = this.now().toISOString();
      return account;
    });
  }

  private change<T>(edit: (file: AccountsFile) => T): Promise<T> {
    const run = this.queue.then(async () => {
      const file = await this.read();
      const value = edit(file);
      await mkdir(dirname(this.file), { recursive: true });
      await new JSONFile<AccountsFile>(this.file).write(accountsFileSchema.parse(file));
      return value;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async read(): Promise<AccountsFile> {
    let text: string;
    try {
      text = await readFile(this.file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return { schema: ACCOUNTS_FILE_VERSION, accounts: [] };
      throw error;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new AccountsFileError(this.file, [`not valid JSON: ${(error as Error).message}`]);
    }
    const parsed = accountsFileSchema.safeParse(raw);
    if (!parsed.success) throw new AccountsFileError(this.file, toInputIssues(parsed.error).map(issueLine));
    return parsed.data;
  }
}
